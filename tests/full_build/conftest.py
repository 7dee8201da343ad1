"""The full build tests' fixtures: moto (tests/support/rebuild.py)."""

from tests.support.rebuild import aws

__all__ = ["aws"]

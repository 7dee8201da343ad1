"""The rebuild tests' fixtures: a published fixture site in moto (tests/support/rebuild.py)."""

from tests.support.rebuild import aws, published

__all__ = ["aws", "published"]

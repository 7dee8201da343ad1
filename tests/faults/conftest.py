"""The fault tests' fixtures: the rebuild's published fixture site in moto (tests/support/rebuild.py)."""

from tests.support.rebuild import aws, published

__all__ = ["aws", "published"]

"""The rebuild's published fixture site (tests/rebuild/conftest.py), shared with the fault tests."""

from tests.rebuild.conftest import aws, published

__all__ = ["aws", "published"]

"""Helpers the tests import (conftest modules hold fixtures only)."""

"""The submission fault tests run the real API handler over moto, with the backend tests' fixtures."""

from tests.backend.conftest import api, aws, clock, content_dir, handler, settings_env

__all__ = ["api", "aws", "clock", "content_dir", "handler", "settings_env"]

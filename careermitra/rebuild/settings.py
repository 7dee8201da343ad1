"""The rebuild function's settings: one model read from the environment and checked at cold start."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field, model_validator

from careermitra.function_settings import FunctionSettings, FunctionSettingsError, settings_from_environment

RebuildSettingsError = FunctionSettingsError


class RebuildSettings(FunctionSettings):
    """Each field is read from the variable of its name in upper case (REVIEWS_TABLE, SITE_ROOT, …)."""

    reviews_table: str = Field(min_length=3)
    site_root: Path  # holds content/, theme/ and the Pelican settings files (packaged with the function)
    site_settings: str = "publishconf.py"
    site_bucket: str | None = None  # AWS: publish to this bucket ...
    state_bucket: str | None = None  # ... keep the site index in this private one (BuildStateBucket) ...
    distribution_id: str | None = None  # ... and invalidate this CloudFront distribution
    site_folder: Path | None = None  # the local stack: publish into the folder its server serves (state beside it)

    @model_validator(mode="after")
    def _one_target(self) -> RebuildSettings:
        if (self.site_bucket is None) == (self.site_folder is None):
            raise ValueError("set exactly one of SITE_BUCKET (AWS) or SITE_FOLDER (local stack)")
        if (self.site_bucket is None) != (self.state_bucket is None):
            raise ValueError("STATE_BUCKET (the private bucket of the build state) goes with SITE_BUCKET")
        if not (self.site_root / "content" / "institutions").is_dir():
            raise ValueError(f"SITE_ROOT {self.site_root} has no content/institutions folder")
        return self


def load_rebuild_settings(environ: Mapping[str, str] | None = None) -> RebuildSettings:
    """The settings from environment variables; a RebuildSettingsError names every missing or wrong one."""
    return settings_from_environment(RebuildSettings, "the rebuild", environ)

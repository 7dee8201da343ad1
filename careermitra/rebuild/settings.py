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
    site_root: Path  # holds theme/, content/data and the Pelican settings files (packaged with the function)
    site_settings: str = "publishconf.py"
    site_bucket: str | None = None  # AWS: publish to this bucket ...
    state_bucket: str | None = None  # ... keep the site index in this private one (BuildStateBucket) ...
    distribution_id: str | None = None  # ... and invalidate this CloudFront distribution
    site_folder: Path | None = None  # the local stack: publish into the folder its server serves (state beside it)
    # AWS: the editors' content is read from this prefix of STATE_BUCKET (`make publish` writes it), not from the
    # package, which could not hold a national directory's (careermitra/publish/content_store.py). Unset: the
    # content folder under SITE_ROOT (the local stack, `careermitra rebuild retry`).
    content_prefix: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]+/$")
    # Where the content read from the bucket is mirrored: Lambda's /tmp, kept across a warm container's batches.
    work_folder: Path = Path("/tmp")

    @model_validator(mode="after")
    def _one_target(self) -> RebuildSettings:
        if (self.site_bucket is None) == (self.site_folder is None):
            raise ValueError("set exactly one of SITE_BUCKET (AWS) or SITE_FOLDER (local stack)")
        if (self.site_bucket is None) != (self.state_bucket is None):
            raise ValueError("STATE_BUCKET (the private bucket of the build state) goes with SITE_BUCKET")
        if self.content_prefix is not None and self.state_bucket is None:
            raise ValueError("CONTENT_PREFIX (the content in the build-state bucket) goes with STATE_BUCKET")
        if self.content_prefix is None and not (self.site_root / "content" / "institutions").is_dir():
            raise ValueError(f"SITE_ROOT {self.site_root} has no content/institutions folder (set CONTENT_PREFIX "
                             "to read the content from the build-state bucket)")
        return self


def load_rebuild_settings(environ: Mapping[str, str] | None = None) -> RebuildSettings:
    """The settings from environment variables; a RebuildSettingsError names every missing or wrong one."""
    return settings_from_environment(RebuildSettings, "the rebuild", environ)

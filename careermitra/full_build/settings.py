"""The settings of the full build's three functions (plan, shard, finish): one model read from the environment
and checked at cold start."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field, model_validator

from careermitra.function_settings import FunctionSettings, settings_from_environment
from careermitra.site.builder.shards import SHARD_SIZE


class FullBuildSettings(FunctionSettings):
    """Each field is read from the variable of its name in upper case (SITE_BUCKET, STATE_BUCKET, …)."""

    site_root: Path  # holds theme/, content/data and the Pelican settings files (packaged with the functions)
    site_settings: str = "publishconf.py"
    site_bucket: str = Field(min_length=3)  # the shards and the finish step write the pages here
    state_bucket: str = Field(min_length=3)  # the private build state: manifest, shard results, the site index
    reviews_table: str = Field(min_length=3)  # approved reviews, read per institution by the shards
    distribution_id: str | None = None  # invalidated by the finish step
    # Institutions per shard; README "The full build at national size" says why 2,000.
    shard_size: int = Field(default=SHARD_SIZE, ge=1, le=20_000)
    # Where a function writes its pages before uploading them: Lambda's /tmp (EphemeralStorage in template.yaml).
    work_folder: Path = Path("/tmp")  # Lambda's only writable folder, private to the container
    # The editors' content: read from this prefix of STATE_BUCKET (`make publish` writes it; the plan lists the
    # institutions from its manifest, each shard reads its own slug range), or, unset, the content folder under
    # SITE_ROOT.
    content_prefix: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]+/$")

    @model_validator(mode="after")
    def _has_content(self) -> FullBuildSettings:
        if self.content_prefix is None and not (self.site_root / "content" / "institutions").is_dir():
            raise ValueError(f"SITE_ROOT {self.site_root} has no content/institutions folder (set CONTENT_PREFIX "
                             "to read the content from the build-state bucket)")
        return self


def load_full_build_settings(environ: Mapping[str, str] | None = None) -> FullBuildSettings:
    """The settings from environment variables; a FunctionSettingsError names every missing or wrong one."""
    return settings_from_environment(FullBuildSettings, "the full build", environ)

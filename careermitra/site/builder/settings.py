"""The builder's settings: `CAREERMITRA` (one dict in pelicanconf.py, each bad key reported clearly) and the
few theme settings the builder's templates read. The Pelican adapter fills them from Pelican's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careermitra.domain.errors import problems_of
from careermitra.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language


class SiteSettings(BaseModel):
    """What the Career Mitra plugin reads from `CAREERMITRA` in the Pelican settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    institutions_path: str = "institutions"
    reviews_path: str = "reviews"
    site_origin: str = Field(pattern=r"^https?://[^/]+$")
    reviews_per_page: int = Field(default=10, ge=1, le=100)
    listing_page_size: int = Field(default=20, ge=1, le=200)
    home_best_rated: int = Field(default=8, ge=1, le=50)
    listing_best_rated: int = Field(default=5, ge=1, le=20)
    home_latest_reviews: int = Field(default=6, ge=1, le=50)
    best_rated_min_reviews: int = Field(default=3, ge=1)
    feed_size: int = Field(default=50, ge=1, le=500)
    search_index: bool = True
    workers: int = Field(default=0, ge=0, le=64)  # processes rendering a full build; 0: one per CPU
    incremental: bool = True  # redo only what changed since the build whose index is in the output folder
    # The sitemap protocol's limit per file: past it sitemap.xml becomes an index of sitemaps/sitemap-N.xml.
    sitemap_max_urls: int = Field(default=50_000, ge=1, le=50_000)
    # Encoded WebP variants of institution images, kept between builds so only a changed source is re-encoded.
    image_cache: str = ".cache/images"
    # The languages every page is built in (issue 16): English at /, the others under /<code>/.
    languages: tuple[Language, ...] = LANGUAGES

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[Language, ...]) -> tuple[Language, ...]:
        if not value or value[0] is not DEFAULT_LANGUAGE or len(set(value)) != len(value):
            raise ValueError("list each language once, English first (it is the site's root)")
        return value

    @property
    def keep_latest(self) -> int:
        """How many of the newest reviews the pages show at most: the home page's and the feed's."""
        return max(self.home_latest_reviews, self.feed_size)

    @property
    def latest_capacity(self) -> int:
        """How many newest reviews the site index keeps: twice what pages show, so rebuilds rarely re-read all."""
        return 2 * self.keep_latest


class SettingsError(Exception):
    """A wrong key or value in `CAREERMITRA`."""


# The only settings outside CAREERMITRA that the builder's templates read; named here so nothing else leaks in.
TEMPLATE_SETTINGS = ("SITENAME", "SITE_TAGLINE", "POLICY_VERSION", "SESSION_SCRIPT")


@dataclass(frozen=True)
class BuildSettings:
    """Everything a build depends on besides the content: what the pages look like and how they are made."""

    site: SiteSettings
    theme: Path  # the theme folder; its templates/ render every page
    jinja_options: Mapping[str, Any] = field(default_factory=dict)
    template_settings: Mapping[str, Any] = field(default_factory=dict)  # the TEMPLATE_SETTINGS, by name
    page_folders: tuple[str, ...] = ()  # the editorial pages' folders (in the fingerprint: they are in the sitemap)


def site_settings(settings: Mapping[str, Any]) -> SiteSettings:
    """Validate `CAREERMITRA` from the settings, naming each bad key."""
    raw = settings.get("CAREERMITRA")
    if not isinstance(raw, dict):
        raise SettingsError("pelicanconf.py must define CAREERMITRA = {...} (at least 'site_origin')")
    try:
        return SiteSettings.model_validate(raw)
    except ValidationError as error:
        lines = [f"CAREERMITRA[{field!r}]: {reason}" for field, reason in problems_of(error)]
        raise SettingsError("\n".join(lines)) from None

"""The API's settings: one model read from the environment and checked at cold start."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careermitra.domain.errors import problems_of


class SettingsError(RuntimeError):
    """A missing or wrong environment variable; the message names each one and never quotes the environment."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", alias_generator=str.upper, populate_by_name=True)

    users_table: str = Field(min_length=3)
    reviews_table: str = Field(min_length=3)
    listings_table: str = Field(min_length=3)
    tickets_table: str = Field(min_length=3)
    rate_limits_table: str = Field(min_length=3)
    analytics_table: str = Field(min_length=3)
    site_origin: str
    sender_email: str = Field(min_length=3)
    grievance_email: str = Field(min_length=3)
    session_secret_id: str = Field(min_length=1)
    content_dir: Path
    policy_version: str = Field(min_length=1)
    min_fill_seconds: int = Field(default=3, ge=0, le=60)
    max_body_bytes: int = Field(default=32_768, ge=1024, le=1_048_576)
    mail_outbox_dir: Path | None = None

    @field_validator("site_origin")
    @classmethod
    def _origin(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"https", "http"} or not parts.netloc or parts.path not in {"", "/"}:
            raise ValueError("give the site's origin, e.g. https://careermitra.in (scheme and host, no path)")
        return f"{parts.scheme}://{parts.netloc}"

    @field_validator("content_dir")
    @classmethod
    def _folder(cls, value: Path) -> Path:
        if not value.is_dir():
            raise ValueError("the folder of institution files does not exist")
        return value


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from environment variables named like the fields in upper case (USERS_TABLE, SITE_ORIGIN, …)."""
    try:
        return Settings.model_validate(dict(os.environ if environ is None else environ))
    except ValidationError as error:
        problems = "; ".join(f"{field.upper()}: {why}" for field, why in problems_of(error))
        raise SettingsError(f"the API cannot start: {problems}") from None

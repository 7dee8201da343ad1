"""The API's settings: one model read from the environment and checked at cold start (careermitra.function_settings)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from careermitra.function_settings import FunctionSettings, FunctionSettingsError, settings_from_environment

SettingsError = FunctionSettingsError


class Settings(FunctionSettings):
    """Each field is read from the variable of its name in upper case (USERS_TABLE, SITE_ORIGIN, …)."""

    users_table: str = Field(min_length=3)
    reviews_table: str = Field(min_length=3)
    listings_table: str = Field(min_length=3)
    tickets_table: str = Field(min_length=3)
    rate_limits_table: str = Field(min_length=3)
    analytics_table: str = Field(min_length=3)
    reports_table: str = Field(min_length=3)
    site_origin: str
    sender_email: str = Field(min_length=3)
    grievance_email: str = Field(min_length=3)
    session_secret_id: str = Field(min_length=1)
    # The secret CloudFront sends in X-Origin-Verify: without it a request did not come through the site.
    origin_secret_id: str = Field(min_length=1)
    content_dir: Path
    policy_version: str = Field(min_length=1)
    min_fill_seconds: int = Field(default=3, ge=0, le=60)
    max_body_bytes: int = Field(default=32_768, ge=1024, le=1_048_576)
    # Locally (make dev) mail is written to this folder instead of being sent through SES; empty means SES.
    mail_outbox_dir: Path | None = None
    # SES sends through this configuration set, whose bounces and complaints feed the suppression list.
    ses_configuration_set: str = ""

    @field_validator("site_origin")
    @classmethod
    def _origin(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"https", "http"} or not parts.netloc or parts.path not in {"", "/"}:
            raise ValueError("give the site's origin, e.g. https://careermitra.in (scheme and host, no path)")
        return f"{parts.scheme}://{parts.netloc}"

    @field_validator("content_dir", mode="before")
    @classmethod
    def _folder(cls, value: object) -> object:
        if not isinstance(value, str | Path) or not str(value) or not Path(value).is_dir():
            raise ValueError("the folder of institution files does not exist")
        return value

    @field_validator("mail_outbox_dir", mode="before")
    @classmethod
    def _optional_folder(cls, value: object) -> object:
        return None if value == "" else value


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings from environment variables; a SettingsError names every missing or wrong one."""
    return settings_from_environment(Settings, "the API", environ)


@cache
def settings() -> Settings:
    """This container's settings, read once; a missing or wrong variable stops the cold start with its name."""
    return load_settings()

"""The API's settings: one dataclass read from the environment and checked at cold start.

Plain parsing rather than a pydantic model: pydantic costs about 80 ms to import and build a schema, and the
handler's import has to stay near `import boto3` (issue 7); the routes load pydantic on their first request.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

MISSING_VARIABLE = "this required field is missing"


class SettingsError(RuntimeError):
    """A missing or wrong environment variable; the message names each one and never quotes the environment."""


def _parsed_by(parse: Callable[[str], Any]) -> dict[str, Callable[[str], Any]]:
    return {"parse": parse}


def _text(min_length: int) -> dict[str, Callable[[str], Any]]:
    """A string of at least `min_length` characters."""

    def parse(value: str) -> str:
        if len(value) < min_length:
            raise ValueError(f"give at least {min_length} character{'s' if min_length > 1 else ''}")
        return value

    return _parsed_by(parse)


def _whole_number(low: int, high: int) -> dict[str, Callable[[str], Any]]:
    """An integer from `low` to `high`, both included."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"give a whole number from {low} to {high}") from None
        if not low <= number <= high:
            raise ValueError(f"give a whole number from {low} to {high}")
        return number

    return _parsed_by(parse)


def _origin(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"https", "http"} or not parts.netloc or parts.path not in {"", "/"}:
        raise ValueError("give the site's origin, e.g. https://careermitra.in (scheme and host, no path)")
    return f"{parts.scheme}://{parts.netloc}"


def _folder(value: str) -> Path:
    if not value or not Path(value).is_dir():
        raise ValueError("the folder of institution files does not exist")
    return Path(value)


def _optional_path(value: str) -> Path | None:
    return Path(value) if value else None


@dataclass(frozen=True)
class Settings:
    """Each field is read from the variable of its name in upper case (USERS_TABLE, SITE_ORIGIN, …)."""

    users_table: str = field(metadata=_text(3))
    reviews_table: str = field(metadata=_text(3))
    listings_table: str = field(metadata=_text(3))
    tickets_table: str = field(metadata=_text(3))
    rate_limits_table: str = field(metadata=_text(3))
    analytics_table: str = field(metadata=_text(3))
    site_origin: str = field(metadata=_parsed_by(_origin))
    sender_email: str = field(metadata=_text(3))
    grievance_email: str = field(metadata=_text(3))
    session_secret_id: str = field(metadata=_text(1))
    # The secret CloudFront sends in X-Origin-Verify: without it a request did not come through the site.
    origin_secret_id: str = field(metadata=_text(1))
    content_dir: Path = field(metadata=_parsed_by(_folder))
    policy_version: str = field(metadata=_text(1))
    min_fill_seconds: int = field(default=3, metadata=_whole_number(0, 60))
    max_body_bytes: int = field(default=32_768, metadata=_whole_number(1024, 1_048_576))
    # Locally (make dev) mail is written to this folder instead of being sent through SES; empty means SES.
    mail_outbox_dir: Path | None = field(default=None, metadata=_parsed_by(_optional_path))
    # SES sends through this configuration set, whose bounces and complaints feed the suppression list.
    ses_configuration_set: str = field(default="", metadata=_parsed_by(str))


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings from environment variables; a SettingsError names every missing or wrong one."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    problems: list[str] = []
    for setting in fields(Settings):
        variable = setting.name.upper()
        if variable not in environ:
            if setting.default is MISSING:
                problems.append(f"{variable}: {MISSING_VARIABLE}")
            continue
        try:
            values[setting.name] = setting.metadata["parse"](environ[variable])
        except ValueError as why:
            problems.append(f"{variable}: {why}")
    if problems:
        raise SettingsError(f"the API cannot start: {'; '.join(problems)}")
    return Settings(**values)


@cache
def settings() -> Settings:
    """This container's settings, read once; a missing or wrong variable stops the cold start with its name."""
    return load_settings()

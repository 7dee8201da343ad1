"""Rules against automated and abusive submissions: honeypot, minimum fill time and rate limits."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from careermitra.domain.problems import InvalidInput
from careermitra.domain.signing import sign, unsign
from careermitra.i18n import N_

HONEYPOT_FIELD = "fax_number"
FORM_TOKEN_FIELD = "form_token"
FORM_TOKEN_PURPOSE = "form-token"
FORM_TOKEN_MAX_AGE = dt.timedelta(days=1)


def tripped_honeypot(data: dict[str, Any]) -> bool:
    """A person never sees the honeypot field, so any value in it means a bot filled the form."""
    value = data.get(HONEYPOT_FIELD)
    return bool(value.strip()) if isinstance(value, str) else value is not None


def issue_form_token(key: bytes, form: str, now: dt.datetime, renewing: str | None = None) -> str:
    """A signed, unique note of when a form was opened; the page's script puts it in the form's hidden field.

    Each token is good for one submission (the guard claims it). `renewing`, a valid earlier token of the same
    form, keeps its opening time: the script asks for a fresh token after every send, and a person who fixes a
    field and sends again has still taken as long as they took.
    """
    opened = int(now.timestamp())
    earlier = _token_parts(key, form, renewing) if renewing else None
    if earlier is not None and dt.timedelta(0) <= now - earlier[0] <= FORM_TOKEN_MAX_AGE:
        opened = int(earlier[0].timestamp())
    return sign(key, FORM_TOKEN_PURPOSE, f"{form}:{opened}:{secrets.token_urlsafe(9)}")


def _token_parts(key: bytes, form: str, token: str) -> tuple[dt.datetime, str] | None:
    """(opened at, nonce) of a genuine token of this form, or None."""
    value = unsign(key, FORM_TOKEN_PURPOSE, token)
    token_form, issued, nonce = [*(value or "").split(":"), "", ""][:3]
    if value is None or token_form != form or not issued.isdigit() or not nonce:
        return None
    return dt.datetime.fromtimestamp(int(issued), dt.UTC), nonce


def form_token_expiry(key: bytes, form: str, token: str) -> dt.datetime | None:
    """When a genuine token of this form stops being accepted (how long its single use must be remembered)."""
    parts = _token_parts(key, form, token)
    return parts[0] + FORM_TOKEN_MAX_AGE if parts else None


def check_fill_time(key: bytes, form: str, token: str, now: dt.datetime, minimum: dt.timedelta) -> None:
    """Refuse a form filled faster than a person can, or one whose token is forged, foreign or stale."""
    parts = _token_parts(key, form, token)
    age = now - parts[0] if parts else None
    if age is None or age > FORM_TOKEN_MAX_AGE or age < dt.timedelta(0):
        raise InvalidInput(N_("Reload the page and send the form again."),
                           {FORM_TOKEN_FIELD: N_("this form has expired; reload the page and send it again")})
    if age < minimum:
        raise InvalidInput(N_(
            "That was quicker than a person can fill the form; wait a few seconds and send it again."),
                           {FORM_TOKEN_FIELD: N_("sent too quickly; wait a few seconds and send it again")})


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` actions per `window`, counted for one user, one email or one (hashed) IP address."""

    action: str
    per: str
    limit: int
    window: dt.timedelta

    def bucket(self, subject: str, now: dt.datetime) -> tuple[str, dt.datetime]:
        """The counter key for this subject in the current fixed window, and when the window ends."""
        seconds = int(self.window.total_seconds())
        start = int(now.timestamp()) // seconds * seconds
        return f"{self.action}#{self.per}#{subject}#{start}", dt.datetime.fromtimestamp(start + seconds, dt.UTC)


HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
# A form sent without a fill-time token (no JavaScript) has only the honeypot in front of it: a tighter limit.
WITHOUT_FORM_TOKEN = RateLimit("no-form-token", "ip", 10, HOUR)

"""Rules against automated and abusive submissions: honeypot, minimum fill time and rate limits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from careermitra.domain.problems import InvalidInput
from careermitra.domain.signing import sign, unsign

HONEYPOT_FIELD = "fax_number"
FORM_TOKEN_FIELD = "form_token"
FORM_TOKEN_PURPOSE = "form-token"
FORM_TOKEN_MAX_AGE = dt.timedelta(days=1)


def tripped_honeypot(data: dict[str, Any]) -> bool:
    """A person never sees the honeypot field, so any value in it means a bot filled the form."""
    value = data.get(HONEYPOT_FIELD)
    return bool(value.strip()) if isinstance(value, str) else value is not None


def issue_form_token(key: bytes, form: str, now: dt.datetime) -> str:
    """A signed note of when a form was opened; the page's script puts it in the form's hidden field."""
    return sign(key, FORM_TOKEN_PURPOSE, f"{form}:{int(now.timestamp())}")


def check_fill_time(key: bytes, form: str, token: str, now: dt.datetime, minimum: dt.timedelta) -> None:
    """Refuse a form filled faster than a person can, or one whose token is forged, foreign or stale."""
    value = unsign(key, FORM_TOKEN_PURPOSE, token)
    token_form, _, issued = (value or "").partition(":")
    if value is None or token_form != form or not issued.isdigit():
        raise InvalidInput("Reload the page and send the form again.",
                           {FORM_TOKEN_FIELD: "this form has expired; reload the page and send it again"})
    age = now - dt.datetime.fromtimestamp(int(issued), dt.UTC)
    if age > FORM_TOKEN_MAX_AGE or age < dt.timedelta(0):
        raise InvalidInput("Reload the page and send the form again.",
                           {FORM_TOKEN_FIELD: "this form has expired; reload the page and send it again"})
    if age < minimum:
        raise InvalidInput("That was quicker than a person can fill the form; wait a few seconds and send it again.",
                           {FORM_TOKEN_FIELD: "sent too quickly; wait a few seconds and send it again"})


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

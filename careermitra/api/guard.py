"""The abuse rules every form passes before its workflow runs: honeypot, fill time and rate limits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.form_specs import FormSpec
from careermitra.api.observability import count
from careermitra.api.requests import client_ip
from careermitra.api.services import Services
from careermitra.domain.abuse import (
    FORM_TOKEN_FIELD,
    WITHOUT_FORM_TOKEN,
    RateLimit,
    check_fill_time,
    tripped_honeypot,
)
from careermitra.domain.problems import RateLimited
from careermitra.domain.signing import email_digest, hashed_ip


def screen(form: FormSpec, guard: dict[str, Any], event: APIGatewayProxyEvent, services: Services) -> bool:
    """Check the honeypot and fill-time fields the body carried; False means a bot, to be answered as if it worked."""
    bot = tripped_honeypot(guard)
    token = guard.get(FORM_TOKEN_FIELD)
    now = services.clock()
    subject = hashed_ip(services.key, client_ip(event))
    enforce_limits(form.limits_per("ip"), subject, services)
    if bot:
        count("HoneypotTripped")
        return False
    if isinstance(token, str) and token:
        minimum = services.settings.min_fill_seconds
        check_fill_time(services.key, form.name, token, now, minimum=dt.timedelta(seconds=minimum))
    else:
        enforce(WITHOUT_FORM_TOKEN, subject, services)
    return True


def enforce_limits(rules: tuple[RateLimit, ...], subject: str, services: Services) -> None:
    """Count one action for `subject` against each of `rules` (a form's limits of one kind of subject)."""
    for rule in rules:
        enforce(rule, subject, services)


def enforce_per_email(form: FormSpec, email: str, services: Services) -> None:
    """The form's limits per address, counted against a keyed digest of it (never the address itself)."""
    enforce_limits(form.limits_per("email"), email_digest(email), services)


def enforce(rule: RateLimit, subject: str, services: Services) -> None:
    """Count one action; past the limit, refuse with 429 and the seconds until the window ends."""
    now = services.clock()
    hits, window_end = services.rate_limits.count(rule, subject, now)
    if hits > rule.limit:
        count("RateLimited")
        raise RateLimited("Too many submissions; please wait before sending again.",
                          retry_after=int((window_end - now).total_seconds()) + 1)

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
    form_token_expiry,
    tripped_honeypot,
)
from careermitra.domain.problems import Duplicate, RateLimited
from careermitra.domain.signing import email_digest, hashed_ip, token_digest
from careermitra.domain.user import canonical_mailbox
from careermitra.i18n import N_


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
        claim_form_token(form, token, services)
    else:
        enforce(WITHOUT_FORM_TOKEN, subject, services)
    return True


def claim_form_token(form: FormSpec, token: str, services: Services) -> None:
    """A fill-time token carries one submission: a second use of it is refused (409), however fast it comes."""
    until = form_token_expiry(services.key, form.name, token)
    if until is None or not services.rate_limits.claim_once(f"form-token#{token_digest(token)}", until):
        count("FormTokenReused")
        raise Duplicate(N_("This form was sent already with this token; reload the page to send it again."),
                        {FORM_TOKEN_FIELD: N_("already used; reload the page and send the form again")})


def enforce_limits(rules: tuple[RateLimit, ...], subject: str, services: Services) -> None:
    """Count one action for `subject` against each of `rules` (a form's limits of one kind of subject)."""
    for rule in rules:
        enforce(rule, subject, services)


def enforce_per_email(form: FormSpec, email: str, services: Services) -> None:
    """The form's limits per mailbox (every "+tag" and Gmail dot spelling is one), counted against a digest of it."""
    enforce_limits(form.limits_per("email"), email_digest(canonical_mailbox(email)), services)


def enforce(rule: RateLimit, subject: str, services: Services) -> None:
    """Count one action; past the limit, refuse with 429 and the seconds until the window ends."""
    now = services.clock()
    hits, window_end = services.rate_limits.count(rule, subject, now)
    if hits > rule.limit:
        count("RateLimited")
        raise RateLimited(N_("Too many submissions; please wait before sending again."),
                          retry_after=int((window_end - now).total_seconds()) + 1)


class DailyQuota:
    """A form's per-user limits as a workflow's quota: checked before a new record is stored, used after."""

    def __init__(self, rules: tuple[RateLimit, ...], subject: str, services: Services) -> None:
        self._rules, self._subject, self._services = rules, subject, services

    def check(self) -> None:
        now = self._services.clock()
        for rule in self._rules:
            hits, window_end = self._services.rate_limits.current(rule, self._subject, now)
            if hits >= rule.limit:
                count("RateLimited")
                raise RateLimited(N_("Too many submissions; please wait before sending again."),
                                  retry_after=int((window_end - now).total_seconds()) + 1)

    def use(self) -> None:
        now = self._services.clock()
        for rule in self._rules:
            self._services.rate_limits.count(rule, self._subject, now)

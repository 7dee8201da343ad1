"""A signed-in user's submission queued for the editors: the one sequence the review and listing routes share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from careermitra.api.answers import accepted
from careermitra.api.form_specs import FormSpec
from careermitra.api.guard import DailyQuota, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import Services, services
from careermitra.api.signed_in import sender
from careermitra.api.validation import guard_fields
from careermitra.domain.signing import new_secret_token
from careermitra.domain.submission import Status
from careermitra.domain.user import User


class Queued(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def status(self) -> Status: ...


# The workflow call: (the sender, their daily quota, the services) -> (the stored record, whether it is new).
Submit = Callable[[User, DailyQuota, Services], tuple[Queued, bool]]


def queue_submission(form: FormSpec, router: Router, submit: Submit, new_metric: str,
                     again_metric: str) -> Response[Any]:
    """Screen the request (a bot gets a decoy id), submit under the user's quota, count it and answer 202 or 303.

    The quota is used only by an accepted, new submission; an identical retry finds the record it stored before."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    user = sender(router)
    if not screen(form, guard_fields(router), event, svc):
        return accepted(form, {"id": new_secret_token()[:24], "status": "pending"}, redirect)
    record, created = submit(user, DailyQuota(form.limits_per("user"), user.id, svc), svc)
    count(new_metric if created else again_metric)
    return accepted(form, {"id": record.id, "status": record.status.value}, redirect)

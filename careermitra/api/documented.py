"""What each route answers, for the OpenAPI document: the success body's model and every refusal it can give.

The routes pass `answers(...)` as Powertools' `responses=`, so the document names each status a route can
answer with the shape of its body; tests/backend/test_openapi_properties.py sends generated requests to every
route and checks each answer against this.
"""

from __future__ import annotations

from typing import Any, Literal

from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse
from pydantic import BaseModel, ConfigDict

from careermitra.api.form_specs import FormSpec
from careermitra.domain.author_reviews import AuthorReview
from careermitra.domain.privacy import RequestKind
from careermitra.domain.submission import Status

JSON = "application/json"


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorDetail(_Answer):
    code: Literal["bad_request", "not_signed_in", "forbidden", "policy_not_accepted", "not_found", "duplicate",
                  "too_large", "unsupported_media_type", "invalid", "rate_limited", "internal"]
    message: str
    fields: dict[str, str]  # the field (or cookie, or parameter) at fault -> why, in plain words


class ErrorAnswer(_Answer):
    """Every refusal of every route (DESIGN.md's error shape)."""

    error: ErrorDetail


class QueuedAnswer(_Answer):
    id: str
    status: Status


class VerificationSent(_Answer):
    status: Literal["verification_sent"]


class LinkSent(_Answer):
    status: Literal["link_sent"]


class YourReviews(_Answer):
    reviews: list[AuthorReview]


class ReportReceived(_Answer):
    status: Literal["received"]


class ReplyQueued(_Answer):
    status: Literal["pending"]


class AccountView(_Answer):
    """'Your account' as its owner sees it (never cached)."""

    name: str
    email: str
    phone: str
    city: str
    adult_confirmed: bool
    nominee: dict[str, str] | None
    history: list[dict[str, Any]]


class DetailsSaved(_Answer):
    status: Literal["saved"]
    changed: list[str]


class NomineeSaved(_Answer):
    status: Literal["saved"]


class NomineeWithdrawn(_Answer):
    status: Literal["withdrawn"]


class AccountErased(_Answer):
    status: Literal["erased"]


class SessionAnswer(_Answer):
    authenticated: bool
    display_name: str | None


class SignedOut(_Answer):
    authenticated: Literal[False]


class FormTokenAnswer(_Answer):
    field: str
    token: str
    min_seconds: int


class AnalyticsChoice(_Answer):
    analytics: bool


class TicketOpened(_Answer):
    ticket: str


class PolicyAccepted(_Answer):
    status: Literal["accepted"]
    policy_version: str


class ConfirmationSent(_Answer):
    status: Literal["confirmation_sent"]


class RequestDone(_Answer):
    status: Literal["done"]
    kind: RequestKind


REFUSALS: dict[int, str] = {
    400: "The body could not be read (not UTF-8, not JSON, nested too deep, too many fields)",
    401: "Not signed in",
    403: "Not through the site (CloudFront or the Origin), or the privacy policy must be accepted first",
    404: "No such link or record, or it was used already",
    409: "Decided or sent already",
    413: "The body is too large",
    415: "The body is neither JSON nor a form",
    422: "A field is missing or wrong; `fields` names each one and why",
    429: "Too many requests; Retry-After says when to try again",
}
# Every route: a request that did not come through CloudFront is refused.
ANY_ROUTE = (403,)
# Every route that reads a body.
BODY_ROUTE = (400, 403, 413, 415, 422)


def answers(ok: int, model: type[BaseModel] | None, *refusals: int, see_other: str | None = None
            ) -> dict[int, OpenAPIResponse]:
    """The document's answers of one route: `ok` with `model` (None: no body), each refusal with the error
    shape, and a 303 (`see_other` says where to) for a form posted without script or a link followed."""
    documented: dict[int, OpenAPIResponse] = {
        ok: {"description": "Done", **({"content": {JSON: {"model": model}}} if model else {})}}
    if see_other:
        documented[303] = {"description": see_other,
                           "headers": {"Location": {"description": "the page of the site to go to",
                                                    "schema": {"type": "string"}}}}
    for status in sorted({*ANY_ROUTE, *refusals}):
        documented[status] = {"description": REFUSALS[status], "content": {JSON: {"model": ErrorAnswer}}}
    return documented


def form_answers(form: FormSpec, ok: int, model: type[BaseModel], *more: int) -> dict[int, OpenAPIResponse]:
    """A form's answers, from its spec: who may send it and whether it is rate limited decide the refusals."""
    signed_in = (401, 403) if form.sender != "anyone" else ()
    limited = (429,) if form.limits else ()
    return answers(ok, model, *BODY_ROUTE, *signed_in, *limited, *more,
                   see_other=f"A form posted without script: {form.done_page}, or the page of its error")

"""An institution's reply to a published review, by a representative who confirmed an address at its domain."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import accepted
from careermitra.api.documented import ReplyQueued, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.signed_in import sender
from careermitra.api.validation import guard_fields
from careermitra.domain.trust import ReplySubmission

router = Router()
REPLY = FORMS["reply"]


@router.post(REPLY.path, summary="Reply to a review for its institution (signed-in representative)",
             responses=form_answers(REPLY, 202, ReplyQueued, 404, 409))
def reply_to_review(submission: Annotated[ReplySubmission, Body()]) -> Response[Any]:
    """Queue the institution's one reply to a review for moderation."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    user = sender(router)
    if not screen(REPLY, guard_fields(router), event, svc):
        return accepted(REPLY, {"status": "pending"}, redirect)
    svc.trust.reply(submission, user, svc.clock())
    count("ReplySubmitted")
    return accepted(REPLY, {"status": "pending"}, redirect)

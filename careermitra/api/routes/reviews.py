"""Writing a review."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import accepted
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import DailyQuota, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.signed_in import sender
from careermitra.api.validation import guard_fields
from careermitra.domain.review_submission import ReviewSubmission
from careermitra.domain.signing import new_secret_token
from careermitra.workflows.reviews import submit_review

router = Router()
REVIEW = FORMS["review"]


@router.post(REVIEW.path, summary="Write a review (signed in)")
def create_review(submission: Annotated[ReviewSubmission, Body()]) -> Response[Any]:
    """Queue the signed-in author's review for moderation."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    author = sender(router)
    if not screen(REVIEW, guard_fields(router), event, svc):
        return accepted(REVIEW, {"id": new_secret_token()[:24], "status": "pending"}, redirect)
    quota = DailyQuota(REVIEW.limits_per("user"), author.id, svc)  # used only by an accepted, new review
    tie = svc.confirmations.tie(author.id, submission.institution)  # a confirmed address there (issue 14)
    record, created = submit_review(submission, author, svc.reviews, svc.catalogue, svc.clock(), quota, tie)
    count("ReviewSubmitted" if created else "ReviewResubmitted")
    if record.flags:
        count("ReviewFlagged")
    return accepted(REVIEW, {"id": record.id, "status": record.status.value}, redirect)

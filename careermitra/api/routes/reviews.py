"""Writing a review."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.documented import QueuedAnswer, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import DailyQuota
from careermitra.api.observability import count
from careermitra.api.queued import queue_submission
from careermitra.api.services import Services
from careermitra.domain.review_submission import ReviewRecord, ReviewSubmission
from careermitra.domain.user import User
from careermitra.workflows.reviews import submit_review

router = Router()
REVIEW = FORMS["review"]


@router.post(REVIEW.path, summary="Write a review (signed in)", responses=form_answers(REVIEW, 202, QueuedAnswer, 409))
def create_review(submission: Annotated[ReviewSubmission, Body()]) -> Response[Any]:
    """Queue the signed-in author's review for moderation."""

    def submit(author: User, quota: DailyQuota, svc: Services) -> tuple[ReviewRecord, bool]:
        record, created = submit_review(submission, author, svc.reviews, svc.catalogue, svc.clock(), quota)
        if record.flags:
            count("ReviewFlagged")
        return record, created

    return queue_submission(REVIEW, router, submit, "ReviewSubmitted", "ReviewResubmitted")

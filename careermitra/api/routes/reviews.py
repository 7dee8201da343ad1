"""Writing a review, the author's own list of reviews, and withdrawing one."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import json_answer, see_other
from careermitra.api.documented import QueuedAnswer, YourReviews, answers, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import DailyQuota
from careermitra.api.observability import count
from careermitra.api.queued import queue_submission
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import Services, services
from careermitra.api.signed_in import signed_in_user
from careermitra.domain.author_reviews import AuthorReview, author_review, authors_reviews
from careermitra.domain.problems import NotFound
from careermitra.domain.review import REVIEW_ID_PATTERN
from careermitra.domain.review_submission import ReviewRecord, ReviewSubmission
from careermitra.domain.user import User
from careermitra.i18n import N_
from careermitra.workflows.reviews import submit_review, withdraw_review

router = Router()
REVIEW = FORMS["review"]
YOUR_REVIEWS_PAGE = "/account/reviews/"


@router.post(REVIEW.path, summary="Write a review (signed in)", responses=form_answers(REVIEW, 202, QueuedAnswer, 409))
def create_review(submission: Annotated[ReviewSubmission, Body()]) -> Response[Any]:
    """Queue the signed-in author's review for moderation."""

    def submit(author: User, quota: DailyQuota, svc: Services) -> tuple[ReviewRecord, bool]:
        tie = svc.confirmations.tie(author.id, submission.institution)  # a confirmed address there (issue 14)
        record, created = submit_review(submission, author, svc.reviews, svc.catalogue, svc.clock(), quota, tie)
        if record.flags:
            count("ReviewFlagged")
        return record, created

    return queue_submission(REVIEW, router, submit, "ReviewSubmitted", "ReviewResubmitted")


@router.get("/api/account/reviews", summary="The signed-in author's reviews, each with its status and dates",
            responses=answers(200, YourReviews, 401))
def account_reviews() -> Response[Any]:
    """Pending, approved, published (with its link), rejected (with the reason) and withdrawn, newest first."""
    svc = services()
    author = signed_in_user(request_of(router), svc)
    listed = authors_reviews(svc.reviews.by_user(author.id))
    count("AccountReviewsListed")
    return json_answer(200, {"reviews": [review.model_dump(mode="json") for review in listed]})


@router.post("/api/reviews/<review_id>/withdraw", summary="Withdraw one of one's own reviews (signed in)",
             responses=answers(200, AuthorReview, 401, 404, 409, see_other=YOUR_REVIEWS_PAGE))
def withdraw(review_id: str) -> Response[Any]:
    """The author takes the review back; a published one leaves its page with the next rebuild."""
    svc = services()
    event = request_of(router)
    author = signed_in_user(event, svc)
    if not REVIEW_ID_PATTERN.match(review_id):
        raise NotFound(N_("You have no review with this id; open Your reviews to see the ones you wrote."))
    record = withdraw_review(review_id, author, svc.reviews, svc.clock())
    count("ReviewWithdrawn")
    if answers_with_redirect(event):
        return see_other(YOUR_REVIEWS_PAGE)
    return json_answer(200, author_review(record).model_dump(mode="json"))

"""Writing a review."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import Router

from careermitra.api.answers import accepted
from careermitra.api.guard import enforce, screen
from careermitra.api.observability import count
from careermitra.api.requests import read_body
from careermitra.api.services import services
from careermitra.api.signed_in import consenting_user
from careermitra.api.validation import validated
from careermitra.domain.abuse import RATE_LIMITS
from careermitra.domain.review_submission import ReviewSubmission
from careermitra.domain.signing import new_secret_token
from careermitra.workflows.reviews import submit_review

router = Router()


@router.post("/api/reviews")
def create_review():
    svc = services()
    body = read_body(router.current_event, svc.settings.max_body_bytes)
    author = consenting_user(router.current_event, svc)
    if not screen("review", body.fields, router.current_event, svc):
        return accepted("review", {"id": new_secret_token()[:24], "status": "pending"}, body.redirect)
    submission = validated(ReviewSubmission, body)
    for rule in RATE_LIMITS["review"]:
        if rule.per == "user":
            enforce(rule, author.id, svc)
    record, created = submit_review(submission, author, svc.reviews, svc.catalogue, svc.clock())
    count("ReviewSubmitted" if created else "ReviewResubmitted")
    if record.flags:
        count("ReviewFlagged")
    return accepted("review", {"id": record.id, "status": record.status.value}, body.redirect)

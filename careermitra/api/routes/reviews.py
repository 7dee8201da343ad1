"""Writing a review."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.answers import accepted
from careermitra.api.guard import enforce_limits, screen
from careermitra.api.observability import count
from careermitra.api.requests import read_body
from careermitra.api.services import services
from careermitra.api.signed_in import consenting_user
from careermitra.api.validation import validated
from careermitra.domain.review_submission import ReviewSubmission
from careermitra.domain.signing import new_secret_token
from careermitra.workflows.reviews import submit_review


def create_review(event: APIGatewayProxyEvent) -> Response:
    svc = services()
    body = read_body(event, svc.settings.max_body_bytes)
    author = consenting_user(event, svc)
    if not screen("review", body.fields, event, svc):
        return accepted("review", {"id": new_secret_token()[:24], "status": "pending"}, body.redirect)
    submission = validated(ReviewSubmission, body)
    enforce_limits("review", "user", author.id, svc)
    record, created = submit_review(submission, author, svc.reviews, svc.catalogue, svc.clock())
    count("ReviewSubmitted" if created else "ReviewResubmitted")
    if record.flags:
        count("ReviewFlagged")
    return accepted("review", {"id": record.id, "status": record.status.value}, body.redirect)

"""Reporting a published review: no account needed, limited per IP address; a moderator decides."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import accepted
from careermitra.api.documented import ReportReceived, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.validation import guard_fields
from careermitra.domain.trust import ReportSubmission

router = Router()
REPORT = FORMS["report"]


@router.post(REPORT.path, summary="Report a published review",
             responses=form_answers(REPORT, 202, ReportReceived, 404))
def report_review(submission: Annotated[ReportSubmission, Body()]) -> Response[Any]:
    """Queue a report; the review stays on the site until a moderator keeps or removes it."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    if not screen(REPORT, guard_fields(router), event, svc):
        return accepted(REPORT, {"status": "received"}, redirect)
    svc.trust.report(submission, svc.clock())
    count("ReviewReported")
    return accepted(REPORT, {"status": "received"}, redirect)

"""Proposing an institution for the directory."""

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
from careermitra.domain.signing import new_secret_token
from careermitra.workflows.listings import propose_listing

router = Router()
LISTING = FORMS["listing"]


# The facts of careermitra.domain.institution.Institution without its slug, which comes from the name: the
# workflow checks them against the editors' schema (proposed_institution), so the body is an object here.
@router.post(LISTING.path, summary="Propose an institution for the directory (signed in)")
def create_listing(proposal: Annotated[dict[str, Any], Body(description="an Institution without its slug")]
                   ) -> Response[Any]:
    """Queue the proposal for the editors."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    proposer = sender(router)
    if not screen(LISTING, guard_fields(router), event, svc):
        return accepted(LISTING, {"id": new_secret_token()[:24], "status": "pending"}, redirect)
    quota = DailyQuota(LISTING.limits_per("user"), proposer.id, svc)  # used only by an accepted, new request
    record, created = propose_listing(proposal, proposer, svc.listings, svc.catalogue, svc.clock(), quota)
    count("ListingProposed" if created else "ListingResubmitted")
    return accepted(LISTING, {"id": record.id, "status": record.status.value}, redirect)

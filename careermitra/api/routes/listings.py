"""Proposing an institution for the directory."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.form_specs import FORMS
from careermitra.api.guard import DailyQuota
from careermitra.api.queued import queue_submission
from careermitra.api.services import Services
from careermitra.domain.listing import ListingRecord, proposed_institution
from careermitra.domain.user import User
from careermitra.workflows.listings import propose_listing

router = Router()
LISTING = FORMS["listing"]


# The facts of careermitra.domain.institution.Institution without its slug, which comes from the name: the
# workflow checks them against the editors' schema (proposed_institution), so the body is an object here.
@router.post(LISTING.path, summary="Propose an institution for the directory (signed in)")
def create_listing(proposal: Annotated[dict[str, Any], Body(description="an Institution without its slug")]
                   ) -> Response[Any]:
    """Queue the proposal for the editors."""
    proposed_institution(proposal)  # an invalid body is refused (422) before the honeypot and the rate limits count it

    def submit(proposer: User, quota: DailyQuota, svc: Services) -> tuple[ListingRecord, bool]:
        return propose_listing(proposal, proposer, svc.listings, svc.catalogue, svc.clock(), quota)

    return queue_submission(LISTING, router, submit, "ListingProposed", "ListingResubmitted")

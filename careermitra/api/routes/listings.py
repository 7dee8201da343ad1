"""Proposing an institution for the directory."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.documented import QueuedAnswer, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import DailyQuota
from careermitra.api.queued import queue_submission
from careermitra.api.services import Services
from careermitra.domain.listing import InstitutionProposal, ListingRecord
from careermitra.domain.user import User
from careermitra.workflows.listings import propose_listing

router = Router()
LISTING = FORMS["listing"]


@router.post(LISTING.path, summary="Propose an institution for the directory (signed in)",
             responses=form_answers(LISTING, 202, QueuedAnswer, 409))
def create_listing(proposal: Annotated[InstitutionProposal, Body()]) -> Response[Any]:
    """Queue the proposal for the editors (checked by the editors' rules before the honeypot and limits count it)."""

    def submit(proposer: User, quota: DailyQuota, svc: Services) -> tuple[ListingRecord, bool]:
        return propose_listing(proposal, proposer, svc.listings, svc.catalogue, svc.clock(), quota)

    return queue_submission(LISTING, router, submit, "ListingProposed", "ListingResubmitted")

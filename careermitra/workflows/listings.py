"""A listing request from the form to the editors' queue."""

from __future__ import annotations

import datetime as dt

from careermitra.domain.listing import InstitutionProposal, ListingRecord, proposed_institution
from careermitra.domain.problems import Duplicate
from careermitra.domain.submission import Status, fingerprint, record_id
from careermitra.domain.user import User
from careermitra.store.institutions import Catalogue
from careermitra.store.listings import ListingStore
from careermitra.workflows.once import Quota, add_once


def propose_listing(proposal: InstitutionProposal, proposer: User, listings: ListingStore,
                    catalogue: Catalogue, now: dt.datetime, quota: Quota | None = None) -> tuple[ListingRecord, bool]:
    """Queue a proposed institution as pending; returns (record, newly stored)."""
    institution = proposed_institution(proposal)
    if catalogue.exists(institution.slug):
        raise Duplicate("This institution is already on the site.",
                        {"name": "an institution with this name is already listed"})
    record = ListingRecord(
        id=record_id("listing", proposer.id, institution.slug), user_id=proposer.id, slug=institution.slug,
        institution_json=institution.model_dump_json(), status=Status.PENDING,
        fingerprint=fingerprint(proposer.id, institution), created_at=now)
    duplicate = Duplicate("You have already proposed this institution; an editor will look at it.",
                          {"name": "you have already proposed an institution with this name"})
    return add_once(listings, record, duplicate, quota)

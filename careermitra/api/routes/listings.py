"""Proposing an institution for the directory."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.answers import accepted
from careermitra.api.forms import form_values
from careermitra.api.guard import enforce_limits, screen
from careermitra.api.observability import count
from careermitra.api.requests import read_body
from careermitra.api.services import services
from careermitra.api.signed_in import consenting_user
from careermitra.domain.institution import Institution
from careermitra.domain.signing import new_secret_token
from careermitra.workflows.listings import propose_listing


def create_listing(event: APIGatewayProxyEvent) -> Response:
    svc = services()
    body = read_body(event, svc.settings.max_body_bytes)
    proposer = consenting_user(event, svc)
    if not screen("listing", body.fields, event, svc):
        return accepted("listing", {"id": new_secret_token()[:24], "status": "pending"}, body.redirect)
    enforce_limits("listing", "user", proposer.id, svc)
    fields = form_values(Institution, body.fields) if body.form_encoded else body.fields
    record, created = propose_listing(fields, proposer, svc.listings, svc.catalogue, svc.clock())
    count("ListingProposed" if created else "ListingResubmitted")
    return accepted("listing", {"id": record.id, "status": record.status.value}, body.redirect)

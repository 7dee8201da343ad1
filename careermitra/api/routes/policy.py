"""A signed-in user accepts a new version of the privacy policy before submitting anything else."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.answers import accepted
from careermitra.api.guard import enforce_limits, screen
from careermitra.api.observability import count
from careermitra.api.requests import read_body
from careermitra.api.services import services
from careermitra.api.signed_in import signed_in_user
from careermitra.api.validation import validated
from careermitra.domain.privacy import PolicyAcceptance
from careermitra.domain.problems import InvalidInput


def accept_policy(event: APIGatewayProxyEvent) -> Response:
    svc = services()
    body = read_body(event, svc.settings.max_body_bytes)
    user = signed_in_user(event, svc)
    if not screen("policy", body.fields, event, svc):
        return accepted("policy", {"status": "accepted", "policy_version": svc.settings.policy_version},
                        body.redirect)
    acceptance = validated(PolicyAcceptance, body)
    if acceptance.policy_version != svc.settings.policy_version:
        raise InvalidInput("The privacy policy has changed since the page was loaded.",
                           {"policy_version": "the privacy policy has changed; reload the page and accept it again"})
    enforce_limits("policy", "user", user.id, svc)
    svc.accounts.accept_policy(user, svc.clock())
    count("PolicyAccepted")
    return accepted("policy", {"status": "accepted", "policy_version": svc.settings.policy_version}, body.redirect)

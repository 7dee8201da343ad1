"""A signed-in user accepts a new version of the privacy policy before submitting anything else."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import accepted
from careermitra.api.documented import PolicyAccepted, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import enforce_limits, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.signed_in import sender
from careermitra.api.validation import guard_fields
from careermitra.domain.privacy import PolicyAcceptance
from careermitra.domain.problems import InvalidInput
from careermitra.i18n import N_

router = Router()
POLICY = FORMS["policy"]


@router.post(POLICY.path, summary="Accept the current privacy policy (signed in)",
             responses=form_answers(POLICY, 202, PolicyAccepted))
def accept_policy(acceptance: Annotated[PolicyAcceptance, Body()]) -> Response[Any]:
    """Record the signed-in user's acceptance of the version the page showed, if it is still the current one."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    user = sender(router)
    answer = {"status": "accepted", "policy_version": svc.settings.policy_version}
    if not screen(POLICY, guard_fields(router), event, svc):
        return accepted(POLICY, answer, redirect)
    if acceptance.policy_version != svc.settings.policy_version:
        raise InvalidInput(N_("The privacy policy has changed since the page was loaded."),
                           {"policy_version": N_(
                               "the privacy policy has changed; reload the page and accept it again")})
    enforce_limits(POLICY.limits_per("user"), user.id, svc)
    svc.accounts.accept_policy(user, svc.clock())
    count("PolicyAccepted")
    return accepted(POLICY, answer, redirect)

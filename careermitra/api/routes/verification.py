"""Confirming an address at an institution's own mail domain: a student, an alumnus or a representative."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body, Query

from careermitra.api.answers import accepted, see_other
from careermitra.api.documented import ConfirmationSent, answers, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.signed_in import sender
from careermitra.api.validation import guard_fields
from careermitra.domain.trust import AddressConfirmation
from careermitra.i18n import language, localized_url

router = Router()
CONFIRM = FORMS["confirm-address"]
CONFIRMED_PAGE = "/account/institution-email-confirmed/"
LINK_EXPIRED_PAGE = "/account/link-expired/"


@router.post(CONFIRM.path, summary="Mail a link to an address at the institution (signed in)",
             responses=form_answers(CONFIRM, 202, ConfirmationSent, 404))
def request_confirmation(request: Annotated[AddressConfirmation, Body()]) -> Response[Any]:
    """Mail a single-use link to the address, if it is at one of the institution's own domains."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    user = sender(router)
    if not screen(CONFIRM, guard_fields(router), event, svc):
        return accepted(CONFIRM, {"status": "confirmation_sent"}, redirect)
    svc.trust.request_confirmation(request, user, svc.clock())
    count("AddressConfirmationSent")
    return accepted(CONFIRM, {"status": "confirmation_sent"}, redirect)


@router.get("/api/confirm-address", summary="Follow the link of an institution address confirmation",
            responses=answers(303, None, 422))
def confirm_address(token: Annotated[str, Query()] = "", lang: Annotated[str, Query()] = "") -> Response[Any]:
    """Record the confirmed domain and date (never the address); a used or old link leads to the page that says so.
    Either page is in the mail's language (`lang`, issue 16)."""
    svc = services()
    page_lang = language(lang)
    confirmed = svc.trust.confirm_address(token, svc.clock()) if 20 <= len(token) <= 100 else None
    if confirmed is None:
        count("ConfirmationLinkRefused")
        return see_other(localized_url(LINK_EXPIRED_PAGE, page_lang))
    count(f"AddressConfirmed_{confirmed.relationship.value}")
    return see_other(localized_url(f"{CONFIRMED_PAGE}?as={confirmed.relationship.value}", page_lang))

"""Access and erasure requests: asked for with the form, confirmed from the emailed link, then carried out."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body, Query
from aws_lambda_powertools.shared.cookies import Cookie, SameSite

from careermitra.api.answers import accepted, json_answer, see_other
from careermitra.api.cookies import request_cookie
from careermitra.api.documented import BODY_ROUTE, ConfirmationSent, RequestDone, answers, form_answers
from careermitra.api.form_specs import FORMS, ButtonPress
from careermitra.api.guard import enforce_per_email, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import Services, services
from careermitra.api.session_cookie import signed_out_cookies
from careermitra.api.validation import guard_fields
from careermitra.domain.privacy import CONFIRMATION_LINK_LIFETIME, PrivacyRequest, RequestKind
from careermitra.domain.problems import NotFound
from careermitra.i18n import N_, language, localized_url
from careermitra.workflows.privacy import PrivacyRequests

router = Router()
PRIVACY = FORMS["privacy"]
CONFIRM_PATH = "/api/privacy-requests/confirm"
# The emailed link only stores its token in this cookie and shows the confirmation page; the request is
# carried out by the page's POST, so a mail scanner that opens links cannot erase anyone's account.
LINK_COOKIE = "cm_privacy_link"
CONFIRM_PAGE = "/privacy/confirm/"
RESULT_PAGES = {None: "/privacy/link-expired/", RequestKind.ACCESS: "/privacy/access-sent/",
                RequestKind.ERASURE: "/privacy/erased/"}

def privacy_requests_of(svc: Services) -> PrivacyRequests:
    """The privacy workflow over the request's services, its links pointing at this API."""
    link = f"{svc.settings.site_origin}{CONFIRM_PATH}?token="
    return PrivacyRequests(users=svc.accounts.users, reviews=svc.reviews, listings=svc.listings,
                           pending=svc.privacy_requests, mailer=svc.mailer,
                           link_for=lambda token: link + quote(token), confirmations=svc.confirmations)

def _link_cookie(value: str, max_age: int) -> Cookie:
    return Cookie(name=LINK_COOKIE, value=value, path="/api/privacy-requests", secure=True, http_only=True,
                  same_site=SameSite.LAX_MODE, max_age=max_age)

@router.post(PRIVACY.path, summary="Ask for a copy of one's data, or for its erasure",
             responses=form_answers(PRIVACY, 202, ConfirmationSent))
def request_privacy_action(request: Annotated[PrivacyRequest, Body()]) -> Response[Any]:
    """202 whatever the address: whether we know it is told only to its mailbox."""
    svc = services()
    event = request_of(router)
    answer = accepted(PRIVACY, {"status": "confirmation_sent"}, answers_with_redirect(event))
    if not screen(PRIVACY, guard_fields(router), event, svc):
        return answer
    enforce_per_email(PRIVACY, request.email, svc)
    known = privacy_requests_of(svc).request(request, svc.clock())
    count("PrivacyRequestConfirmationSent" if known else "PrivacyRequestForUnknownAddress")
    return answer

@router.get(CONFIRM_PATH, summary="Open the emailed confirmation link", responses=answers(303, None, 422))
def open_confirmation_link(token: Annotated[str, Query()] = "", lang: Annotated[str, Query()] = "") -> Response[Any]:
    """Keep the link's token in a cookie and show the page whose button carries the request out, in the mail's
    language (`lang`, issue 16); that page's form sends it on, so the result page is in it too."""
    page_lang = language(lang)
    if not 20 <= len(token) <= 100:
        return see_other(localized_url(RESULT_PAGES[None], page_lang))
    max_age = int(CONFIRMATION_LINK_LIFETIME.total_seconds())
    return see_other(localized_url(CONFIRM_PAGE, page_lang), cookies=[_link_cookie(token, max_age)])

@router.post(CONFIRM_PATH, summary="Carry out the confirmed request",
             responses=answers(200, RequestDone, *BODY_ROUTE, 404, see_other="The page of the result"))
def confirm_privacy_request(button: Annotated[ButtonPress, Body()]) -> Response[Any]:
    """Carry out the request whose link this browser opened; the link works once."""
    svc = services()
    event = request_of(router)
    token = request_cookie(event, LINK_COOKIE)
    kind = privacy_requests_of(svc).confirm(token, svc.clock()) if token and 20 <= len(token) <= 100 else None
    count("PrivacyRequestRefused" if kind is None else f"PrivacyRequestDone_{kind.value}")
    cookies = [_link_cookie("", 0)]
    if kind == RequestKind.ERASURE:
        cookies.extend(signed_out_cookies())
    if answers_with_redirect(event):
        return see_other(RESULT_PAGES[kind], cookies=cookies)
    if kind is None:
        raise NotFound(N_("This confirmation link was used already or has expired; make the request again."))
    return json_answer(200, {"status": "done", "kind": kind.value}, cookies=cookies)

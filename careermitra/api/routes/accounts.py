"""Registration, email links, the session and sign-out; and the fill-time token the forms' script fetches."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body, Query

from careermitra.api.answers import accepted, json_answer, see_other
from careermitra.api.documented import (
    BODY_ROUTE,
    FormTokenAnswer,
    LinkSent,
    SessionAnswer,
    SignedOut,
    VerificationSent,
    answers,
    form_answers,
)
from careermitra.api.form_specs import FORMS, SCREENED_FORMS, ButtonPress
from careermitra.api.guard import enforce_per_email, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.session_cookie import display_cookie, session_cookie, session_id_from, signed_out_cookies
from careermitra.api.validation import guard_fields
from careermitra.domain.abuse import FORM_TOKEN_FIELD, issue_form_token
from careermitra.domain.problems import InvalidInput
from careermitra.domain.return_path import safe_return_path
from careermitra.domain.user import Registration, SignInRequest
from careermitra.i18n import N_, language, localized_url

router = Router()
REGISTER = FORMS["register"]
LOGOUT = FORMS["logout"]
SIGN_IN = FORMS["sign_in"]
VERIFIED_PAGE = "/account/verified/"
LINK_EXPIRED_PAGE = "/account/link-expired/"
MAIL_SENT_METRIC = {"verification": "VerificationMailSent", "sign_in": "SignInMailSent", "none": "MailSuppressed",
                    "no_account": "NoAccountMailSent"}


@router.post(REGISTER.path, summary="Register, or ask for a sign-in link",
             responses=form_answers(REGISTER, 202, VerificationSent))
def register(registration: Annotated[Registration, Body()]) -> Response[Any]:
    """Same answer for a new, a pending and a verified address: the email is the only channel that differs."""
    svc = services()
    event = request_of(router)
    svc.accounts.check_policy_version(registration)  # before the limits count the request
    answer = accepted(REGISTER, {"status": "verification_sent"}, answers_with_redirect(event))
    if not screen(REGISTER, guard_fields(router), event, svc):
        return answer
    enforce_per_email(REGISTER, registration.email, svc)
    count(MAIL_SENT_METRIC[svc.accounts.register(registration, svc.clock())])
    return answer


@router.post(SIGN_IN.path, summary="Ask for a sign-in link with the email alone",
             responses=form_answers(SIGN_IN, 202, LinkSent))
def sign_in(request: Annotated[SignInRequest, Body()]) -> Response[Any]:
    """Same answer whether or not the address has an account: only the mail that reaches it differs."""
    svc = services()
    event = request_of(router)
    answer = accepted(SIGN_IN, {"status": "link_sent"}, answers_with_redirect(event))
    if not screen(SIGN_IN, guard_fields(router), event, svc):
        return answer
    enforce_per_email(SIGN_IN, request.email, svc)
    count(MAIL_SENT_METRIC[svc.accounts.sign_in(request, svc.clock())])
    return answer


@router.get("/api/verify", summary="Follow the link of a verification or sign-in mail",
            responses=answers(303, None, 422))
def verify(token: Annotated[str, Query()] = "", lang: Annotated[str, Query()] = "") -> Response[Any]:
    """Follow a link from an email: signed in and back on the page the person came from (or the verified
    page), or sent to the page that offers a new link, in the mail's language (`lang`, issue 16)."""
    svc = services()
    signed_in = svc.accounts.follow_link(token, svc.clock()) if 20 <= len(token) <= 100 else None
    if signed_in is None:
        count("LinkRefused")
        return see_other(localized_url(LINK_EXPIRED_PAGE, language(lang)))
    count("SignedIn")
    return see_other(safe_return_path(signed_in.return_to) or localized_url(VERIFIED_PAGE, signed_in.language),
                     cookies=[session_cookie(svc.key, signed_in.session_id), display_cookie(signed_in.display_name)])


@router.get("/api/session", summary="Who is signed in", responses=answers(200, SessionAnswer))
def session() -> Response[Any]:
    """Whether the request's session cookie signs someone in, and their display name."""
    svc = services()
    session_id = session_id_from(request_of(router), svc.key)
    user = svc.accounts.signed_in_user(session_id, svc.clock()) if session_id else None
    count("SessionChecked")
    # A session that ended on the server (signed out elsewhere, expired) takes the header's name away too.
    return json_answer(200, {"authenticated": user is not None, "display_name": user.display_name if user else None},
                       cookies=None if user else signed_out_cookies()[1:])


@router.post(LOGOUT.path, summary="Sign out",
             responses=answers(200, SignedOut, *BODY_ROUTE, see_other=LOGOUT.done_page))
def logout(button: Annotated[ButtonPress, Body()]) -> Response[Any]:
    """End the session on the server and clear the cookie; a copy of the old cookie no longer signs anyone in."""
    svc = services()
    event = request_of(router)
    session_id = session_id_from(event, svc.key)
    if session_id:
        svc.accounts.sign_out(session_id, svc.clock())
    count("SignedOut")
    return accepted(LOGOUT, {"authenticated": False}, answers_with_redirect(event), status=200,
                    cookies=signed_out_cookies())


@router.get("/api/form-token", summary="A fill-time token for one of the site's forms",
            responses=answers(200, FormTokenAnswer, 422))
def form_token(form: Annotated[str, Query()] = "", renew: Annotated[str, Query(max_length=200)] = ""
               ) -> Response[Any]:
    """A signed, single-use 'opened at' for a form; `renew` (the token just sent) keeps the form's opening time."""
    svc = services()
    if form not in SCREENED_FORMS:
        raise InvalidInput(N_("Unknown form."), {"form": f"one of {', '.join(SCREENED_FORMS)}"})
    token = issue_form_token(svc.key, form, svc.clock(), renewing=renew or None)
    count("FormTokenIssued")
    return json_answer(200, {"field": FORM_TOKEN_FIELD, "token": token, "min_seconds": svc.settings.min_fill_seconds})

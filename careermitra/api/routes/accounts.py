"""Registration, email links, the session and sign-out; and the fill-time token the forms' script fetches."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.answers import THANKS_PAGES, accepted, json_answer, see_other
from careermitra.api.guard import enforce_per_email, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, read_body
from careermitra.api.services import services
from careermitra.api.session_cookie import cleared_session_cookie, session_cookie, session_id_from
from careermitra.api.validation import validated
from careermitra.domain.abuse import FORM_TOKEN_FIELD, FORMS, issue_form_token
from careermitra.domain.problems import InvalidInput
from careermitra.domain.user import Registration

VERIFIED_PAGE = "/account/verified/"
LINK_EXPIRED_PAGE = "/account/link-expired/"
MAIL_SENT_METRIC = {"verification": "VerificationMailSent", "sign_in": "SignInMailSent", "none": "MailSuppressed"}


def register(event: APIGatewayProxyEvent) -> Response:
    """Same answer for a new, a pending and a verified address: the email is the only channel that differs."""
    svc = services()
    body = read_body(event, svc.settings.max_body_bytes)
    answer = accepted("register", {"status": "verification_sent"}, body.redirect)
    if not screen("register", body.fields, event, svc):
        return answer
    registration = validated(Registration, body)
    enforce_per_email("register", registration.email, svc)
    count(MAIL_SENT_METRIC[svc.accounts.register(registration, svc.clock())])
    return answer


def verify(event: APIGatewayProxyEvent) -> Response:
    """Follow a link from an email: verified and signed in, or sent to the page that offers a new link."""
    svc = services()
    token = event.get_query_string_value("token") or ""
    session_id = svc.accounts.follow_link(token, svc.clock()) if 20 <= len(token) <= 100 else None
    if session_id is None:
        count("LinkRefused")
        return see_other(LINK_EXPIRED_PAGE)
    count("SignedIn")
    return see_other(VERIFIED_PAGE, cookies=[session_cookie(svc.key, session_id)])


def session(event: APIGatewayProxyEvent) -> Response:
    svc = services()
    session_id = session_id_from(event, svc.key)
    user = svc.accounts.signed_in_user(session_id, svc.clock()) if session_id else None
    count("SessionChecked")
    return json_answer(200, {"authenticated": user is not None, "display_name": user.display_name if user else None})


def logout(event: APIGatewayProxyEvent) -> Response:
    """End the session on the server and clear the cookie; a copy of the old cookie no longer signs anyone in."""
    svc = services()
    session_id = session_id_from(event, svc.key)
    if session_id:
        svc.accounts.sign_out(session_id)
    count("SignedOut")
    if answers_with_redirect(event):
        return see_other(THANKS_PAGES["logout"], cookies=[cleared_session_cookie()])
    return json_answer(200, {"authenticated": False}, cookies=[cleared_session_cookie()])


def form_token(event: APIGatewayProxyEvent) -> Response:
    """A signed 'opened at' for a form; the page's script fills the form's hidden field with it."""
    svc = services()
    form = event.get_query_string_value("form") or ""
    if form not in FORMS:
        raise InvalidInput("Unknown form.", {"form": f"one of {', '.join(FORMS)}"})
    token = issue_form_token(svc.key, form, svc.clock())
    count("FormTokenIssued")
    return json_answer(200, {"field": FORM_TOKEN_FIELD, "token": token, "min_seconds": svc.settings.min_fill_seconds})

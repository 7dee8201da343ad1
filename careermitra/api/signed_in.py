"""Who is asking: the verified user behind the request's session cookie."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import BaseRouter
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.form_specs import FORM_AT_PATH
from careermitra.api.requests import request_of
from careermitra.api.services import Services, services
from careermitra.api.session_cookie import session_id_from
from careermitra.domain.problems import NotSignedIn, PolicyNotAccepted
from careermitra.domain.user import User
from careermitra.i18n import N_, Msg

ACCEPT_POLICY_PAGE = "/account/accept-policy/"


def signed_in_user(event: APIGatewayProxyEvent, services: Services) -> User:
    """The verified user of the request's session; 401 when there is none (or it was signed out)."""
    session_id = session_id_from(event, services.key)
    user = services.accounts.signed_in_user(session_id, services.clock()) if session_id else None
    if user is None:
        raise NotSignedIn(N_("Sign in first: enter your email on the sign-in page and follow the link we send you."))
    return user


def consenting_user(event: APIGatewayProxyEvent, services: Services) -> User:
    """The signed-in user, who must have accepted the current privacy policy before submitting anything."""
    user = signed_in_user(event, services)
    version = services.settings.policy_version
    if not user.has_accepted(version):
        raise PolicyNotAccepted(
            Msg("Our privacy policy has changed to version %(version)s. Read it and accept it on %(page)s before "
                "you submit anything; browsing needs nothing.", version=version, page=ACCEPT_POLICY_PAGE),
            {"policy_version": Msg("accept version %(version)s of the privacy policy first", version=version)})
    return user


SENDER_CONTEXT = "sender"


def identify_sender(app: BaseRouter) -> None:
    """The gate of a form only signed-in users may send: 401 (or 403 for an old policy) before its fields count."""
    form = FORM_AT_PATH.get(request_of(app).path)
    if form is None or form.sender == "anyone":
        return
    check = consenting_user if form.sender == "consenting" else signed_in_user
    app.append_context(**{SENDER_CONTEXT: check(request_of(app), services())})


def sender(app: BaseRouter) -> User:
    """The user `identify_sender` let through for this request."""
    user: User = app.context[SENDER_CONTEXT]
    return user

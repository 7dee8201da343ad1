"""The session cookie: a random session id signed with the secret key; the session itself lives in DynamoDB."""

from __future__ import annotations

from aws_lambda_powertools.shared.cookies import Cookie, SameSite
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.cookies import request_cookie
from careermitra.domain.signing import sign, unsign
from careermitra.workflows.accounts import SESSION_LIFETIME

COOKIE_NAME = "cm_session"
PURPOSE = "session"


def session_cookie(key: bytes, session_id: str) -> Cookie:
    return Cookie(name=COOKIE_NAME, value=sign(key, PURPOSE, session_id), path="/", secure=True, http_only=True,
                  same_site=SameSite.LAX_MODE, max_age=int(SESSION_LIFETIME.total_seconds()))


def cleared_session_cookie() -> Cookie:
    return Cookie(name=COOKIE_NAME, value="", path="/", secure=True, http_only=True, same_site=SameSite.LAX_MODE,
                  max_age=0)


def session_id_from(event: APIGatewayProxyEvent, key: bytes) -> str | None:
    """The session id in the request's cookie when its signature is ours, else None."""
    value = request_cookie(event, COOKIE_NAME)
    return unsign(key, PURPOSE, value) if value else None

"""The session cookie: a random session id signed with the secret key; the session itself lives in DynamoDB."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie

from aws_lambda_powertools.shared.cookies import Cookie, SameSite
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

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
    header = "; ".join(event.multi_value_headers.get("cookie") or []) or event.headers.get("cookie") or ""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return None
    morsel = jar.get(COOKIE_NAME)
    return unsign(key, PURPOSE, morsel.value) if morsel and morsel.value else None

"""The session cookie: a random session id signed with the secret key; the session itself lives in DynamoDB.

Beside it, the display cookie: the signed-in person's display name ("Priya S.", what their reviews show), for
the header's script to read, so every page shows the signed-in state and stays a static file. It grants nothing:
the API only ever trusts the HttpOnly session cookie.
"""

from __future__ import annotations

from urllib.parse import quote

from aws_lambda_powertools.shared.cookies import Cookie, SameSite
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.cookies import request_cookie
from careermitra.domain.signing import sign, unsign
from careermitra.workflows.accounts import SESSION_LIFETIME

COOKIE_NAME = "cm_session"
PURPOSE = "session"
DISPLAY_COOKIE_NAME = "cm_signed_in"  # read by theme/static/js/session.js


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


def display_cookie(display_name: str) -> Cookie:
    """Readable by the page's script, percent-encoded; set and cleared with the session cookie."""
    return Cookie(name=DISPLAY_COOKIE_NAME, value=quote(display_name, safe=""), path="/", secure=True,
                  http_only=False, same_site=SameSite.LAX_MODE, max_age=int(SESSION_LIFETIME.total_seconds()))


def cleared_display_cookie() -> Cookie:
    return Cookie(name=DISPLAY_COOKIE_NAME, value="", path="/", secure=True, http_only=False,
                  same_site=SameSite.LAX_MODE, max_age=0)


def signed_out_cookies() -> list[Cookie]:
    """Both cookies cleared: signing out, an erased account, a session that ended on the server."""
    return [cleared_session_cookie(), cleared_display_cookie()]

"""Reading a cookie from a request, and the consent cookie the banner and the cookie settings page set."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie

from aws_lambda_powertools.shared.cookies import Cookie, SameSite
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.domain.analytics import CONSENT_COOKIE, CONSENT_LIFETIME


def request_cookie(event: APIGatewayProxyEvent, name: str) -> str | None:
    """The value of one cookie the request carries, or None."""
    header = "; ".join(event.multi_value_headers.get("cookie") or []) or event.headers.get("cookie") or ""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel and morsel.value else None


def consent_cookie(value: str) -> Cookie:
    """Readable by the page's script (it decides whether to send the beacon); first-party, this site only."""
    return Cookie(name=CONSENT_COOKIE, value=value, path="/", secure=True, http_only=False,
                  same_site=SameSite.LAX_MODE, max_age=int(CONSENT_LIFETIME.total_seconds()))


def privacy_signal(event: APIGatewayProxyEvent) -> bool:
    """Global Privacy Control (Sec-GPC: 1) or Do Not Track (DNT: 1): the browser refuses tracking for its user."""
    return (event.headers.get("sec-gpc") or "").strip() == "1" or (event.headers.get("dnt") or "").strip() == "1"

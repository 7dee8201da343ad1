"""The consent choice (banner and cookie settings page) and the analytics beacon that only consent allows."""

from __future__ import annotations

from typing import Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent
from pydantic import BaseModel, ConfigDict

from careermitra.api.answers import NO_STORE, THANKS_PAGES, json_answer, see_other
from careermitra.api.cookies import consent_cookie, privacy_signal, request_cookie
from careermitra.api.guard import enforce_limits
from careermitra.api.observability import count
from careermitra.api.requests import client_ip, read_body
from careermitra.api.services import services
from careermitra.api.validation import validated
from careermitra.domain.analytics import CONSENT_COOKIE, PageViewBeacon, consent_cookie_value, page_view, visitor_of
from careermitra.domain.problems import Forbidden
from careermitra.domain.signing import hashed_ip
from careermitra.store.analytics import DynamoAnalyticsStore

MAX_BEACON_BYTES = 2048  # a beacon is a few short fields


class ConsentChoice(BaseModel):
    """The banner's and the cookie settings page's two equal buttons."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    choice: Literal["accept", "reject"]


def choose_analytics(event: APIGatewayProxyEvent) -> Response:
    """Remember the visitor's choice in the consent cookie; a privacy signal from the browser always refuses."""
    svc = services()
    body = read_body(event, MAX_BEACON_BYTES)
    enforce_limits("consent", "ip", hashed_ip(svc.key, client_ip(event)), svc)
    accepted = validated(ConsentChoice, body).choice == "accept" and not privacy_signal(event)
    cookie = consent_cookie(consent_cookie_value(accepted))
    count("AnalyticsAccepted" if accepted else "AnalyticsRejected")
    if body.redirect:
        return see_other(f"{THANKS_PAGES['consent']}?choice={'accepted' if accepted else 'rejected'}",
                         cookies=[cookie])
    return json_answer(200, {"analytics": accepted}, cookies=[cookie])


def record_page_view(event: APIGatewayProxyEvent) -> Response:
    """One page view from a consenting visitor: 204. Without consent 403; with GPC or DNT nothing is stored."""
    svc = services()
    if privacy_signal(event):
        count("PageViewDeclinedBySignal")
        return Response(status_code=204, headers=NO_STORE, body="")
    body = read_body(event, MAX_BEACON_BYTES)
    visitor = visitor_of(request_cookie(event, CONSENT_COOKIE))
    if visitor is None:
        raise Forbidden("No analytics without consent: accept analytics in the cookie settings first.",
                        {CONSENT_COOKIE: "missing, or it records a refusal"})
    enforce_limits("events", "ip", hashed_ip(svc.key, client_ip(event)), svc)
    enforce_limits("events", "visitor", visitor, svc)
    beacon = validated(PageViewBeacon, body)
    view = page_view(beacon, visitor, event.headers.get("user-agent"), svc.settings.site_origin, svc.clock())
    DynamoAnalyticsStore(svc.settings.analytics_table).add(view)
    count("PageViewRecorded")
    return Response(status_code=204, headers=NO_STORE, body="")

"""The consent choice (banner and cookie settings page) and the analytics beacon that only consent allows."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import NO_STORE, accepted
from careermitra.api.cookies import consent_cookie, privacy_signal, request_cookie
from careermitra.api.documented import BODY_ROUTE, AnalyticsChoice, answers, form_answers
from careermitra.api.form_specs import BEACON, FORMS, ConsentChoice
from careermitra.api.guard import enforce_limits
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, client_ip, request_of
from careermitra.api.services import services
from careermitra.domain.analytics import CONSENT_COOKIE, PageViewBeacon, consent_cookie_value, page_view, visitor_of
from careermitra.domain.problems import Forbidden
from careermitra.domain.signing import hashed_ip
from careermitra.i18n import N_

router = Router()
CONSENT = FORMS["consent"]


@router.post(CONSENT.path, summary="Accept or refuse analytics", responses=form_answers(CONSENT, 200, AnalyticsChoice))
def choose_analytics(choice: Annotated[ConsentChoice, Body()]) -> Response[Any]:
    """Remember the visitor's choice in the consent cookie; a privacy signal from the browser always refuses."""
    svc = services()
    event = request_of(router)
    enforce_limits(CONSENT.limits_per("ip"), hashed_ip(svc.key, client_ip(event)), svc)
    accepted_ = choice.choice == "accept" and not privacy_signal(event)
    count("AnalyticsAccepted" if accepted_ else "AnalyticsRejected")
    return accepted(CONSENT, {"analytics": accepted_}, answers_with_redirect(event),
                    {"choice": "accepted" if accepted_ else "rejected"},
                    cookies=[consent_cookie(consent_cookie_value(svc.key, accepted_))], status=200)


@router.post(BEACON.path, summary="Record one page view (after consent)",
             responses=answers(204, None, *BODY_ROUTE, 429))
def record_page_view(beacon: Annotated[PageViewBeacon, Body()]) -> Response[Any]:
    """One page view from a consenting visitor: 204. Without consent 403; with GPC or DNT nothing is stored."""
    svc = services()
    event = request_of(router)
    if privacy_signal(event):
        count("PageViewDeclinedBySignal")
        return Response(status_code=204, headers=NO_STORE, body="")
    visitor = visitor_of(svc.key, request_cookie(event, CONSENT_COOKIE))
    if visitor is None:
        raise Forbidden(N_("No analytics without consent: accept analytics in the cookie settings first."),
                        {CONSENT_COOKIE: N_("missing, not ours, or it records a refusal")})
    enforce_limits(BEACON.limits_per("ip"), hashed_ip(svc.key, client_ip(event)), svc)
    enforce_limits(BEACON.limits_per("visitor"), visitor, svc)
    view = page_view(beacon, visitor, event.headers.get("user-agent"), svc.settings.site_origin, svc.clock())
    svc.analytics.add(view)
    count("PageViewRecorded")
    return Response(status_code=204, headers=NO_STORE, body="")

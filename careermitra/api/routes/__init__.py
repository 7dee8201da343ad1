"""Every path the API serves and the function that answers it; one module per area of the API.

A route function takes the request's event (and the path's parameters, if any), reads the request, runs a
workflow and answers. The app registers every route from ROUTES at import but imports a route's module only on
that route's first request, so a cold start does not load pydantic, the stores and the workflows (issue 7).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aws_lambda_powertools.event_handler import Response

RouteFunction = Callable[..., "Response"]
PRIVACY_CONFIRM_PATH = "/api/privacy-requests/confirm"


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    answered_by: str  # "area:function": a function of careermitra/api/routes/<area>.py
    form: str | None = None  # the site's form that posts here: a refused form post goes to its error page

    @property
    def module(self) -> str:
        return f"{__name__}.{self.answered_by.split(':')[0]}"

    @property
    def function_name(self) -> str:
        return self.answered_by.split(":")[1]


ROUTES: tuple[Route, ...] = (
    Route("POST", "/api/register", "accounts:register", form="register"),
    Route("GET", "/api/verify", "accounts:verify"),
    Route("GET", "/api/session", "accounts:session"),
    Route("POST", "/api/logout", "accounts:logout"),
    Route("GET", "/api/form-token", "accounts:form_token"),
    Route("POST", "/api/reviews", "reviews:create_review", form="review"),
    Route("POST", "/api/listings", "listings:create_listing", form="listing"),
    Route("POST", "/api/contact", "contact:contact", form="contact"),
    Route("POST", "/api/privacy-requests", "privacy:request_privacy_action", form="privacy"),
    Route("GET", PRIVACY_CONFIRM_PATH, "privacy:open_confirmation_link"),
    Route("POST", PRIVACY_CONFIRM_PATH, "privacy:confirm_privacy_request"),
    Route("POST", "/api/policy-consent", "policy:accept_policy", form="policy"),
    Route("POST", "/api/consent", "analytics:choose_analytics", form="consent"),
    Route("POST", "/api/events", "analytics:record_page_view"),
)


@cache
def function_of(route: Route) -> RouteFunction:
    """The function that answers `route`, importing its module the first time."""
    return getattr(importlib.import_module(route.module), route.function_name)

"""The API's routes, one Powertools `Router` per area; careermitra.api.app includes every one of them.

A route function reads its validated body (a model of careermitra.domain) and its query, runs a workflow and
answers; the request itself is the router's `current_event`.
"""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import Router

from careermitra.api.routes import (
    account_rights,
    accounts,
    analytics,
    contact,
    listings,
    policy,
    privacy,
    replies,
    reports,
    reviews,
    verification,
)

ROUTERS: tuple[Router, ...] = (accounts.router, reviews.router, listings.router, contact.router, privacy.router,
                               policy.router, analytics.router, account_rights.router, reports.router,
                               verification.router, replies.router)

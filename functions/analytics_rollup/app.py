"""Lambda entry point for the nightly analytics roll-up (an EventBridge schedule): yesterday's totals, in IST."""

from __future__ import annotations

import datetime as dt
from functools import cache

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from careermitra.reports.settings import load_rollup_settings
from careermitra.store.analytics import DynamoAnalyticsStore
from careermitra.workflows.analytics import roll_up_yesterday

logger = Logger(service="analytics-rollup")
settings = load_rollup_settings()  # a missing or wrong setting stops the cold start here, with the variable's name


@cache
def store() -> DynamoAnalyticsStore:
    """The analytics table, made on the first invocation and kept for the container's life."""
    return DynamoAnalyticsStore(settings.analytics_table)


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    totals = roll_up_yesterday(store(), dt.datetime.now(dt.UTC))
    # Counts only: the totals hold no visitor ids, and nothing here is personal data.
    logger.info("rolled up", extra={"day": totals.day.isoformat(), "page_views": totals.page_views})
    return {"day": totals.day.isoformat(), "page_views": totals.page_views}

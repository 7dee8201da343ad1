"""Lambda entry point for the nightly analytics roll-up (an EventBridge schedule): yesterday's totals, in IST."""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger

if TYPE_CHECKING:
    from careermitra.store.analytics import AnalyticsStore

logger = Logger(service="analytics-rollup")


@cache
def store() -> AnalyticsStore:
    """The analytics table, made on the first invocation and kept for the container's life.

    The store brings boto3's DynamoDB resource and the domain's pydantic models: loading them here instead of at
    import keeps the cold start's import near `import boto3` alone (issue 7); a nightly job waits on no one.
    """
    from careermitra.store.analytics import DynamoAnalyticsStore

    return DynamoAnalyticsStore(os.environ["ANALYTICS_TABLE"])


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict, context: object) -> dict:
    from careermitra.workflows.analytics import roll_up_yesterday  # loaded with the store, on the first run

    totals = roll_up_yesterday(store(), dt.datetime.now(dt.UTC))
    # Counts only: the totals hold no visitor ids, and nothing here is personal data.
    logger.info("rolled up", extra={"day": totals.day.isoformat(), "page_views": totals.page_views})
    return {"day": totals.day.isoformat(), "page_views": totals.page_views}

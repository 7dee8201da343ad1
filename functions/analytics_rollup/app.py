"""Lambda entry point for the nightly analytics roll-up (an EventBridge schedule): yesterday's totals, in IST."""

import datetime as dt
import os

from aws_lambda_powertools import Logger

from careermitra.store.analytics import DynamoAnalyticsStore
from careermitra.workflows.analytics import roll_up_yesterday

logger = Logger(service="analytics-rollup")
store = DynamoAnalyticsStore(os.environ["ANALYTICS_TABLE"])


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict, context: object) -> dict:
    totals = roll_up_yesterday(store, dt.datetime.now(dt.UTC))
    # Counts only: the totals hold no visitor ids, and nothing here is personal data.
    logger.info("rolled up", extra={"day": totals.day.isoformat(), "page_views": totals.page_views})
    return {"day": totals.day.isoformat(), "page_views": totals.page_views}

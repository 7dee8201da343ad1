"""Lambda entry point for SES's bounce and complaint events (configuration set -> SNS topic -> here).

Each permanently bounced or complaining recipient is put on the suppression list, by keyed digest; the
mailers then send it nothing. No address reaches a log line: counts only.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

from careermitra.store.dynamodb import aws_client
from careermitra.store.suppressions import addresses_to_suppress, notifications_in_sns_event

if TYPE_CHECKING:
    from careermitra.store.suppressions import DynamoSuppressionList

logger = Logger(service="careermitra-ses-events")
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", "CareerMitra"),
                  service="careermitra-ses-events")


@cache
def suppressions() -> DynamoSuppressionList:
    """The suppression list, keyed with the session secret, made on the first invocation."""
    from careermitra.store.suppressions import DynamoSuppressionList

    secret = aws_client("secretsmanager").get_secret_value(SecretId=os.environ["SESSION_SECRET_ID"])
    return DynamoSuppressionList(os.environ["USERS_TABLE"], secret["SecretString"].encode())


@logger.inject_lambda_context(log_event=False)
@metrics.log_metrics
def lambda_handler(event: dict, context: object) -> dict:
    now = dt.datetime.now(dt.UTC)
    suppressed = 0
    for notification in notifications_in_sns_event(event):
        for address, reason in addresses_to_suppress(notification):
            suppressions().suppress(address, reason, now)
            metrics.add_metric(name=f"Suppressed_{reason}", unit=MetricUnit.Count, value=1)
            suppressed += 1
    logger.info("SES events read", extra={"records": len(event.get("Records", [])), "suppressed": suppressed})
    return {"suppressed": suppressed}

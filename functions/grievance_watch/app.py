"""Lambda entry point for the hourly grievance watch (an EventBridge schedule): how many open tickets are past
the published response period. The `OverdueTickets` metric it emits is what the OverdueTicketsAlarm watches."""

from __future__ import annotations

import datetime as dt
from functools import cache

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import Field

from careermitra.domain.ticket import TicketStatus, overdue_tickets
from careermitra.function_settings import FunctionSettings, settings_from_environment
from careermitra.store.tickets import DynamoTicketStore


class WatchSettings(FunctionSettings):
    """TICKETS_TABLE: the grievance tickets."""

    tickets_table: str = Field(min_length=3)


logger = Logger(service="grievance-watch")
metrics = Metrics(namespace="CareerMitra", service="grievance-watch")
settings = settings_from_environment(WatchSettings, "the grievance watch")  # stops the cold start, naming it


@cache
def store() -> DynamoTicketStore:
    return DynamoTicketStore(settings.tickets_table)


@metrics.log_metrics
@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    overdue = overdue_tickets(store().by_status(TicketStatus.OPEN), dt.datetime.now(dt.UTC))
    # A count and ticket numbers only: never a sender's name, address or message.
    metrics.add_metric(name="OverdueTickets", unit=MetricUnit.Count, value=len(overdue))
    logger.info("overdue tickets counted", extra={"overdue": len(overdue), "tickets": [t.id for t in overdue]})
    return {"overdue": len(overdue)}

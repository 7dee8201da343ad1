"""Logger, tracer and metrics for the API. No personal data goes into any of them: codes and counts only."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

if TYPE_CHECKING:
    from aws_lambda_powertools import Tracer

SERVICE = "careermitra-api"
logger = Logger(service=SERVICE)
metrics = Metrics(namespace="CareerMitra", service=SERVICE)

Handler = Callable[[dict, Any], dict]


@functools.cache
def tracer() -> Tracer:
    """The X-Ray tracer, made on the first invocation instead of at import (loading the X-Ray SDK is costly).

    Traces stay whole: with `Tracing: Active` Lambda itself records each invocation's segment, and the SDK only
    adds subsegments to it, finding the trace through the header Lambda sets per invocation, so an SDK loaded
    during the first invocation joins that invocation's trace. Patching botocore (its client class, so clients
    made before or after) still gives every AWS call a subsegment. The load moves from the cold start's import
    to its first request (about 40 ms in Lambda); warm requests never pay it. Only botocore is patched: for a
    call X-Ray keeps service, operation, table name and status, no item, address or secret (but a failed call's
    error message, which SES can word with an address); the handler's response and errors are not recorded.
    """
    from aws_lambda_powertools import Tracer

    return Tracer(service=SERVICE, patch_modules=("botocore",))


def traced(handler: Handler) -> Handler:
    """`Tracer.capture_lambda_handler` (without response or error metadata), the tracer made on the first call."""

    @functools.cache
    def capturing() -> Handler:
        return tracer().capture_lambda_handler(handler, capture_response=False, capture_error=False)

    @functools.wraps(handler)
    def run(event: dict, context: Any) -> dict:
        return capturing()(event, context)

    return run


def count(name: str) -> None:
    """Add one to a business metric (ReviewSubmitted, RateLimited, …)."""
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)

"""Logger, tracer and metrics for the API. No personal data goes into any of them: codes and counts only."""

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit

SERVICE = "careermitra-api"
logger = Logger(service=SERVICE)
tracer = Tracer(service=SERVICE)
metrics = Metrics(namespace="CareerMitra", service=SERVICE)


def count(name: str) -> None:
    """Add one to a business metric (ReviewSubmitted, RateLimited, …)."""
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)

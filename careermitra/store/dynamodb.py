"""Every boto3 client and resource of the package (with timeouts and retries), and the conversions every store
shares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any

import boto3
from botocore.config import Config

# A call that hangs gives up after READ_TIMEOUT; a throttled or failed call is retried with exponential backoff
# and jitter (botocore's "standard" mode), up to MAX_ATTEMPTS calls in all. The budget is sized for a person
# waiting on the API: one call that hangs gives up after worst_call_seconds() (about 9 s), so even a request
# whose two mails both hang (the contact form's, caught after the ticket is stored) answers inside the API
# functions' Timeout (template.yaml, 20 s), itself inside API Gateway's 29 s integration limit: the person gets
# the API's own answer, never a gateway's 504. DynamoDB, S3 and SES answer in milliseconds when they are well.
CONNECT_TIMEOUT = 1
READ_TIMEOUT = 2
MAX_ATTEMPTS = 3
# botocore's standard backoff between attempts i = 0, 1, ...: rand(0, 1) * min(scale * 2**i, 20 s), with scale
# 0.05 s for errors and timeouts and 1 s for throttling (which answers at once, so costs no timeout).
_ERROR_BACKOFF_SCALE = 0.05
_THROTTLING_BACKOFF_SCALE = 1.0


def worst_call_seconds(attempts: int = MAX_ATTEMPTS) -> float:
    """The longest one AWS call can take before it gives up: every attempt hangs to its timeouts, or is
    throttled with the longest backoff, whichever is worse."""
    hanging = attempts * (CONNECT_TIMEOUT + READ_TIMEOUT) + sum(
        min(_ERROR_BACKOFF_SCALE * 2**i, 20) for i in range(attempts - 1))
    throttled = attempts * READ_TIMEOUT + sum(min(_THROTTLING_BACKOFF_SCALE * 2**i, 20) for i in range(attempts - 1))
    return max(hanging, throttled)


def aws_config(**extra: Any) -> Config:
    """The botocore settings every client uses: timeouts and retries with backoff (`extra` adds to them)."""
    return Config(connect_timeout=CONNECT_TIMEOUT, read_timeout=READ_TIMEOUT,
                  retries={"mode": "standard", "max_attempts": MAX_ATTEMPTS}, **extra)


def aws_client(service: str, **extra: Any) -> Any:
    """A boto3 client with aws_config; boto3 reads AWS_ENDPOINT_URL, so it talks to moto or to AWS."""
    return boto3.client(service, config=aws_config(**extra))


@cache
def dynamodb_resource() -> Any:
    """One resource per process; boto3 reads AWS_ENDPOINT_URL, so the same code talks to moto or to AWS."""
    return boto3.resource("dynamodb", config=aws_config())


def table(name: str) -> Any:
    return dynamodb_resource().Table(name)


def plain(value: Any) -> Any:
    """DynamoDB gives numbers back as Decimal; the models want the ints they stored."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def epoch(moment: dt.datetime) -> int:
    """A TTL attribute: seconds since the epoch, as DynamoDB's time to live expects."""
    return int(moment.timestamp())


def is_conditional_failure(error: Exception) -> bool:
    code = getattr(error, "response", {}).get("Error", {}).get("Code")
    return code in {"ConditionalCheckFailedException", "TransactionCanceledException"}

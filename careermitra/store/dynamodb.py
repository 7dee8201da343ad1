"""Every boto3 client and resource of the package (with timeouts and retries), and the conversions every store
shares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any

import boto3
from botocore.config import Config

# A call that hangs gives up after READ_TIMEOUT (a Lambda's API answer must come well inside its timeout); a
# throttled or failed call is retried with exponential backoff and jitter (botocore's "standard" mode), up to
# MAX_ATTEMPTS calls in all.
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 5
MAX_ATTEMPTS = 5


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

"""The boto3 DynamoDB resource and the conversions every store shares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any

import boto3


@cache
def dynamodb_resource() -> Any:
    """One resource per process; boto3 reads AWS_ENDPOINT_URL, so the same code talks to moto or to AWS."""
    return boto3.resource("dynamodb")


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

"""Rate-limit counters (one item per subject and time window) and single-use claims, all removed by TTL."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from botocore.exceptions import ClientError

from careermitra.domain.abuse import RateLimit
from careermitra.store.dynamodb import epoch, is_conditional_failure, table


class RateLimitStore(Protocol):
    def count(self, rule: RateLimit, subject: str, now: dt.datetime) -> tuple[int, dt.datetime]: ...
    def current(self, rule: RateLimit, subject: str, now: dt.datetime) -> tuple[int, dt.datetime]: ...
    def claim_once(self, key: str, until: dt.datetime) -> bool: ...


class DynamoRateLimitStore:
    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def count(self, rule: RateLimit, subject: str, now: dt.datetime) -> tuple[int, dt.datetime]:
        """Count one more action in the current window; return the new count and when the window ends."""
        key, window_end = rule.bucket(subject, now)
        answer = self._table.update_item(
            Key={"pk": key}, UpdateExpression="ADD hits :one SET expires_at = if_not_exists(expires_at, :end)",
            ExpressionAttributeValues={":one": 1, ":end": epoch(window_end)}, ReturnValues="UPDATED_NEW")
        return int(answer["Attributes"]["hits"]), window_end

    def current(self, rule: RateLimit, subject: str, now: dt.datetime) -> tuple[int, dt.datetime]:
        """The count so far in the current window, without adding to it."""
        key, window_end = rule.bucket(subject, now)
        item = self._table.get_item(Key={"pk": key}, ConsistentRead=True).get("Item")
        return (int(item["hits"]) if item else 0), window_end

    def claim_once(self, key: str, until: dt.datetime) -> bool:
        """True for the first claim of `key` (kept until `until`, then removed by TTL); False for every later one."""
        try:
            self._table.put_item(Item={"pk": f"ONCE#{key}", "expires_at": epoch(until)},
                                 ConditionExpression="attribute_not_exists(pk)")
        except ClientError as error:
            if is_conditional_failure(error):
                return False
            raise
        return True

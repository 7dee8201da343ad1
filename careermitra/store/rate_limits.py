"""Rate-limit counters: one item per subject and time window, removed by TTL after the window."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from careermitra.domain.abuse import RateLimit
from careermitra.store.dynamodb import epoch, table


class RateLimitStore(Protocol):
    def count(self, rule: RateLimit, subject: str, now: dt.datetime) -> tuple[int, dt.datetime]: ...


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

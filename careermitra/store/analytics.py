"""Analytics events and their daily totals in one table.

Items: `EVENTS#<IST day>#<shard>` / `<time>#<random>` for page views (TTL 90 days; a day is spread over a few
partitions so a busy day has no hot key), and `TOTALS#<IST day>` / `day` for the daily roll-up (counts only).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, Protocol

from boto3.dynamodb.conditions import Key

from careermitra.domain.analytics import EVENT_LIFETIME, DailyTotals, PageView
from careermitra.store.dynamodb import epoch, plain, table

SHARDS = 4


class AnalyticsStore(Protocol):
    def add(self, view: PageView) -> None: ...
    def views_on(self, day: dt.date) -> list[PageView]: ...
    def totals_on(self, day: dt.date) -> DailyTotals | None: ...
    def put_totals(self, totals: DailyTotals) -> None: ...


class DynamoAnalyticsStore:
    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def add(self, view: PageView) -> None:
        shard = secrets.randbelow(SHARDS)
        item: dict[str, Any] = {
            "pk": f"EVENTS#{view.day.isoformat()}#{shard}", "sk": f"{view.at.isoformat()}#{secrets.token_hex(4)}",
            **view.model_dump(mode="json", exclude_none=True), "expires_at": epoch(view.at + EVENT_LIFETIME)}
        self._table.put_item(Item=item)

    def views_on(self, day: dt.date) -> list[PageView]:
        views: list[PageView] = []
        for shard in range(SHARDS):
            query: dict[str, Any] = {"KeyConditionExpression": Key("pk").eq(f"EVENTS#{day.isoformat()}#{shard}")}
            while True:
                page = self._table.query(**query)
                views.extend(PageView.model_validate(plain(item)) for item in page.get("Items", []))
                if "LastEvaluatedKey" not in page:
                    break
                query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        return views

    def totals_on(self, day: dt.date) -> DailyTotals | None:
        item = self._table.get_item(Key={"pk": f"TOTALS#{day.isoformat()}", "sk": "day"}).get("Item")
        return DailyTotals.from_item(plain(item)) if item else None

    def put_totals(self, totals: DailyTotals) -> None:
        """Totals have no visitor ids and no expiry: they are what long-range reports read."""
        self._table.put_item(Item={"pk": f"TOTALS#{totals.day.isoformat()}", "sk": "day", **totals.to_item()})

"""Whether an approved review is on the site: set by the rebuild on the review's item, read by the CLI.

The rebuild writes `published_at` (live) or `publish_error` (not yet published, and why) on the approved reviews
of the institutions it published or failed to publish. These writes come back on the reviews table's stream:
rebuild/changes.py ignores a change of these fields alone, so the rebuild does not feed itself. A failed
institution's reviews sit in the sparse `by-publish-error` index, which `careermitra rebuild retry` and the
next successful rebuild read to publish them again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from typing import Any, Protocol

from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.store.dynamodb import is_conditional_failure, plain, table
from careermitra.store.records import STATUS_INDEX

logger = logging.getLogger(__name__)
PUBLISHED_AT = "published_at"
PUBLISH_ERROR = "publish_error"  # both named in rebuild/changes.py's PUBLICATION_FIELDS, which ignores them
PUBLISH_ERROR_INDEX = "by-publish-error"
INSTITUTION_INDEX = "by-institution"
MAX_REASON = 300


class PublicationState(Protocol):
    """What the rebuild records about each approved review after it tried to publish its institution."""

    def mark_live(self, slugs: Collection[str], now: dt.datetime) -> None: ...
    def mark_failed(self, slugs: Collection[str], reason: str) -> None: ...
    def failed_institutions(self) -> set[str]: ...


class DynamoPublicationState:
    """The published state, kept on the review items of the reviews table."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def _approved_items(self, slug: str) -> list[dict[str, Any]]:
        query: dict[str, Any] = {"IndexName": INSTITUTION_INDEX, "KeyConditionExpression": Key("institution").eq(slug)}
        items: list[dict[str, Any]] = []
        while True:
            page = self._table.query(**query)
            items.extend(item for item in page.get("Items", []) if item.get("status") == Status.APPROVED.value)
            if "LastEvaluatedKey" not in page:
                return items
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def _set(self, review_id: str, update: str, values: dict[str, Any]) -> None:
        # Only while the review is still approved: a rejection in between wins.
        try:
            self._table.update_item(Key={"id": review_id}, UpdateExpression=update,
                                    ConditionExpression="#status = :approved",
                                    ExpressionAttributeNames={"#status": "status"},
                                    ExpressionAttributeValues={":approved": Status.APPROVED.value, **values})
        except ClientError as error:
            if not is_conditional_failure(error):
                raise

    def mark_live(self, slugs: Collection[str], now: dt.datetime) -> None:
        """The approved reviews of these institutions are on the site now (written once per review)."""
        for slug in sorted(slugs):
            for item in self._approved_items(slug):
                if item.get(PUBLISHED_AT) and not item.get(PUBLISH_ERROR):
                    continue
                self._set(item["id"], f"SET {PUBLISHED_AT} = :now REMOVE {PUBLISH_ERROR}", {":now": now.isoformat()})

    def mark_reviews_live(self, review_ids: Collection[str], now: dt.datetime) -> int:
        """After a full publish: these reviews (the ones its build exported) are on the site, if still approved.

        Reads only the approved reviews not yet recorded live (one query of the status index), so a publish of a
        site whose reviews are all live writes nothing; returns how many it recorded.
        """
        wanted = set(review_ids)
        query: dict[str, Any] = {"IndexName": STATUS_INDEX,
                                 "KeyConditionExpression": Key("status").eq(Status.APPROVED.value),
                                 "FilterExpression": Attr(PUBLISHED_AT).not_exists() | Attr(PUBLISH_ERROR).exists()}
        recorded = 0
        while True:
            page = self._table.query(**query)
            for item in page.get("Items", []):
                if item["id"] in wanted:
                    self._set(item["id"], f"SET {PUBLISHED_AT} = :now REMOVE {PUBLISH_ERROR}",
                              {":now": now.isoformat()})
                    recorded += 1
            if "LastEvaluatedKey" not in page:
                return recorded
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def mark_failed(self, slugs: Collection[str], reason: str) -> None:
        """These institutions could not be published: their reviews not yet live say why."""
        reason = " ".join(reason.split())[:MAX_REASON] or "the rebuild failed"
        for slug in sorted(slugs):
            for item in self._approved_items(slug):
                if item.get(PUBLISHED_AT) and not item.get(PUBLISH_ERROR):
                    continue  # live already: the page that shows it is kept
                if item.get(PUBLISH_ERROR) != reason:
                    self._set(item["id"], f"SET {PUBLISH_ERROR} = :reason", {":reason": reason})

    def failed_institutions(self) -> set[str]:
        """Institutions with approved reviews a rebuild failed to publish (the sparse index: only those)."""
        slugs: set[str] = set()
        scan: dict[str, Any] = {"IndexName": PUBLISH_ERROR_INDEX}
        while True:
            page = self._table.scan(**scan)
            slugs.update(str(item["institution"]) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return slugs
            scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def state_of(self, review_id: str) -> str | None:
        """The review's status as the moderator reads it ('approved, live', …); None when there is no such review."""
        item = self._table.get_item(Key={"id": review_id}, ConsistentRead=True).get("Item")
        return ReviewRecord.model_validate(plain(item)).shown_status() if item else None

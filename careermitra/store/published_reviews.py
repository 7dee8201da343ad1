"""Approved reviews read for the site: per institution (a rebuild) or all of them (a full publish)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from boto3.dynamodb.conditions import Attr, Key

from careermitra.domain.review import PublishedReview
from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.store.dynamodb import plain, table
from careermitra.store.records import STATUS_INDEX

INSTITUTION_INDEX = "by-institution"


class DynamoApprovedReviews:
    """The reviews table seen from the site: only approved reviews, only what the site may show."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def _query(self, **query: Any) -> list[ReviewRecord]:
        records: list[ReviewRecord] = []
        while True:
            page = self._table.query(**query)
            records.extend(ReviewRecord.model_validate(plain(item)) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return records
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def approved_for(self, slug: str) -> list[PublishedReview]:
        records = self._query(IndexName=INSTITUTION_INDEX, KeyConditionExpression=Key("institution").eq(slug),
                              FilterExpression=Attr("status").eq(Status.APPROVED.value))
        return [record.published() for record in records]

    def all_approved(self) -> dict[str, list[PublishedReview]]:
        grouped: dict[str, list[PublishedReview]] = defaultdict(list)
        approved = Key("status").eq(Status.APPROVED.value)
        for record in self._query(IndexName=STATUS_INDEX, KeyConditionExpression=approved):
            grouped[record.institution].append(record.published())
        return dict(grouped)


class ApprovedSnapshot:
    """The approved reviews read once, at the start of a full publish: what its build shows, and so what is
    live once it is uploaded."""

    def __init__(self, approved: dict[str, list[PublishedReview]]) -> None:
        self._approved = approved

    def approved_for(self, slug: str) -> list[PublishedReview]:
        return list(self._approved.get(slug, []))

    def all_approved(self) -> dict[str, list[PublishedReview]]:
        return {slug: list(reviews) for slug, reviews in self._approved.items()}

    def review_ids(self) -> set[str]:
        return {review.id for reviews in self._approved.values() for review in reviews}

"""The storage every moderated submission shares: write once, look up, list a queue by status, decide."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Protocol, TypeVar

from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError
from pydantic import BaseModel

from careermitra.store.dynamodb import is_conditional_failure, plain, table

STATUS_INDEX = "by-status"
USER_INDEX = "by-user"
Record = TypeVar("Record", bound=BaseModel)


class ModerationQueue(Protocol[Record]):
    """What every moderated submission's store offers the workflows and the CLI."""

    def add(self, record: Record) -> Record | None: ...
    def get(self, record_id: str) -> Record | None: ...
    def by_status(self, status: str) -> list[Record]: ...
    def decide(self, record_id: str, expected: str, status: str, now: dt.datetime,
               note_field: str, note: str | None) -> Record | None: ...


class AuthoredQueue(ModerationQueue[Record], Protocol[Record]):
    """A queue of submissions by signed-in users, which a privacy request exports, deletes or anonymises."""

    def by_user(self, user_id: str) -> list[Record]: ...
    def remove(self, record_id: str) -> None: ...
    def detach_author(self, record_id: str, **replace: str) -> None: ...


class RecordStore(Generic[Record]):
    """A table keyed by `id` with a `by-status` index sorted by `created_at` (the moderation queue)."""

    model: type[Record]
    # A record in one of these statuses may be written over by a new one with the same id (none: never).
    replaceable_statuses: tuple[str, ...] = ()

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def _record(self, item: dict[str, Any]) -> Record:
        return self.model.model_validate(plain(item))

    def add(self, record: Record) -> Record | None:
        """Write a new record; if one with its id exists already (and may not be replaced), write nothing and
        return that one."""
        condition: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(id)"}
        if self.replaceable_statuses:
            names = [f":replaceable{index}" for index in range(len(self.replaceable_statuses))]
            condition = {"ConditionExpression": f"attribute_not_exists(id) OR #status IN ({', '.join(names)})",
                         "ExpressionAttributeNames": {"#status": "status"},
                         "ExpressionAttributeValues": dict(zip(names, self.replaceable_statuses, strict=True))}
        try:
            self._table.put_item(Item=record.model_dump(mode="json", exclude_none=True), **condition)
        except ClientError as error:
            if not is_conditional_failure(error):
                raise
            return self.get(record.id)  # type: ignore[attr-defined]
        return None

    def get(self, record_id: str) -> Record | None:
        item = self._table.get_item(Key={"id": record_id}, ConsistentRead=True).get("Item")
        return self._record(item) if item else None

    def by_status(self, status: str) -> list[Record]:
        """Every record with this status, oldest first."""
        return self._query_all(IndexName=STATUS_INDEX, KeyConditionExpression=Key("status").eq(status),
                               ScanIndexForward=True)

    def _query_all(self, **query: Any) -> list[Record]:
        """Every record a query finds, page after page."""
        records: list[Record] = []
        while True:
            page = self._table.query(**query)
            records.extend(self._record(item) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return records
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def decide(self, record_id: str, expected: str, status: str, now: dt.datetime,
               note_field: str, note: str | None) -> Record | None:
        """Move a record from `expected` to `status` with a note; None when it is missing or was decided already."""
        values: dict[str, Any] = {":expected": expected, ":status": status, ":now": now.isoformat(), ":note": note}
        try:
            answer = self._table.update_item(
                Key={"id": record_id}, ConditionExpression="#status = :expected",
                UpdateExpression=f"SET #status = :status, decided_at = :now, {note_field} = :note",
                ExpressionAttributeNames={"#status": "status"}, ExpressionAttributeValues=values,
                ReturnValues="ALL_NEW")
        except ClientError as error:
            if is_conditional_failure(error):
                return None
            raise
        return self._record(answer["Attributes"])

    def by_user(self, user_id: str) -> list[Record]:
        """Every record of one author (the `by-user` index; an erased author's records are not in it)."""
        return self._query_all(IndexName=USER_INDEX, KeyConditionExpression=Key("user_id").eq(user_id))

    def remove(self, record_id: str) -> None:
        self._table.delete_item(Key={"id": record_id})

    def detach_author(self, record_id: str, **replace: str) -> None:
        """Cut a record loose from its erased author: no user id, no fingerprint of them; `replace` sets fields."""
        names = {f"#f{index}": name for index, name in enumerate(replace)}
        values = {f":v{index}": value for index, value in enumerate(replace.values())}
        sets = ", ".join(["fingerprint = :erased", *(f"#f{i} = :v{i}" for i in range(len(replace)))])
        extra: dict[str, Any] = {"ExpressionAttributeNames": names} if names else {}
        self._table.update_item(Key={"id": record_id}, ConditionExpression="attribute_exists(id)",
                                UpdateExpression=f"SET {sets} REMOVE user_id",
                                ExpressionAttributeValues={":erased": "erased", **values}, **extra)

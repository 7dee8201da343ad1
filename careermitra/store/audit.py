"""The append-only audit table: a record is written once and this code has no way to change or delete it.

In AWS the table's resource policy also denies UpdateItem, DeleteItem and batch writes to everyone (see
AuditTable in template.yaml); here every write is conditional on the id being new.
"""

from __future__ import annotations

from typing import Any, Protocol

from botocore.exceptions import ClientError

from careermitra.domain.audit import Disclosure
from careermitra.store.dynamodb import is_conditional_failure, plain, table


class AuditRecordExists(RuntimeError):
    """An audit record with this id exists: it is never overwritten."""


class AuditLog(Protocol):
    def append(self, record: Disclosure) -> None: ...
    def all(self) -> list[Disclosure]: ...


class DynamoAuditLog:
    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def append(self, record: Disclosure) -> None:
        try:
            self._table.put_item(Item=record.model_dump(mode="json", exclude_none=True),
                                 ConditionExpression="attribute_not_exists(id)")
        except ClientError as error:
            if is_conditional_failure(error):
                raise AuditRecordExists(f"audit record {record.id} exists and cannot be replaced") from None
            raise

    def all(self) -> list[Disclosure]:
        """Every record, oldest first (a scan: the log is small and read rarely)."""
        items: list[dict[str, Any]] = []
        query: dict[str, Any] = {"ConsistentRead": True}
        while True:
            page = self._table.scan(**query)
            items.extend(page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                break
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        return sorted((Disclosure.model_validate(plain(item)) for item in items), key=lambda record: record.at)

"""Privacy requests waiting for their emailed link: `PRIVACY#<sha256 of the token>` items in the users table."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from careermitra.domain.privacy import PendingPrivacyRequest
from careermitra.domain.signing import token_digest
from careermitra.store.dynamodb import epoch, plain, table


class PrivacyRequestStore(Protocol):
    def add(self, token: str, request: PendingPrivacyRequest, expires: dt.datetime) -> None: ...
    def take(self, token: str, now: dt.datetime) -> PendingPrivacyRequest | None: ...


class DynamoPrivacyRequestStore:
    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def add(self, token: str, request: PendingPrivacyRequest, expires: dt.datetime) -> None:
        self._table.put_item(Item={"pk": f"PRIVACY#{token_digest(token)}",
                                   **request.model_dump(mode="json", exclude_none=True), "expires_at": epoch(expires)})

    def take(self, token: str, now: dt.datetime) -> PendingPrivacyRequest | None:
        """The request, deleted in the same call so the link works once; None when used or expired."""
        old = self._table.delete_item(Key={"pk": f"PRIVACY#{token_digest(token)}"}, ReturnValues="ALL_OLD")
        item = old.get("Attributes")
        if not item or int(item["expires_at"]) <= epoch(now):
            return None
        return PendingPrivacyRequest.model_validate(plain(item))

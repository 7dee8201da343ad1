"""Single-use link tokens and server-side sessions, kept by digest in the users table and expired by TTL."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from careermitra.domain.signing import token_digest
from careermitra.store.dynamodb import epoch, table


class SessionStore(Protocol):
    def add_link(self, token: str, user_id: str, expires: dt.datetime) -> None: ...
    def take_link(self, token: str, now: dt.datetime) -> str | None: ...
    def add_session(self, session_id: str, user_id: str, expires: dt.datetime) -> None: ...
    def session_user(self, session_id: str, now: dt.datetime) -> str | None: ...
    def end_session(self, session_id: str) -> None: ...


class DynamoSessionStore:
    """Items `LINK#<sha256>` and `SESSION#<sha256>`; `expires_at` is the table's TTL attribute."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def add_link(self, token: str, user_id: str, expires: dt.datetime) -> None:
        self._table.put_item(Item={"pk": f"LINK#{token_digest(token)}", "user_id": user_id,
                                   "expires_at": epoch(expires)})

    def take_link(self, token: str, now: dt.datetime) -> str | None:
        """The user a link belongs to, deleting it in the same call so that it works once; None if used or old."""
        old = self._table.delete_item(Key={"pk": f"LINK#{token_digest(token)}"}, ReturnValues="ALL_OLD")
        item = old.get("Attributes")
        # TTL deletes expired items only eventually, so the expiry is checked here too.
        if not item or int(item["expires_at"]) <= epoch(now):
            return None
        return str(item["user_id"])

    def add_session(self, session_id: str, user_id: str, expires: dt.datetime) -> None:
        self._table.put_item(Item={"pk": f"SESSION#{token_digest(session_id)}", "user_id": user_id,
                                   "expires_at": epoch(expires)})

    def session_user(self, session_id: str, now: dt.datetime) -> str | None:
        item = self._table.get_item(Key={"pk": f"SESSION#{token_digest(session_id)}"}, ConsistentRead=True).get("Item")
        if not item or int(item["expires_at"]) <= epoch(now):
            return None
        return str(item["user_id"])

    def end_session(self, session_id: str) -> None:
        self._table.delete_item(Key={"pk": f"SESSION#{token_digest(session_id)}"})

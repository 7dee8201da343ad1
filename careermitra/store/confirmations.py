"""Single-use links that confirm an address at an institution's mail domain, and what a followed link leaves: the
user's tie to the institution (student, alumnus or representative), with the domain and date, never the address.

Items in the users table: `CONFIRM#<sha256 of the token>` (deleted as it is followed, expired by the table's TTL)
and `TIE#<user id>#<slug>`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from careermitra.domain.signing import token_digest
from careermitra.domain.trust import Relationship, Verification
from careermitra.store.dynamodb import epoch, plain, table


class PendingConfirmation(BaseModel):
    """What a confirmation link stands for: this user has an address at this domain of this institution."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    user_id: str
    institution: str
    domain: str
    relationship: Relationship


class ConfirmationStore(Protocol):
    def add_link(self, token: str, pending: PendingConfirmation, expires: dt.datetime) -> None: ...
    def take_link(self, token: str, now: dt.datetime) -> PendingConfirmation | None: ...
    def add_tie(self, user_id: str, institution: str, verification: Verification) -> None: ...
    def tie(self, user_id: str, institution: str) -> Verification | None: ...


class DynamoConfirmationStore:
    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def add_link(self, token: str, pending: PendingConfirmation, expires: dt.datetime) -> None:
        self._table.put_item(Item={"pk": f"CONFIRM#{token_digest(token)}", **pending.model_dump(mode="json"),
                                   "expires_at": epoch(expires)})

    def take_link(self, token: str, now: dt.datetime) -> PendingConfirmation | None:
        """What a link stands for, deleting it in the same call so that it works once; None if used or expired."""
        old: dict[str, Any] = self._table.delete_item(Key={"pk": f"CONFIRM#{token_digest(token)}"},
                                                      ReturnValues="ALL_OLD")
        item = old.get("Attributes")
        if not item or int(item["expires_at"]) <= epoch(now):  # TTL deletes only eventually
            return None
        return PendingConfirmation.model_validate(plain(item))

    def add_tie(self, user_id: str, institution: str, verification: Verification) -> None:
        self._table.put_item(Item={"pk": f"TIE#{user_id}#{institution}", **verification.model_dump(mode="json")})

    def tie(self, user_id: str, institution: str) -> Verification | None:
        item = self._table.get_item(Key={"pk": f"TIE#{user_id}#{institution}"}, ConsistentRead=True).get("Item")
        return Verification.model_validate(plain(item)) if item else None

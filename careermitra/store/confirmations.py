"""Single-use links that confirm an address at an institution's mail domain, and what a followed link leaves: the
user's tie to the institution (student, alumnus or representative), with the domain and date, never the address.

Items in the users table: `CONFIRM#<sha256 of the token>` (deleted as it is followed, expired by the table's TTL)
and one `TIES#<user id>` per user, a map of institution slug to tie, so that an access request exports it and an
erasure deletes it in one call.
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
    def ties(self, user_id: str) -> dict[str, Verification]: ...
    def remove_ties(self, user_id: str) -> None: ...


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
        """Add or renew one tie; the map is created by the first (two writes only the first time)."""
        key = {"pk": f"TIES#{user_id}"}
        self._table.update_item(Key=key, UpdateExpression="SET ties = if_not_exists(ties, :empty)",
                                ExpressionAttributeValues={":empty": {}})
        self._table.update_item(Key=key, UpdateExpression="SET ties.#slug = :tie",
                                ExpressionAttributeNames={"#slug": institution},
                                ExpressionAttributeValues={":tie": verification.model_dump(mode="json")})

    def ties(self, user_id: str) -> dict[str, Verification]:
        """Every institution the user confirmed an address at, with the domain and date."""
        item = self._table.get_item(Key={"pk": f"TIES#{user_id}"}, ConsistentRead=True).get("Item") or {}
        return {slug: Verification.model_validate(plain(tie)) for slug, tie in (item.get("ties") or {}).items()}

    def tie(self, user_id: str, institution: str) -> Verification | None:
        return self.ties(user_id).get(institution)

    def remove_ties(self, user_id: str) -> None:
        self._table.delete_item(Key={"pk": f"TIES#{user_id}"})

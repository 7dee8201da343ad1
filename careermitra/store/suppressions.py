"""Addresses SES reported as bounced for good or as complaints: never mailed again.

Kept as `SUPPRESSED#<keyed digest>` items in the users table (encrypted, point-in-time recovery): the address
itself is never stored, and the digest is keyed with the session secret so a copy of the table cannot be
checked against a list of guessed addresses. The writer (the SES events function) is beside the reader (the
mailers' check).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any, Protocol

from careermitra.store.dynamodb import table

PERMANENT_BOUNCE = "Permanent"


def suppression_digest(key: bytes, address: str) -> str:
    """The keyed digest under which an address is suppressed (case and spaces do not matter)."""
    normalised = address.strip().lower()
    return hmac.new(key, f"suppressed\x1f{normalised}".encode(), hashlib.sha256).hexdigest()


def addresses_to_suppress(notification: dict[str, Any]) -> list[tuple[str, str]]:
    """(address, reason) for each recipient an SES event says must not be mailed again.

    A permanent bounce or a complaint suppresses; a transient bounce (a full mailbox) does not. Both SES event
    publishing (`eventType`) and identity notifications (`notificationType`) are read."""
    kind = notification.get("eventType") or notification.get("notificationType")
    if kind == "Bounce":
        bounce = notification.get("bounce") or {}
        if bounce.get("bounceType") != PERMANENT_BOUNCE:
            return []
        return [(item["emailAddress"], "bounce") for item in bounce.get("bouncedRecipients", [])]
    if kind == "Complaint":
        complaint = notification.get("complaint") or {}
        return [(item["emailAddress"], "complaint") for item in complaint.get("complainedRecipients", [])]
    return []


def notifications_in_sns_event(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The SES notifications an SNS-triggered Lambda event carries, one per record."""
    return [json.loads(record["Sns"]["Message"]) for record in event.get("Records", [])]


class SuppressionList(Protocol):
    def is_suppressed(self, address: str) -> bool: ...


class DynamoSuppressionList:
    def __init__(self, table_name: str, key: bytes) -> None:
        self._table = table(table_name)
        self._key = key

    def _item_key(self, address: str) -> dict[str, str]:
        return {"pk": f"SUPPRESSED#{suppression_digest(self._key, address)}"}

    def suppress(self, address: str, reason: str, when: dt.datetime) -> None:
        """Record the address (by digest) with why and since when; a second report keeps the item."""
        self._table.put_item(Item={**self._item_key(address), "reason": reason, "since": when.isoformat()})

    def is_suppressed(self, address: str) -> bool:
        return "Item" in self._table.get_item(Key=self._item_key(address), ConsistentRead=True)

"""In-memory stores and a mailer that satisfy the store Protocols, for workflow tests where DynamoDB is not the
point (the moto tests in tests/backend/ test the Dynamo stores themselves)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from careermitra.domain.user import AccountChange, PolicyConsent, User
from careermitra.mail.messages import Message

Record = TypeVar("Record", bound=BaseModel)


def _field(record: BaseModel, name: str) -> Any:
    """A field every queued record has (id, status, created_at, user_id), read from the generic record."""
    return getattr(record, name, None)


class MemoryQueue(Generic[Record]):
    """ModerationQueue and AuthoredQueue in a dict: write once, list by status oldest first, decide once."""

    def __init__(self, replaceable_statuses: tuple[str, ...] = ()) -> None:
        self.records: dict[str, Record] = {}
        self._replaceable = replaceable_statuses

    def add(self, record: Record) -> Record | None:
        record_id: str = _field(record, "id")
        existing = self.records.get(record_id)
        if existing is not None and _field(existing, "status") not in self._replaceable:
            return existing
        self.records[record_id] = record
        return None

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def by_status(self, status: str) -> list[Record]:
        return sorted((r for r in self.records.values() if _field(r, "status") == status),
                      key=lambda record: _field(record, "created_at"))

    def decide(self, record_id: str, expected: str, status: str, now: dt.datetime,
               note_field: str, note: str | None) -> Record | None:
        record = self.records.get(record_id)
        if record is None or _field(record, "status") != expected:
            return None
        decided = record.model_copy(update={"status": status, "decided_at": now, note_field: note})
        self.records[record_id] = decided
        return decided

    def withdraw(self, record_id: str, user_id: str, now: dt.datetime) -> Record | None:
        from careermitra.domain.review_submission import WITHDRAWABLE

        record = self.records.get(record_id)
        if record is None or _field(record, "user_id") != user_id or _field(record, "status") not in WITHDRAWABLE:
            return None
        withdrawn = record.model_copy(update={"status": "withdrawn", "withdrawn_at": now})
        self.records[record_id] = withdrawn
        return withdrawn

    def by_user(self, user_id: str) -> list[Record]:
        return [record for record in self.records.values() if getattr(record, "user_id", None) == user_id]

    def remove(self, record_id: str) -> None:
        self.records.pop(record_id, None)

    def detach_author(self, record_id: str, **replace: str) -> None:
        update: dict[str, Any] = {"user_id": None, "fingerprint": "erased", **replace}
        self.records[record_id] = self.records[record_id].model_copy(update=update)


class MemoryUsers:
    """UserStore in a dict (no expiry of unverified registrations: that is the Dynamo store's business)."""

    def __init__(self) -> None:
        self.users: dict[str, User] = {}

    def by_email(self, email: str, now: dt.datetime | None = None) -> User | None:
        return next((user for user in self.users.values() if user.email == email), None)

    def get(self, user_id: str, now: dt.datetime | None = None) -> User | None:
        return self.users.get(user_id)

    def account_id(self, email: str, now: dt.datetime | None = None) -> str | None:
        user = self.by_email(email)
        return user.id if user else None

    def add(self, user: User) -> User:
        existing = self.by_email(user.email)
        if existing is not None:
            return existing
        self.users[user.id] = user
        return user

    def mark_verified(self, user_id: str) -> None:
        self.users[user_id] = self.users[user_id].model_copy(update={"verified": True})

    def accept_policy(self, user_id: str, consent: PolicyConsent) -> None:
        user = self.users[user_id]
        self.users[user_id] = user.model_copy(update={
            "consent_version": consent.version, "consented_at": consent.at,
            "consent_history": [*user.consents, consent]})

    def change_profile(self, user_id: str, values: dict[str, Any], change: AccountChange) -> None:
        user = self.users[user_id]
        self.users[user_id] = User.model_validate({**user.model_dump(mode="json"), **values,
                                                   "history": [*user.history, change]})

    def all_verified(self) -> list[User]:
        return [user for user in self.users.values() if user.verified]

    def delete(self, user: User) -> None:
        self.users.pop(user.id, None)


class MemoryCatalogue:
    def __init__(self, *slugs: str) -> None:
        self.slugs = frozenset(slugs)

    def exists(self, slug: str) -> bool:
        return slug in self.slugs


class MemoryMailer:
    """A Mailer that keeps what it was asked to send; `failing` makes every send raise."""

    def __init__(self, failing: bool = False) -> None:
        self.sent: list[Message] = []
        self.failing = failing

    def send(self, message: Message) -> None:
        if self.failing:
            raise ConnectionError("the mail service is down")
        self.sent.append(message)

"""In-memory stores and a mailer that satisfy the store Protocols, for workflow tests where DynamoDB is not the
point (the moto tests in tests/backend/ test the Dynamo stores themselves)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.domain.trust import DecisionRecord, Reply, ReplyStatus, Verification
from careermitra.domain.user import AccountChange, PolicyConsent, User
from careermitra.mail.messages import Message
from careermitra.store.confirmations import PendingConfirmation

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


class MemoryReviews(MemoryQueue[ReviewRecord]):
    """ReviewStore in a dict: the queue plus the decision log, verification and the one reply per review."""

    def __init__(self) -> None:
        super().__init__(replaceable_statuses=(Status.REJECTED.value, Status.WITHDRAWN.value))

    def _change(self, review_id: str, **update: Any) -> None:
        self.records[review_id] = self.records[review_id].model_copy(update=update)

    def log_decision(self, review_id: str, decision: DecisionRecord, expires_at: int | None) -> None:
        record = self.records[review_id]
        self._change(review_id, decisions=[*record.decisions, decision],
                     **({"expires_at": expires_at} if expires_at is not None else {}))

    def verify(self, review_id: str, verification: Verification) -> bool:
        if review_id not in self.records:
            return False
        self._change(review_id, verification=verification)
        return True

    def add_reply(self, review_id: str, reply: Reply) -> bool:
        record = self.records.get(review_id)
        if record is None or record.status != Status.APPROVED or record.reply is not None:
            return False
        self._change(review_id, reply=reply)
        return True

    def decide_reply(self, review_id: str, status: ReplyStatus, now: dt.datetime,
                     reason_code: str | None) -> ReviewRecord | None:
        record = self.records.get(review_id)
        if record is None or record.reply is None or record.reply.status != "pending":
            return None
        reply = record.reply.model_copy(update={"status": status, "decided_at": now, "reason_code": reason_code})
        self._change(review_id, reply=reply)
        return self.records[review_id]

    def replies_by_status(self, status: ReplyStatus) -> list[ReviewRecord]:
        return [record for record in self.records.values() if record.reply and record.reply.status == status]


class MemoryConfirmations:
    """ConfirmationStore in dicts."""

    def __init__(self) -> None:
        self.links: dict[str, tuple[PendingConfirmation, dt.datetime]] = {}
        self.by_pair: dict[tuple[str, str], Verification] = {}

    def add_link(self, token: str, pending: PendingConfirmation, expires: dt.datetime) -> None:
        self.links[token] = (pending, expires)

    def take_link(self, token: str, now: dt.datetime) -> PendingConfirmation | None:
        found = self.links.pop(token, None)
        return found[0] if found and found[1] > now else None

    def add_tie(self, user_id: str, institution: str, verification: Verification) -> None:
        self.by_pair[(user_id, institution)] = verification

    def tie(self, user_id: str, institution: str) -> Verification | None:
        return self.by_pair.get((user_id, institution))

    def ties(self, user_id: str) -> dict[str, Verification]:
        return {slug: tie for (user, slug), tie in self.by_pair.items() if user == user_id}

    def remove_ties(self, user_id: str) -> None:
        self.by_pair = {key: tie for key, tie in self.by_pair.items() if key[0] != user_id}


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
    def __init__(self, *slugs: str, domains: dict[str, list[str]] | None = None) -> None:
        self.slugs = frozenset(slugs)
        self.domains = domains or {}

    def exists(self, slug: str) -> bool:
        return slug in self.slugs

    def email_domains(self, slug: str) -> list[str]:
        return self.domains.get(slug, [])

    def name(self, slug: str) -> str:
        return slug.replace("-", " ").title()


class MemoryMailer:
    """A Mailer that keeps what it was asked to send; `failing` makes every send raise."""

    def __init__(self, failing: bool = False) -> None:
        self.sent: list[Message] = []
        self.failing = failing

    def send(self, message: Message) -> None:
        if self.failing:
            raise ConnectionError("the mail service is down")
        self.sent.append(message)

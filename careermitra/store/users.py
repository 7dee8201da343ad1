"""Users, with a second item per user that makes an email address unique."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from botocore.exceptions import ClientError

from careermitra.domain.signing import email_digest
from careermitra.domain.user import PolicyConsent, User
from careermitra.store.dynamodb import epoch, is_conditional_failure, plain, table

# A registration whose email was never confirmed is removed after this (TTL on both of its items).
UNVERIFIED_LIFETIME = dt.timedelta(days=7)


class UserStore(Protocol):
    def by_email(self, email: str, now: dt.datetime | None = None) -> User | None: ...
    def get(self, user_id: str, now: dt.datetime | None = None) -> User | None: ...
    def add(self, user: User) -> User: ...
    def mark_verified(self, user_id: str) -> None: ...
    def accept_policy(self, user_id: str, consent: PolicyConsent) -> None: ...
    def delete(self, user: User) -> None: ...
    def claim_mail_slot(self, user_id: str, now: dt.datetime, cooldown: dt.timedelta) -> bool: ...
    def release_mail_slot(self, user_id: str) -> None: ...


def _expired(item: dict[str, Any], now: dt.datetime | None) -> bool:
    expires = item.get("expires_at")
    moment = now or dt.datetime.now(dt.UTC)
    return expires is not None and int(expires) <= epoch(moment)


def _user_key(user_id: str) -> dict[str, str]:
    return {"pk": f"USER#{user_id}"}


def _email_key(email: str) -> dict[str, str]:
    return {"pk": f"EMAIL#{email_digest(email)}"}


class DynamoUserStore:
    """Items `USER#<id>` (the user) and `EMAIL#<sha256>` (points to the id) in the users table."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def by_email(self, email: str, now: dt.datetime | None = None) -> User | None:
        item = self._table.get_item(Key=_email_key(email), ConsistentRead=True).get("Item")
        return self.get(item["user_id"], now) if item and not _expired(item, now) else None

    def get(self, user_id: str, now: dt.datetime | None = None) -> User | None:
        """The user, unless it is an unverified registration past its 7 days (TTL deletes only eventually)."""
        item = self._table.get_item(Key=_user_key(user_id), ConsistentRead=True).get("Item")
        return User.model_validate(plain(item)) if item and not _expired(item, now) else None

    def _stored(self, user_id: str) -> User | None:
        item = self._table.get_item(Key=_user_key(user_id), ConsistentRead=True).get("Item")
        return User.model_validate(plain(item)) if item else None

    def add(self, user: User) -> User:
        """Store a new user; if the email was registered meanwhile, return the user who has it.

        An unverified registration carries `expires_at` on both items; one past it may be taken over.
        """
        client = self._table.meta.client
        expiry: dict[str, Any] = {} if user.verified else {
            "expires_at": epoch(user.created_at + UNVERIFIED_LIFETIME)}
        record: dict[str, Any] = {**_user_key(user.id), **user.model_dump(mode="json"), **expiry}
        free = {"ConditionExpression": "attribute_not_exists(pk) OR expires_at < :now",
                "ExpressionAttributeValues": {":now": epoch(user.created_at)}}
        try:
            # The resource's client takes plain Python values, like the Table methods.
            client.transact_write_items(TransactItems=[
                {"Put": {"TableName": self._table.name, **free,
                         "Item": {**_email_key(user.email), "user_id": user.id, **expiry}}},
                {"Put": {"TableName": self._table.name, **free, "Item": record}},
            ])
        except ClientError as error:
            existing = self.by_email(user.email, user.created_at) if is_conditional_failure(error) else None
            if existing is None:
                raise
            return existing
        return user

    def mark_verified(self, user_id: str) -> None:
        """Verified, and so kept: the 7-day expiry comes off both items."""
        user = self._stored(user_id)
        if user is None:
            return
        self._table.update_item(Key=_user_key(user_id), UpdateExpression="SET verified = :yes REMOVE expires_at",
                                ConditionExpression="attribute_exists(pk)", ExpressionAttributeValues={":yes": True})
        self._table.update_item(Key=_email_key(user.email), UpdateExpression="REMOVE expires_at",
                                ConditionExpression="attribute_exists(pk)")

    def accept_policy(self, user_id: str, consent: PolicyConsent) -> None:
        """Record the acceptance of a policy version: it becomes current and is added to the history."""
        user = self._stored(user_id)
        if user is None:
            return
        history = [item.model_dump(mode="json") for item in [*user.consents, consent]]
        self._table.update_item(
            Key=_user_key(user_id), ConditionExpression="attribute_exists(pk)",
            UpdateExpression="SET consent_version = :version, consented_at = :at, consent_history = :history",
            ExpressionAttributeValues={":version": consent.version, ":at": consent.at.isoformat(),
                                       ":history": history})

    def delete(self, user: User) -> None:
        """Erase a user: the profile and the item that maps the email address to it."""
        self._table.meta.client.transact_write_items(TransactItems=[
            {"Delete": {"TableName": self._table.name, "Key": _user_key(user.id)}},
            {"Delete": {"TableName": self._table.name, "Key": _email_key(user.email)}},
        ])

    def claim_mail_slot(self, user_id: str, now: dt.datetime, cooldown: dt.timedelta) -> bool:
        """True for the one request allowed to email this user now; double clicks and retries get False."""
        try:
            self._table.update_item(
                Key=_user_key(user_id), UpdateExpression="SET last_mail_at = :now",
                ConditionExpression="attribute_exists(pk) AND "
                                    "(attribute_not_exists(last_mail_at) OR last_mail_at < :due)",
                ExpressionAttributeValues={":now": int(now.timestamp()), ":due": int((now - cooldown).timestamp())})
        except ClientError as error:
            if is_conditional_failure(error):
                return False
            raise
        return True

    def release_mail_slot(self, user_id: str) -> None:
        """The mail could not be sent: let the next attempt send it without waiting for the cooldown."""
        self._table.update_item(Key=_user_key(user_id), UpdateExpression="REMOVE last_mail_at")

"""Users, with a second item per user that makes an email address unique."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from botocore.exceptions import ClientError

from careermitra.domain.signing import email_digest
from careermitra.domain.user import User
from careermitra.store.dynamodb import is_conditional_failure, plain, table


class UserStore(Protocol):
    def by_email(self, email: str) -> User | None: ...
    def get(self, user_id: str) -> User | None: ...
    def add(self, user: User) -> User: ...
    def mark_verified(self, user_id: str) -> None: ...
    def claim_mail_slot(self, user_id: str, now: dt.datetime, cooldown: dt.timedelta) -> bool: ...
    def release_mail_slot(self, user_id: str) -> None: ...


def _user_key(user_id: str) -> dict[str, str]:
    return {"pk": f"USER#{user_id}"}


def _email_key(email: str) -> dict[str, str]:
    return {"pk": f"EMAIL#{email_digest(email)}"}


class DynamoUserStore:
    """Items `USER#<id>` (the user) and `EMAIL#<sha256>` (points to the id) in the users table."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def by_email(self, email: str) -> User | None:
        item = self._table.get_item(Key=_email_key(email), ConsistentRead=True).get("Item")
        return self.get(item["user_id"]) if item else None

    def get(self, user_id: str) -> User | None:
        item = self._table.get_item(Key=_user_key(user_id), ConsistentRead=True).get("Item")
        return User.model_validate(plain(item)) if item else None

    def add(self, user: User) -> User:
        """Store a new user; if the email was registered meanwhile, return the user who has it."""
        client = self._table.meta.client
        record: dict[str, Any] = {**_user_key(user.id), **user.model_dump(mode="json")}
        try:
            client.transact_write_items(TransactItems=[
                {"Put": {"TableName": self._table.name, "Item": {**_email_key(user.email), "user_id": user.id},
                         "ConditionExpression": "attribute_not_exists(pk)"}},
                {"Put": {"TableName": self._table.name, "Item": record,
                         "ConditionExpression": "attribute_not_exists(pk)"}},
            ])
        except ClientError as error:
            existing = self.by_email(user.email) if is_conditional_failure(error) else None
            if existing is None:
                raise
            return existing
        return user

    def mark_verified(self, user_id: str) -> None:
        self._table.update_item(Key=_user_key(user_id), UpdateExpression="SET verified = :yes",
                                ConditionExpression="attribute_exists(pk)", ExpressionAttributeValues={":yes": True})

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

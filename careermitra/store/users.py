"""Users, with a second item per user that makes a mailbox (canonical_mailbox of the address) unique."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from botocore.exceptions import ClientError

from careermitra.domain.signing import email_digest
from careermitra.domain.user import AccountChange, PolicyConsent, User, canonical_mailbox
from careermitra.store.dynamodb import epoch, is_conditional_failure, plain, table

# A registration whose email was never confirmed is removed after this (TTL on both of its items).
UNVERIFIED_LIFETIME = dt.timedelta(days=7)


class UserStore(Protocol):
    def by_email(self, email: str, now: dt.datetime | None = None) -> User | None: ...
    def get(self, user_id: str, now: dt.datetime | None = None) -> User | None: ...
    def account_id(self, email: str, now: dt.datetime | None = None) -> str | None: ...
    def add(self, user: User) -> User: ...
    def mark_verified(self, user_id: str) -> None: ...
    def accept_policy(self, user_id: str, consent: PolicyConsent) -> None: ...
    def change_profile(self, user_id: str, values: dict[str, Any], change: AccountChange) -> None: ...
    def all_verified(self) -> list[User]: ...
    def delete(self, user: User) -> None: ...


def _expired(item: dict[str, Any], now: dt.datetime | None) -> bool:
    expires = item.get("expires_at")
    moment = now or dt.datetime.now(dt.UTC)
    return expires is not None and int(expires) <= epoch(moment)


def _user_key(user_id: str) -> dict[str, str]:
    return {"pk": f"USER#{user_id}"}


def _email_key(email: str) -> dict[str, str]:
    """One item per canonical mailbox: every "+tag" or Gmail-dot spelling of an address finds the same account."""
    return {"pk": f"EMAIL#{email_digest(canonical_mailbox(email))}"}


# Read when an address has no account, so that a lookup makes the same two reads, of items of the same shape,
# either way (issue 12: the time of a registration or a sign-in must not tell whether an address is known). Not
# a user (its key is not `USER#...`, so no scan or export meets it) and no one's data: a fictional record of a
# typical account's size, written by the first lookup that needs it. Reading and decoding a missing item costs
# a fraction of reading a user's, which made a known address measurably slower to sign in to.
STAND_IN_KEY = {"pk": "STAND-IN#user"}
# No user has this id: a pending privacy request for an address without an account points to it.
NO_USER = "-"
STAND_IN: dict[str, Any] = {
    "id": "0" * 32, "name": "Stand-in Record", "email": "stand-in@invalid.example", "phone": "+910000000000",
    "city": "Stand-in", "verified": True, "consent_version": "0000-00-00", "consented_at": "2000-01-01T00:00:00Z",
    "created_at": "2000-01-01T00:00:00Z", "adult_confirmed_at": "2000-01-01T00:00:00Z",
    "consent_history": [{"version": "0000-00-00", "at": "2000-01-01T00:00:00Z"}], "history": [], "language": "en",
}


class DynamoUserStore:
    """Items `USER#<id>` (the user) and `EMAIL#<sha256>` (points to the id) in the users table."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def by_email(self, email: str, now: dt.datetime | None = None) -> User | None:
        """The account of the address's mailbox; two consistent reads whether or not there is one."""
        item = self._table.get_item(Key=_email_key(email), ConsistentRead=True).get("Item")
        if item is not None and not _expired(item, now):
            return self.get(str(item["user_id"]), now)
        self._read_stand_in()
        return None

    def _read_stand_in(self) -> None:
        """What `get` does for a user, on the stand-in record (written the first time it is missing)."""
        item = self._table.get_item(Key=STAND_IN_KEY, ConsistentRead=True).get("Item")
        if item is None:
            self._table.put_item(Item={**STAND_IN_KEY, **STAND_IN})
            item = {**STAND_IN_KEY, **STAND_IN}
        _expired(item, None)
        User.model_validate(plain(item))

    def account_id(self, email: str, now: dt.datetime | None = None) -> str | None:
        """The id of the mailbox's account, from one read of the small mailbox item whether or not there is one."""
        item = self._table.get_item(Key=_email_key(email), ConsistentRead=True).get("Item")
        return str(item["user_id"]) if item and not _expired(item, now) else None

    def get(self, user_id: str, now: dt.datetime | None = None) -> User | None:
        """The user, unless it is an unverified registration past its 7 days (TTL deletes only eventually)."""
        item = self._table.get_item(Key=_user_key(user_id), ConsistentRead=True).get("Item")
        return User.model_validate(plain(item)) if item and not _expired(item, now) else None

    def _stored(self, user_id: str) -> User | None:
        item = self._table.get_item(Key=_user_key(user_id), ConsistentRead=True).get("Item")
        return User.model_validate(plain(item)) if item else None

    def add(self, user: User) -> User:
        """Store a new user; if the email was registered meanwhile, return the user who has it.

        An unverified registration carries `expires_at` on both items; one past it may be taken over. A mailbox
        item whose user is gone (a write cut short, an item removed by hand) is cleared and the write tried once
        more, instead of failing every later registration of the address with a 500.
        """
        try:
            return self._add(user)
        except ClientError as error:
            if not is_conditional_failure(error) or not self._clear_orphaned_mailbox(user.email, user.created_at):
                raise
        return self._add(user)

    def _clear_orphaned_mailbox(self, email: str, now: dt.datetime) -> bool:
        """Delete the address's mailbox item if the user it points to does not exist; whether it did."""
        item = self._table.get_item(Key=_email_key(email), ConsistentRead=True).get("Item")
        if item is None or self.get(str(item["user_id"]), now) is not None:
            return False
        try:
            self._table.delete_item(Key=_email_key(email), ConditionExpression="user_id = :orphan",
                                    ExpressionAttributeValues={":orphan": item["user_id"]})
        except ClientError as error:
            if is_conditional_failure(error):
                return False
            raise
        return True

    def _add(self, user: User) -> User:
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

    def change_profile(self, user_id: str, values: dict[str, Any], change: AccountChange) -> None:
        """Set profile attributes (JSON-ready values; None removes one) and append the change to the history."""
        user = self._stored(user_id)
        if user is None:
            return
        history = [item.model_dump(mode="json") for item in [*user.history, change]]
        names = {f"#f{index}": name for index, name in enumerate(values)}
        setting = [f"#f{index} = :v{index}" for index, (_, value) in enumerate(values.items()) if value is not None]
        removing = [f"#f{index}" for index, (_, value) in enumerate(values.items()) if value is None]
        expression = "SET " + ", ".join([*setting, "history = :history"])
        if removing:
            expression += " REMOVE " + ", ".join(removing)
        self._table.update_item(
            Key=_user_key(user_id), ConditionExpression="attribute_exists(pk)", UpdateExpression=expression,
            ExpressionAttributeNames=names,
            ExpressionAttributeValues={":history": history, **{
                f":v{index}": value for index, value in enumerate(values.values()) if value is not None}})

    def all_verified(self) -> list[User]:
        """Every verified account (a scan: for the rare whole-base task, such as a breach notice to everyone)."""
        users: list[User] = []
        arguments: dict[str, Any] = {"FilterExpression": "begins_with(pk, :user) AND verified = :yes",
                                     "ExpressionAttributeValues": {":user": "USER#", ":yes": True}}
        while True:
            page = self._table.scan(**arguments)
            users.extend(User.model_validate(plain(item)) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return users
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def delete(self, user: User) -> None:
        """Erase a user: the profile and the item that maps the email address to it."""
        self._table.meta.client.transact_write_items(TransactItems=[
            {"Delete": {"TableName": self._table.name, "Key": _user_key(user.id)}},
            {"Delete": {"TableName": self._table.name, "Key": _email_key(user.email)}},
        ])

"""Email links and server-side sessions, kept by digest in the users table and expired by TTL.

A link works once (deleted as it is followed), only while it is its mailbox's newest (`MAILBOX#` keeps the
digest of the last one sent, and signing out removes it), and carries what it stands for: the account it signs
in, or the whole registration it will create, so following it never takes details from anywhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from botocore.exceptions import ClientError
from pydantic import BaseModel, ConfigDict

from careermitra.domain.signing import email_digest, token_digest
from careermitra.domain.user import PolicyConsent, User
from careermitra.store.dynamodb import epoch, is_conditional_failure, plain, table


class EmailLink(BaseModel):
    """What a sign-in or verification link stands for."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    mailbox: str  # the canonical mailbox it was sent to
    user_id: str | None = None  # a sign-in link: the verified account
    registration: User | None = None  # a verification link: the account the registration will create
    consent: PolicyConsent | None = None  # the policy version the form agreed to
    return_to: str | None = None  # the page of the site the person came from (domain/return_path.py)


class SessionStore(Protocol):
    def add_link(self, token: str, link: EmailLink, expires: dt.datetime, now: dt.datetime,
                 cooldown: dt.timedelta) -> bool: ...
    def release_mailbox(self, mailbox: str) -> None: ...
    def take_link(self, token: str, now: dt.datetime) -> EmailLink | None: ...
    def revoke_links(self, mailbox: str) -> None: ...
    def add_session(self, session_id: str, user_id: str, expires: dt.datetime) -> None: ...
    def session_user(self, session_id: str, now: dt.datetime) -> str | None: ...
    def end_session(self, session_id: str) -> None: ...


def _mailbox_key(mailbox: str) -> dict[str, str]:
    return {"pk": f"MAILBOX#{email_digest(mailbox)}"}


def _link_key(token: str) -> dict[str, str]:
    return {"pk": f"LINK#{token_digest(token)}"}


class DynamoSessionStore:
    """Items `LINK#<sha256>`, `MAILBOX#<sha256>` and `SESSION#<sha256>`; `expires_at` is the table's TTL."""

    def __init__(self, table_name: str) -> None:
        self._table = table(table_name)

    def add_link(self, token: str, link: EmailLink, expires: dt.datetime, now: dt.datetime,
                 cooldown: dt.timedelta) -> bool:
        """Make `token` the mailbox's one live link; False (nothing stored) when a mail went there < cooldown ago.

        One conditional write claims the mail slot and revokes every older link of the mailbox.
        """
        try:
            self._table.update_item(
                Key=_mailbox_key(link.mailbox),
                UpdateExpression="SET last_mail_at = :now, latest_link = :link, expires_at = :expires",
                ConditionExpression="attribute_not_exists(last_mail_at) OR last_mail_at < :due",
                ExpressionAttributeValues={":now": epoch(now), ":due": epoch(now - cooldown),
                                           ":link": token_digest(token), ":expires": epoch(expires)})
        except ClientError as error:
            if is_conditional_failure(error):
                return False
            raise
        self._table.put_item(Item={**_link_key(token), **link.model_dump(mode="json", exclude_none=True),
                                   "expires_at": epoch(expires)})
        return True

    def release_mailbox(self, mailbox: str) -> None:
        """The mail could not be sent: let the next attempt send it without waiting for the cooldown."""
        self._table.update_item(Key=_mailbox_key(mailbox), UpdateExpression="REMOVE last_mail_at")

    def take_link(self, token: str, now: dt.datetime) -> EmailLink | None:
        """What a link stands for, deleting it in the same call so that it works once; None if used, old,
        replaced by a newer link or revoked by signing out."""
        old: dict[str, Any] = self._table.delete_item(Key=_link_key(token), ReturnValues="ALL_OLD")
        item = old.get("Attributes")
        # TTL deletes expired items only eventually, so the expiry is checked here too.
        if not item or int(item["expires_at"]) <= epoch(now):
            return None
        link = EmailLink.model_validate(plain(item))
        mailbox = self._table.get_item(Key=_mailbox_key(link.mailbox), ConsistentRead=True).get("Item") or {}
        return link if mailbox.get("latest_link") == token_digest(token) else None

    def revoke_links(self, mailbox: str) -> None:
        """No link sent to this mailbox works any more (signing out); and the mail cooldown ends, since asking
        for a link after signing out is neither a double click nor a retry (issue 14: sign out, sign in)."""
        self._table.update_item(Key=_mailbox_key(mailbox), UpdateExpression="REMOVE latest_link, last_mail_at")

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

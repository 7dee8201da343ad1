"""Reviews waiting for, or decided by, a moderator; the table's stream feeds the site rebuild.

A review item also carries what issue 14 adds to it: the author's confirmed domain (`verification`), the
institution's one reply (`reply`, with `reply_status` for the replies queue), the decision log (`decisions`) and,
once rejected or removed, `expires_at`, the table's TTL, after which DynamoDB deletes the text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError

from careermitra.domain.review_submission import WITHDRAWABLE, ReviewRecord
from careermitra.domain.submission import Status
from careermitra.domain.trust import DecisionRecord, Reply, ReplyStatus, Verification
from careermitra.store.dynamodb import is_conditional_failure
from careermitra.store.records import AuthoredQueue, RecordStore

REPLY_STATUS_INDEX = "by-reply-status"


class ReviewStore(AuthoredQueue[ReviewRecord], Protocol):
    """The reviews as the review workflow, moderation, the author's own list and privacy requests use them."""

    def withdraw(self, review_id: str, user_id: str, now: dt.datetime) -> ReviewRecord | None: ...

    def log_decision(self, review_id: str, decision: DecisionRecord, expires_at: int | None) -> None: ...
    def verify(self, review_id: str, verification: Verification) -> bool: ...
    def add_reply(self, review_id: str, reply: Reply) -> bool: ...
    def decide_reply(self, review_id: str, status: ReplyStatus, now: dt.datetime,
                     reason_code: str | None) -> ReviewRecord | None: ...
    def replies_by_status(self, status: ReplyStatus) -> list[ReviewRecord]: ...


class DynamoReviewStore(RecordStore[ReviewRecord]):
    model = ReviewRecord
    # One review per person and institution, but a rejected one does not count: its author was told why and may
    # write a new one, which replaces it (text, flags and the moderator's reason) and waits for moderation.
    # A withdrawn one does not count either: its author took it back and may write again.
    replaceable_statuses = (Status.REJECTED.value, Status.WITHDRAWN.value)

    def withdraw(self, review_id: str, user_id: str, now: dt.datetime) -> ReviewRecord | None:
        """The author takes their review back, in one conditional write (only theirs, only from a status that may
        be withdrawn); None when it is not theirs, missing or not withdrawable. An approved one leaves the site
        through the stream, like a rejection after approval."""
        statuses = {f":s{index}": status.value for index, status in enumerate(WITHDRAWABLE)}
        answer = self._update(
            review_id, ConditionExpression=f"user_id = :user AND #status IN ({', '.join(statuses)})",
            UpdateExpression="SET #status = :withdrawn, withdrawn_at = :now",
            ExpressionAttributeNames={"#status": "status"}, ReturnValues="ALL_NEW",
            ExpressionAttributeValues={":user": user_id, ":withdrawn": Status.WITHDRAWN.value,
                                       ":now": now.isoformat(), **statuses})
        return self._record(answer["Attributes"]) if answer else None

    def _update(self, review_id: str, **update: Any) -> dict[str, Any] | None:
        """One conditional update; None when its condition failed."""
        try:
            answer: dict[str, Any] = self._table.update_item(Key={"id": review_id}, **update)
        except ClientError as error:
            if is_conditional_failure(error):
                return None
            raise
        return answer

    def log_decision(self, review_id: str, decision: DecisionRecord, expires_at: int | None) -> None:
        """Append to the review's decision log; a refused review also gets the date DynamoDB deletes it."""
        values: dict[str, Any] = {":entry": [decision.model_dump(mode="json", exclude_none=True)], ":empty": []}
        expression = "SET decisions = list_append(if_not_exists(decisions, :empty), :entry)"
        if expires_at is not None:
            expression += ", expires_at = :expires"
            values[":expires"] = expires_at
        self._update(review_id, UpdateExpression=expression, ExpressionAttributeValues=values,
                     ConditionExpression="attribute_exists(id)")

    def verify(self, review_id: str, verification: Verification) -> bool:
        """Record the author's confirmed domain on their review; False when there is no such review."""
        return self._update(review_id, UpdateExpression="SET verification = :verification",
                            ConditionExpression="attribute_exists(id)",
                            ExpressionAttributeValues={":verification": verification.model_dump(mode="json")}
                            ) is not None

    def add_reply(self, review_id: str, reply: Reply) -> bool:
        """The institution's reply, if the review is published and has none yet (one reply per review)."""
        return self._update(
            review_id, UpdateExpression="SET reply = :reply, reply_status = :pending",
            ConditionExpression="#status = :approved AND attribute_not_exists(reply)",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues={":reply": reply.model_dump(mode="json", exclude_none=True),
                                       ":pending": reply.status, ":approved": Status.APPROVED.value}) is not None

    def decide_reply(self, review_id: str, status: ReplyStatus, now: dt.datetime,
                     reason_code: str | None) -> ReviewRecord | None:
        """Approve or reject a pending reply; None when there is none pending."""
        values: dict[str, Any] = {":pending": "pending", ":status": status, ":now": now.isoformat(),
                                  ":reason": reason_code}
        answer = self._update(
            review_id, ConditionExpression="reply_status = :pending",
            UpdateExpression="SET reply_status = :status, reply.#status = :status, reply.decided_at = :now, "
                             "reply.reason_code = :reason",
            ExpressionAttributeNames={"#status": "status"}, ExpressionAttributeValues=values, ReturnValues="ALL_NEW")
        return self._record(answer["Attributes"]) if answer else None

    def replies_by_status(self, status: ReplyStatus) -> list[ReviewRecord]:
        """Reviews whose reply has this status, oldest review first (the replies queue)."""
        return self._query_all(IndexName=REPLY_STATUS_INDEX, KeyConditionExpression=Key("reply_status").eq(status),
                               ScanIndexForward=True)

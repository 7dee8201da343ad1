"""Reviews waiting for, or decided by, a moderator; the table's stream feeds the site rebuild."""

import datetime as dt
from typing import Protocol

from botocore.exceptions import ClientError

from careermitra.domain.review_submission import WITHDRAWABLE, ReviewRecord
from careermitra.domain.submission import Status
from careermitra.store.dynamodb import is_conditional_failure
from careermitra.store.records import AuthoredQueue, RecordStore


class ReviewStore(AuthoredQueue[ReviewRecord], Protocol):
    """The reviews as the review workflow, moderation, the author's own list and privacy requests use them."""

    def withdraw(self, review_id: str, user_id: str, now: dt.datetime) -> ReviewRecord | None: ...


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
        try:
            answer = self._table.update_item(
                Key={"id": review_id}, ConditionExpression=f"user_id = :user AND #status IN ({', '.join(statuses)})",
                UpdateExpression="SET #status = :withdrawn, withdrawn_at = :now",
                ExpressionAttributeNames={"#status": "status"}, ReturnValues="ALL_NEW",
                ExpressionAttributeValues={":user": user_id, ":withdrawn": Status.WITHDRAWN.value,
                                           ":now": now.isoformat(), **statuses})
        except ClientError as error:
            if is_conditional_failure(error):
                return None
            raise
        return self._record(answer["Attributes"])

"""Reviews waiting for, or decided by, a moderator; the table's stream feeds the site rebuild."""

from typing import Protocol

from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.store.records import AuthoredQueue, RecordStore


class ReviewStore(AuthoredQueue[ReviewRecord], Protocol):
    """The reviews as the review workflow, moderation and privacy requests use them."""


class DynamoReviewStore(RecordStore[ReviewRecord]):
    model = ReviewRecord
    # One review per person and institution, but a rejected one does not count: its author was told why and may
    # write a new one, which replaces it (text, flags and the moderator's reason) and waits for moderation.
    replaceable_status = Status.REJECTED.value

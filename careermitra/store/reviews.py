"""Reviews waiting for, or decided by, a moderator; the table's stream feeds the site rebuild."""

from careermitra.domain.review_submission import ReviewRecord
from careermitra.store.records import RecordStore


class DynamoReviewStore(RecordStore[ReviewRecord]):
    model = ReviewRecord

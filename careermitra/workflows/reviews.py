"""A review from the form to the moderation queue."""

from __future__ import annotations

import datetime as dt

from careermitra.domain.problems import Duplicate, InvalidInput, NotFound
from careermitra.domain.review_submission import ReviewRecord, ReviewSubmission
from careermitra.domain.submission import Status, fingerprint, record_id
from careermitra.domain.trust import CONNECTED_MESSAGE, Relationship, Verification
from careermitra.domain.user import User
from careermitra.i18n import N_
from careermitra.store.institutions import Catalogue
from careermitra.store.reviews import ReviewStore
from careermitra.workflows.once import Quota, add_once


def submit_review(submission: ReviewSubmission, author: User, reviews: ReviewStore,
                  catalogue: Catalogue, now: dt.datetime, quota: Quota | None = None,
                  tie: Verification | None = None) -> tuple[ReviewRecord, bool]:
    """Queue a review as pending with its flags; one per user and institution. Returns (record, newly stored).

    `tie` is the author's confirmed address at the institution: a student's or alumnus's shows on the review, and
    a representative of the institution may not review it.
    """
    if not catalogue.exists(submission.institution):
        raise InvalidInput(N_("There is no such institution on the site."),
                           {"institution": N_("choose an institution listed on the site")})
    if tie is not None and tie.relationship == Relationship.REPRESENTATIVE:
        raise InvalidInput(CONNECTED_MESSAGE, {"connection": CONNECTED_MESSAGE})
    record = ReviewRecord(
        id=record_id("review", author.id, submission.institution), user_id=author.id,
        display_name=author.display_name, **submission.model_dump(), flags=submission.flags,
        status=Status.PENDING, fingerprint=fingerprint(author.id, submission), created_at=now, verification=tie)
    duplicate = Duplicate("You have already reviewed this institution; each person can review it once.",
                          {"institution": "you have already reviewed this institution"})
    return add_once(reviews, record, duplicate, quota)


def withdraw_review(review_id: str, author: User, reviews: ReviewStore, now: dt.datetime) -> ReviewRecord:
    """The author takes a review back, whatever its status; withdrawing twice is one withdrawal.

    Someone else's review is "not found", as a missing one is, so ids cannot be probed. A withdrawn review is not
    edited and never returns: the author may write a new one of the institution, which a moderator reads afresh.
    """
    record = reviews.get(review_id)
    if record is None or record.user_id != author.id:
        raise NotFound(N_("You have no review with this id; open Your reviews to see the ones you wrote."))
    if record.status == Status.WITHDRAWN:
        return record
    withdrawn = reviews.withdraw(review_id, author.id, now)
    if withdrawn is None:  # decided or withdrawn meanwhile: answer with where it stands now
        current = reviews.get(review_id)
        if current is not None and current.status == Status.WITHDRAWN:
            return current
        raise Duplicate(N_("This review changed while you were withdrawing it; reload Your reviews and try again."))
    return withdrawn

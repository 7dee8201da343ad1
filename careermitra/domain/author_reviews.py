"""A review as its author sees it under "Your reviews": where it stands, and the dates that got it there."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from careermitra.domain.review_submission import WITHDRAWABLE, ReviewRecord, review_url
from careermitra.domain.submission import Status


class AuthorStatus(StrEnum):
    """What the author reads; derived from the stored Status and whether the rebuild has published it."""

    PENDING = "pending"  # waiting for a moderator
    APPROVED = "approved"  # approved, the page is being republished
    PUBLISHED = "published"  # on the institution's page
    REJECTED = "rejected"  # not published; the reason says why
    WITHDRAWN = "withdrawn"  # taken back by the author
    REMOVED = "removed"  # taken off the site by a moderator after a report; the reason says why


STATUS_OF: dict[Status, AuthorStatus] = {Status.PENDING: AuthorStatus.PENDING,
                                         Status.REJECTED: AuthorStatus.REJECTED,
                                         Status.WITHDRAWN: AuthorStatus.WITHDRAWN,
                                         Status.REMOVED: AuthorStatus.REMOVED}


class AuthorReview(BaseModel):
    """One line of "Your reviews" (GET /api/account/reviews)."""

    model_config = ConfigDict(frozen=True)

    id: str
    institution: str
    institution_url: str
    title: str
    rating: int
    status: AuthorStatus
    written_at: dt.datetime
    decided_at: dt.datetime | None = None
    published_at: dt.datetime | None = None
    withdrawn_at: dt.datetime | None = None
    reason: str | None = None  # only for a rejected review: the moderator's reason
    url: str | None = None  # only for an approved or published review: where it is on the site
    can_withdraw: bool


def author_review(record: ReviewRecord) -> AuthorReview:
    """The author's view of one stored review."""
    if record.status == Status.APPROVED:
        status = AuthorStatus.PUBLISHED if record.published_at else AuthorStatus.APPROVED
    else:
        status = STATUS_OF[record.status]
    shown = status in (AuthorStatus.APPROVED, AuthorStatus.PUBLISHED)
    return AuthorReview(
        id=record.id, institution=record.institution, institution_url=f"/institutions/{record.institution}/",
        title=record.title, rating=record.rating, status=status, written_at=record.created_at,
        decided_at=record.decided_at if record.status in (Status.APPROVED, Status.REJECTED) else None,
        published_at=record.published_at if shown else None, withdrawn_at=record.withdrawn_at,
        reason=record.reason if status == AuthorStatus.REJECTED else None,
        url=review_url(record.institution, record.id) if shown else None,
        can_withdraw=record.status in WITHDRAWABLE)


def authors_reviews(records: list[ReviewRecord]) -> list[AuthorReview]:
    """Every review of one author, newest first."""
    return [author_review(record) for record in sorted(records, key=lambda r: r.created_at, reverse=True)]

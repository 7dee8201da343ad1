"""A review as a signed-in user sends it, the flags a moderator sees, and the record kept until a decision."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.review import AspectRatings, PublishedReply, PublishedReview
from careermitra.domain.slugs import is_slug
from careermitra.domain.submission import Status, plain_text
from careermitra.domain.trust import DecisionRecord, Relationship, Reply, Verification, refuse_connected
from careermitra.i18n import N_

LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|in|org|net|co|io|info|biz|me|ly)"
                  r"(?:/\S*)?\b")
EMAIL = re.compile(r"(?i)\b[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[a-z0-9-]+(?:\.[a-z0-9-]+)+\b")
# Flags are a net for the moderator: any script's digits count here (\d is Unicode), unlike in validation.
PHONE = re.compile(r"(?<!\d)(?:\+?\d[\s-]?){10,13}(?!\d)")
FIRST_GRADUATION_YEAR = 1950


class ReviewFlag(StrEnum):
    """Something in a review's text the moderator must look at before it can be published."""

    LINK = "link"
    EMAIL = "email"
    PHONE = "phone"


def review_flags(*texts: str) -> list[ReviewFlag]:
    """Flags for links, email addresses and phone numbers anywhere in the given texts."""
    joined = "\n".join(texts)
    found = []
    if EMAIL.search(joined):
        found.append(ReviewFlag.EMAIL)
    if LINK.search(EMAIL.sub(" ", joined)):
        found.append(ReviewFlag.LINK)
    if PHONE.search(joined):
        found.append(ReviewFlag.PHONE)
    return found


def latest_graduation_year(today: dt.date) -> int:
    """Students may review while still studying: a course ends at most six years from now."""
    return today.year + 6


class ReviewSubmission(BaseModel):
    """The write-a-review form: an institution slug, an overall rating, five aspect ratings and the text."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    institution: Annotated[str, Field(min_length=1, max_length=120)]
    rating: int = Field(ge=1, le=5, strict=True)  # JSON true is not 1, "5" is not 5 (forms: api/forms.py)
    aspects: AspectRatings
    title: Annotated[str, Field(min_length=3, max_length=120)]
    body: Annotated[str, Field(min_length=30, max_length=5000)]
    course: Annotated[str, Field(min_length=1, max_length=120)]
    graduation_year: int = Field(ge=FIRST_GRADUATION_YEAR, strict=True)
    # "Do you work for, are you paid by, or have you received anything from this institution?" (issue 14)
    connection: Literal["none", "connected"]
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("connection", mode="before")
    @classmethod
    def _independent(cls, value: object) -> object:
        return refuse_connected(value) if isinstance(value, str) else value

    @field_validator("institution")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not is_slug(value):
            raise ValueError(N_("choose an institution from the site"))
        return value

    @field_validator("title", "body", "course", mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value) if isinstance(value, str) else value

    @field_validator("graduation_year")
    @classmethod
    def _not_far_future(cls, value: int) -> int:
        if value > latest_graduation_year(dt.date.today()):
            raise ValueError(N_("give the year you graduated or expect to graduate"))
        return value

    @property
    def flags(self) -> list[ReviewFlag]:
        return review_flags(self.title, self.body, self.course)


# The statuses an author may withdraw a review from: any but withdrawn (a published one then leaves the site).
WITHDRAWABLE = (Status.PENDING, Status.APPROVED, Status.REJECTED)


def review_url(institution: str, review_id: str) -> str:
    """Where a published review is on the site: its institution's page, at the review."""
    return f"/institutions/{institution}/#review-{review_id}"


class ReviewRecord(BaseModel):
    """A stored review: the submission plus who wrote it, its flags and the moderator's decision."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    user_id: str | None = None  # None once the author's account was erased
    display_name: str
    institution: str
    rating: int
    aspects: AspectRatings
    title: str
    body: str
    course: str
    graduation_year: int
    flags: list[ReviewFlag]
    status: Status
    fingerprint: str
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    reason: str | None = None
    withdrawn_at: dt.datetime | None = None  # when its author withdrew it
    # Set by the rebuild on an approved review (store/publication.py): when its page went live, or why not yet.
    published_at: dt.datetime | None = None
    publish_error: str | None = None
    # Issue 14: a confirmed address at the institution's domain, the institution's reply, every decision taken
    # (with its reason code), and when DynamoDB's TTL deletes a refused review (epoch seconds).
    verification: Verification | None = None
    reply: Reply | None = None
    decisions: list[DecisionRecord] = []
    expires_at: int | None = None

    def shown_status(self) -> str:
        """The status a moderator reads: an approved review says whether it is on the site yet, and why not."""
        if self.status != Status.APPROVED:
            return self.status.value
        if self.publish_error:
            return f"approved, not yet published ({self.publish_error})"
        return "approved, live" if self.published_at else "approved, not yet published (waiting for the rebuild)"

    def published(self) -> PublishedReview:
        """The review as the site shows it: display name, ratings, text and date, no personal data."""
        when = (self.decided_at or self.created_at).date()
        relationship = self.verification.relationship if self.verification else None
        verified: Literal["student", "alumnus"] | None = (
            "student" if relationship == Relationship.STUDENT else
            "alumnus" if relationship == Relationship.ALUMNUS else None)
        reply = None
        if self.reply is not None and self.reply.status == "approved":
            replied = self.reply.decided_at or self.reply.created_at
            reply = PublishedReply(body=self.reply.body, published=replied.date())
        return PublishedReview(id=self.id, display_name=self.display_name, rating=self.rating, aspects=self.aspects,
                               title=self.title, body=self.body, course=self.course,
                               graduation_year=self.graduation_year, published=when, verified=verified, reply=reply)

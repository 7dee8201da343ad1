"""What makes a review trustworthy, as rules: verified authors, the disclosure question, reports, institution
replies, the decision log and the collection period of a rating (issue 14, "Trust, shown")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careermitra.domain.moderation_reasons import REASON_BY_CODE
from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.review import REVIEW_ID_PATTERN, PublishedReply
from careermitra.domain.slugs import is_slug
from careermitra.domain.submission import plain_text
from careermitra.i18n import N_

# A decision's text (rejected or removed) is kept this long, then DynamoDB's TTL deletes it (template.yaml).
REFUSED_TEXT_KEPT = dt.timedelta(days=365)
CONFIRMATION_LINK_LIFETIME = dt.timedelta(hours=24)
EMAIL_DOMAIN = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
ADDRESS = re.compile(r"^[^@\s]{1,64}@([^@\s]{4,253})$")
EN_DASH = "\u2013"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CONNECTED_MESSAGE = N_("We cannot publish a review by someone who works for, is paid by or received anything from "
                       "the institution; see How reviews work.")


class Relationship(StrEnum):
    """What a confirmed address at an institution's domain says about its owner."""

    STUDENT = "student"
    ALUMNUS = "alumnus"
    REPRESENTATIVE = "representative"  # may reply to reviews for the institution, never review it

    @property
    def badge(self) -> str:
        return {"student": "Verified student", "alumnus": "Verified alumnus"}.get(self.value, "")


class Verification(BaseModel):
    """What we keep of a confirmed address: the domain and the date, never the address."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    relationship: Relationship
    domain: str
    at: dt.datetime


def check_email_domain(value: str) -> str:
    """An institution's own mail domain, as written in its front matter: lower case, no '@', no scheme."""
    if not isinstance(value, str) or not EMAIL_DOMAIN.match(value):
        raise ValueError(f"{value!r} is not a mail domain; write it like 'students.example.ac.in' (no '@', no "
                         "'https://', lower case)")
    return value


def domain_of(address: str, domains: Iterable[str]) -> str | None:
    """The institution domain an address is at (the domain itself or a subdomain of it), or None."""
    match = ADDRESS.match(address.strip().lower())
    if not match:
        return None
    host = match.group(1)
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def collection_period(dates: Sequence[dt.date]) -> str:
    """When the reviews behind a rating were written, ('Sep 2025 to Nov 2026', en dash), as IS 19000 asks."""
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    start, end = f"{MONTHS[first.month - 1]} {first.year}", f"{MONTHS[last.month - 1]} {last.year}"
    return start if start == end else f"{start} {EN_DASH} {end}"


def refuse_connected(value: str) -> str:
    """The review form's disclosure question: only an author without a tie to the institution may review it."""
    if value != "none":
        raise ValueError(CONNECTED_MESSAGE)
    return value


__all__ = ["PublishedReply"]  # re-exported: the site's part of a reply lives with the published review

Decision = Literal["approved", "rejected", "removed", "kept", "reply_approved", "reply_rejected"]


class DecisionRecord(BaseModel):
    """One entry of a review's decision log: who decided what, when, and for which coded reason."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    decision: Decision
    moderator: str
    at: dt.datetime
    reason_code: str | None = None
    report: str | None = None  # the report this decision resolved


ReplyStatus = Literal["pending", "approved", "rejected"]


class Reply(BaseModel):
    """An institution's one public reply to a review, moderated like a review."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    body: str
    status: ReplyStatus
    user_id: str | None = None  # the representative; gone once their account is erased
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    reason_code: str | None = None


def _review_id(value: str) -> str:
    if not REVIEW_ID_PATTERN.match(value):
        raise ValueError(N_("this link does not point to a review; open the review's Report link again"))
    return value


class ReportSubmission(BaseModel):
    """The "Report" form under a published review: no account needed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    review: str
    reason: str
    note: Annotated[str, Field(max_length=1000)] = ""
    lang: PageLanguage = DEFAULT_LANGUAGE

    _id = field_validator("review")(_review_id)

    @field_validator("reason")
    @classmethod
    def _known_reason(cls, value: str) -> str:
        if value not in REASON_BY_CODE:
            raise ValueError(N_("choose the rule the review breaks from the list"))
        return value

    @field_validator("note", mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value) if isinstance(value, str) else value


ReportStatus = Literal["open", "kept", "removed"]


class ReportRecord(BaseModel):
    """A report in the moderators' queue: which review, why; no reporter's name, address or IP."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    review_id: str
    institution: str
    reason: str
    note: str = ""
    status: ReportStatus
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    resolution: str | None = None  # the moderator's reason code; who decided is in the review's decision log


class AddressConfirmation(BaseModel):
    """The form that mails a single-use link to an address at the institution's domain."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    institution: Annotated[str, Field(min_length=1, max_length=120)]
    email: Annotated[str, Field(min_length=6, max_length=254)]
    relationship: Relationship
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("institution")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not is_slug(value):
            raise ValueError(N_("choose an institution from the site"))
        return value

    @field_validator("email")
    @classmethod
    def _address(cls, value: str) -> str:
        if not ADDRESS.match(value.lower()):
            raise ValueError(N_("write your address at the institution, like name@students.college.ac.in"))
        return value.lower()


class ReplySubmission(BaseModel):
    """An institution's representative replies to one published review."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    review: str
    body: Annotated[str, Field(min_length=20, max_length=3000)]
    lang: PageLanguage = DEFAULT_LANGUAGE

    _id = field_validator("review")(_review_id)

    @field_validator("body", mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value) if isinstance(value, str) else value

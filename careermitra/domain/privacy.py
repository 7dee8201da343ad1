"""Requests of the people whose data we hold: a copy of it (access) or its erasure, confirmed by email first."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.user import EmailAddress
from careermitra.i18n import N_

# What an erased author's approved review shows when they chose to keep it anonymised.
ANONYMOUS_DISPLAY_NAME = "Former student"
CONFIRMATION_LINK_LIFETIME = dt.timedelta(hours=24)


class RequestKind(StrEnum):
    ACCESS = "access"
    ERASURE = "erasure"


class ReviewsOnErasure(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"


class PrivacyRequest(BaseModel):
    """What the privacy request form sends; erasure says what becomes of the published reviews."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    email: EmailAddress
    kind: RequestKind
    reviews: ReviewsOnErasure | None = Field(default=None, validate_default=True)
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("reviews")
    @classmethod
    def _erasure_says_what_happens_to_reviews(cls, value: ReviewsOnErasure | None,
                                              info: ValidationInfo) -> ReviewsOnErasure | None:
        kind = info.data.get("kind")
        if kind == RequestKind.ERASURE and value is None:
            raise ValueError(N_("choose whether your published reviews are deleted or kept anonymised"))
        return value if kind == RequestKind.ERASURE else None


class PendingPrivacyRequest(BaseModel):
    """A request waiting for its emailed link to be followed."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    user_id: str
    kind: RequestKind
    reviews: ReviewsOnErasure | None = None


class PolicyAcceptance(BaseModel):
    """The accept-the-new-policy form of a signed-in user."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    consent: bool = Field(strict=True)
    policy_version: Annotated[str, Field(min_length=1, max_length=40)]
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("consent")
    @classmethod
    def _consent(cls, value: bool) -> bool:
        if not value:
            raise ValueError(N_("tick the box to accept the privacy policy; you can keep browsing without it"))
        return value


def without_internal_fields(record: BaseModel) -> dict[str, Any]:
    """A stored record as the person it is about sees it in an export (the dedup fingerprint is ours)."""
    return record.model_dump(mode="json", exclude={"fingerprint"})

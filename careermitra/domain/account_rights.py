"""What a signed-in person may do to their own account from "Your account" (DPDP Act ss.11-14): correct their
details, nominate someone to act for them, delete the account; and how a nominee's request is recognised."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.privacy import ReviewsOnErasure
from careermitra.domain.user import (
    CheckedPersonName,
    CityName,
    EmailAddress,
    IndianMobile,
    User,
    canonical_mailbox,
)

CORRECTABLE_FIELDS = ("name", "phone", "city")


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class DetailsCorrection(_Input):
    """The "Your details" form: the name, phone and city as they should be (the email is the sign-in itself)."""

    name: CheckedPersonName
    phone: IndianMobile
    city: CityName
    lang: PageLanguage = DEFAULT_LANGUAGE


def changed_fields(user: User, correction: DetailsCorrection) -> list[str]:
    """The fields the correction changes, in form order; an unchanged form changes nothing."""
    return [name for name in CORRECTABLE_FIELDS if getattr(user, name) != getattr(correction, name)]


class Nomination(_Input):
    """The "Your nominee" form: who may exercise this person's rights if they die or can no longer act."""

    name: CheckedPersonName
    email: EmailAddress
    lang: PageLanguage = DEFAULT_LANGUAGE


class AccountDeletion(_Input):
    """The delete button's confirmation step: the typed word and what becomes of published reviews."""

    confirm: Annotated[str, Field(max_length=20)]
    reviews: ReviewsOnErasure
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("confirm")
    @classmethod
    def _confirmed(cls, value: str) -> str:
        if value.strip().upper() != DELETE_WORD:
            raise ValueError(f"type {DELETE_WORD} to confirm that your account should be deleted")
        return DELETE_WORD


DELETE_WORD = "DELETE"

NomineeAction = Literal["access", "erasure"]


def is_nominee_of(user: User, sender_email: str) -> bool:
    """Whether a request's sender is the nominee this user named (the same mailbox, however spelled)."""
    return user.nominee is not None and canonical_mailbox(user.nominee.email) == canonical_mailbox(sender_email)

"""A review as the site publishes it: no personal data, only a display name."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careermitra.i18n import Language, text_language

ASPECTS: tuple[str, ...] = ("faculty", "infrastructure", "placements", "campus_life", "value_for_money")
ASPECT_LABELS: dict[str, str] = {
    "faculty": "Faculty",
    "infrastructure": "Infrastructure",
    "placements": "Placements",
    "campus_life": "Campus life",
    "value_for_money": "Value for money",
}
DISPLAY_NAME_PATTERN = re.compile(r"^[^\W\d_][\w .'-]{0,38}[\w.]$", re.UNICODE)
REVIEW_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{4,64}$")

Rating = Annotated[int, Field(ge=1, le=5, strict=True)]


class AspectRatings(BaseModel):
    """The five aspect ratings every review carries, each 1 to 5."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    faculty: Rating
    infrastructure: Rating
    placements: Rating
    campus_life: Rating
    value_for_money: Rating

    def labelled(self) -> list[tuple[str, int]]:
        """(label, rating) pairs in the fixed aspect order, for display."""
        return [(ASPECT_LABELS[aspect], getattr(self, aspect)) for aspect in ASPECTS]


class PublishedReply(BaseModel):
    """An institution's approved reply as the site shows it under its review (the page gives the name)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    body: Annotated[str, Field(min_length=2, max_length=3000)]
    published: dt.date

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in re.split(r"\n\s*\n", self.body) if part.strip()]


VERIFIED_BADGES = {"student": "Verified student", "alumnus": "Verified alumnus"}


class PublishedReview(BaseModel):
    """One approved review in `content/reviews/<slug>.yaml`, exactly as the rebuild exports it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str
    display_name: str
    rating: Rating
    aspects: AspectRatings
    title: Annotated[str, Field(min_length=3, max_length=120)]
    body: Annotated[str, Field(min_length=30, max_length=5000)]
    course: Annotated[str, Field(min_length=1, max_length=120)]
    graduation_year: int = Field(ge=1950, le=2100, strict=True)
    published: dt.date
    # The author confirmed an address at the institution's own mail domain (we keep the domain, not the address).
    verified: Literal["student", "alumnus"] | None = None
    reply: PublishedReply | None = None

    @property
    def language(self) -> Language:
        """The language the review is written in (shown with its `lang` on pages of either language)."""
        return text_language(f"{self.title} {self.body}")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not REVIEW_ID_PATTERN.match(value):
            raise ValueError("a review id is 4 to 64 letters, digits, '-' or '_'")
        return value

    @field_validator("display_name")
    @classmethod
    def _display_name(cls, value: str) -> str:
        if not DISPLAY_NAME_PATTERN.match(value) or "@" in value:
            raise ValueError("a display name is a first name and an initial, e.g. 'Priya S.'")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _date_only(cls, value: object) -> object:
        if isinstance(value, dt.datetime):
            raise ValueError("give the published date as YYYY-MM-DD, without a time")
        return value

    @property
    def badge(self) -> str:
        """'Verified student', 'Verified alumnus', or '' for a review whose author confirmed no address."""
        return VERIFIED_BADGES.get(self.verified or "", "")

    @property
    def paragraphs(self) -> list[str]:
        """The body split on blank lines; the template escapes each paragraph."""
        return [part.strip() for part in re.split(r"\n\s*\n", self.body) if part.strip()]

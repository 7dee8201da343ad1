"""The facts a student decides by: ownership, admissions, placements, cost of attendance, each with its source.

Every block is optional; when present it is checked. Each block carries its provenance (`source`, an optional
`source_url`, `as_of`, `basis`) so the page can say beside the figure where it comes from ("Self-reported, 2025").
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from careermitra.domain.slugs import slugify

Rupees = Annotated[int, Field(ge=0, le=100_000_000, strict=True)]
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".svg")

# Entrance tests and other ways in; the first group ranks candidates, so closing ranks can be given for them.
RANKED_EXAMS = (
    "JEE Main", "JEE Advanced", "NEET UG", "NEET PG", "CUET UG", "CUET PG", "CAT", "XAT", "CMAT", "MAT", "GMAT",
    "CLAT", "AILET", "NATA", "GATE", "BITSAT", "VITEEE", "COMEDK UGET", "MHT CET", "KCET", "KEAM", "AP EAPCET",
    "TS EAPCET", "WBJEE", "GUJCET", "OJEE", "UPSEE", "MAH MBA CET", "TANCET", "MAH LLB CET", "Assam CEE", "GPAT",
    "NIMCET",
)
OTHER_ADMISSION_ROUTES = ("Class 12 marks", "Class 10 marks", "Institution's own test", "Interview")
EXAMS = RANKED_EXAMS + OTHER_ADMISSION_ROUTES
CATEGORIES = ("General", "General-PwD", "EWS", "OBC-NCL", "SC", "ST", "State quota", "Management quota")


def this_year() -> int:
    """Today's year: facts dated later than this are typos."""
    return dt.date.today().year


def not_after_this_year(year: int) -> int:
    if year > this_year():
        raise ValueError(f"{year} is after this year ({this_year()}); write a year that has begun")
    return year


Year = Annotated[int, Field(ge=1900, strict=True)]
Text = Annotated[str, Field(min_length=1, max_length=200)]


class _Block(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Basis(StrEnum):
    """How we know a figure."""

    VERIFIED = "verified"  # checked by our editors against an official document
    SELF_REPORTED = "self-reported"  # given by the institution, not checked
    PUBLIC_DATASET = "public-dataset"  # from a published dataset (NIRF, AISHE, JoSAA, UDISE+)

    @property
    def label(self) -> str:
        return {"verified": "Verified", "self-reported": "Self-reported", "public-dataset": "Public data"}[self.value]


class Ownership(StrEnum):
    CENTRAL = "central"
    STATE = "state"
    DEEMED = "deemed"
    PRIVATE = "private"
    GOVERNMENT_AIDED = "government-aided"
    GOVERNMENT = "government"

    @property
    def label(self) -> str:
        return {"central": "Central", "state": "State", "deemed": "Deemed to be university",
                "private": "Private", "government-aided": "Government-aided", "government": "Government"}[self.value]


# Which ownership fits which type of institution (keys are InstitutionType values).
OWNERSHIP_BY_TYPE: dict[str, tuple[Ownership, ...]] = {
    "university": (Ownership.CENTRAL, Ownership.STATE, Ownership.DEEMED, Ownership.PRIVATE),
    "college": (Ownership.GOVERNMENT, Ownership.GOVERNMENT_AIDED, Ownership.PRIVATE),
    "school": (Ownership.CENTRAL, Ownership.GOVERNMENT, Ownership.GOVERNMENT_AIDED, Ownership.PRIVATE),
    "coaching": (Ownership.PRIVATE, Ownership.GOVERNMENT),
}


class Sourced(_Block):
    """Where a block of facts comes from, shown beside it."""

    source: Text
    source_url: HttpUrl | None = None
    as_of: Year | dt.date
    basis: Basis

    @field_validator("as_of")
    @classmethod
    def _as_of_has_happened(cls, value: int | dt.date) -> int | dt.date:
        if isinstance(value, dt.date):
            if value > dt.date.today():
                raise ValueError(f"{value.isoformat()} is after today; write the date the figures were true")
            return value
        return not_after_this_year(value)

    @property
    def as_of_year(self) -> int:
        return self.as_of.year if isinstance(self.as_of, dt.date) else self.as_of

    @property
    def provenance(self) -> str:
        """What the page prints beside the figure: 'Self-reported, 2025'."""
        return f"{self.basis.label}, {self.as_of_year}"


class ApplicationWindow(_Block):
    opens: dt.date
    closes: dt.date

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.closes < self.opens:
            raise ValueError("application.closes is before application.opens; swap or correct the dates")
        return self


class ClosingRank(_Block):
    """The last rank admitted in one counselling round, for one exam and category."""

    year: Year
    exam: str
    round: int = Field(ge=1, le=10, strict=True)
    category: str
    rank: int = Field(ge=1, le=5_000_000, strict=True)

    @field_validator("year")
    @classmethod
    def _year_has_begun(cls, value: int) -> int:
        return not_after_this_year(value)

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}; use one of {', '.join(CATEGORIES)}")
        return value


class Admissions(Sourced):
    """How one course admits: exams accepted, when to apply, and closing ranks where the course is ranked."""

    exams: list[str] = Field(min_length=1)
    application: ApplicationWindow | None = None
    closing_ranks: list[ClosingRank] = Field(default_factory=list)

    @field_validator("exams")
    @classmethod
    def _known_exams(cls, value: list[str]) -> list[str]:
        for exam in value:
            if exam not in EXAMS:
                import difflib

                close = difflib.get_close_matches(exam, EXAMS, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(EXAMS)}"
                raise ValueError(f"unknown exam {exam!r}; {hint}")
        if len(set(value)) != len(value):
            raise ValueError("an exam is listed twice")
        return value

    @model_validator(mode="after")
    def _ranks_of_accepted_ranked_exams(self) -> Self:
        seen: set[tuple[int, str, int, str]] = set()
        for index, rank in enumerate(self.closing_ranks):
            where = f"closing_ranks[{index}]"
            if rank.exam not in self.exams:
                raise ValueError(f"{where}.exam: {rank.exam!r} is not among this course's exams; add it to exams")
            if rank.exam not in RANKED_EXAMS:
                raise ValueError(f"{where}.exam: {rank.exam!r} does not rank candidates; give no closing rank")
            if rank.year > self.as_of_year:
                raise ValueError(f"{where}.year: {rank.year} is after as_of ({self.as_of_year}); correct either")
            key = (rank.year, rank.exam, rank.round, rank.category)
            if key in seen:
                raise ValueError(f"{where}: the same year, exam, round and category is given twice")
            seen.add(key)
        return self

    def closing_ranks_for(self, exam: str, year: int) -> list[ClosingRank]:
        """One exam's closing ranks of one year, by round then category."""
        ranks = [rank for rank in self.closing_ranks if rank.exam == exam and rank.year == year]
        return sorted(ranks, key=lambda rank: (rank.round, CATEGORIES.index(rank.category)))


class PlacementYear(Sourced):
    """One year's placements: how many of the eligible students were placed, at what annual package (INR)."""

    year: Year
    eligible: int = Field(gt=0, le=100_000, strict=True)
    placed: int = Field(ge=0, le=100_000, strict=True)
    median_package_inr: Rupees
    highest_package_inr: Rupees
    top_recruiters: list[Text] = Field(default_factory=list, max_length=12)

    @field_validator("year")
    @classmethod
    def _year_has_begun(cls, value: int) -> int:
        return not_after_this_year(value)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.placed > self.eligible:
            raise ValueError(f"placed ({self.placed}) is more than eligible ({self.eligible}); check both")
        if self.median_package_inr > self.highest_package_inr:
            raise ValueError("median_package_inr is more than highest_package_inr; check both")
        if self.as_of_year < self.year:
            raise ValueError(f"as_of ({self.as_of_year}) is before the placement year {self.year}; correct either")
        return self

    @property
    def placed_share(self) -> float:
        """Placed out of eligible, 0 to 1."""
        return self.placed / self.eligible


class CostOfAttendance(Sourced):
    """What a year costs besides tuition (each course's `fees_inr`): hostel, mess and other fees, in rupees."""

    hostel_inr: Rupees | None = None
    mess_inr: Rupees | None = None
    other_fees_inr: Rupees = 0

    @property
    def besides_tuition(self) -> int:
        return (self.hostel_inr or 0) + (self.mess_inr or 0) + self.other_fees_inr


class Image(_Block):
    """A photo or logo: a file in content/, written relative to the institution's file, with its alt text."""

    file: Annotated[str, Field(min_length=1, max_length=300)]
    alt: Annotated[str, Field(min_length=5, max_length=200)]

    @field_validator("file")
    @classmethod
    def _file_exists(cls, value: str, info: ValidationInfo) -> str:
        path = Path(value)
        if path.is_absolute() or path.suffix.lower() not in IMAGE_SUFFIXES:
            raise ValueError(f"write the image's path relative to the institution's file, ending in "
                             f"{', '.join(IMAGE_SUFFIXES)}")
        source = (info.context or {}).get("source")
        if source is None:
            raise ValueError("images are added by an editor in content/, beside the institution's file")
        if not (Path(source).parent / path).is_file():
            raise ValueError(f"no file {value!r} next to {Path(source).name}; add the file or correct the path")
        return value

    @property
    def slug(self) -> str:
        return slugify(Path(self.file).stem)

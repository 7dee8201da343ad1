"""An institution: a college, university, school or coaching institute, as editors describe it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from careermitra.domain.slugs import slugify

CURRENT_YEAR_LIMIT = 2100
DURATION_PATTERN = re.compile(r"^\d+(\.5)? (years?|months?)$")
PINCODE_PATTERN = re.compile(r"^[1-9][0-9]{5}$")
NAAC_GRADES = ("A++", "A+", "A", "B++", "B+", "B", "C", "D")
APPROVAL_BODIES = ("UGC", "AICTE", "NMC", "BCI", "PCI", "INC", "NCTE", "COA", "CBSE", "ICSE", "State Board")


class InstitutionType(StrEnum):
    UNIVERSITY = "university"
    COLLEGE = "college"
    SCHOOL = "school"
    COACHING = "coaching"

    @property
    def label(self) -> str:
        return {"coaching": "Coaching institute"}.get(self.value, self.value.capitalize())

    @property
    def plural(self) -> str:
        return {"university": "Universities", "college": "Colleges", "school": "Schools",
                "coaching": "Coaching institutes"}[self.value]


class CourseLevel(StrEnum):
    SCHOOL = "school"
    CERTIFICATE = "certificate"
    DIPLOMA = "diploma"
    UNDERGRADUATE = "undergraduate"
    POSTGRADUATE = "postgraduate"
    DOCTORAL = "doctoral"
    COACHING = "coaching"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


NonEmpty = Annotated[str, Field(min_length=1, max_length=200)]


class Course(_Strict):
    """A programme an institution offers, with its yearly fee in rupees."""

    name: NonEmpty
    specialisation: NonEmpty | None = None
    level: CourseLevel
    duration: str
    fees_inr: int = Field(ge=0, le=10_000_000, strict=True)
    seats: int = Field(gt=0, le=100_000, strict=True)

    @field_validator("duration")
    @classmethod
    def _duration_reads_like_time(cls, value: str) -> str:
        if not DURATION_PATTERN.match(value):
            raise ValueError("write the duration as a number and a unit, e.g. '4 years' or '6 months'")
        return value

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def title(self) -> str:
        return f"{self.name} ({self.specialisation})" if self.specialisation else self.name


class Approvals(_Strict):
    """Who approves or ranks the institution; only what the editor states is shown."""

    bodies: list[str] = Field(default_factory=list)
    affiliated_to: NonEmpty | None = None
    naac_grade: str | None = None
    nirf_rank: int | None = Field(default=None, gt=0, le=5000, strict=True)

    @field_validator("bodies")
    @classmethod
    def _known_bodies(cls, value: list[str]) -> list[str]:
        unknown = [body for body in value if body not in APPROVAL_BODIES]
        if unknown:
            raise ValueError(f"unknown approval body {unknown[0]!r}; use one of {', '.join(APPROVAL_BODIES)}")
        return value

    @field_validator("naac_grade")
    @classmethod
    def _known_grade(cls, value: str | None) -> str | None:
        if value is not None and value not in NAAC_GRADES:
            raise ValueError(f"NAAC grade must be one of {', '.join(NAAC_GRADES)}")
        return value

    @property
    def is_empty(self) -> bool:
        return not (self.bodies or self.affiliated_to or self.naac_grade or self.nirf_rank)


class Contact(_Strict):
    """The institution's public postal address and switchboard."""

    address: Annotated[str, Field(min_length=5, max_length=300)]
    pincode: str
    phone: str | None = None

    @field_validator("pincode", mode="before")
    @classmethod
    def _pincode(cls, value: object) -> object:
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str) or not PINCODE_PATTERN.match(value):
            raise ValueError("a PIN code is six digits and does not start with 0")
        return value


class Institution(_Strict):
    """The facts an editor publishes about one institution (front matter plus Markdown description)."""

    slug: str
    name: Annotated[str, Field(min_length=3, max_length=160)]
    type: InstitutionType
    city: NonEmpty
    state: NonEmpty
    established: int = Field(ge=1800, le=CURRENT_YEAR_LIMIT, strict=True)
    website: HttpUrl
    approvals: Approvals
    courses: list[Course] = Field(min_length=1)
    facilities: list[NonEmpty] = Field(min_length=1)
    contact: Contact
    description: Annotated[str, Field(min_length=20)]

    @model_validator(mode="after")
    def _unique_courses(self) -> Institution:
        seen: set[str] = set()
        for course in self.courses:
            if course.title in seen:
                raise ValueError(f"course {course.title!r} is listed twice")
            seen.add(course.title)
        return self

    @property
    def city_slug(self) -> str:
        return slugify(self.city)

    @property
    def state_slug(self) -> str:
        return slugify(self.state)

    @property
    def url(self) -> str:
        return f"/institutions/{self.slug}/"

    @property
    def course_names(self) -> list[str]:
        """Distinct course names, in the editor's order (the course listings use these)."""
        return list(dict.fromkeys(course.name for course in self.courses))

    @property
    def fee_range(self) -> tuple[int, int]:
        fees = [course.fees_inr for course in self.courses]
        return min(fees), max(fees)

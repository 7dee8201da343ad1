"""An institution: a college, university, school or coaching institute, as editors describe it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from careermitra.domain import geography
from careermitra.domain.facts import (
    OWNERSHIP_BY_TYPE,
    Admissions,
    CostOfAttendance,
    Image,
    Ownership,
    PlacementYear,
    Sourced,
    not_after_this_year,
)
from careermitra.domain.slugs import slugify
from careermitra.domain.trust import check_email_domain

DURATION_PATTERN = re.compile(r"^[0-9]{1,2}(\.5)? (years?|months?)$")
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


DEVANAGARI = re.compile("[\u0900-\u097f]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


NonEmpty = Annotated[str, Field(min_length=1, max_length=200)]


class Course(_Strict):
    """A programme an institution offers, with its yearly fee in rupees."""

    name: NonEmpty
    specialisation: NonEmpty | None = None
    level: CourseLevel
    duration: str
    fees_inr: int = Field(ge=0, le=10_000_000, strict=True)  # tuition a year
    seats: int = Field(gt=0, le=100_000, strict=True)
    admissions: Admissions | None = None

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
    """Who approves or ranks the institution; only what the editor states is shown.

    Approvals, the NAAC grade and the NIRF rank come from different documents, so each has its own optional
    provenance (the same `Sourced` block as fees and placements), printed beside the figure.
    """

    bodies: list[str] = Field(default_factory=list)
    affiliated_to: NonEmpty | None = None
    provenance: Sourced | None = None  # of the bodies and the affiliation
    naac_grade: str | None = None
    naac_provenance: Sourced | None = None
    nirf_rank: int | None = Field(default=None, gt=0, le=5000, strict=True)
    nirf_provenance: Sourced | None = None

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

    @model_validator(mode="after")
    def _provenance_of_a_given_figure(self) -> Self:
        if self.provenance is not None and not (self.bodies or self.affiliated_to):
            raise ValueError("provenance is given but neither bodies nor affiliated_to; add them or remove it")
        if self.naac_provenance is not None and self.naac_grade is None:
            raise ValueError("naac_provenance is given without naac_grade; add the grade or remove it")
        if self.nirf_provenance is not None and self.nirf_rank is None:
            raise ValueError("nirf_provenance is given without nirf_rank; add the rank or remove it")
        return self

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


class InstitutionFacts(_Strict):
    """An institution's facts without its slug: what an editor writes in its file (whose name is the slug) and
    what a listing request proposes (whose slug comes from the name), checked by the same rules.

    Fields are checked in this order, so a check may use the fields above it (the city its state, the
    ownership and the blocks the type, the PIN code the state).
    """

    name: Annotated[str, Field(min_length=3, max_length=160)]
    type: InstitutionType
    state: NonEmpty
    city: NonEmpty
    established: int = Field(ge=1800, strict=True)
    website: HttpUrl
    ownership: Ownership | None = None
    approvals: Approvals
    courses: list[Course] = Field(min_length=1)
    facilities: list[NonEmpty] = Field(min_length=1)
    contact: Contact
    placements: list[PlacementYear] = Field(default_factory=list)
    cost_of_attendance: CostOfAttendance | None = None
    logo: Image | None = None
    photos: list[Image] = Field(default_factory=list, max_length=12)
    # The institution's own mail domains: an address at one of them verifies a student or a representative.
    email_domains: list[str] = Field(default_factory=list, max_length=10)
    description: Annotated[str, Field(min_length=20)]

    @field_validator("email_domains")
    @classmethod
    def _mail_domains(cls, value: list[str]) -> list[str]:
        checked = [check_email_domain(domain) for domain in value]
        if len(set(checked)) != len(checked):
            raise ValueError("each mail domain once")
        return checked

    @field_validator("state")
    @classmethod
    def _real_state(cls, value: str) -> str:
        return geography.check_state(value)

    @field_validator("city")
    @classmethod
    def _one_spelling_per_city(cls, value: str, info: ValidationInfo) -> str:
        state = info.data.get("state")
        return geography.check_city(value, state) if state else value

    @field_validator("established")
    @classmethod
    def _established_has_happened(cls, value: int) -> int:
        return not_after_this_year(value)

    @field_validator("ownership")
    @classmethod
    def _ownership_fits_type(cls, value: Ownership | None, info: ValidationInfo) -> Ownership | None:
        kind = info.data.get("type")
        if value is not None and kind is not None and value not in OWNERSHIP_BY_TYPE[kind]:
            fits = ", ".join(item.value for item in OWNERSHIP_BY_TYPE[kind])
            raise ValueError(f"a {kind} is not {value.value}; use one of {fits}")
        return value

    @field_validator("courses")
    @classmethod
    def _no_ranks_at_school(cls, value: list[Course], info: ValidationInfo) -> list[Course]:
        if info.data.get("type") is InstitutionType.SCHOOL:
            for index, course in enumerate(value):
                if course.admissions is not None and course.admissions.closing_ranks:
                    raise ValueError(f"courses[{index}].admissions.closing_ranks: schools admit without "
                                     "entrance ranks; remove the closing ranks")
        return value

    @field_validator("contact")
    @classmethod
    def _pincode_in_state(cls, value: Contact, info: ValidationInfo) -> Contact:
        state = info.data.get("state")
        if state:
            geography.check_pincode(value.pincode, state)
        return value

    @field_validator("placements")
    @classmethod
    def _placements_of_colleges(cls, value: list[PlacementYear], info: ValidationInfo) -> list[PlacementYear]:
        kind = info.data.get("type")
        if value and kind in (InstitutionType.SCHOOL, InstitutionType.COACHING):
            raise ValueError(f"a {InstitutionType(kind).label.lower()} has no campus placements; remove them")
        years = [item.year for item in value]
        if len(set(years)) != len(years):
            raise ValueError("a year is given twice; give one entry per year")
        return sorted(value, key=lambda item: item.year, reverse=True)

    @model_validator(mode="after")
    def _unique_courses(self) -> Self:
        seen: set[str] = set()
        for course in self.courses:
            if course.title in seen:
                raise ValueError(f"course {course.title!r} is listed twice")
            seen.add(course.title)
        return self


class Institution(InstitutionFacts):
    """The facts an editor publishes about one institution (front matter plus Markdown description) and its slug,
    the file's name and its URL."""

    slug: str
    # Editors' Hindi (issue 16): the name as Hindi readers write it, and a Markdown block for the Hindi page.
    # Without them the Hindi page shows the English name and description, marked as English.
    name_hi: Annotated[str, Field(min_length=2, max_length=160)] | None = None
    description_hi: Annotated[str, Field(min_length=20)] | None = None

    @field_validator("name_hi")
    @classmethod
    def _name_hi_in_devanagari(cls, value: str | None) -> str | None:
        if value is not None and not DEVANAGARI.search(value):
            raise ValueError("write the Hindi name in Devanagari (हिन्दी), or leave name_hi out")
        return value

    @field_validator("description_hi")
    @classmethod
    def _description_hi_in_devanagari(cls, value: str | None) -> str | None:
        if value is not None and not DEVANAGARI.search(value):
            raise ValueError("write the Hindi description in Devanagari (हिन्दी), or leave description_hi out")
        return value

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

    @property
    def city_other_names(self) -> tuple[str, ...]:
        """The city's other names (Bangalore for Bengaluru), for search."""
        return next((city.other_names for city in geography.places().cities_named(self.city)
                     if city.state == self.state), ())

    def courses_named(self, course_slug: str) -> list[Course]:
        """The course's rows (one per specialisation), by the course's slug ('b-tech')."""
        return [course for course in self.courses if course.slug == course_slug]

    def course_fee(self, course_slug: str) -> int | None:
        """The course's yearly tuition (its lowest, when specialisations differ); None if it is not offered."""
        fees = [course.fees_inr for course in self.courses_named(course_slug)]
        return min(fees) if fees else None

    def total_cost_per_year(self, course_slug: str) -> int | None:
        """Tuition plus hostel, mess and other fees for a year of the course; None without both figures."""
        fee = self.course_fee(course_slug)
        if fee is None or self.cost_of_attendance is None:
            return None
        return fee + self.cost_of_attendance.besides_tuition

    @property
    def total_cost_range(self) -> tuple[int, int] | None:
        """Lowest and highest total cost of a year over the courses; None without the cost block."""
        if self.cost_of_attendance is None:
            return None
        low, high = self.fee_range
        extra = self.cost_of_attendance.besides_tuition
        return low + extra, high + extra

    @property
    def latest_placements(self) -> PlacementYear | None:
        return self.placements[0] if self.placements else None

    @property
    def accepted_exams(self) -> list[str]:
        """Every exam any course accepts, in the editor's order."""
        exams = (exam for course in self.courses if course.admissions for exam in course.admissions.exams)
        return list(dict.fromkeys(exams))

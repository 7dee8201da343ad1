"""The facts as the institution page and the compare data show them: provenance lines, closing-rank tables and
the cost of a year per course. Plain data computed here, so templates only loop and print."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote_plus

from careermitra.domain.facts import CATEGORIES, Admissions, Basis, Sourced
from careermitra.domain.institution import CourseLevel, Institution
from careermitra.domain.ratings import RatingSummary
from careermitra.i18n import Msg
from careermitra.site.builder.labels import category, label


@dataclass(frozen=True)
class Provenance:
    """Where a figure comes from, printed beside it: `prefix`, then `source` (a link when `url`), then `suffix`.
    The prefix is interface text, translated when the page is rendered (`|localized`)."""

    prefix: Msg
    source: str | None
    url: str | None
    suffix: str

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.source or ''}{self.suffix}"


def provenance(block: Sourced) -> Provenance:
    """'Verified by our editors against <source>, 2025', 'Public dataset: <source>, 2025' or 'Self-reported, 2025'."""
    year = block.as_of_year
    url = str(block.source_url) if block.source_url else None
    if block.basis is Basis.VERIFIED:
        return Provenance(Msg("Verified by our editors against "), block.source, url, f", {year}")
    if block.basis is Basis.PUBLIC_DATASET:
        return Provenance(Msg("Public dataset: "), block.source, url, f", {year}")
    # The institution's own word: its source is named only when it is public.
    if url:
        return Provenance(Msg("Self-reported, %(year)s (", year=year), block.source, url, ")")
    return Provenance(Msg("Self-reported, %(year)s", year=year), None, None, "")


def shared_provenance(blocks: Sequence[Sourced]) -> Sourced | None:
    """A block whose provenance line reads the same as every other's in `blocks`, when there are two or more:
    the page then prints it once for them all (issue 13: nine courses, nine identical lines)."""
    lines = {_printed(provenance(block)) for block in blocks}
    return blocks[0] if len(blocks) > 1 and len(lines) == 1 else None


def _printed(line: Provenance) -> tuple[object, ...]:
    return line.prefix.text, tuple(sorted(line.prefix.values.items())), line.source, line.url, line.suffix


def ratings_provenance(summary: RatingSummary) -> Provenance:
    """Where the ratings come from: 'From 27 reviews on this site by registered students, each read by a
    moderator; 5 verified at the institution'."""
    count, verified = summary.count, summary.verified
    if count == 1:
        text = (Msg("From 1 review on this site by a registered student, read by a moderator; verified at the "
                    "institution") if verified else
                Msg("From 1 review on this site by a registered student, read by a moderator"))
    elif verified:
        text = Msg("From %(count)s reviews on this site by registered students, each read by a moderator; "
                   "%(verified)s verified at the institution", count=count, verified=verified)
    else:
        text = Msg("From %(count)s reviews on this site by registered students, each read by a moderator",
                   count=count)
    return Provenance(text, None, None, "")


@dataclass(frozen=True)
class RankTable:
    """One exam's closing ranks of one year: a row per category, a column per counselling round (narrow enough
    for a 320 px screen, where a table of every year and round is not)."""

    exam: str
    year: int
    rounds: tuple[int, ...]
    rows: tuple[tuple[str, tuple[int | None, ...]], ...]


def rank_tables(admissions: Admissions) -> list[RankTable]:
    """Closing ranks by year (newest first), then exam (in the order the course lists its exams)."""
    tables = []
    for year in sorted({rank.year for rank in admissions.closing_ranks}, reverse=True):
        for exam in admissions.exams:
            ranks = admissions.closing_ranks_for(exam, year)
            if not ranks:
                continue
            rounds = tuple(sorted({rank.round for rank in ranks}))
            by_cell = {(rank.category, rank.round): rank.rank for rank in ranks}
            categories = sorted({rank.category for rank in ranks}, key=CATEGORIES.index)
            rows = tuple((c, tuple(by_cell.get((c, r)) for r in rounds)) for c in categories)
            tables.append(RankTable(exam, year, rounds, rows))
    return tables


@dataclass(frozen=True)
class CostRow:
    """What a year of one course costs: its tuition, and the total with hostel, mess and other fees."""

    course: str
    tuition: int
    total: int


def cost_rows(institution: Institution) -> list[CostRow]:
    """A row per course (specialisations apart); empty without the cost-of-attendance block."""
    cost = institution.cost_of_attendance
    if cost is None:
        return []
    return [CostRow(course.title, course.fees_inr, course.fees_inr + cost.besides_tuition)
            for course in institution.courses]


@dataclass(frozen=True)
class Duration:
    """A course's duration as editors write it ('4 years', '6 months'), for the template to put in words."""

    number: str
    unit: str  # "year", "month" or "week"
    count: int  # what chooses singular or plural: 2 for a fraction ('1.5 years')


_DURATION = re.compile(r"(\d+(?:\.\d+)?) (year|month|week)s?")


def duration_parts(text: str) -> Duration | None:
    """'4 years' -> Duration('4', 'year', 4); None for other wordings (shown as written)."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        return None
    number, unit = match.groups()
    value = float(number)
    return Duration(number, unit, int(value) if value.is_integer() else 2)


def tel_href(phone: str) -> str:
    """'+91 20 2546 0000' -> 'tel:+912025460000': digits (and a leading +) only, as diallers expect."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}"


def map_href(institution: Institution) -> str:
    """A link to the address on OpenStreetMap's search (a link only: nothing is fetched from there by a page)."""
    query = f"{institution.contact.address}, {institution.city} {institution.contact.pincode}, {institution.state}"
    return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"


# The templates' names for these (registered by the Renderer).
FACTS_FILTERS = {"provenance": provenance, "shared_provenance": shared_provenance,
                 "ratings_provenance": ratings_provenance, "rank_tables": rank_tables,
                 "cost_rows": cost_rows, "tel_href": tel_href, "map_href": map_href,
                 "label": label, "category": category,
                 "duration_parts": duration_parts, "course_level": CourseLevel}

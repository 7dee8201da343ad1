"""The site model: institutions with their reviews and aggregates, and the listings that group them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from markdown_it import MarkdownIt

from careermitra.domain.institution import Institution, InstitutionType
from careermitra.domain.ratings import RatingSummary, confidence_score, summarise
from careermitra.domain.review import PublishedReview
from careermitra.domain.slugs import slugify
from careermitra.i18n import Msg
from careermitra.site.builder.images import Pictures, pictures_of

LISTING_KINDS: dict[str, tuple[str, Msg]] = {
    # kind: (URL folder, heading of the index page)
    "city": ("cities", Msg("Cities")),
    "state": ("states", Msg("States and union territories")),
    "type": ("types", Msg("Types of institution")),
    "course": ("courses", Msg("Courses")),
}


class CourseFacts(NamedTuple):
    """One course of an institution as listings filter it: its slug, lowest yearly tuition and exams."""

    slug: str
    fee: int
    exams: tuple[str, ...]


class Card(NamedTuple):
    """What a listing, the home page or the feed shows of an institution: small enough to keep for all.

    A named tuple: a rebuild reads ten thousand of them from the site index, and tuples are cheap to make.
    """

    slug: str
    name: str
    type: InstitutionType
    city: str
    state: str
    course_names: tuple[str, ...]
    fee_low: int
    fee_high: int
    naac_grade: str | None
    average: float | None
    count: int  # type: ignore[assignment]  # shadows tuple.count on purpose: templates read card.count
    # What the filters of listings and search read (listing_data.py); none of it is personal data.
    score: float | None = None  # the confidence-adjusted rating (ratings.confidence_score)
    ownership: str | None = None
    nirf_rank: int | None = None
    hostel: bool = False
    extra_cost: int | None = None  # a year's hostel, mess and other fees, when the institution states them
    courses: tuple[CourseFacts, ...] = ()
    name_hi: str | None = None  # the editors' Hindi name, shown on Hindi pages

    @property
    def url(self) -> str:
        return f"/institutions/{self.slug}/"

    def sort_key(self) -> tuple[float, int, str]:
        """Best first: higher confidence-adjusted score, then more reviews, then name; unrated ones last."""
        return (-(self.score if self.score is not None else -1.0), -self.count, self.name.lower())

    def course_fee(self, course_slug: str) -> int | None:
        """The yearly tuition of one course ('b-tech'), its lowest over specialisations; None if not offered."""
        return next((course.fee for course in self.courses if course.slug == course_slug), None)

    def name_key(self) -> tuple[str, str]:
        """A to Z, the order of listings: a new rating never moves an institution to another page."""
        return (self.name.lower(), self.slug)


@dataclass(frozen=True)
class Entry:
    """One institution as its own page shows it: facts, approved reviews (newest first) and their summary."""

    institution: Institution
    reviews: tuple[PublishedReview, ...]
    summary: RatingSummary
    description_html: str
    pictures: Pictures = field(default_factory=Pictures)
    description_hi_html: str | None = None  # the editors' Hindi description; the Hindi page shows it

    @property
    def slug(self) -> str:
        return self.institution.slug

    @property
    def url(self) -> str:
        return self.institution.url

    @cached_property
    def card(self) -> Card:
        inst = self.institution
        low, high = inst.fee_range
        cost = inst.cost_of_attendance
        return Card(inst.slug, inst.name, inst.type, inst.city, inst.state, tuple(inst.course_names), low, high,
                    inst.approvals.naac_grade, self.summary.average, self.summary.count,
                    confidence_score(sum(review.rating for review in self.reviews), len(self.reviews)),
                    inst.ownership.value if inst.ownership else None, inst.approvals.nirf_rank, has_hostel(inst),
                    cost.besides_tuition if cost else None, course_facts(inst), inst.name_hi)


def has_hostel(inst: Institution) -> bool:
    """A hostel fee is stated, or a facility is a hostel ("Hostels for men and women", "Hostel for girls")."""
    if inst.cost_of_attendance is not None and inst.cost_of_attendance.hostel_inr is not None:
        return True
    return any("hostel" in facility.lower() and not facility.lower().startswith("no ") for facility in inst.facilities)


def course_facts(inst: Institution) -> tuple[CourseFacts, ...]:
    """Per course name (in the editor's order): the lowest fee over its specialisations and every exam any takes."""
    facts = []
    for name in inst.course_names:
        rows = [course for course in inst.courses if course.name == name]
        exams = dict.fromkeys(exam for course in rows if course.admissions for exam in course.admissions.exams)
        facts.append(CourseFacts(slugify(name), min(course.fees_inr for course in rows), tuple(exams)))
    return tuple(facts)


@dataclass(frozen=True)
class Listing:
    """The institutions of one city, state, type or course, A to Z."""

    kind: str
    slug: str
    title: str
    cards: tuple[Card, ...]

    def best_rated(self, limit: int, min_reviews: int, page_size: int) -> list[Card]:
        """The listing's top institutions among those with enough reviews for an average to mean something.

        None for a listing that fits on one page: its A-Z list already shows every institution, and the block
        would only show some of them twice (sorting by rating is one click in the filters).
        """
        if len(self.cards) <= page_size:
            return []
        return sorted((card for card in self.cards if card.count >= min_reviews), key=Card.sort_key)[:limit]

    @property
    def course_slug(self) -> str | None:
        """The course of a course listing, whose cards show that course's fee."""
        return self.slug if self.kind == "course" else None

    @property
    def folder(self) -> str:
        return LISTING_KINDS[self.kind][0]

    @property
    def url(self) -> str:
        return listing_url(self.kind, self.slug)


def listing_url(kind: str, slug: str) -> str:
    """A listing's page, from its kind and slug (the built listing and the build state's summary of it)."""
    return f"/{LISTING_KINDS[kind][0]}/{slug}/"


@dataclass(frozen=True)
class LatestReview:
    review: PublishedReview
    card: Card

    def sort_key(self) -> tuple[dt.date, str]:
        return (self.review.published, self.review.id)


@dataclass
class SiteModel:
    """Everything the pages are rendered from.

    `cards` covers every institution; `entries` holds the full institutions being rendered (all of them in a
    full build, only the changed ones in an incremental build); `latest` is the newest reviews site-wide.
    """

    cards: dict[str, Card]
    latest: tuple[LatestReview, ...]
    entries: dict[str, Entry]
    listings: dict[str, dict[str, Listing]] = field(init=False)

    def __post_init__(self) -> None:
        self.listings = build_listings(self.alphabetical)

    @cached_property
    def alphabetical(self) -> tuple[Card, ...]:
        return tuple(sorted(self.cards.values(), key=Card.name_key))

    @cached_property
    def all_sorted(self) -> tuple[Card, ...]:
        return tuple(sorted(self.cards.values(), key=Card.sort_key))

    @cached_property
    def review_count(self) -> int:
        return sum(card.count for card in self.cards.values())

    def all_listings(self) -> list[Listing]:
        return [listing for listings in self.listings.values() for listing in listings.values()]

    def best_rated(self, limit: int, min_reviews: int) -> list[Card]:
        """The top institutions among those with enough reviews for an average to mean something."""
        return [card for card in self.all_sorted if card.count >= min_reviews][:limit]

    def latest_reviews(self, limit: int) -> list[LatestReview]:
        return list(self.latest[:limit])


def newest_reviews(entries: Iterable[Entry], limit: int) -> tuple[LatestReview, ...]:
    """The newest approved reviews across entries (ties broken by id, so builds are repeatable)."""
    everything = [LatestReview(review, entry.card) for entry in entries for review in entry.reviews]
    return tuple(sorted(everything, key=LatestReview.sort_key, reverse=True)[:limit])


@lru_cache(maxsize=131072)  # a rebuild groups the same (unchanged) cards twice: before and after the change
def listing_keys(card: Card) -> dict[str, list[tuple[str, str]]]:
    """The (slug, title) of every listing an institution appears in, by kind."""
    return {
        "city": [_titled(card.city)],
        "state": [_titled(card.state)],
        "type": [_type_listing(card.type)],
        "course": [_titled(name) for name in card.course_names],
    }


@lru_cache(maxsize=65536)
def _titled(title: str) -> tuple[str, str]:
    """(slug, title) of a city, state or course listing: a few hundred titles shared by ten thousand cards."""
    return slugify(title), title


@cache
def _type_listing(kind: InstitutionType) -> tuple[str, str]:
    return kind.value, kind.plural


def build_listings(alphabetical: Sequence[Card]) -> dict[str, dict[str, Listing]]:
    """Group cards, given A to Z, into listings of each kind, the listings sorted by title.

    Grouping keeps the order cards come in, so each listing is A to Z without sorting it again: one sort of
    every card instead of one per listing, which is most of what a rebuild spends here.
    """
    groups: dict[str, dict[str, list[Card]]] = {kind: defaultdict(list) for kind in LISTING_KINDS}
    titles: dict[tuple[str, str], str] = {}
    for card in alphabetical:
        for kind, keys in listing_keys(card).items():
            for slug, title in keys:
                groups[kind][slug].append(card)
                titles.setdefault((kind, slug), title)
    listings: dict[str, dict[str, Listing]] = {}
    for kind, by_slug in groups.items():
        ordered = sorted(by_slug, key=lambda slug: titles[(kind, slug)].lower())
        if kind == "type":
            ordered = [t.value for t in InstitutionType if t.value in by_slug]
        listings[kind] = {
            slug: Listing(kind, slug, titles[(kind, slug)], tuple(by_slug[slug]))
            for slug in ordered
        }
    return listings


# CommonMark with tables: three times faster than Python-Markdown, and the same HTML for our content.
# Raw HTML off: an institution's description can come from a listing request (a stranger's text), and the
# editorial pages need none, so `<script>` or `<meta http-equiv=refresh>` in any of them is shown as text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def render_markdown(text: str) -> str:
    """Editors' Markdown to HTML, raw HTML shown as text (the description of an institution, the editorial pages)."""
    return _MARKDOWN.render(text)


def make_entry(institution: Institution, reviews: list[PublishedReview], source: Path | None = None) -> Entry:
    """An institution with its reviews; `source`, its file, locates its images."""
    pictures = pictures_of(institution.logo, institution.photos, source, institution.slug)
    description_hi = institution.description_hi
    return Entry(institution, tuple(reviews), summarise(reviews), render_markdown(institution.description),
                 pictures, render_markdown(description_hi) if description_hi else None)

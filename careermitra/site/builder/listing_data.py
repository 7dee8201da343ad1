"""The small data files the filters read in the browser: one per listing, one per institution (for search).

A listing's file holds a row per institution, A to Z, with what its filters and sort need and what a card
shows; its types, places (city and state), courses and exams are listed once and rows point to them by
position, and a slug that is just the name in URL form is left out (the script makes it again), which keeps the
file small (see `make bench`: the largest listing's file at 10,000 institutions). Written from cards only, so
a full build and an incremental one write the same bytes. Public data only: no review text, no personal data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from careermitra.domain.slugs import slugify
from careermitra.site.builder.model import Card, Listing

FORMAT = 2
ROW_FIELDS = ("slug", "name", "type", "place", "average", "count", "score", "ownership", "naac",
              "nirf", "hostel", "extra_cost", "courses")  # courses: [[course index, fee, [exam indexes]], ...]
# slug: "" when it is the name in URL form; type: index into "types"; place: index into "places" ([city, state])
DATA_FILE = "data.json"


def listing_data_path(listing: Listing) -> str:
    return f"{listing.folder}/{listing.slug}/{DATA_FILE}"


def institution_data_path(card: Card) -> str:
    return f"institutions/{card.slug}/{DATA_FILE}"


def data_json(cards: Sequence[Card], course_titles: dict[str, str], only_course: str | None = None) -> str:
    """The rows of `cards` (in their order) as compact JSON, with the courses and exams they name.

    A course listing's rows carry only that course (`only_course`): its filters judge fees and exams by it.
    """
    courses = sorted({course.slug for card in cards for course in card.courses
                      if only_course in (None, course.slug)})
    exams = sorted({exam for card in cards for course in card.courses for exam in course.exams
                    if only_course in (None, course.slug)})
    types = sorted({card.type.label for card in cards})
    places = sorted({(card.city, card.state) for card in cards})
    at = Positions({label: n for n, label in enumerate(types)}, {place: n for n, place in enumerate(places)},
                   {slug: n for n, slug in enumerate(courses)}, {name: n for n, name in enumerate(exams)})
    data: dict[str, Any] = {
        "format": FORMAT,
        "fields": ROW_FIELDS,
        "types": types,
        "places": [list(place) for place in places],
        "courses": [[slug, course_titles.get(slug, slug)] for slug in courses],
        "exams": exams,
        "rows": [_row(card, at, only_course) for card in cards],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Positions(NamedTuple):
    """Where each type, place, course and exam sits in its list at the top of a data file."""

    types: dict[str, int]
    places: dict[tuple[str, str], int]
    courses: dict[str, int]
    exams: dict[str, int]


def _row(card: Card, at: Positions, only_course: str | None) -> list[Any]:
    slug = "" if card.name.isascii() and slugify(card.name) == card.slug else card.slug
    return [slug, card.name, at.types[card.type.label], at.places[(card.city, card.state)], card.average,
            card.count, card.score, card.ownership, card.naac_grade, card.nirf_rank, 1 if card.hostel else 0,
            card.extra_cost,
            [[at.courses[c.slug], c.fee, [at.exams[e] for e in c.exams]] for c in card.courses
             if only_course in (None, c.slug)]]


def course_titles_of(cards: Iterable[Card]) -> dict[str, str]:
    """Course slug -> name as the course listings title it ('b-tech' -> 'B.Tech')."""
    titles: dict[str, str] = {}
    for card in cards:
        for course, name in zip(card.courses, card.course_names, strict=True):
            titles.setdefault(course.slug, name)
    return titles


def listing_data_files(listings: Iterable[Listing]) -> dict[str, str]:
    """Each listing's file; course names come from its own cards, so it changes only when they do."""
    return {listing_data_path(listing): data_json(listing.cards, course_titles_of(listing.cards),
                                                  listing.course_slug)
            for listing in listings}


def institution_data_file(card: Card) -> tuple[str, str]:
    return institution_data_path(card), data_json([card], course_titles_of([card]))

"""The small data files the filters read in the browser: one per listing, one per institution (for search).

A listing's file holds a row per institution, A to Z, with what its filters and sort need and what a card
shows; its types, places (city and state), courses and exams are listed once and rows point to them by
position, and a slug that is just the name in URL form is left out (the script makes it again), which keeps the
file small (see `make bench`: the largest listing's file at 10,000 institutions). Written from cards only, so
a full build and an incremental one write the same bytes. Public data only: no review text, no personal data.

A listing of more than SPLIT_ABOVE institutions (not a course listing) is split, so a filtered list loads only
what it needs: its `data.json` is then a small manifest (format 3: the count, the course, exam and ownership
choices, and `parts`), and the rows are in `data/all.json` (each row's courses folded to its cheapest and
dearest, the exams of all its courses on the first: enough for every filter and sort without a course) and
`data/<course>.json` (the institutions offering that course, with that course only). The page loads the
manifest, and a part only when a filter or sort is chosen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from careermitra.domain.slugs import slugify
from careermitra.i18n.names import Kind, hindi_names
from careermitra.site.builder.model import Card, CourseFacts, Listing

FORMAT = 2
ROW_FIELDS = ("slug", "name", "type", "place", "average", "count", "score", "ownership", "naac",
              "nirf", "hostel", "extra_cost", "courses")  # courses: [[course index, fee, [exam indexes]], ...]
# slug: "" when it is the name in URL form; type: index into "types"; place: index into "places" ([city, state])
DATA_FILE = "data.json"
SPLIT_FORMAT = 3
SPLIT_ABOVE = 300  # rows: a bigger listing gets a manifest and parts
PARTS_FOLDER = "data"
ALL_PART = "all"


def listing_data_path(listing: Listing) -> str:
    return f"{listing.folder}/{listing.slug}/{DATA_FILE}"


def institution_data_path(card: Card) -> str:
    return f"institutions/{card.slug}/{DATA_FILE}"


def data_json(cards: Sequence[Card], course_titles: dict[str, str], only_course: str | None = None,
              folded: bool = False) -> str:
    """The rows of `cards` (in their order) as compact JSON, with the courses and exams they name.

    A course listing's rows carry only that course (`only_course`): its filters judge fees and exams by it.
    `folded` rows carry two courses at most, the cheapest (with the exams of every course) and the dearest.
    """
    if folded:
        cards = [card._replace(courses=folded_courses(card)) for card in cards]
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
    hindi = _hindi(cards, types, places, [course_titles.get(slug, slug) for slug in courses])
    if hindi:
        data["hi"] = hindi
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def hindi_names_of(named: Iterable[tuple[Kind, str]]) -> dict[str, str]:
    """English name -> the Hindi name a Hindi page shows, for the names whose Hindi differs (issue 16). One map,
    each name once, so a state's Hindi is not repeated beside each of its cities; the scripts look names up in
    it and keep the English where it has none."""
    found: dict[str, str] = {}
    for kind, english in named:
        shown = hindi_names().shown(kind, english)
        if shown and shown != english:
            found[english] = shown
    return dict(sorted(found.items()))


def _hindi(cards: Sequence[Card], types: list[str], places: list[tuple[str, str]],
           courses: list[str]) -> dict[str, Any]:
    """The Hindi a Hindi page's cards show: the names of the file's types, places and courses (hindi_names_of),
    and the institutions' own Hindi names by row; nothing when there is none (`make bench` sizes the files)."""
    named: list[tuple[Kind, str]] = [("type", label) for label in types]
    named += [pair for city, state in places for pair in (("city", city), ("state", state))]
    named += [("course", title) for title in courses]
    hindi: dict[str, Any] = {"names": hindi_names_of(named),
                             "rows": [[n, card.name_hi] for n, card in enumerate(cards) if card.name_hi]}
    return {key: value for key, value in hindi.items() if value}


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


def folded_courses(card: Card) -> tuple[CourseFacts, ...]:
    """The cheapest course, with every course's exams, and the dearest when it costs more: what filters and
    cards need when no course is chosen (the lowest fee, the range, any exam accepted)."""
    if not card.courses:
        return ()
    cheapest = min(card.courses, key=lambda c: c.fee)
    dearest = max(card.courses, key=lambda c: c.fee)
    exams = tuple(sorted({exam for course in card.courses for exam in course.exams}))
    first = CourseFacts(cheapest.slug, cheapest.fee, exams)
    return (first,) if dearest.fee == cheapest.fee else (first, CourseFacts(dearest.slug, dearest.fee, ()))


def course_titles_of(cards: Iterable[Card]) -> dict[str, str]:
    """Course slug -> name as the course listings title it ('b-tech' -> 'B.Tech')."""
    titles: dict[str, str] = {}
    for card in cards:
        for course, name in zip(card.courses, card.course_names, strict=True):
            titles.setdefault(course.slug, name)
    return titles


def is_split(listing: Listing, split_above: int = SPLIT_ABOVE) -> bool:
    """Whether a listing's rows are in parts: a big listing that is not a course listing."""
    return listing.course_slug is None and len(listing.cards) > split_above


def listing_courses(listing: Listing) -> list[str]:
    return sorted({course.slug for card in listing.cards for course in card.courses})


def listing_data_paths(listing: Listing, split_above: int = SPLIT_ABOVE) -> set[str]:
    """Every data file of a listing (the manifest and its parts), so a rebuild can remove those it no longer
    writes."""
    paths = {listing_data_path(listing)}
    if is_split(listing, split_above):
        folder = f"{listing.folder}/{listing.slug}/{PARTS_FOLDER}"
        paths |= {f"{folder}/{name}.json" for name in [ALL_PART, *listing_courses(listing)]}
    return paths


def listing_data_of(listing: Listing, split_above: int = SPLIT_ABOVE) -> dict[str, str]:
    """A listing's data file, or its manifest and parts when it is split."""
    titles = course_titles_of(listing.cards)
    if not is_split(listing, split_above):
        return {listing_data_path(listing): data_json(listing.cards, titles, listing.course_slug)}
    folder = f"{listing.folder}/{listing.slug}/{PARTS_FOLDER}"
    courses = listing_courses(listing)
    files = {f"{folder}/{ALL_PART}.json": data_json(listing.cards, titles, folded=True)}
    for slug in courses:
        offering = [card for card in listing.cards if any(course.slug == slug for course in card.courses)]
        files[f"{folder}/{slug}.json"] = data_json(offering, titles, slug)
    manifest = {
        "format": SPLIT_FORMAT,
        "count": len(listing.cards),
        "courses": [[slug, titles.get(slug, slug)] for slug in courses],
        "exams": sorted({exam for card in listing.cards for course in card.courses for exam in course.exams}),
        "ownerships": sorted({card.ownership for card in listing.cards if card.ownership}),
        # Part URLs relative to the manifest; "" is every institution, without a course chosen.
        "parts": {"": f"{PARTS_FOLDER}/{ALL_PART}.json",
                  **{slug: f"{PARTS_FOLDER}/{slug}.json" for slug in courses}},
    }
    hindi = _hindi([], [], [], [titles.get(slug, slug) for slug in courses])
    if hindi:
        manifest["hi"] = hindi
    files[listing_data_path(listing)] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    return files


def listing_data_files(listings: Iterable[Listing], split_above: int = SPLIT_ABOVE) -> dict[str, str]:
    """Each listing's data files; course names come from its own cards, so they change only when they do."""
    files: dict[str, str] = {}
    for listing in listings:
        files.update(listing_data_of(listing, split_above))
    return files


def institution_data_file(card: Card) -> tuple[str, str]:
    return institution_data_path(card), data_json([card], course_titles_of([card]))

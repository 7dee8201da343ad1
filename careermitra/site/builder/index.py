"""The site index: what a rebuild needs to know about every institution without reading the content tree.

A full build writes it beside the site, never inside it (build state is not a page: `state_folder`); the
incremental rebuild reads it, changes the few institutions a moderation touched and writes it back. It holds
only what the pages show (no personal data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careermitra.domain.institution import InstitutionType
from careermitra.domain.review import PublishedReview
from careermitra.site.builder.model import Card, CourseFacts, LatestReview

INDEX_NAME = "site-index.json"  # its name in the build state (a folder locally, a private bucket in AWS)
STATE_FOLDER = "_state"
FORMAT_VERSION = 4


def state_folder(output: Path) -> Path:
    """Where a build into `output` keeps its state: `_state/<output's name>/` beside it, outside the site."""
    return output.parent / STATE_FOLDER / output.name


@dataclass(frozen=True)
class SiteIndex:
    """Cards of every institution, the newest reviews site-wide, and the editorial page URLs."""

    cards: dict[str, Card]
    latest: tuple[LatestReview, ...]
    page_urls: tuple[str, ...]
    sources: dict[str, str]  # slug -> institution file, relative to the institutions folder
    # What the build read, so the next local build can redo only what changed (see fingerprint.py).
    fingerprint: str = ""
    stamps: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {
            "format": FORMAT_VERSION,
            "card_fields": list(Card._fields),
            "cards": [_card_json(card) for card in self.cards.values()],
            "latest": [{"slug": item.card.slug, "review": item.review.model_dump(mode="json")}
                       for item in self.latest],
            "page_urls": list(self.page_urls),
            "sources": self.sources,
            "fingerprint": self.fingerprint,
            "stamps": self.stamps,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> SiteIndex:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"site index format {data.get('format')!r} is not {FORMAT_VERSION}: run a full build")
        if data["card_fields"] != list(Card._fields):
            raise ValueError("the site index was written by another version: run a full build")
        cards = {row[0]: _card_from_json(row) for row in data["cards"]}
        latest = tuple(LatestReview(PublishedReview.model_validate(item["review"]), cards[item["slug"]])
                       for item in data["latest"])
        return cls(cards, latest, tuple(data["page_urls"]), dict(data["sources"]), data["fingerprint"],
                   dict(data["stamps"]))


def _card_json(card: Card) -> list[Any]:
    """A card as a JSON array in field order (names once, in 'card_fields'): small and quick to read back."""
    return [*card[:2], card.type.value, *card[3:]]


_TYPES = {kind.value: kind for kind in InstitutionType}  # a dict lookup: ten thousand Enum calls cost more


def _card_from_json(row: list[Any]) -> Card:
    courses = tuple(CourseFacts(slug, fee, tuple(exams)) for slug, fee, exams in row[16])
    return Card(row[0], row[1], _TYPES[row[2]], row[3], row[4], tuple(row[5]), row[6], row[7], row[8], row[9],
                row[10], row[11], row[12], row[13], row[14], row[15], courses, row[17])


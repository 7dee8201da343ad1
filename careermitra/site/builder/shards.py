"""The unit of work of a full build: a shard, a sorted contiguous range of institution slugs.

`build_shard` reads, checks and renders one shard's institutions (their pages in every language, compare data,
images and data files) into a folder and returns what the pages that span institutions need of them: cards,
the newest reviews, review ids (for the duplicate check) and errors, as a `ShardResult` that travels as JSON.
The same function runs in a process pool on one machine (full_build.py) and in a Lambda function per shard on
AWS (careermitra/full_build/, a Step Functions Distributed Map); spanning.py renders the rest from the results.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careermitra.domain.errors import ContentError
from careermitra.domain.review import PublishedReview
from careermitra.site.builder.compare import compare_data
from careermitra.site.builder.content import duplicate_review_ids, parse_institution, raise_all
from careermitra.site.builder.images import write_picture
from careermitra.site.builder.index import _card_from_json, _card_json
from careermitra.site.builder.listing_data import institution_data_file
from careermitra.site.builder.model import Card, Entry, LatestReview, SiteModel, make_entry
from careermitra.site.builder.pages import PageSpec, in_languages, institution_pages
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.reviews_file import read_reviews
from careermitra.site.builder.settings import SiteSettings

# At national size: a shard of 2,000 institutions rendered in 16.5 s on one core here and its 14,457 files upload
# in about a minute, well inside Lambda's 15 minutes; 1.5 million institutions make 750 shards (README, "The full
# build at national size").
SHARD_SIZE = 2_000
RESULT_FORMAT = 1


@dataclass(frozen=True)
class Shard:
    """The institutions whose slugs sort from `first` to `last`, both included; `number` orders the shards."""

    number: int
    first: str
    last: str
    count: int

    def holds(self, slug: str) -> bool:
        return self.first <= slug <= self.last

    def to_item(self) -> dict[str, Any]:
        """One item of the shard manifest (a JSON array a Distributed Map reads, one item per child)."""
        return {"shard": self.number, "first": self.first, "last": self.last, "count": self.count}

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Shard:
        return cls(int(item["shard"]), str(item["first"]), str(item["last"]), int(item["count"]))


def plan_shards(slugs: Iterable[str], size: int = SHARD_SIZE) -> list[Shard]:
    """Sorted slugs cut into shards of at most `size` (the last may be smaller)."""
    ordered = sorted(slugs)
    return [Shard(number, ordered[start], ordered[min(start + size, len(ordered)) - 1],
                  min(size, len(ordered) - start))
            for number, start in enumerate(range(0, len(ordered), size))]


def even_shards(slugs: Sequence[str], workers: int, per_worker: int = 4) -> list[Shard]:
    """Shards for a process pool: a few per worker, so a worker that finishes early takes the next one."""
    return plan_shards(slugs, max(1, math.ceil(len(slugs) / (workers * per_worker))))


@dataclass
class ShardResult:
    """What the spanning pages need of one shard's institutions; small, and JSON in and out."""

    shard: int
    cards: dict[str, Card] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # slug -> file, relative to the institutions folder
    latest: list[LatestReview] = field(default_factory=list)
    review_ids: list[tuple[str, list[str]]] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    pages: int = 0

    def to_json(self) -> str:
        return json.dumps({
            "format": RESULT_FORMAT,
            "shard": self.shard,
            "card_fields": list(Card._fields),
            "cards": [_card_json(card) for card in self.cards.values()],
            "sources": self.sources,
            "latest": [{"slug": item.card.slug, "review": item.review.model_dump(mode="json")}
                       for item in self.latest],
            "review_ids": self.review_ids,
            "errors": [{"path": error.path, "problems": error.problems} for error in self.errors],
            "pages": self.pages,
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ShardResult:
        data = json.loads(text)
        if data.get("format") != RESULT_FORMAT or data["card_fields"] != list(Card._fields):
            raise ValueError("the shard result was written by another version of the builder: build it again")
        cards = {row[0]: _card_from_json(row) for row in data["cards"]}
        latest = [LatestReview(PublishedReview.model_validate(item["review"]), cards[item["slug"]])
                  for item in data["latest"]]
        errors = [ContentError(item["path"], [(name, reason) for name, reason in item["problems"]])
                  for item in data["errors"]]
        return cls(int(data["shard"]), cards, dict(data["sources"]), latest,
                   [(path, list(ids)) for path, ids in data["review_ids"]], errors, int(data["pages"]))


@dataclass(frozen=True)
class ShardJob:
    """What rendering any shard needs: the content, settings and templates, and where the files go."""

    files: dict[str, Path]  # slug -> institution file, every institution of the site
    institutions_dir: Path
    reviews_dir: Path
    site: SiteSettings
    renderer: Renderer
    output: Path
    image_cache: Path

    def slugs_of(self, shard: Shard) -> list[str]:
        return sorted(slug for slug in self.files if shard.holds(slug))


def build_shard(job: ShardJob, shard: Shard) -> ShardResult:
    """Read, check and render one shard's institutions into job.output; what the spanning pages need back.

    Once one institution has a problem the shard renders nothing more, but still checks the rest, so an editor
    sees every problem of the build at once.
    """
    result = ShardResult(shard.number)
    for slug in job.slugs_of(shard):
        path = job.files[slug]
        reviews_file = job.reviews_dir / f"{slug}.yaml"
        try:
            institution = parse_institution(path.read_text(encoding="utf-8"), str(path), slug)
            reviews = read_reviews(reviews_file)
        except ContentError as error:
            result.errors.append(error)
            continue
        entry = make_entry(institution, reviews, path)
        result.cards[slug] = entry.card
        result.sources[slug] = str(path.relative_to(job.institutions_dir))
        result.review_ids.append((str(reviews_file), [review.id for review in reviews]))
        result.latest = heapq.nlargest(job.site.latest_capacity,
                                       [*result.latest, *(LatestReview(r, entry.card) for r in reviews)],
                                       key=LatestReview.sort_key)
        if not result.errors:
            result.pages += write_institution(job, entry)
    return result


def write_institution(job: ShardJob, entry: Entry) -> int:
    """An institution's pages in every language, its compare data, images and data file; how many pages."""
    pages = 0
    for spec in in_languages(institution_pages(entry, job.site), job.site.languages):
        write_page(job.output, spec, job.renderer)
        pages += 1
    path, text = compare_data(entry)
    write_text(job.output / path, text)
    for picture in entry.pictures:
        write_picture(picture, job.output, job.image_cache)
    data_path, data = institution_data_file(entry.card)
    write_text(job.output / data_path, data)
    return pages


def merge_shards(results: Sequence[ShardResult], site: SiteSettings) -> tuple[SiteModel, dict[str, str], int]:
    """Every shard's results as one site model (raising every content problem at once), the institutions'
    files and the number of pages the shards rendered."""
    ordered = sorted(results, key=lambda result: result.shard)
    errors = [error for result in ordered for error in result.errors]
    errors += duplicate_review_ids(sorted(item for result in ordered for item in result.review_ids))
    raise_all(errors)
    cards = {slug: card for result in ordered for slug, card in result.cards.items()}
    latest = heapq.nlargest(site.latest_capacity, [item for result in ordered for item in result.latest],
                            key=LatestReview.sort_key)
    sources = {slug: source for result in ordered for slug, source in result.sources.items()}
    return (SiteModel(dict(sorted(cards.items())), tuple(latest), {}), dict(sorted(sources.items())),
            sum(result.pages for result in ordered))


_MADE: set[Path] = set()  # folders this process has created (a full build starts from an empty folder)


def forget_made_folders() -> None:
    """The output was emptied: folders made before must be made again."""
    _MADE.clear()


def write_page(output: Path, spec: PageSpec, renderer: Renderer) -> None:
    write_text(output / spec.path, renderer.render(spec))


def write_text(target: Path, text: str) -> None:
    if target.parent not in _MADE:
        target.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(target.parent)
    target.write_text(text, encoding="utf-8")

"""The build state, addressed by key: what a rebuild needs to know about the site, split so that one approval
reads and writes only the few keys it touches, whatever the size of the directory.

Keys (all under `v<FORMAT_VERSION>/`; JSON; public facts only, no personal data):

- `meta.json`: the small aggregates: how many institutions and reviews, the newest reviews (for the home page
  and the feed), the best rated candidates (for the home page), every listing's slug, title and size (for the
  home page, the listing indexes and the search page), the editorial URLs and the build's fingerprint.
- `cards/<n>.json`: the cards of the institutions whose slugs hash to bucket n (about CARDS_PER_BUCKET each),
  with each one's file in the content tree.
- `listings/<kind>/<slug>.json`: one listing's members, A to Z (its pages and data files are made from them).
- `a-z/<n>.json`: the cards on page n of the A to Z of all institutions; `a-z/bounds.json` the first name on
  each page, to find the page a card is on.
- `sources.json` and `stamps.json`: every institution's file and its stamp, read only by a local build (which
  finds what changed from them) and by `read_whole`, never by an approval.

A full build writes every key (`write_whole`); the rebuild reads `meta.json`, the changed institutions' cards,
their listings and their A to Z page, and writes back those that changed (incremental.py). The same code runs on
a folder (locally, in tests and the benchmark) and on the private state bucket (STATE_BUCKET in AWS).
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from careermitra.domain.review import PublishedReview
from careermitra.site.builder.index import INDEX_NAME, SiteIndex, _card_from_json, _card_json, state_folder
from careermitra.site.builder.model import Card, LatestReview, Listing, SiteModel, listing_url
from careermitra.site.builder.settings import SiteSettings

logger = logging.getLogger(__name__)

FORMAT_VERSION = 5
PREFIX = f"v{FORMAT_VERSION}/"
META = PREFIX + "meta.json"
SOURCES = PREFIX + "sources.json"
STAMPS = PREFIX + "stamps.json"
A_TO_Z_BOUNDS = PREFIX + "a-z/bounds.json"
# The home page's best rated are kept this many times over, so that an institution dropping out of them is
# replaced from the kept ones without reading every card.
BEST_MARGIN = 4


CARDS_PER_BUCKET = 16  # about this many cards a key: writing one key per card made a full build 10 s slower


def bucket_of(slug: str, buckets: int) -> int:
    """The bucket of cards a slug is kept in: by a hash of the slug, stable whatever else is on the site."""
    return zlib.crc32(slug.encode("utf-8")) % buckets


def bucket_key(number: int) -> str:
    return f"{PREFIX}cards/{number}.json"


def card_key(slug: str, buckets: int) -> str:
    """The key of the bucket that holds a slug's card."""
    return bucket_key(bucket_of(slug, buckets))


def listing_key(kind: str, slug: str) -> str:
    return f"{PREFIX}listings/{kind}/{slug}.json"


def a_to_z_key(number: int) -> str:
    return f"{PREFIX}a-z/{number}.json"


class Store(Protocol):
    """Named blobs of build state, private to the builders: a folder or the private state bucket."""

    def read(self, name: str) -> bytes | None:
        """The state called `name`, or None when no build has written it."""

    def write(self, name: str, data: bytes) -> None:
        """Replace the state called `name`."""

    def delete(self, name: str) -> None:
        """Forget the state called `name` (nothing happens when there is none)."""

    def names(self, prefix: str = "") -> Iterator[str]:
        """Every name under `prefix`."""


class FolderStore:
    """A folder on disk; a file is replaced atomically so a crash never leaves half a key."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def beside(cls, output: Path) -> FolderStore:
        """The state folder of builds into `output` (the one SiteBuild writes)."""
        return cls(state_folder(output))

    def read(self, name: str) -> bytes | None:
        path = self.root / name
        return path.read_bytes() if path.is_file() else None

    def write(self, name: str, data: bytes) -> None:
        path = self.root / name
        # One writer per state folder (the build into its output), so a fixed temporary name is enough, and
        # cheaper than mkstemp's for the ten thousand keys of a full build.
        temporary = path.with_name(f".state-{path.name}")
        try:
            temporary.write_bytes(data)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
        os.replace(temporary, path)

    def delete(self, name: str) -> None:
        (self.root / name).unlink(missing_ok=True)

    def names(self, prefix: str = "") -> Iterator[str]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*")):
            name = path.relative_to(self.root).as_posix()
            if path.is_file() and name.startswith(prefix) and not path.name.startswith(".state-"):
                yield name


class S3Store:
    """Objects in the private build-state bucket (encrypted with the data key; no public or CloudFront access)."""

    def __init__(self, s3: Any, bucket: str) -> None:
        self.s3 = s3
        self.bucket = bucket

    def read(self, name: str) -> bytes | None:
        try:
            data: bytes = self.s3.get_object(Bucket=self.bucket, Key=name)["Body"].read()
        except self.s3.exceptions.NoSuchKey:
            return None
        return data

    def write(self, name: str, data: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=name, Body=data, ContentType="application/json")

    def delete(self, name: str) -> None:
        self.s3.delete_object(Bucket=self.bucket, Key=name)

    def names(self, prefix: str = "") -> Iterator[str]:
        for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                yield str(item["Key"])


class OldBuildState(ValueError):
    """The state was written by another version of the builder: only a full build can bring it up to date."""


class NoBuildState(RuntimeError):
    """No full build has written any state here yet."""


def dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class ListingSummary:
    """What the home page, a listing index and the search page show of a listing: not its cards, their number.

    `cards` is a range of that length so that the templates, which count `listing.cards`, read both alike.
    """

    kind: str
    slug: str
    title: str
    count: int

    @property
    def cards(self) -> range:
        return range(self.count)

    @property
    def url(self) -> str:
        return listing_url(self.kind, self.slug)


@dataclass(frozen=True)
class Meta:
    """The aggregates in `meta.json`."""

    fingerprint: str
    page_urls: tuple[str, ...]
    institutions: int
    reviews: int
    latest: tuple[LatestReview, ...]
    best: tuple[Card, ...]  # the best rated with enough reviews, best first; `best_all`: every one of them
    best_all: bool
    listings: dict[str, dict[str, ListingSummary]]
    a_to_z_size: int
    card_buckets: int

    def to_bytes(self) -> bytes:
        return dumps({
            "format": FORMAT_VERSION,
            "card_fields": list(Card._fields),
            "fingerprint": self.fingerprint,
            "page_urls": list(self.page_urls),
            "institutions": self.institutions,
            "reviews": self.reviews,
            "latest": [{"card": _card_json(item.card), "review": item.review.model_dump(mode="json")}
                       for item in self.latest],
            "best": [_card_json(card) for card in self.best],
            "best_all": self.best_all,
            "listings": {kind: [[s.slug, s.title, s.count] for s in by_slug.values()]
                         for kind, by_slug in self.listings.items()},
            "a_to_z_size": self.a_to_z_size,
            "card_buckets": self.card_buckets,
        })

    @classmethod
    def from_bytes(cls, data: bytes) -> Meta:
        raw = json.loads(data)
        if raw.get("format") != FORMAT_VERSION or raw.get("card_fields") != list(Card._fields):
            raise OldBuildState(f"the build state is format {raw.get('format')!r}, this builder reads "
                                f"{FORMAT_VERSION}: run a full build (make publish) to write it again")
        latest = tuple(LatestReview(PublishedReview.model_validate(item["review"]), _card_from_json(item["card"]))
                       for item in raw["latest"])
        listings = {kind: {slug: ListingSummary(kind, slug, title, count) for slug, title, count in rows}
                    for kind, rows in raw["listings"].items()}
        return cls(raw["fingerprint"], tuple(raw["page_urls"]), raw["institutions"], raw["reviews"], latest,
                   tuple(_card_from_json(row) for row in raw["best"]), raw["best_all"], listings,
                   raw["a_to_z_size"], raw["card_buckets"])

    @property
    def a_to_z_pages(self) -> int:
        return max(1, math.ceil(self.institutions / self.a_to_z_size))


def read_meta(store: Store) -> Meta:
    """The aggregates, or a clear error when there are none or an older builder wrote them."""
    data = store.read(META)
    if data is None:
        if store.read(INDEX_NAME) is not None:
            raise OldBuildState(f"the build state holds an earlier builder's {INDEX_NAME} (format 4), not "
                                f"{META}: run a full build (make publish) to write it again")
        raise NoBuildState(f"the build state has no {META}: publish a full build first (make publish)")
    return Meta.from_bytes(data)


@dataclass(frozen=True)
class StoredCard:
    card: Card
    source: str


Bucket = dict[str, StoredCard]


def read_buckets(store: Store, meta: Meta, slugs: Iterable[str]) -> dict[str, Bucket]:
    """The buckets of cards that hold these slugs, by key."""
    buckets: dict[str, Bucket] = {}
    for key in sorted({card_key(slug, meta.card_buckets) for slug in slugs}):
        raw = json.loads(store.read(key) or b"{}")
        buckets[key] = {slug: StoredCard(_card_from_json(row), source) for slug, (row, source) in raw.items()}
    return buckets


def read_card(store: Store, slug: str) -> StoredCard | None:
    """One institution's card (tests and tools; a rebuild reads the buckets of all it changes at once)."""
    meta = read_meta(store)
    return read_buckets(store, meta, [slug])[card_key(slug, meta.card_buckets)].get(slug)


def bucket_bytes(bucket: Mapping[str, StoredCard], rows: Rows | None = None) -> bytes:
    """A bucket as {slug: [card, source]}, by slug."""
    return b"{" + b",".join(dumps(slug) + b":[" + (rows[slug] if rows else card_row(item.card)) + b","
                             + dumps(item.source) + b"]" for slug, item in sorted(bucket.items())) + b"}"


def card_row(card: Card) -> bytes:
    """A card as JSON, made once per card and joined into every listing and A to Z page that holds it (a card
    is in about eight: encoding each once keeps a full build's state write short)."""
    return dumps(_card_json(card))


Rows = Mapping[str, bytes]


def listing_bytes(listing: Listing, rows: Rows | None = None) -> bytes:
    """A listing as [title, [card, ...]] (A to Z)."""
    return b"[" + dumps(listing.title) + b"," + cards_bytes(listing.cards, rows) + b"]"


def read_listing(store: Store, kind: str, slug: str) -> Listing | None:
    data = store.read(listing_key(kind, slug))
    if data is None:
        return None
    title, cards = json.loads(data)
    return Listing(kind, slug, title, tuple(_card_from_json(row) for row in cards))


def cards_bytes(cards: Iterable[Card], rows: Rows | None = None) -> bytes:
    return b"[" + b",".join(rows[card.slug] if rows else card_row(card) for card in cards) + b"]"


def read_cards(store: Store, name: str) -> tuple[Card, ...]:
    data = store.read(name)
    return () if data is None else tuple(_card_from_json(row) for row in json.loads(data))


def a_to_z_page_of(bounds: list[list[str]], card: Card) -> int:
    """The number of the A to Z page a card is on, from the first (name, slug) of every page."""
    return max(1, bisect.bisect_right([tuple(bound) for bound in bounds], card.name_key()))


def best_candidates(sorted_cards: Iterable[Card], site: SiteSettings) -> tuple[tuple[Card, ...], bool]:
    """The home page's best rated, kept BEST_MARGIN times over; and whether that is every eligible card."""
    eligible = [card for card in sorted_cards if card.count >= site.best_rated_min_reviews]
    keep = site.home_best_rated * BEST_MARGIN
    return tuple(eligible[:keep]), len(eligible) <= keep


def bucket_count(institutions: int) -> int:
    return max(1, math.ceil(institutions / CARDS_PER_BUCKET))


def meta_of(index: SiteIndex, model: SiteModel, site: SiteSettings, a_to_z_size: int,
            card_buckets: int | None = None) -> Meta:
    best, best_all = best_candidates(model.all_sorted, site)
    listings = {kind: {slug: ListingSummary(kind, slug, listing.title, len(listing.cards))
                       for slug, listing in by_slug.items()} for kind, by_slug in model.listings.items()}
    return Meta(index.fingerprint, index.page_urls, len(model.cards), model.review_count, model.latest, best,
                best_all, listings, a_to_z_size, card_buckets or bucket_count(len(model.cards)))


def shared_state(index: SiteIndex, model: SiteModel, site: SiteSettings, a_to_z_size: int,
                 card_buckets: int | None = None) -> dict[str, bytes]:
    """Every key but the cards' buckets: the aggregates, the listings, the A to Z pages and the local keys.
    `card_buckets` stays what the full build chose until the next one (slugs must not move between buckets)."""
    rows = {slug: card_row(card) for slug, card in model.cards.items()}
    meta = meta_of(index, model, site, a_to_z_size, card_buckets)
    files = {META: meta.to_bytes(), SOURCES: dumps(index.sources),
             STAMPS: dumps(index.stamps)}
    for listing in model.all_listings():
        files[listing_key(listing.kind, listing.slug)] = listing_bytes(listing, rows)
    pages = [model.alphabetical[start : start + a_to_z_size]
             for start in range(0, len(model.alphabetical), a_to_z_size)] or [()]
    files[A_TO_Z_BOUNDS] = dumps([list(page[0].name_key()) for page in pages if page])
    for number, page in enumerate(pages, start=1):
        files[a_to_z_key(number)] = cards_bytes(page, rows)
    return files


def write_whole(store: Store, index: SiteIndex, site: SiteSettings, a_to_z_size: int,
                model: SiteModel | None = None) -> None:
    """Write the whole state of a full build (and forget keys it no longer has, such as a removed card's)."""
    model = model or SiteModel(index.cards, index.latest, {})
    files = shared_state(index, model, site, a_to_z_size)
    buckets = bucket_count(len(index.cards))
    grouped: dict[str, Bucket] = {bucket_key(n): {} for n in range(buckets)}
    for slug, card in index.cards.items():
        grouped[card_key(slug, buckets)][slug] = StoredCard(card, index.sources[slug])
    files.update((key, bucket_bytes(bucket)) for key, bucket in grouped.items())
    for name in set(store.names(PREFIX)) - set(files):
        store.delete(name)
    # Every key written, none compared first: a full build rewrites them all anyway, and reading ten thousand
    # keys back costs as much as writing them. The aggregates go last, so a build cut short is not taken for one.
    for name, data in sorted(files.items(), key=lambda item: item[0] == META):
        store.write(name, data)
    logger.info("Wrote the build state: %d keys", len(files))


def write_changed(store: Store, files: Mapping[str, bytes]) -> int:
    """Write the keys whose bytes differ from what the store holds; how many were written."""
    written = 0
    for name, data in files.items():
        if store.read(name) != data:
            store.write(name, data)
            written += 1
    return written


def read_whole(store: Store) -> SiteIndex:
    """The whole site index (every card) from the keys: for a local build's changes and the rare rebuild that
    moves institutions between pages (a new, removed or renamed one). The type listings hold every card."""
    meta = read_meta(store)
    cards: dict[str, Card] = {}
    for slug in meta.listings["type"]:
        listing = read_listing(store, "type", slug)
        cards.update((card.slug, card) for card in (listing.cards if listing else ()))
    sources = json.loads(store.read(SOURCES) or b"{}")
    stamps = json.loads(store.read(STAMPS) or b"{}")
    ordered = dict(sorted(cards.items()))
    return SiteIndex(ordered, meta.latest, meta.page_urls, sources, meta.fingerprint, stamps)


def copy_state(source: Store, target: Store) -> int:
    """Bring `target` to what `source` holds (`careermitra publish` copies a local build's state to the
    bucket); returns how many keys were written."""
    names = set(source.names(PREFIX))
    if META not in names:
        raise FileNotFoundError(f"the build state has no {META}: build the site first")
    for name in set(target.names(PREFIX)) - names:
        target.delete(name)
    return write_changed(target, {name: source.read(name) or b"" for name in sorted(names)})

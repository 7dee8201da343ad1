"""Rebuild only what a change to a few institutions touches, from the site index and their own files.

An approval changes one institution's reviews: its pages, the listings and the home page that show its
rating, the A-Z page it sits on, the feed and (when its pages of reviews change in number) the sitemap.
Everything here renders through the same Renderer and page functions as the full build, so the files are
byte-identical to what a full build of the same content writes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from careermitra.domain.errors import ContentError
from careermitra.domain.review import PublishedReview
from careermitra.site.builder.assemble import machine_files, rendered, sitemap_paths_of
from careermitra.site.builder.compare import compare_data, compare_data_path
from careermitra.site.builder.content import load_reviews, parse_institution, raise_all
from careermitra.site.builder.images import Picture
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.listing_data import institution_data_file, listing_data_files, listing_data_paths
from careermitra.site.builder.model import (
    LISTING_KINDS,
    Card,
    Entry,
    LatestReview,
    Listing,
    SiteModel,
    listing_keys,
    make_entry,
    newest_reviews,
)
from careermitra.site.builder.outputs import FEED_PATH, reviews_feed_of
from careermitra.site.builder.pages import (
    A_TO_Z_MORE,
    A_TO_Z_URL,
    PageSpec,
    Pagination,
    _path,
    all_institutions_page,
    all_institutions_page_size,
    all_institutions_pages,
    home_page,
    home_page_of,
    institution_pages,
    institution_paths,
    institution_urls,
    listing_index_page,
    listing_index_page_of,
    listing_page_of,
    listing_pages,
    listing_urls,
    paths_in_languages,
    search_page,
    search_page_of,
    search_terms,
)
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.reviews_file import newest_first, read_reviews
from careermitra.site.builder.settings import SiteSettings
from careermitra.site.builder.state import (
    A_TO_Z_BOUNDS,
    BEST_MARGIN,
    META,
    STAMPS,
    Bucket,
    Meta,
    OldBuildState,
    Store,
    StoredCard,
    a_to_z_key,
    a_to_z_page_of,
    bucket_bytes,
    card_key,
    cards_bytes,
    dumps,
    listing_bytes,
    listing_key,
    read_buckets,
    read_cards,
    read_listing,
    read_meta,
    read_whole,
    shared_state,
)


@dataclass(frozen=True)
class Rebuild:
    """The outcome of an incremental rebuild: files to write (path -> text) and files that no longer exist."""

    index: SiteIndex
    files: dict[str, str]
    removed: frozenset[str]
    # The photos and logos of the changed institutions: their variants exist already unless a source changed
    # (which a local build makes a full build); `SiteBuild.update` writes any that are missing.
    pictures: tuple[Picture, ...] = ()


ReviewsBySlug = Mapping[str, Sequence[PublishedReview]]


def rebuild(index: SiteIndex, content: Path, site: SiteSettings, renderer: Renderer, slugs: Collection[str],
            reviews: ReviewsBySlug | None = None,
            all_reviews: Callable[[], dict[str, list[PublishedReview]]] | None = None,
            stamps: dict[str, str] | None = None, keep_missing: bool = False) -> Rebuild:
    """Re-read the institutions `slugs` and produce every file their change touches.

    Every broken institution file is named in one ContentError, as a full build names them. An institution
    whose file is gone is taken off the site, unless `keep_missing` (the rebuild: a review approval never
    deletes an institution; only an editor's commit and a full publish do): then its absence is an error too.

    `reviews`, when given, holds the approved reviews of every changed institution (one missing from it has
    none): the rebuild hands them over from DynamoDB instead of a reviews file. Without it they are read from
    the reviews folder. `all_reviews` is asked, rarely, when the index's list of newest reviews cannot be merged
    exactly; by default it reads the reviews folder.
    """
    changed = set(slugs)
    cards, sources, entries = _reread(index.cards, index.sources, content, site, changed, reviews, keep_missing)
    latest = merge_latest(index, entries, changed, cards, site.latest_capacity)
    if latest is None:  # the kept list cannot prove it is exact: read every review once
        everything = all_reviews() if all_reviews else load_reviews(content / site.reviews_path, cards)
        latest = newest_of_all(everything, cards, site.latest_capacity)
    new_index = SiteIndex(cards, latest, index.page_urls, sources, index.fingerprint,
                          index.stamps if stamps is None else stamps)
    model = SiteModel(cards, latest, entries)
    specs, removed = _institution_specs(index, model, site, changed)
    listing_specs, listing_removed, listings = _listing_specs(index, model, site, changed)
    specs += [*listing_specs, *_touched_a_to_z_pages(index.cards, model, site, changed)]
    files = dict(rendered(specs, renderer))
    files.update(compare_data(entry) for entry in entries.values())
    files.update(machine_files(model, site, new_index))
    files.update(listing_data_files(listings))
    files.update(institution_data_file(model.cards[slug]) for slug in sorted(changed) if slug in model.entries)
    # Fewer URLs can mean fewer sitemap parts: the parts the earlier build wrote and this one does not go.
    removed |= sitemap_paths_of(SiteModel(index.cards, index.latest, {}), site, index) - set(files)
    pictures = tuple(picture for entry in entries.values() for picture in entry.pictures)
    gone = paths_in_languages(removed | listing_removed, site.languages) - set(files)
    return Rebuild(new_index, files, frozenset(gone), pictures)


def _reread(cards_before: Mapping[str, Card], sources_before: Mapping[str, str], content: Path,
            site: SiteSettings, changed: set[str], reviews: ReviewsBySlug | None,
            keep_missing: bool) -> tuple[dict[str, Card], dict[str, str], dict[str, Entry]]:
    """The cards and sources after the change, and an entry (institution + reviews) per changed institution."""
    institutions_dir, reviews_dir = content / site.institutions_path, content / site.reviews_path
    cards, sources = dict(cards_before), dict(sources_before)
    entries: dict[str, Entry] = {}
    errors: list[ContentError] = []
    for slug in sorted(changed):
        source = sources.get(slug) or _find_source(institutions_dir, slug)
        if source is None or not (institutions_dir / source).is_file():
            if keep_missing:
                errors.append(ContentError(str(institutions_dir / (source or f"{slug}.md")), [
                    ("", f"the institution file of {slug!r} is missing: its pages are kept as published")]))
                continue
            cards.pop(slug, None)
            sources.pop(slug, None)
            continue
        path = institutions_dir / source
        try:
            institution = parse_institution(path.read_text(encoding="utf-8"), str(path), slug)
        except ContentError as error:
            errors.append(error)
            continue
        approved = (newest_first(reviews.get(slug, ())) if reviews is not None
                    else read_reviews(reviews_dir / f"{slug}.yaml"))
        entries[slug] = make_entry(institution, approved, path)
        cards[slug], sources[slug] = entries[slug].card, source
    raise_all(errors)
    return cards, sources, entries


def newest_of_all(everything: ReviewsBySlug, cards: dict[str, Card], capacity: int) -> tuple[LatestReview, ...]:
    """The newest reviews site-wide, from every institution's reviews."""
    items = (LatestReview(review, cards[slug]) for slug, reviews in everything.items() if slug in cards
             for review in reviews)
    return tuple(sorted(items, key=LatestReview.sort_key, reverse=True)[:capacity])


def _institution_specs(index: SiteIndex, model: SiteModel, site: SiteSettings,
                       changed: set[str]) -> tuple[list[PageSpec], set[str]]:
    """The home and search pages and the changed institutions' pages; and their pages that no longer exist."""
    specs: list[PageSpec] = [home_page(model, site), search_page(model)]
    removed: set[str] = set()
    for slug in sorted(changed):
        if slug in model.entries:
            specs.extend(institution_pages(model.entries[slug], site))
        new_paths = institution_paths(model.cards[slug], site) if slug in model.cards else set()
        old_paths = institution_paths(index.cards[slug], site) if slug in index.cards else set()
        removed |= old_paths - new_paths
        if slug not in model.cards:
            removed.add(compare_data_path(slug))
    return specs, removed


def _listing_specs(index: SiteIndex, model: SiteModel, site: SiteSettings,
                   changed: set[str]) -> tuple[list[PageSpec], set[str], list[Listing]]:
    """The listing pages a changed institution is (or was) on, the files of listings that no longer exist,
    and the listings it is in now (whose data files change with it)."""
    specs: list[PageSpec] = []
    removed: set[str] = set()
    touched_listings: list[Listing] = []
    touched = [index.cards[s] for s in changed if s in index.cards] + [model.cards[s] for s in changed
                                                                       if s in model.cards]
    for kind in LISTING_KINDS:
        specs.append(listing_index_page(kind, model))
        for listing_slug in sorted({key for card in touched for key, _ in listing_keys(card)[kind]}):
            new = model.listings[kind].get(listing_slug)
            old = _listing_before(new, kind, listing_slug, index.cards, changed)
            new_paths = {_path(url) for url in listing_urls(new, site)} if new else set()
            if new:
                specs.extend(listing_pages(new, site, _listing_numbers(old, new, changed, site)))
                touched_listings.append(new)
            if old:
                removed |= {_path(url) for url in listing_urls(old, site)} - new_paths
                removed |= listing_data_paths(old) - (listing_data_paths(new) if new else set())
    return specs, removed, touched_listings


def _listing_numbers(old: Listing | None, new: Listing, changed: set[str], site: SiteSettings) -> set[int] | None:
    """The page numbers of a listing to render again: all of them (None) unless its order stayed the same."""
    if old is None or [c.slug for c in old.cards] != [c.slug for c in new.cards]:
        return None
    # A to Z: a new rating changes the first page (best rated) and the page the institution is on.
    return {1, *(listing_page_of(new, slug, site) or 1 for slug in changed)}


def merge_latest(index: SiteIndex, entries: dict[str, Entry], changed: set[str], cards: dict[str, Card],
                 capacity: int) -> tuple[LatestReview, ...] | None:
    """The newest reviews after a change, or None when the kept list is too short to be sure (see
    merge_latest_of)."""
    total_before = sum(card.count for card in index.cards.values())
    kept = [LatestReview(item.review, cards[item.card.slug]) for item in index.latest
            if item.card.slug not in changed]
    return merge_latest_of(index.latest, total_before, kept, entries, capacity)


def merge_latest_of(latest: Sequence[LatestReview], total_before: int, kept: list[LatestReview],
                    entries: dict[str, Entry], capacity: int) -> tuple[LatestReview, ...] | None:
    """The newest reviews after a change, or None when the kept list is too short to be sure.

    The state keeps an exact prefix of all reviews, newest first. Dropping the changed institutions' reviews
    from it (`kept`) leaves an exact prefix of everybody else's; adding the changed institutions' reviews (all
    of them) and cutting after the last kept one leaves an exact prefix again.
    """
    complete = len(latest) >= total_before  # the kept list held every review on the site
    fresh = newest_reviews(entries.values(), capacity)
    merged = sorted([*kept, *fresh], key=LatestReview.sort_key, reverse=True)
    if not complete and kept:
        boundary = kept[-1].sort_key()
        merged = [item for item in merged if item.sort_key() >= boundary]
    if not complete and not kept:
        return None
    if not complete and len(merged) < capacity // 2:
        return None
    return tuple(merged[:capacity])


def _listing_before(now: Listing | None, kind: str, key: str, cards_before: dict[str, Card],
                    changed: set[str]) -> Listing | None:
    """A listing as it was before the change: its unchanged members and the changed ones' earlier cards.

    Cheaper than grouping every institution again: only the changed institutions can have moved in or out.
    """
    unchanged = [card for card in (now.cards if now else ()) if card.slug not in changed]
    earlier = [cards_before[slug] for slug in changed if slug in cards_before
               and key in {k for k, _ in listing_keys(cards_before[slug])[kind]}]
    members = sorted([*unchanged, *earlier], key=Card.name_key)
    return Listing(kind, key, now.title if now else key, tuple(members)) if members else None


def _touched_a_to_z_pages(cards_before: dict[str, Card], new: SiteModel, site: SiteSettings,
                          slugs: Iterable[str]) -> list[PageSpec]:
    """The pages of the A-Z list that show a changed institution (all of them if the order shifted)."""
    size = all_institutions_page_size(site)
    pages = all_institutions_pages(new, site)
    # The order only moves when an institution comes, goes or is renamed.
    if any(slug not in cards_before or slug not in new.cards
           or cards_before[slug].name_key() != new.cards[slug].name_key() for slug in slugs):
        return pages
    position = {card.slug: number for number, card in enumerate(new.alphabetical)}
    return [pages[n] for n in sorted({position[slug] // size for slug in slugs})]


def _find_source(folder: Path, slug: str) -> str | None:
    """Where a new institution's file is (they may sit in subfolders)."""
    for path in folder.rglob(f"{slug}.md"):
        return str(path.relative_to(folder))
    return None


class Phases:
    """Seconds spent in each phase of a rebuild (state read, content read, render, ...), added up per name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._since = time.perf_counter()

    def lap(self, name: str) -> None:
        """Count the time since the last lap as `name`."""
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._since
        self._since = now


@dataclass(frozen=True)
class KeyedRebuild:
    """An incremental rebuild from the keyed build state (state.py): the files to write and remove, and the
    state keys to write (`state`) and forget (`forget`) once the files are up."""

    files: dict[str, str]
    removed: frozenset[str]
    state: dict[str, bytes]
    forget: frozenset[str] = frozenset()
    pictures: tuple[Picture, ...] = ()
    # True when the change moved institutions between pages or lists (a new, removed or renamed institution,
    # a course added, a new page of reviews), so every card was read: rare, and what an approval never needs.
    whole: bool = False


def rebuild_from_state(store: Store, content: Path, site: SiteSettings, renderer: Renderer, slugs: Collection[str],
                       reviews: ReviewsBySlug | None = None,
                       all_reviews: Callable[[], dict[str, list[PublishedReview]]] | None = None,
                       stamps: dict[str, str] | None = None, keep_missing: bool = False,
                       clock: Phases | None = None) -> KeyedRebuild:
    """What `rebuild` produces, reading from the state only the keys the change touches.

    An approval changes an institution's ratings and reviews but not where it sits: its listings, its place
    A to Z and its URLs stay. Then only the aggregates, its card, its listings and its A to Z page are read
    and rendered again. Any other change reads the whole state and runs `rebuild` (see KeyedRebuild.whole).
    """
    clock = clock or Phases()
    meta = read_meta(store)
    changed = set(slugs)
    buckets = read_buckets(store, meta, changed)
    stored = {slug: buckets[card_key(slug, meta.card_buckets)].get(slug) for slug in sorted(changed)}
    before = {slug: item.card for slug, item in stored.items() if item is not None}
    sources = {slug: item.source for slug, item in stored.items() if item is not None}
    clock.lap("state read")
    _, _, entries = _reread(before, sources, content, site, changed, reviews, keep_missing)
    clock.lap("content read")
    stays = all(slug in before and slug in entries and _stays_in_place(before[slug], entries[slug].card, site)
                for slug in changed)
    kept = [item for item in meta.latest if item.card.slug not in changed]
    latest = merge_latest_of(meta.latest, meta.reviews, kept, entries, site.latest_capacity) if stays else None
    best = _merge_best(meta, {slug: entries[slug].card for slug in changed}, site) if stays else None
    if latest is None or best is None:
        return _rebuild_whole(store, meta, buckets, content, site, renderer, changed, reviews, all_reviews,
                              stamps, keep_missing, clock)
    cards = {slug: entries[slug].card for slug in sorted(changed)}
    listings = _touched_listings(store, cards)
    a_to_z = _touched_a_to_z(store, meta, cards)
    clock.lap("state read")
    review_count = meta.reviews + sum(card.count - before[slug].count for slug, card in cards.items())
    specs: list[PageSpec] = [
        home_page_of(best[0][: site.home_best_rated], latest[: site.home_latest_reviews], meta.listings,
                     meta.institutions, review_count),
        search_page_of(meta.listings),
        *(spec for slug in sorted(changed) for spec in institution_pages(entries[slug], site)),
        *(listing_index_page_of(kind, meta.listings[kind].values()) for kind in LISTING_KINDS),
    ]
    for listing in listings:
        numbers = {1, *(listing_page_of(listing, slug, site) or 1 for slug in changed)}
        specs.extend(listing_pages(listing, site, numbers))
    for number, page in a_to_z.items():
        specs.append(all_institutions_page(Pagination(number, meta.a_to_z_pages, A_TO_Z_URL, A_TO_Z_MORE), page))
    files = dict(rendered(specs, renderer))
    files.update(compare_data(entry) for entry in entries.values())
    files[FEED_PATH] = reviews_feed_of(latest, site)
    files.update(listing_data_files(listings))
    files.update(institution_data_file(card) for card in cards.values())
    new_meta = replace(meta, reviews=review_count, latest=latest, best=best[0], best_all=best[1])
    state = {META: new_meta.to_bytes(),
             **_buckets_after(buckets, meta, {slug: StoredCard(card, sources[slug]) for slug, card in cards.items()}),
             **{listing_key(listing.kind, listing.slug): listing_bytes(listing) for listing in listings},
             **{a_to_z_key(number): cards_bytes(page) for number, page in a_to_z.items()}}
    if stamps is not None:
        state[STAMPS] = dumps(stamps)
    pictures = tuple(picture for entry in entries.values() for picture in entry.pictures)
    clock.lap("render")
    return KeyedRebuild(files, frozenset(), state, pictures=pictures)


def _stays_in_place(old: Card, new: Card, site: SiteSettings) -> bool:
    """Whether a changed card keeps its listings, its place A to Z, its URLs and its search record: then no
    other institution's page, no sitemap and no search index changes with it."""
    return (old.name_key() == new.name_key() and listing_keys(old) == listing_keys(new)
            and institution_urls(old, site) == institution_urls(new, site) and search_terms(old) == search_terms(new))


def _merge_best(meta: Meta, cards: Mapping[str, Card], site: SiteSettings) -> tuple[tuple[Card, ...], bool] | None:
    """The best rated candidates after a change, or None when the kept ones cannot prove the order (as
    merge_latest_of: the kept list is an exact prefix; cut after its last unchanged card)."""
    kept = [card for card in meta.best if card.slug not in cards]
    fresh = [card for card in cards.values() if card.count >= site.best_rated_min_reviews]
    merged = sorted([*kept, *fresh], key=Card.sort_key)
    if not meta.best_all:
        if not kept:
            return None
        boundary = kept[-1].sort_key()
        merged = [card for card in merged if card.sort_key() <= boundary]
        if len(merged) < site.home_best_rated:
            return None
    keep = site.home_best_rated * BEST_MARGIN
    return tuple(merged[:keep]), meta.best_all and len(merged) <= keep


def _touched_listings(store: Store, cards: Mapping[str, Card]) -> list[Listing]:
    """The listings the changed cards are in, read from the state, with the changed cards in them."""
    keys = sorted({(kind, slug) for card in cards.values() for kind, pairs in listing_keys(card).items()
                   for slug, _ in pairs})
    listings = []
    for kind, slug in keys:
        listing = read_listing(store, kind, slug)
        if listing is None:
            raise OldBuildState(f"the build state has no {listing_key(kind, slug)}: run a full build (make publish)")
        listings.append(replace(listing, cards=tuple(cards.get(card.slug, card) for card in listing.cards)))
    return listings


def _touched_a_to_z(store: Store, meta: Meta, cards: Mapping[str, Card]) -> dict[int, tuple[Card, ...]]:
    """The A to Z pages the changed cards are on, with the changed cards in them."""
    bounds = json.loads(store.read(A_TO_Z_BOUNDS) or b"[]")
    pages: dict[int, tuple[Card, ...]] = {}
    for number in sorted({a_to_z_page_of(bounds, card) for card in cards.values()}):
        pages[number] = tuple(cards.get(card.slug, card) for card in read_cards(store, a_to_z_key(number)))
    return pages


def _buckets_after(buckets: Mapping[str, Bucket], meta: Meta,
                   changed: Mapping[str, StoredCard | None]) -> dict[str, bytes]:
    """The changed buckets of cards: each changed card put in (or, None, taken out of) its bucket."""
    after = {key: dict(bucket) for key, bucket in buckets.items()}
    for slug, item in changed.items():
        bucket = after[card_key(slug, meta.card_buckets)]
        if item is None:
            bucket.pop(slug, None)
        else:
            bucket[slug] = item
    return {key: bucket_bytes(bucket) for key, bucket in after.items()}


def _rebuild_whole(store: Store, meta: Meta, buckets: Mapping[str, Bucket], content: Path, site: SiteSettings,
                   renderer: Renderer,
                   changed: set[str], reviews: ReviewsBySlug | None,
                   all_reviews: Callable[[], dict[str, list[PublishedReview]]] | None,
                   stamps: dict[str, str] | None, keep_missing: bool, clock: Phases) -> KeyedRebuild:
    """A change that moves institutions: every card read from the state, `rebuild`, and the keys that changed."""
    index = read_whole(store)
    clock.lap("state read")
    result = rebuild(index, content, site, renderer, changed, reviews=reviews, all_reviews=all_reviews,
                     stamps=stamps, keep_missing=keep_missing)
    size = meta.a_to_z_size
    old = shared_state(index, SiteModel(index.cards, index.latest, {}), site, size, meta.card_buckets)
    new = shared_state(result.index, SiteModel(result.index.cards, result.index.latest, {}), site, size,
                       meta.card_buckets)
    state = {name: data for name, data in new.items() if old.get(name) != data}
    cards, sources = result.index.cards, result.index.sources
    state.update(_buckets_after(buckets, meta, {slug: StoredCard(cards[slug], sources[slug]) if slug in cards
                                                else None for slug in changed}))
    forget = set(old) - set(new)
    clock.lap("render")
    return KeyedRebuild(result.files, result.removed, state, frozenset(forget), result.pictures, whole=True)

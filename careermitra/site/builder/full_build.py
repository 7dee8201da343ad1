"""A full build, in parallel: each process reads, checks and renders a share of the institutions, then the
listings and other pages are rendered from the cards they hand back.

Institutions are independent of each other, so they split cleanly across processes; what spans them (listings,
the home page, the feed, the sitemap) needs only each institution's card and its newest reviews. Processes are
forked after the settings and templates are loaded, so nothing but small results crosses between them.
"""

from __future__ import annotations

import gc
import heapq
import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from careermitra.domain.errors import ContentError
from careermitra.site.builder.compare import compare_data
from careermitra.site.builder.content import (
    duplicate_review_ids,
    institution_files,
    orphan_reviews,
    parse_institution,
    raise_all,
)
from careermitra.site.builder.images import write_picture
from careermitra.site.builder.listing_data import institution_data_file
from careermitra.site.builder.model import Card, Entry, LatestReview, SiteModel, make_entry
from careermitra.site.builder.pages import PageSpec, in_languages, institution_pages
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.reviews_file import read_reviews
from careermitra.site.builder.settings import SiteSettings

# Below this many institutions (or pages) starting processes costs more than it saves.
PARALLEL_FROM = 300
# Rendering makes millions of short-lived objects and almost no reference cycles: Python's cyclic collector,
# run every 700 allocations by default, then costs about a tenth of a full build for nothing.
BUILD_GC_THRESHOLD = (20_000, 50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cycles seldom while a full build runs, and freeze what exists so forked processes share it.

    Frozen objects are left out of collections, so a process forked afterwards does not copy the pages of the
    settings, templates and model it inherits merely to walk them.
    """
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*BUILD_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@dataclass(frozen=True)
class Job:
    """What every process needs; inherited through fork, never pickled."""

    files: dict[str, Path]
    reviews_dir: Path
    site: SiteSettings
    renderer: Renderer
    output: Path
    shares: int


@dataclass
class ShareResult:
    cards: dict[str, Card] = field(default_factory=dict)
    latest: list[LatestReview] = field(default_factory=list)
    review_ids: list[tuple[str, list[str]]] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    pages: int = 0


_JOB: Job | None = None  # set before forking; read by the processes


_MADE: set[Path] = set()  # folders this process has created (a full build starts from an empty folder)


def write_page(output: Path, spec: PageSpec, renderer: Renderer) -> None:
    write_text(output / spec.path, renderer.render(spec))


def write_institution_extras(output: Path, entry: Entry, site: SiteSettings) -> None:
    """An institution's compare data and the variants of its photos and logo (encoded only if not cached)."""
    path, text = compare_data(entry)
    write_text(output / path, text)
    for picture in entry.pictures:
        write_picture(picture, output, Path(site.image_cache))


def write_text(target: Path, text: str) -> None:
    if target.parent not in _MADE:
        target.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(target.parent)
    target.write_text(text, encoding="utf-8")


def build_share(share: int) -> ShareResult:
    """Read, check and render every `shares`-th institution, starting at `share`."""
    job = _JOB
    assert job is not None
    result = ShareResult()
    for slug in sorted(job.files)[share :: job.shares]:
        path = job.files[slug]
        try:
            institution = parse_institution(path.read_text(encoding="utf-8"), str(path), slug)
            reviews = read_reviews(job.reviews_dir / f"{slug}.yaml")
        except ContentError as error:
            result.errors.append(error)
            continue
        entry = make_entry(institution, reviews, path)
        result.cards[slug] = entry.card
        # Back to the parent: ids for the duplicate check, the newest reviews for the home page and the feed.
        result.review_ids.append((str(job.reviews_dir / f"{slug}.yaml"), [review.id for review in reviews]))
        result.latest = heapq.nlargest(job.site.latest_capacity,
                                       [*result.latest, *(LatestReview(r, entry.card) for r in reviews)],
                                       key=LatestReview.sort_key)
        if not result.errors:  # once the build will fail, checking the rest is all that is left to do
            for spec in in_languages(institution_pages(entry, job.site), job.site.languages):
                write_page(job.output, spec, job.renderer)
                result.pages += 1
            write_institution_extras(job.output, entry, job.site)
            data_path, data = institution_data_file(entry.card)  # its page's folder exists now
            (job.output / data_path).write_text(data, encoding="utf-8")
    return result


def build_institutions(content: Path, site: SiteSettings, renderer: Renderer, output: Path,
                       workers: int) -> tuple[SiteModel, dict[str, str], int]:
    """Render every institution's pages; return the model for the rest of the site, the sources and a count."""
    global _JOB
    _MADE.clear()  # the output folder was just emptied
    institutions_dir, reviews_dir = content / site.institutions_path, content / site.reviews_path
    files, errors = institution_files(institutions_dir)
    errors += orphan_reviews(reviews_dir, files)
    raise_all(errors)
    shares = workers if workers > 1 and len(files) >= PARALLEL_FROM and _can_fork() else 1
    _JOB = Job(files, reviews_dir, site, renderer, output, shares)
    try:
        if shares == 1:
            results = [build_share(0)]
        else:
            with multiprocessing.get_context("fork").Pool(shares) as pool:
                results = pool.map(build_share, range(shares))
    finally:
        _JOB = None
    errors = [error for result in results for error in result.errors]
    errors += duplicate_review_ids(sorted(item for result in results for item in result.review_ids))
    raise_all(errors)
    cards = {slug: card for result in results for slug, card in result.cards.items()}
    latest = heapq.nlargest(site.latest_capacity, [item for r in results for item in r.latest],
                            key=LatestReview.sort_key)
    sources = {slug: str(files[slug].relative_to(institutions_dir)) for slug in cards}
    return SiteModel(dict(sorted(cards.items())), tuple(latest), {}), sources, sum(r.pages for r in results)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def render_pages(specs: Sequence[PageSpec], renderer: Renderer, output: Path, workers: int) -> None:
    """Render and write pages, in forked processes when there are enough of them to share."""
    global _PAGES
    if workers < 2 or len(specs) < PARALLEL_FROM or not _can_fork():
        for spec in specs:
            write_page(output, spec, renderer)
        return
    _PAGES = (specs, renderer, output, workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pool.map(_render_share, range(workers))
    finally:
        _PAGES = None


_PAGES: tuple[Sequence[PageSpec], Renderer, Path, int] | None = None


def _render_share(share: int) -> None:
    assert _PAGES is not None
    specs, renderer, output, shares = _PAGES
    for spec in specs[share::shares]:
        write_page(output, spec, renderer)

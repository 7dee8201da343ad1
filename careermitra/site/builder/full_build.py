"""A full build on one machine: the shards (shards.py) rendered in a pool of forked processes, then the pages
that span them rendered from the results they hand back (spanning.py).

Institutions are independent of each other, so shards of them split cleanly across processes; what spans them
(listings, the home page, the feed, the sitemap) needs only each institution's card and its newest reviews.
Processes are forked after the settings and templates are loaded, so nothing but small results crosses between
them. On AWS the same shard function runs in a Lambda function per shard (careermitra/full_build/).
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from careermitra.site.builder.content import institution_files, orphan_reviews, raise_all
from careermitra.site.builder.model import SiteModel
from careermitra.site.builder.pages import PageSpec
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.settings import SiteSettings
from careermitra.site.builder.shards import (
    Shard,
    ShardJob,
    ShardResult,
    build_shard,
    even_shards,
    forget_made_folders,
    merge_shards,
    write_page,
)

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


_JOB: ShardJob | None = None  # set before forking; read by the processes, never pickled


def _build_shard(shard: Shard) -> ShardResult:
    assert _JOB is not None
    return build_shard(_JOB, shard)


def build_institutions(content: Path, site: SiteSettings, renderer: Renderer, output: Path,
                       workers: int) -> tuple[SiteModel, dict[str, str], int]:
    """Render every institution's pages, shard by shard; return the model for the rest of the site, the
    institutions' files and the number of pages rendered."""
    global _JOB
    forget_made_folders()  # the output folder was just emptied
    institutions_dir, reviews_dir = content / site.institutions_path, content / site.reviews_path
    files, errors = institution_files(institutions_dir)
    errors += orphan_reviews(reviews_dir, files)
    raise_all(errors)
    parallel = workers > 1 and len(files) >= PARALLEL_FROM and _can_fork()
    shards = even_shards(sorted(files), workers if parallel else 1, per_worker=4 if parallel else 1)
    _JOB = ShardJob(files, institutions_dir, reviews_dir, site, renderer, output, Path(site.image_cache))
    try:
        if parallel:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = pool.map(_build_shard, shards, chunksize=1)
        else:
            results = [_build_shard(shard) for shard in shards]
    finally:
        _JOB = None
    return merge_shards(results, site)


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

"""`SiteBuild`: the builder's one entry point, used by the Pelican adapter, the rebuild, the local stack and
the benchmark.

A build is full (read everything, render every page, in parallel processes) or incremental: given the site
index of an earlier build, only the institutions that changed are read and only the pages they touch are
rendered, byte-identical to what a full build of the same content writes. Locally the changes are found from
file stamps (`changes_since`); the rebuild knows them from the reviews table's stream.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Collection, Sequence
from functools import cached_property
from pathlib import Path

from careermitra.domain.errors import ContentError
from careermitra.domain.review import PublishedReview
from careermitra.site.builder.fingerprint import build_fingerprint, changed_slugs, source_stamps
from careermitra.site.builder.full_build import build_institutions, fewer_collections
from careermitra.site.builder.images import write_picture
from careermitra.site.builder.incremental import (
    KeyedRebuild,
    Phases,
    Rebuild,
    ReviewsBySlug,
    rebuild,
    rebuild_from_state,
)
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.model import SiteModel
from careermitra.site.builder.pages import all_institutions_page_size, search_terms
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.search import build_search_index
from careermitra.site.builder.settings import BuildSettings, SiteSettings
from careermitra.site.builder.spanning import render_spanning, write_if_changed
from careermitra.site.builder.state import FolderStore, NoBuildState, OldBuildState, Store, read_whole, write_whole

logger = logging.getLogger(__name__)


class SiteBuild:
    """The institution pages, listings, home, feed, sitemap, robots.txt and search index of one content folder,
    with one settings and theme; the site index beside them (`index.state_folder`)."""

    def __init__(self, settings: BuildSettings, content: Path) -> None:
        self.settings = settings
        self.content = content

    @property
    def site(self) -> SiteSettings:
        return self.settings.site

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.settings)

    @cached_property
    def fingerprint(self) -> str:
        """What shapes every page: theme, code, settings, editorial pages (see fingerprint.py)."""
        return build_fingerprint(self.settings, self.content)

    @cached_property
    def stamps(self) -> dict[str, str]:
        return source_stamps(self.content / self.site.institutions_path, self.content / self.site.reviews_path)

    def full(self, output: Path, editorial_urls: Sequence[str] = ()) -> SiteIndex:
        """Build everything into output, an empty folder; editorial_urls are the pages Pelican renders."""
        with fewer_collections():
            return self._full(output, editorial_urls)

    def _full(self, output: Path, editorial_urls: Sequence[str]) -> SiteIndex:
        started = time.perf_counter()
        workers = self.site.workers or os.cpu_count() or 1
        model, sources, pages = build_institutions(self.content, self.site, self.renderer, output, workers)
        logger.info("Read %d institutions and %d reviews, rendered their %d pages, in %.1f s",
                    len(model.cards), model.review_count, pages, time.perf_counter() - started)
        index = self.index_of(model, sources, editorial_urls)
        self.write_state(FolderStore.beside(output), index, model)
        render_spanning(model, index, self.site, self.renderer, output, workers)
        logger.info("Full build in %.1f s", time.perf_counter() - started)
        return index

    def index_of(self, model: SiteModel, sources: dict[str, str], editorial_urls: Sequence[str]) -> SiteIndex:
        """The site index of a full build of this model (the distributed build's finish step makes it too)."""
        return SiteIndex(model.cards, model.latest, tuple(sorted(editorial_urls)), sources, self.fingerprint,
                         self.stamps)

    def write_state(self, store: Store, index: SiteIndex, model: SiteModel | None = None) -> None:
        """Write the keyed build state of a full build (state.py); the distributed build's finish step too."""
        write_whole(store, index, self.site, all_institutions_page_size(self.site), model)

    def incremental_from_state(self, store: Store, changed: Collection[str], reviews: ReviewsBySlug | None = None,
                               all_reviews: Callable[[], dict[str, list[PublishedReview]]] | None = None,
                               stamps: dict[str, str] | None = None, keep_missing: bool = False,
                               clock: Phases | None = None) -> KeyedRebuild:
        """As `incremental`, reading from the build state only the keys the change touches."""
        return rebuild_from_state(store, self.content, self.site, self.renderer, changed, reviews=reviews,
                                  all_reviews=all_reviews, stamps=stamps, keep_missing=keep_missing, clock=clock)

    def incremental(self, index: SiteIndex, changed: Collection[str], reviews: ReviewsBySlug | None = None,
                    all_reviews: Callable[[], dict[str, list[PublishedReview]]] | None = None,
                    stamps: dict[str, str] | None = None, keep_missing: bool = False) -> Rebuild:
        """The files to write and remove after the institutions `changed` changed; nothing is written here.

        `reviews` hands over the changed institutions' approved reviews in memory; `keep_missing` makes a missing
        institution file an error instead of a removal (see incremental.rebuild).
        """
        return rebuild(index, self.content, self.site, self.renderer, changed, reviews=reviews,
                       all_reviews=all_reviews, stamps=stamps, keep_missing=keep_missing)

    def previous_build(self, output: Path) -> SiteIndex | None:
        """The site index of an earlier build into output, if one with this theme, code and settings wrote it
        (an earlier builder's state, or none, makes the next build a full one)."""
        try:
            index = read_whole(FolderStore.beside(output))
        except (NoBuildState, OldBuildState, ValueError, KeyError):
            return None
        return index if index.fingerprint == self.fingerprint else None

    def changes_since(self, previous: SiteIndex) -> set[str]:
        """The institutions whose files changed since the previous build (checked as a full build checks them)."""
        changed = changed_slugs(previous.stamps, self.stamps)
        reviews_dir = self.content / self.site.reviews_path
        for slug in sorted(changed):
            reviews = reviews_dir / f"{slug}.yaml"
            if self.stamps.get(slug, "-|-").split("|")[0] == "-" and reviews.is_file():
                raise ContentError(str(reviews), [
                    ("", f"no institution has the slug {slug!r} (expected content/institutions/{slug}.md)")])
        return changed

    def update(self, output: Path, previous: SiteIndex, changed: Collection[str]) -> KeyedRebuild:
        """An incremental build written into output, the folder the previous build wrote (whose state
        `previous` is: the changes were found from it)."""
        started = time.perf_counter()
        store = FolderStore.beside(output)
        result = self.incremental_from_state(store, changed, stamps=self.stamps)
        for path, text in result.files.items():
            write_if_changed(output / path, text)
        for path in result.removed:
            (output / path).unlink(missing_ok=True)
        for name, data in result.state.items():
            store.write(name, data)
        for name in result.forget:
            store.delete(name)
        for picture in result.pictures:
            write_picture(picture, output, Path(self.site.image_cache))
        logger.info("Rendered %d files, removed %d, in %.1f s", len(result.files), len(result.removed),
                    time.perf_counter() - started)
        # Only a change that moves institutions (result.whole) can change what search indexes.
        if self.site.search_index and (result.whole or not (output / "pagefind").is_dir()):
            after = read_whole(store)
            before = {slug: search_terms(card) for slug, card in previous.cards.items()}
            stale = before != {slug: search_terms(card) for slug, card in after.cards.items()}
            if stale or not (output / "pagefind").is_dir():
                build_search_index(output, after.cards.values(), self.renderer, workers=1)
        return result

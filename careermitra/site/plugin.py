"""Pelican wiring: `register()` only connects signals; the generator below does the plugin's work.

A build is full (read everything, render every page, in parallel processes) or, when the output folder holds a
site index from a build with the same theme, code and settings, incremental: only institutions whose files
changed are read and only the pages they touch are rendered, exactly as the rebuild Lambda does.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.utils import clean_output_dir

from careermitra.domain.errors import ContentError
from careermitra.site.assemble import machine_files
from careermitra.site.fingerprint import build_fingerprint, changed_slugs, source_stamps
from careermitra.site.formatting import JINJA_FILTERS
from careermitra.site.full_build import build_institutions, fewer_collections, render_pages
from careermitra.site.incremental import rebuild
from careermitra.site.index import INDEX_PATH, SiteIndex
from careermitra.site.model import Card
from careermitra.site.pages import all_pages, search_records, search_terms
from careermitra.site.reader import YamlMarkdownReader
from careermitra.site.render import Renderer
from careermitra.site.settings import SiteSettings, site_settings

logger = logging.getLogger(__name__)
MEMORY_FOLDER = "/dev/shm"


class DirectoryGenerator(Generator):
    """Institution pages, listings, home, feed, sitemap, robots.txt, the site index and the search index."""

    site: SiteSettings
    previous: SiteIndex | None = None
    changed: set[str]

    def generate_context(self) -> None:
        self.site = site_settings(self.settings)
        # Pelican renders the editorial pages with this context: their canonical URLs need the origin too.
        self.context["site_origin"] = self.site.site_origin
        content = Path(self.path)
        self.institutions_dir = content / self.site.institutions_path
        self.reviews_dir = content / self.site.reviews_path
        self.fingerprint = build_fingerprint(self.settings, self.site, content)
        self.stamps = source_stamps(self.institutions_dir, self.reviews_dir)
        self.previous = self._previous_index() if self.site.incremental else None
        if self.previous is not None:
            self.changed = changed_slugs(self.previous.stamps, self.stamps)
            self._check_reviews_have_institutions(self.changed)
            logger.info("Incremental build: %d institutions changed", len(self.changed))
            return
        clean_output_dir(self.output_path, [])  # a full build starts from an empty folder, as Pelican's would
        logger.info("Full build: no index of an earlier build with this theme, code and settings")

    def _previous_index(self) -> SiteIndex | None:
        path = Path(self.output_path) / INDEX_PATH
        if not path.is_file():
            return None
        try:
            index = SiteIndex.from_json(path.read_text(encoding="utf-8"))
        except (ValueError, KeyError):
            return None
        return index if index.fingerprint == self.fingerprint else None

    def _check_reviews_have_institutions(self, slugs: set[str]) -> None:
        """The check a full build makes in load_reviews, for the files an incremental build reads."""
        for slug in sorted(slugs):
            institution_stamp = self.stamps.get(slug, "-|-").split("|")[0]
            reviews = self.reviews_dir / f"{slug}.yaml"
            if institution_stamp == "-" and reviews.is_file():
                raise ContentError(str(reviews), [
                    ("", f"no institution has the slug {slug!r} (expected content/institutions/{slug}.md)")])

    def generate_output(self, writer: Any) -> None:
        output = Path(self.output_path)
        renderer = Renderer(self.settings, self.site)
        if self.previous is not None:
            self._write_changes(self.previous, output, renderer)
        else:
            with fewer_collections():
                self._write_everything(output, renderer)

    def _write_changes(self, previous: SiteIndex, output: Path, renderer: Renderer) -> None:
        started = time.perf_counter()
        result = rebuild(previous, Path(self.path), self.site, renderer, self.changed, stamps=self.stamps)
        for path, text in result.files.items():
            write_if_changed(output / path, text)
        for path in result.removed:
            (output / path).unlink(missing_ok=True)
        logger.info("Rendered %d files, removed %d, in %.1f s", len(result.files), len(result.removed),
                    time.perf_counter() - started)
        before = {slug: search_terms(card) for slug, card in previous.cards.items()}
        search_stale = before != {slug: search_terms(card) for slug, card in result.index.cards.items()}
        if self.site.search_index and (search_stale or not (output / "pagefind").is_dir()):
            build_search_index(output, result.index.cards.values(), renderer, workers=1)

    def _write_everything(self, output: Path, renderer: Renderer) -> None:
        started = time.perf_counter()
        workers = self.site.workers or os.cpu_count() or 1
        model, sources, pages = build_institutions(Path(self.path), self.site, renderer, output, workers)
        logger.info("Read %d institutions and %d reviews, rendered their %d pages, in %.1f s",
                    len(model.cards), model.review_count, pages, time.perf_counter() - started)
        editorial = sorted("/" + page.url for page in [*self.context.get("pages", []),
                                                       *self.context.get("hidden_pages", [])]
                           if not getattr(page, "noindex", False))
        index = SiteIndex(model.cards, model.latest, tuple(editorial), sources, self.fingerprint, self.stamps)
        specs = list(all_pages(model, self.site))
        render_pages(specs, renderer, output, workers)
        for path, text in machine_files(model, self.site, index).items():
            write_if_changed(output / path, text)
        logger.info("Rendered %d more pages; %.1f s in all", len(specs), time.perf_counter() - started)
        # Not overlapped with the rendering: on two cores both are CPU-bound and together they are no faster
        # (measured again with the search records: 0.8 s slower).
        if self.site.search_index:
            build_search_index(output, model.cards.values(), renderer, workers)


def write_if_changed(path: Path, text: str) -> bool:
    """Write a file unless it already holds exactly this text (keeps modification times meaningful)."""
    data = text.encode("utf-8")
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def build_search_index(output: Path, cards: Iterable[Card], renderer: Renderer, workers: int) -> None:
    """Index every institution with Pagefind, from a search record per institution (pages.search_records).

    The records are written to a temporary folder laid out like the site, so each result links to the
    institution's page; only the index itself (`pagefind/`) goes into the output.
    """
    started = time.perf_counter()
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="careermitra-search-", dir=_memory_folder()) as records:
        render_pages(search_records(cards), renderer, Path(records), workers)
        command = [sys.executable, "-m", "pagefind", "--site", records, "--output-path", str(output / "pagefind"),
                   "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {output}: {result.stderr or result.stdout}")
    logger.info("Search index written to %s/pagefind in %.1f s", output, time.perf_counter() - started)


def _memory_folder() -> str | None:
    """A folder in memory (Linux's /dev/shm) for short-lived files, else the system's temporary folder.

    Creating ten thousand files on disk costs seconds more than in memory, and more still on an ext4 without a
    journal shortly after many deletions (it skips recently freed inodes one by one).
    """
    return MEMORY_FOLDER if os.path.isdir(MEMORY_FOLDER) and os.access(MEMORY_FOLDER, os.W_OK) else None


def _add_reader(readers: Any) -> None:
    readers.reader_classes["md"] = YamlMarkdownReader


def _add_filters(generator: Generator) -> None:
    generator.env.filters.update(JINJA_FILTERS)


def _generators(_pelican: Any) -> type[Generator]:
    return DirectoryGenerator


def register() -> None:
    signals.readers_init.connect(_add_reader)
    signals.generator_init.connect(_add_filters)
    signals.get_generators.connect(_generators)

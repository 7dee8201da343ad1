"""Pelican wiring: `register()` only connects signals; the work lives in the modules it names."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from careermitra.site.assemble import full_site
from careermitra.site.formatting import JINJA_FILTERS
from careermitra.site.index import SiteIndex
from careermitra.site.model import SiteModel, load_site_model
from careermitra.site.reader import YamlMarkdownReader
from careermitra.site.render import Renderer
from careermitra.site.settings import SiteSettings, site_settings

logger = logging.getLogger(__name__)


class DirectoryGenerator(Generator):
    """Renders institution pages, listings, the home page, feed, sitemap, robots.txt and the site index."""

    site: SiteSettings
    model: SiteModel
    sources: dict[str, str]

    def generate_context(self) -> None:
        self.site = site_settings(self.settings)
        self.model, self.sources = load_site_model(
            Path(self.path), self.site.institutions_path, self.site.reviews_path, self.site.latest_capacity)
        # Pelican renders the editorial pages with this context: their canonical URLs need the origin too.
        self.context["site_origin"] = self.site.site_origin
        logger.info("Loaded %d institutions and %d reviews", len(self.model.cards), self.model.review_count)

    def generate_output(self, writer: Any) -> None:
        editorial = sorted("/" + page.url for page in [*self.context.get("pages", []),
                                                       *self.context.get("hidden_pages", [])]
                           if not getattr(page, "noindex", False))
        index = SiteIndex(self.model.cards, self.model.latest, tuple(editorial), self.sources)
        renderer = Renderer(self.settings, self.site)
        output = Path(self.output_path)
        for path, text in full_site(self.model, self.site, renderer, index):
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def build_search_index(pelican: Any) -> None:
    """Index the built site with Pagefind (institution pages carry `data-pagefind-body`)."""
    if not site_settings(pelican.settings).search_index:
        return
    command = [sys.executable, "-m", "pagefind", "--site", pelican.output_path, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {pelican.output_path}: {result.stderr or result.stdout}")
    logger.info("Search index written to %s/pagefind", pelican.output_path)


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
    signals.finalized.connect(build_search_index)

"""Pelican wiring: `register()` only connects signals; the work lives in the modules it names."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from careermitra.domain.review import ASPECT_LABELS
from careermitra.site import outputs
from careermitra.site.formatting import JINJA_FILTERS
from careermitra.site.model import SiteModel, load_site_model
from careermitra.site.pages import PageSpec, all_pages
from careermitra.site.reader import YamlMarkdownReader
from careermitra.site.settings import SiteSettings, site_settings

logger = logging.getLogger(__name__)


class DirectoryGenerator(Generator):
    """Renders institution pages, listings, the home page, feed, sitemap and robots.txt."""

    site: SiteSettings
    model: SiteModel

    def generate_context(self) -> None:
        self.site = site_settings(self.settings)
        self.model = load_site_model(Path(self.path), self.site.institutions_path, self.site.reviews_path,
                                     self.site.keep_latest)
        self.context["directory"] = self.model
        self.context["ASPECT_CHOICES"] = list(ASPECT_LABELS.items())
        logger.info("Loaded %d institutions and %d reviews", len(self.model.entries), self.model.review_count)

    def generate_output(self, writer: Any) -> None:
        urls: list[str] = []
        for spec in all_pages(self.model, self.site):
            self.write_page(spec)
            if not spec.context.get("noindex"):
                urls.append(spec.url)
        for page in [*self.context.get("pages", []), *self.context.get("hidden_pages", [])]:
            urls.append("/" + page.url)
        output = Path(self.output_path)
        self._write_text(output / outputs.FEED_PATH, outputs.reviews_feed(self.model, self.site))
        self._write_text(output / "sitemap.xml", outputs.sitemap(urls, self.site.site_origin))
        self._write_text(output / "robots.txt", outputs.robots_txt(self.site.site_origin))

    def write_page(self, spec: PageSpec) -> None:
        template = self.get_template(spec.template.removesuffix(".html"))
        html = template.render({**self.context, **spec.context, "page_url": spec.url,
                                "site_origin": self.site.site_origin})
        self._write_text(Path(self.output_path) / spec.path, html)

    @staticmethod
    def _write_text(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


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

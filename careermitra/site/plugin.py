"""The Pelican adapter: `register()` only connects signals; the generator hands the work to `SiteBuild`.

Pelican reads and renders the editorial pages (content/pages, with the reader below) and copies the theme's
static files; the generator builds everything else through the builder, fully or (when the output folder holds
the index of a build with the same theme, code and settings) incrementally.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.utils import clean_output_dir

from careermitra.domain.moderation_reasons import KEEP_REASON, REASONS
from careermitra.i18n import language, localized_path, localized_url
from careermitra.site import i18n as site_i18n
from careermitra.site.builder.formatting import JINJA_FILTERS
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.site_build import SiteBuild
from careermitra.site.reader import YamlMarkdownReader
from careermitra.site.settings import build_settings

logger = logging.getLogger(__name__)


class DirectoryGenerator(Generator):
    """Institution pages, listings, home, feed, sitemap, robots.txt, the site index and the search index."""

    build: SiteBuild
    previous: SiteIndex | None = None
    changed: set[str]

    def generate_context(self) -> None:
        self.build = SiteBuild(build_settings(self.settings), Path(self.path))
        # Pelican renders the editorial pages with this context: their canonical URLs need the origin too.
        self.context["site_origin"] = self.build.site.site_origin
        output = Path(self.output_path)
        self.previous = self.build.previous_build(output) if self.build.site.incremental else None
        if self.previous is not None:
            self.changed = self.build.changes_since(self.previous)
            logger.info("Incremental build: %d institutions changed", len(self.changed))
            return
        clean_output_dir(self.output_path, [])  # a full build starts from an empty folder, as Pelican's would
        logger.info("Full build: no index of an earlier build with this theme, code and settings")

    def generate_output(self, writer: Any) -> None:
        output = Path(self.output_path)
        if self.previous is not None:
            self.build.update(output, self.previous, self.changed)
        else:
            self.build.full(output, self._editorial_urls())
        self._write_untranslated(writer)

    def _write_untranslated(self, writer: Any) -> None:
        """Every page exists in every language: an editorial page without a translation gets a copy in the
        other language's frame (menus, links, language switch), its text marked with the language it is in."""
        pages = [*self.context.get("pages", []), *self.context.get("hidden_pages", [])]
        for page in pages:
            have = {language(page.lang), *(language(other.lang) for other in page.translations)}
            for lang in self.build.site.languages:
                if lang not in have:
                    writer.write_file(localized_path(page.save_as, lang), self.get_template(page.template),
                                      self.context, page=page, fallback_lang=lang,
                                      url=localized_url("/" + page.url, lang).lstrip("/"))

    def _editorial_urls(self) -> list[str]:
        """The editorial pages Pelican renders, for the sitemap (those marked noindex are left out)."""
        pages = [*self.context.get("pages", []), *self.context.get("hidden_pages", [])]
        return sorted("/" + page.url for page in pages if not getattr(page, "noindex", False))


def _add_reader(readers: Any) -> None:
    readers.reader_classes["md"] = YamlMarkdownReader


def _add_filters(generator: Generator) -> None:
    generator.env.filters.update(JINJA_FILTERS)
    site_i18n.install(generator.env)
    # The code of practice's reasons, for "How reviews work" and the report form (issue 14): one list, in Python.
    generator.env.globals.update(MODERATION_REASONS=REASONS, KEEP_REASON=KEEP_REASON)


def _generators(_pelican: Any) -> type[Generator]:
    return DirectoryGenerator


def register() -> None:
    signals.readers_init.connect(_add_reader)
    signals.generator_init.connect(_add_filters)
    signals.get_generators.connect(_generators)

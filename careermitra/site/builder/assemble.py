"""Every file the plugin contributes to the site, as (path, text): pages, feed, sitemap, robots, index."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from careermitra.site.builder import outputs
from careermitra.site.builder.index import INDEX_PATH, SiteIndex
from careermitra.site.builder.model import SiteModel
from careermitra.site.builder.pages import PageSpec, sitemap_urls
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.search_vocabulary import NAMES_INDEX_PATH, names_index
from careermitra.site.builder.settings import SiteSettings


def machine_files(model: SiteModel, site: SiteSettings, index: SiteIndex) -> dict[str, str]:
    """The feed, sitemap, robots.txt and the site index: all computed from cards, never from the full tree."""
    return {
        outputs.FEED_PATH: outputs.reviews_feed(model, site),
        "sitemap.xml": outputs.sitemap(sitemap_urls(model, site, index.page_urls), site.site_origin),
        "robots.txt": outputs.robots_txt(site.site_origin),
        INDEX_PATH: index.to_json(),
        NAMES_INDEX_PATH: names_index(model.alphabetical),
    }


def rendered(specs: Sequence[PageSpec] | Iterator[PageSpec], renderer: Renderer) -> Iterator[tuple[str, str]]:
    for spec in specs:
        yield spec.path, renderer.render(spec)

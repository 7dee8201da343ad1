"""Every file the plugin contributes to the site, as (path, text): pages, feed, sitemap, robots."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from careermitra.site.builder import outputs
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.model import SiteModel
from careermitra.site.builder.pages import PageSpec, in_languages, sitemap_urls
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.search_vocabulary import NAMES_INDEX_PATH, names_index
from careermitra.site.builder.settings import SiteSettings


def machine_files(model: SiteModel, site: SiteSettings, index: SiteIndex) -> dict[str, str]:
    """The feed, sitemap and robots.txt: computed from cards, never from the full tree (the index is state, not a
    file of the site: SiteBuild keeps it beside the output)."""
    return {
        outputs.FEED_PATH: outputs.reviews_feed(model, site),
        **outputs.sitemap_files(sitemap_urls(model, site, index.page_urls), site.site_origin, site.sitemap_max_urls,
                                site.languages),
        "robots.txt": outputs.robots_txt(site.site_origin),
        NAMES_INDEX_PATH: names_index(model.alphabetical),
    }


def sitemap_paths_of(model: SiteModel, site: SiteSettings, index: SiteIndex) -> set[str]:
    """The sitemap files a build of this model writes (an incremental build removes the parts it no longer has)."""
    return set(outputs.sitemap_paths(len(set(sitemap_urls(model, site, index.page_urls))), site.sitemap_max_urls,
                                     site.languages))


def rendered(specs: Sequence[PageSpec] | Iterator[PageSpec], renderer: Renderer) -> Iterator[tuple[str, str]]:
    """Each page in every language of the site, as (path, text)."""
    for spec in in_languages(specs, renderer.languages):
        yield spec.path, renderer.render(spec)

"""The pages that span institutions, rendered from every shard's results (shards.py): listings, the home page,
the A to Z of all institutions, the feed, the sitemap (an index of files of at most 50,000 URLs), robots.txt,
the listings' data files, the theme's fingerprinted scripts and the search index.

They need only the site model (cards and the newest reviews), never an institution's file, so the same function
finishes a full build on one machine (SiteBuild.full) and the finish step of the distributed one on AWS.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from careermitra.site.builder.assemble import machine_files
from careermitra.site.builder.full_build import render_pages
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.listing_data import listing_data_files
from careermitra.site.builder.model import SiteModel
from careermitra.site.builder.pages import all_pages, in_languages
from careermitra.site.builder.render import Renderer
from careermitra.site.builder.search import build_search_index
from careermitra.site.builder.settings import SiteSettings

logger = logging.getLogger(__name__)


def render_spanning(model: SiteModel, index: SiteIndex, site: SiteSettings, renderer: Renderer, output: Path,
                    workers: int) -> int:
    """Write the pages and files that span institutions into output; return how many pages were rendered.

    `index` is the site index of this build (its editorial URLs go into the sitemap).
    """
    started = time.perf_counter()
    specs = list(in_languages(all_pages(model, site), site.languages))
    render_pages(specs, renderer, output, workers)
    for path, text in machine_files(model, site, index).items():
        write_if_changed(output / path, text)
    for path, text in listing_data_files(model.all_listings()).items():
        write_if_changed(output / path, text)
    for path, data in renderer.fingerprinted_files().items():
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(data)
    logger.info("Rendered %d pages that span institutions in %.1f s", len(specs), time.perf_counter() - started)
    # Not overlapped with the rendering: on two cores both are CPU-bound and together they are no faster
    # (measured again with the search records: 0.8 s slower).
    if site.search_index:
        build_search_index(output, model.cards.values(), renderer, workers)
    return len(specs)


def write_if_changed(path: Path, text: str) -> bool:
    """Write a file unless it already holds exactly this text (keeps modification times meaningful)."""
    data = text.encode("utf-8")
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True

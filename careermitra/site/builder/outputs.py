"""The machine-read outputs: the Atom feed of new reviews, sitemap.xml and robots.txt."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from html import escape
from xml.sax.saxutils import escape as xml_escape

from feedgenerator import Atom1Feed

from careermitra.site.builder.model import SiteModel
from careermitra.site.builder.settings import SiteSettings

FEED_PATH = "feeds/reviews.atom.xml"
EMPTY_FEED_UPDATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


class ReviewsFeed(Atom1Feed):
    """An Atom feed whose <updated> depends on its entries only, so identical content gives identical bytes."""

    def latest_post_date(self) -> dt.datetime:
        return super().latest_post_date() if self.items else EMPTY_FEED_UPDATED


def reviews_feed(model: SiteModel, site: SiteSettings) -> str:
    """An Atom feed of the newest approved reviews across the site."""
    origin = site.site_origin
    latest = model.latest_reviews(site.feed_size)
    feed = ReviewsFeed(
        title="Career Mitra: new student reviews",
        link=f"{origin}/",
        feed_url=f"{origin}/{FEED_PATH}",
        description="The latest approved reviews of colleges, universities, schools and coaching institutes.",
        language="en-IN",
        feed_guid=f"{origin}/{FEED_PATH}",
    )
    for item in latest:
        review, inst = item.review, item.card
        published = dt.datetime.combine(review.published, dt.time(), tzinfo=dt.UTC)
        feed.add_item(
            title=f"{inst.name}: {review.title} ({review.rating}/5)",
            link=f"{origin}{inst.url}#review-{review.id}",
            unique_id=f"{origin}{inst.url}#review-{review.id}",
            description="".join(f"<p>{escape(p)}</p>" for p in review.paragraphs),
            author_name=review.display_name,
            pubdate=published,
            updateddate=published,
        )
    return feed.writeString("utf-8")


SITEMAP_PATH = "sitemap.xml"
SITEMAP_PART = "sitemaps/sitemap-{n}.xml"


def sitemap(urls: Iterable[str], origin: str) -> str:
    """A sitemap of the given site-relative URLs, sorted so that builds are repeatable."""
    rows = "".join(f"<url><loc>{xml_escape(origin + url)}</loc></url>\n" for url in sorted(set(urls)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</urlset>\n")


def sitemap_paths(url_count: int, max_urls: int) -> list[str]:
    """The sitemap files of a site with this many URLs: sitemap.xml alone, or it and its parts."""
    if url_count <= max_urls:
        return [SITEMAP_PATH]
    return [SITEMAP_PATH, *(SITEMAP_PART.format(n=n) for n in range(1, math.ceil(url_count / max_urls) + 1))]


def sitemap_files(urls: Iterable[str], origin: str, max_urls: int) -> dict[str, str]:
    """sitemap.xml, or, past `max_urls` (the protocol allows 50,000 a file), a sitemap index pointing to parts of
    at most `max_urls` URLs each, in sorted order so a change moves as few URLs between parts as it can."""
    ordered = sorted(set(urls))
    if len(ordered) <= max_urls:
        return {SITEMAP_PATH: sitemap(ordered, origin)}
    parts = {SITEMAP_PART.format(n=n + 1): sitemap(ordered[start : start + max_urls], origin)
             for n, start in enumerate(range(0, len(ordered), max_urls))}
    rows = "".join(f"<sitemap><loc>{xml_escape(f'{origin}/{path}')}</loc></sitemap>\n" for path in parts)
    index = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</sitemapindex>\n")
    return {SITEMAP_PATH: index, **parts}


def robots_txt(origin: str) -> str:
    return f"User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: {origin}/sitemap.xml\n"

"""The machine-read outputs: the Atom feed of new reviews, sitemap.xml and robots.txt."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from html import escape
from xml.sax.saxutils import escape as xml_escape

from feedgenerator import Atom1Feed

from careermitra.i18n import DEFAULT_LANGUAGE, Language, localized_url, neutral_url
from careermitra.site.builder.model import LatestReview, SiteModel
from careermitra.site.builder.settings import SiteSettings

FEED_PATH = "feeds/reviews.atom.xml"
EMPTY_FEED_UPDATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


class ReviewsFeed(Atom1Feed):
    """An Atom feed whose <updated> depends on its entries only, so identical content gives identical bytes."""

    def latest_post_date(self) -> dt.datetime:
        return super().latest_post_date() if self.items else EMPTY_FEED_UPDATED


def reviews_feed(model: SiteModel, site: SiteSettings) -> str:
    """An Atom feed of the newest approved reviews across the site."""
    return reviews_feed_of(model.latest, site)


def reviews_feed_of(newest: Sequence[LatestReview], site: SiteSettings) -> str:
    """The feed from the newest reviews alone (the rebuild keeps them in its state, without every card)."""
    origin = site.site_origin
    latest = newest[: site.feed_size]
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


def sitemap(urls: Iterable[str], origin: str, languages: Sequence[Language] = (DEFAULT_LANGUAGE,)) -> str:
    """A sitemap of the given site-relative URLs (each page in one language), sorted so that builds are
    repeatable; with more than one language each URL names the same page in every language (hreflang)."""
    rows = []
    for url in sorted(set(urls)):
        row = f"<url><loc>{xml_escape(origin + url)}</loc>"
        if len(languages) > 1:
            neutral = neutral_url(url)
            row += "".join(f'<xhtml:link rel="alternate" hreflang="{lang.value}" '
                           f'href="{xml_escape(origin + localized_url(neutral, lang))}"/>' for lang in languages)
            row += f'<xhtml:link rel="alternate" hreflang="x-default" href="{xml_escape(origin + neutral)}"/>'
        rows.append(row + "</url>\n")
    namespaces = ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' if len(languages) > 1 else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{namespaces}>\n' + "".join(rows)
            + "</urlset>\n")


def sitemap_paths(url_count: int, max_urls: int, languages: Sequence[Language] = (DEFAULT_LANGUAGE,)) -> list[str]:
    """The sitemap files of a site with this many pages (in each language): sitemap.xml alone, or it and its
    parts."""
    total = url_count * len(languages)
    if total <= max_urls:
        return [SITEMAP_PATH]
    return [SITEMAP_PATH, *(SITEMAP_PART.format(n=n) for n in range(1, math.ceil(total / max_urls) + 1))]


def sitemap_files(urls: Iterable[str], origin: str, max_urls: int,
                  languages: Sequence[Language] = (DEFAULT_LANGUAGE,)) -> dict[str, str]:
    """sitemap.xml, or, past `max_urls` (the protocol allows 50,000 a file), a sitemap index pointing to parts of
    at most `max_urls` URLs each, in sorted order so a change moves as few URLs between parts as it can.

    `urls` are the pages' URLs in the default language; the sitemap lists each in every language."""
    ordered = sorted({localized_url(url, lang) for url in set(urls) for lang in languages})
    if len(ordered) <= max_urls:
        return {SITEMAP_PATH: sitemap(ordered, origin, languages)}
    parts = {SITEMAP_PART.format(n=n + 1): sitemap(ordered[start : start + max_urls], origin, languages)
             for n, start in enumerate(range(0, len(ordered), max_urls))}
    rows = "".join(f"<sitemap><loc>{xml_escape(f'{origin}/{path}')}</loc></sitemap>\n" for path in parts)
    index = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</sitemapindex>\n")
    return {SITEMAP_PATH: index, **parts}


def robots_txt(origin: str) -> str:
    return f"User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: {origin}/sitemap.xml\n"

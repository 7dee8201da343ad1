"""Tiny helpers to read built pages in tests."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from careermitra.i18n import Language, gettext, language_of_url, localized_url


def page(root: Path, url_path: str) -> str:
    """The HTML of the page at a site URL path such as 'institutions/x/'."""
    return (root / url_path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The text a screen reader reads, whitespace folded (scripts, styles and aria-hidden spans dropped)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<span[^>]*aria-hidden="true"[^>]*>[^<]*</span>', " ", html)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).replace(" ,", ",")


def links_in(html: str) -> list[str]:
    return [html_lib.unescape(h) for h in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html)]


def jsonld_blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)


def main_of(html: str) -> str:
    """The page's own part, what its template and its text make: without the site's header and footer."""
    return html[html.index("<main"):html.index("</main>")]
def language_of(root: Path, path: Path) -> Language:
    """The language of a built file: under hi/ Hindi, else English."""
    return language_of_url("/" + str(path.relative_to(root)))


def site_link(lang: Language, url: str, words: str) -> str:
    """How a page in `lang` links one of the site's pages: `<a href="/hi/contact/">संपर्क और शिकायतें</a>`."""
    return f'<a href="{localized_url(url, lang)}">{gettext(lang, words)}</a>'

"""Issue 16, the content part: every editorial page has a Hindi translation beside it (`X.hi.md`, same slug,
`lang: hi`), built under /hi/, with the English page's facts and structure, and links that stay in Hindi."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from careermitra.site.builder.content import split_front_matter
from tests.support.site import SAMPLE_CONTENT

PAGES = SAMPLE_CONTENT / "pages"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# Keys a translation states in its own words or for its own address; every other key is the English page's.
TRANSLATED_KEYS = {"title", "summary", "lang", "url", "save_as"}
# Pages whose Hindi text must say that the English text prevails if the two differ (the header's language
# switch leads to it: the text itself links only Hindi pages).
PREVAILING_ENGLISH = {"terms", "about", "how-reviews-work", "privacy-policy"}
PREVAILS = "दोनों में अंतर हो तो अंग्रेज़ी पाठ मान्य होगा"
# Addresses that exist once, in no language: the API and the feeds.
LANGUAGE_FREE = ("/api/", "/feeds/")
MARKDOWN_LINK = re.compile(r"\]\((/[^)\s]*)\)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER = re.compile(r"\d+(?:[.:,]\d+)*")


@dataclass(frozen=True)
class Page:
    path: Path
    meta: dict[str, Any]
    body: str

    @property
    def url(self) -> str:
        """The page's address as Pelican builds it (pelicanconf's PAGE_URL and PAGE_LANG_URL)."""
        default = f"hi/{self.meta['slug']}/" if self.meta.get("lang") == "hi" else f"{self.meta['slug']}/"
        return "/" + str(self.meta.get("url", default))


def read(path: Path) -> Page:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    return Page(path, meta, body)


def english_pages() -> list[Page]:
    """Every English editorial page; old policy versions (superseded, kept for reference) stay English only."""
    pages = [read(path) for path in sorted(PAGES.rglob("*.md")) if not path.name.endswith(".hi.md")]
    return [page for page in pages if "superseded_on" not in page.meta]


def old_policy_versions() -> set[str]:
    pages = [read(path) for path in sorted(PAGES.rglob("*.md")) if not path.name.endswith(".hi.md")]
    return {page.url for page in pages if "superseded_on" in page.meta}


def hindi_of(english: Page) -> Page:
    return read(english.path.with_name(english.path.stem + ".hi.md"))


ENGLISH = english_pages()
IDS = [str(page.path.relative_to(PAGES)) for page in ENGLISH]


def test_the_old_policy_versions_are_the_only_pages_left_in_english_alone() -> None:
    assert old_policy_versions() == {"/privacy-policy/versions/1.0/", "/privacy-policy/versions/2.0/"}
    assert len(ENGLISH) > 40
    translations = sorted(PAGES.rglob("*.hi.md"))
    assert len(translations) == len(ENGLISH)


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_every_editorial_page_has_a_hindi_translation_with_the_same_metadata(english: Page) -> None:
    hindi = hindi_of(english)
    assert hindi.meta["lang"] == "hi" and hindi.meta["slug"] == english.meta["slug"]
    for key in ("title", "summary"):
        assert DEVANAGARI.search(str(hindi.meta[key])), f"the Hindi {key} is not in Hindi: {hindi.meta[key]}"
    kept = {key: value for key, value in english.meta.items() if key not in TRANSLATED_KEYS}
    assert {key: value for key, value in hindi.meta.items() if key not in TRANSLATED_KEYS} == kept
    for key in ("url", "save_as"):
        assert hindi.meta.get(key) == (f"hi/{english.meta[key]}" if key in english.meta else None)


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_every_hindi_page_is_built_under_hi_beside_its_english_page(english: Page, sample_site: Path) -> None:
    hindi = hindi_of(english)
    assert hindi.url == "/hi" + english.url
    built = (sample_site / hindi.url.strip("/") / "index.html").read_text(encoding="utf-8")
    assert f"<title>{html_lib.escape(str(hindi.meta['title']), quote=False)} · " in built.replace("&#34;", '"')
    assert f"<h1>{html_lib.escape(str(hindi.meta['title']), quote=False)}</h1>" in built.replace("&#34;", '"')
    original = (sample_site / english.url.strip("/") / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{html_lib.escape(str(english.meta['title']), quote=False)}</h1>" in original.replace("&#34;", '"')


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_a_hindi_page_keeps_the_facts_and_the_sections_of_the_english_page(english: Page) -> None:
    hindi = hindi_of(english)
    assert set(NUMBER.findall(english.body)) <= set(NUMBER.findall(hindi.body))
    assert set(EMAIL.findall(hindi.body)) == set(EMAIL.findall(english.body))
    assert set(re.findall(r"`[^`]+`", english.body)) <= set(re.findall(r"`[^`]+`", hindi.body))
    headings = [re.findall(r"^(#+) ", body, flags=re.M) for body in (english.body, hindi.body)]
    assert headings[0] == headings[1], "the Hindi page has other sections than the English page"
    for body in (english.body, hindi.body):
        assert "{#" not in body, "a heading id would have to be kept in both languages"


@pytest.mark.parametrize("english", [page for page in ENGLISH if page.meta["slug"] in PREVAILING_ENGLISH],
                         ids=sorted(PREVAILING_ENGLISH))
def test_the_policies_say_the_english_text_prevails(english: Page) -> None:
    assert PREVAILS in hindi_of(english).body


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_every_link_in_a_hindi_page_stays_on_the_hindi_site(english: Page, sample_site: Path) -> None:
    hindi = hindi_of(english)
    for link in MARKDOWN_LINK.findall(hindi.body):
        path = link.split("#")[0].split("?")[0]
        if path.startswith(LANGUAGE_FREE):
            continue
        assert path.startswith("/hi/"), f"{link} leads to the English site"
        assert (sample_site / path.strip("/") / "index.html").exists(), f"{link} leads nowhere"

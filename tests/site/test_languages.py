"""Issue 16: every page exists in both languages, says which it is in, and leads to its other-language self."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from careermitra.i18n import Language, gettext, localized_url, neutral_url


class Head(HTMLParser):
    """The language of a page, its canonical URL, its hreflang alternates and its language switch."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.canonical: str | None = None
        self.alternates: dict[str, str] = {}
        self.switch: dict[str, str] = {}
        self.noindex = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        elif tag == "link" and values.get("rel") == "alternate" and values.get("hreflang") and "type" not in values:
            self.alternates[values["hreflang"] or ""] = values.get("href") or ""
        elif tag == "a" and "data-language-switch" in values:
            self.switch[values.get("hreflang") or ""] = values.get("href") or ""
        elif tag == "meta" and values.get("name") == "robots" and "noindex" in (values.get("content") or ""):
            self.noindex = True


class ApiForms(HTMLParser):
    """The `lang` values each form posting to the API sends (its hidden inputs named lang), by its action."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, list[str]]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form" and (values.get("action") or "").startswith("/api/"):
            self._open = []
            self.forms.append((values.get("action") or "", self._open))
        elif tag == "input" and self._open is not None and values.get("name") == "lang":
            self._open.append(values.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None


def head_of(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def page_url(site: Path, path: Path) -> str:
    return "/" + str(path.relative_to(site)).removesuffix("index.html")


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


def test_every_page_exists_in_both_languages(sample_site: Path) -> None:
    urls = {page_url(sample_site, path) for path in pages(sample_site)}
    english = {url for url in urls if not url.startswith("/hi/")}
    hindi = {url for url in urls if url.startswith("/hi/")}
    assert len(english) > 100
    assert {localized_url(url, Language.HI) for url in english} == hindi


def test_each_page_says_its_language_and_links_to_itself_in_the_other(sample_site: Path) -> None:
    for path in pages(sample_site):
        url = page_url(sample_site, path)
        head = head_of(path)
        hindi = url.startswith("/hi/")
        assert head.lang == ("hi-IN" if hindi else "en-IN"), url
        other = Language.EN if hindi else Language.HI
        assert head.switch == {other.value: localized_url(neutral_url(url), other)}, url
        if head.noindex:
            continue
        origin = head.canonical.removesuffix(url) if head.canonical else ""
        assert head.canonical == origin + url, url
        assert head.alternates == {"en": origin + neutral_url(url), "hi": origin + localized_url(url, Language.HI),
                                   "x-default": origin + neutral_url(url)}, url


def test_every_form_posting_to_the_api_sends_the_language_of_its_page(sample_site: Path) -> None:
    # Without script the API chooses the result page (and the mail's language) by this field alone: a Hindi page's
    # form sending "en" (or nothing, behind a browser that sends no Referer) lands on an English page.
    checked = set()
    for path in pages(sample_site):
        url = page_url(sample_site, path)
        expected = "hi" if url.startswith("/hi/") else "en"
        parser = ApiForms()
        parser.feed(path.read_text(encoding="utf-8"))
        for action, langs in parser.forms:
            assert langs == [expected], (url, action)
            checked.add((expected, action))
    actions = {action for _, action in checked}
    assert {"/api/logout", "/api/consent", "/api/contact", "/api/privacy-requests/confirm"} <= actions
    assert {("hi", action) for action in actions} <= checked


def test_the_sitemap_lists_both_languages_with_their_alternates(sample_site: Path) -> None:
    text = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", text)
    assert any("/hi/institutions/" in loc for loc in locations)
    entries = re.findall(r"<url>(.*?)</url>", text)
    assert len(entries) == len(locations)
    for entry in entries:
        loc = re.search(r"<loc>([^<]+)</loc>", entry)
        assert loc is not None
        links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
        assert set(links) == {"en", "hi", "x-default"}
        assert loc.group(1) in (links["en"], links["hi"])
    english = {loc for loc in locations if "/hi/" not in loc}
    assert len(locations) == 2 * len(english)


def structured_data(site: Path, url: str) -> dict[str, dict[str, object]]:
    html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    blocks = [json.loads(block) for block in
              re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)]
    return {str(block["@type"]): block for block in blocks}


def test_the_json_ld_of_a_hindi_page_says_hindi_and_names_the_institution_in_hindi(sample_site: Path) -> None:
    slug = "/institutions/deccan-institute-of-technology/"
    english, hindi = structured_data(sample_site, slug), structured_data(sample_site, "/hi" + slug)
    college, hindi_college = english["CollegeOrUniversity"], hindi["CollegeOrUniversity"]
    assert college["name"] == "Deccan Institute of Technology" and "alternateName" not in college
    assert (hindi_college["name"], hindi_college["alternateName"]) == ("डेक्कन इंस्टीट्यूट ऑफ़ टेक्नोलॉजी",
                                                                      "Deccan Institute of Technology")
    origin = str(college["url"]).removesuffix(slug)
    assert college["mainEntityOfPage"] == {"@type": "WebPage", "@id": origin + slug, "inLanguage": "en-IN"}
    assert hindi_college["mainEntityOfPage"] == {"@type": "WebPage", "@id": origin + "/hi" + slug,
                                                 "inLanguage": "hi-IN"}
    # One institution, whichever page describes it; its facts and rating are the same on both.
    assert hindi_college["@id"] == college["@id"]
    assert {key: value for key, value in hindi_college.items() if key not in {"name", "alternateName",
                                                                             "mainEntityOfPage"}} == {
        key: value for key, value in college.items() if key not in {"name", "alternateName", "mainEntityOfPage"}}
    crumbs = [item["item"] for item in hindi["BreadcrumbList"]["itemListElement"]]  # type: ignore[attr-defined]
    assert crumbs == [origin + "/hi/", origin + "/hi/cities/pune/", origin + "/hi" + slug]
    # The breadcrumbs are named in the page's language, as the visible trail is.
    names = [item["name"] for item in hindi["BreadcrumbList"]["itemListElement"]]  # type: ignore[attr-defined]
    assert names == [gettext(Language.HI, "Home"), "पुणे", "डेक्कन इंस्टीट्यूट ऑफ़ टेक्नोलॉजी"]
    english_names = [item["name"] for item in english["BreadcrumbList"]["itemListElement"]]  # type: ignore[attr-defined]
    assert english_names == ["Home", "Pune", "Deccan Institute of Technology"]


def test_the_hindi_pages_link_the_english_feed_and_say_it_is_in_english(sample_site: Path) -> None:
    html = (sample_site / "hi" / "index.html").read_text(encoding="utf-8")
    feed = re.search(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)" '
                     r'hreflang="([^"]*)">', html)
    assert feed and feed.groups() == ("Career Mitra पर नई समीक्षाएँ (अंग्रेज़ी में)", "/feeds/reviews.atom.xml", "en")
    assert not (sample_site / "hi" / "feeds").exists()

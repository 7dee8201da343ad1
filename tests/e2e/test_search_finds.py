"""Search finds what people type: other names of cities and states, course families, abbreviations, Hindi
names and one typo. Each query must find every institution listed for it (the table); for a place, only those."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, Route, expect

from careermitra.domain.institution import Institution
from tests.support.sample import INSTITUTIONS

pytestmark = pytest.mark.browser


def offering(*names: str) -> Callable[[Institution], bool]:
    return lambda inst: any(course.name in names for course in inst.courses)


def in_city(city: str) -> Callable[[Institution], bool]:
    return lambda inst: inst.city == city


QUERIES: list[tuple[str, Callable[[Institution], bool], bool]] = [
    # (query, which institutions it must find, whether it must find only those)
    ("Bangalore", in_city("Bengaluru"), True),
    ("Bombay", in_city("Mumbai"), True),
    ("Madras", in_city("Chennai"), True),
    ("Poona", in_city("Pune"), True),
    ("पुणे", in_city("Pune"), True),
    ("बेंगलुरु", in_city("Bengaluru"), True),
    ("महाराष्ट्र", lambda inst: inst.state == "Maharashtra", True),
    ("engineering", offering("B.Tech", "M.Tech"), False),
    ("medical", offering("MBBS", "MD", "MS", "B.Sc Nursing"), False),
    ("law", offering("LLB", "BA LLB", "LLM"), False),
    ("management", offering("MBA", "BBA", "BMS"), False),
    ("pharmacy", offering("B.Pharm", "M.Pharm", "D.Pharm", "Pharm.D"), False),
    ("btech", offering("B.Tech"), False),
    ("एमबीए", offering("MBA"), False),
    ("कॉलेज", lambda inst: inst.type.value == "college", True),
    ("Decan", lambda inst: inst.name == "Deccan Institute of Technology", False),
    ("Sahyadri Univercity", lambda inst: inst.name == "Sahyadri University", False),
]


@pytest.mark.parametrize(("query", "wanted", "only"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_finds_its_institutions(page: Page, sample_server: str, query: str,
                                      wanted: Callable[[Institution], bool], only: bool) -> None:
    expected = {inst.name for inst in INSTITUTIONS.values() if wanted(inst)}
    assert expected, query
    page.goto(sample_server + "/search/?q=" + quote(query))
    expect(page.locator("#search-status")).to_contain_text("found")
    found = set(page.locator("#search-results h3 a").all_inner_texts())
    assert expected <= found, (query, expected - found)
    if only:
        assert found == expected, (query, found - expected)


def test_a_typo_is_corrected_and_said(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/search/?q=Decan")
    expect(page.locator("#search-corrected")).to_have_text("Showing results for “deccan”.")


def test_results_show_rating_reviews_city_and_fees(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/search/?q=Sahyadri")
    card = page.locator("#search-results .card").first
    expect(card.get_by_role("link")).to_have_text("Sahyadri University")
    expect(card).to_contain_text("Pune, Maharashtra")
    expect(card).to_contain_text("(27 reviews)")
    expect(card).to_contain_text("3.6")
    expect(card).to_contain_text("Fees ₹")


def test_search_results_narrow_by_fee_for_a_course_and_sort(page: Page, sample_server: str) -> None:
    fees = {i.name: i.course_fee("b-tech") for i in INSTITUTIONS.values()}
    expected = sorted((n for n, fee in fees.items() if fee is not None and fee <= 150000),
                      key=lambda n: (fees[n], n.lower()))
    page.goto(sample_server + "/search/?q=engineering&course=b-tech&max_fee=150000&sort=fees")
    expect(page.locator("#search-status")).to_contain_text(f"{len(expected)} institutions match")
    assert page.locator("#search-results h3 a").all_inner_texts() == expected
    expect(page.get_by_label("Fees up to (₹ a year)")).to_have_value("150000")


def test_filters_reach_every_match_not_only_the_best_few(page: Page, sample_server: str) -> None:
    # Given a search page that reads matches three at a time (the same script; the sample site is too small
    # for the real step of 90 to matter), and a search whose matches are more than one step
    def small_steps(route: Route) -> None:
        html = route.fetch().text().replace('id="search-form"', 'id="search-form" data-step="3" data-shown="3"')
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route("**/search/?*", small_steps)
    fees = {i.name: i.course_fee("b-tech") for i in INSTITUTIONS.values()}
    expected = sorted((n for n, fee in fees.items() if fee is not None and fee <= 200000),
                      key=lambda n: (fees[n], n.lower()))
    assert len(expected) > 3
    page.goto(sample_server + "/search/?q=engineering&course=b-tech&max_fee=200000&sort=fees")
    # When the student looks through more matches until there are no more
    status = page.locator("#search-status")
    expect(status).to_contain_text(" match among the first 3 of ")
    more = page.get_by_role("button", name="Look through more matches")
    while more.is_visible():
        read = status.inner_text()
        more.click()
        expect(status).not_to_have_text(re.compile(f"^({re.escape(read)}|Searching…)$"))
    # Then the filter and the sort have reached every match: the whole list, cheapest first
    expect(status).to_have_text(f"{len(expected)} institutions match.")
    assert page.locator("#search-results h3 a").all_inner_texts() == expected


def test_headings_of_the_search_page_go_in_order(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/search/?q=Pune")
    expect(page.locator("#search-status")).to_contain_text("found")
    levels = [int(tag[1]) for tag in page.locator("main h1, main h2, main h3").evaluate_all(
        "nodes => nodes.map(n => n.tagName)")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels

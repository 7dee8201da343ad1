"""Filtering and sorting a listing in the browser, the URL carrying the state, and the page without script."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from careermitra.domain.ratings import confidence_score
from careermitra.site.builder.listing_data import listing_data_of
from careermitra.site.builder.model import SiteModel, make_entry
from tests.support.sample import INSTITUTIONS, REVIEWS

pytestmark = pytest.mark.browser


def listed(page: Page) -> list[str]:
    return page.locator("#filter-list h3 a").all_inner_texts()


def test_filter_and_sort_a_course_listing_then_reopen_its_url(page: Page, sample_server: str) -> None:
    fees = {i.name: i.course_fee("b-tech") for i in INSTITUTIONS.values() if i.course_fee("b-tech") is not None}
    expected = sorted((name for name, fee in fees.items() if fee is not None and fee <= 150000),
                      key=lambda name: (fees[name], name.lower()))
    assert 3 <= len(expected) < len(fees)  # the filter keeps some and drops some

    page.goto(sample_server + "/courses/b-tech/")
    expect(page.get_by_label("Fees up to (₹ a year)")).to_be_hidden()  # folded until asked for
    page.get_by_text("Narrow and sort this list").click()
    page.get_by_label("Fees up to (₹ a year)").fill("150000")
    page.get_by_label("Sort by").select_option("fees")
    expect(page.locator("#filter-status")).to_have_text(f"{len(expected)} of {len(fees)} institutions match.")
    assert listed(page) == expected
    expect(page).to_have_url(re.compile(r"/courses/b-tech/\?max_fee=150000&sort=fees$"))
    expect(page.locator("#all-in-listing")).to_be_hidden()
    expect(page.locator("#filter-list .card").first).to_contain_text("a year for B.Tech")

    page.reload()
    expect(page.locator("#filter-status")).to_have_text(f"{len(expected)} of {len(fees)} institutions match.")
    assert listed(page) == expected
    expect(page.get_by_label("Fees up to (₹ a year)")).to_have_value("150000")
    expect(page.get_by_label("Sort by")).to_have_value("fees")


def test_a_shared_link_with_course_rating_and_hostel_filters_a_state_listing(page: Page, sample_server: str) -> None:
    state = "Maharashtra"
    members = [i for i in INSTITUTIONS.values() if i.state == state]
    def score(slug: str) -> float:
        reviews = REVIEWS.get(slug, [])
        return confidence_score(sum(r.rating for r in reviews), len(reviews)) or -1.0
    expected = [i.name for i in sorted(members, key=lambda i: (-score(i.slug), -len(REVIEWS.get(i.slug, [])),
                                                               i.name.lower()))]
    page.goto(sample_server + "/states/maharashtra/?sort=rating")
    expect(page.locator("#filter-status")).to_have_text(f"{len(members)} of {len(members)} institutions match.")
    assert listed(page) == expected

    with_mba = [i.name for i in members if i.course_fee("mba") is not None]
    page.goto(sample_server + "/states/maharashtra/?course=mba&sort=name")
    expect(page.get_by_label("Course")).to_have_value("mba")
    assert listed(page) == sorted(with_mba, key=str.lower)

    page.get_by_role("link", name="Clear the filters").click()
    expect(page).to_have_url(re.compile(r"/states/maharashtra/$"))
    expect(page.locator("#all-in-listing")).to_be_visible()
    expect(page.locator("#filter-results")).to_be_hidden()


def test_no_match_is_said_and_announced(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/courses/b-tech/?max_fee=1000")
    status = page.locator("#filter-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("No institution in this list matches. Try fewer filters.")


def test_without_javascript_the_listing_is_a_to_z_and_has_no_filters(browser: Browser, sample_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_server + "/courses/b-tech/?max_fee=150000&sort=fees")
    expect(page.locator("#listing-filters")).to_be_hidden()
    names = page.locator("#all-in-listing + ul h3 a").all_inner_texts()
    assert names == sorted(names, key=str.lower) and len(names) == 9
    context.close()


def test_a_big_listing_loads_only_the_part_its_filter_needs(page: Page, sample_server: str) -> None:
    # Given the Maharashtra listing split as a big listing is (the same files the build writes, with the limit
    # lowered: the sample site has no listing of 300 institutions)
    cards = {slug: make_entry(inst, REVIEWS.get(slug, [])).card for slug, inst in INSTITUTIONS.items()}
    listing = SiteModel(cards, (), {}).listings["state"]["maharashtra"]
    files = listing_data_of(listing, split_above=2)
    assert len(files) > 3
    asked: list[str] = []

    def split_files(route: Route) -> None:
        path = urlparse(route.request.url).path.lstrip("/")
        asked.append(path)
        route.fulfill(body=files[path], content_type="application/json")

    page.route(re.compile(r".*/states/maharashtra/data(\.json|/.*)$"), split_files)
    members = [i for i in INSTITUTIONS.values() if i.state == "Maharashtra"]
    with_mba = sorted((i for i in members if i.course_fee("mba") is not None),
                      key=lambda i: (i.course_fee("mba"), i.name.lower()))
    # When a student opens the listing, then asks for MBAs, cheapest first
    page.goto(sample_server + "/states/maharashtra/")
    expect(page.get_by_label("Course")).to_be_attached()
    page.get_by_text("Narrow and sort this list").click()
    expect(page.get_by_label("Course").locator("option[value=mba]")).to_be_attached()
    assert asked == ["states/maharashtra/data.json"]  # the manifest alone, until a filter is chosen
    page.get_by_label("Course").select_option("mba")
    page.get_by_label("Sort by").select_option("fees")
    # Then the list is every MBA of the state by fee, read from the MBA part only
    expect(page.locator("#filter-status")).to_have_text(f"{len(with_mba)} of {len(members)} institutions match.")
    assert listed(page) == [i.name for i in with_mba]
    assert asked == ["states/maharashtra/data.json", "states/maharashtra/data/mba.json"]
    # and without a course, the part of every institution, its fees still per institution
    page.get_by_label("Course").select_option("")
    expect(page.locator("#filter-status")).to_have_text(f"{len(members)} of {len(members)} institutions match.")
    cheapest = sorted(members, key=lambda i: (min(c.fees_inr for c in i.courses), i.name.lower()))
    assert listed(page) == [i.name for i in cheapest]
    assert asked[-1] == "states/maharashtra/data/all.json"

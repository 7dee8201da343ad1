"""What a visitor does: search, browse, read an institution's rating; with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from careermitra.domain.ratings import summarise
from tests.support.sample import INSTITUTIONS, REVIEWS

pytestmark = pytest.mark.browser

MOST_REVIEWED = max(REVIEWS, key=lambda slug: len(REVIEWS[slug]))


def test_search_from_home_then_open_institution_and_see_its_rating(page: Page, sample_server: str) -> None:
    inst = INSTITUTIONS[MOST_REVIEWED]
    summary = summarise(REVIEWS[MOST_REVIEWED])
    page.goto(sample_server + "/")
    page.get_by_label("Search by name, city or course").fill(inst.name)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    result = page.locator("#search-results").get_by_role("link", name=inst.name)
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(rf"/institutions/{MOST_REVIEWED}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(inst.name)
    ratings = page.locator("section.summary")
    expect(ratings).to_contain_text(f"{summary.average}")
    expect(ratings).to_contain_text(f"from {summary.count} reviews")


@pytest.mark.parametrize("city", sorted({i.city for i in INSTITUTIONS.values()})[:3])
def test_search_filters_by_city(page: Page, sample_server: str, city: str) -> None:
    expected = {i.name for i in INSTITUTIONS.values() if i.city == city}
    page.goto(sample_server + "/search/")
    page.get_by_label("City", exact=True).select_option(city)
    expect(page.locator("#search-status")).to_contain_text(f"{len(expected)} institution")
    found = set(page.locator("#search-results h3 a").all_inner_texts())
    assert found == expected


def test_search_finds_by_city_name_and_by_course(page: Page, sample_server: str) -> None:
    inst = INSTITUTIONS[MOST_REVIEWED]
    page.goto(sample_server + "/search/?q=" + inst.city)
    expect(page.locator("#search-results").get_by_role("link", name=inst.name)).to_be_visible()
    course = inst.courses[0].slug  # the URL names a course by its slug, as listings do
    page.goto(sample_server + "/search/?course=" + course)
    expect(page.locator("#search-results").get_by_role("link", name=inst.name)).to_be_visible()


def test_site_reads_and_navigates_without_javascript(browser: Browser, sample_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    inst = INSTITUTIONS[MOST_REVIEWED]
    page.goto(sample_server + "/")
    page.get_by_role("link", name=inst.city, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Institutions in {inst.city}")
    page.get_by_role("link", name=inst.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(inst.name)
    page.get_by_role("navigation", name="More reviews").get_by_role("link", name="Next →").click()
    expect(page).to_have_url(re.compile(r"/reviews/2/$"))
    page.goto(sample_server + "/search/?q=x")
    expect(page.get_by_text("Search runs in your browser and needs JavaScript")).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/", f"/institutions/{MOST_REVIEWED}/", "/cities/", "/search/",
                                  "/account/register/", "/privacy-policy/"])
def test_no_horizontal_scrolling_at_320_px(browser: Browser, sample_server: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(sample_server + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_keyboard_user_can_skip_to_content(page: Page, sample_server: str) -> None:
    page.goto(sample_server + f"/institutions/{MOST_REVIEWED}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_the_folded_review_form_opens_at_the_end_of_an_institution_page(page: Page, sample_server: str) -> None:
    # Given an institution page, which carries no review form until asked
    inst = INSTITUTIONS[MOST_REVIEWED]
    page.goto(sample_server + f"/institutions/{MOST_REVIEWED}/")
    fold = page.locator("#write-review")
    expect(fold.locator("form")).to_have_count(0)
    # When the student opens "Write a review of ..."
    fold.get_by_text(f"Write a review of {inst.name}").click()
    # Then the form of the review page is there, for this institution, with the note for the signed-out
    expect(fold.get_by_label("5 stars")).to_be_visible()
    expect(fold.locator("input[name=institution]")).to_have_value(MOST_REVIEWED)
    expect(fold.get_by_role("button", name="Submit for moderation")).to_be_visible()
    expect(fold.get_by_text("Not signed in? Write your review all the same")).to_be_visible()
    fold.get_by_label("Title").fill("Labs open late")  # a working form, not a picture of one
    expect(fold.get_by_label("Title")).to_have_value("Labs open late")

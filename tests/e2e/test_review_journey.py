"""The whole loop on the local stack: register, follow the emailed link, review, approve, see it published."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.stack import RunningStack, register_and_sign_in, write_review

pytestmark = pytest.mark.browser

SLUG = "golconda-school-of-architecture"  # no reviews yet: the first review sets its average
EMAIL = "asha.verma.journey@example.com"
PHONE_DIGITS = "9812345678"


def test_register_review_approve_and_see_it_on_the_page(stack: RunningStack, page: Page) -> None:
    register_and_sign_in(page, stack, "Asha Verma", EMAIL, "98123 45678", "Nagpur")
    page.goto(stack.url + f"/institutions/{SLUG}/write-review/")
    expect(page.locator("[data-session]")).to_have_text("Signed in as Asha V.")
    # A review of an institution nobody has reviewed yet
    write_review(page, stack, SLUG, 4, "Studios open late, juries are tough",
                 "The design studios stay open until midnight and the faculty give detailed feedback at every "
                 "jury.\n\nThe hostel is far from campus.", 2025)

    # A moderator approves it with the command-line tool
    pending = json.loads(stack.cli("reviews", "list", "--json"))
    ours = [item for item in pending if item["institution"] == SLUG]
    assert len(ours) == 1 and ours[0]["display_name"] == "Asha V."
    stack.cli("reviews", "approve", ours[0]["id"])

    # The page shows it, with the new average, within a bounded wait
    deadline = time.monotonic() + 30
    while True:
        page.goto(stack.url + f"/institutions/{SLUG}/")
        if "Studios open late" in page.content() or time.monotonic() > deadline:
            break
        page.wait_for_timeout(500)
    ratings = page.locator("section.summary")
    expect(ratings).to_contain_text("4.0")
    expect(ratings).to_contain_text("from 1 review")
    expect(page.get_by_role("heading", name="Studios open late, juries are tough")).to_be_visible()
    expect(page.locator(".review").first).to_contain_text("Asha V.")


def test_no_page_of_the_site_shows_the_reviewers_email_or_phone(stack: RunningStack) -> None:
    needles = [EMAIL, PHONE_DIGITS, "+91" + PHONE_DIGITS, "98123 45678", "Asha Verma"]
    for path in stack.output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle.encode() not in data, f"{needle} appears in {path}"
    console = "".join(stack.lines)
    assert EMAIL not in console and PHONE_DIGITS not in console


def test_a_form_posted_without_javascript_gets_a_clear_error_page(stack: RunningStack, browser: Browser) -> None:
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(stack.url + f"/institutions/{SLUG}/")  # without script the fold at the end leads to the form
    page.get_by_text("Write a review of").last.click()
    page.locator("#write-review").get_by_role("link", name="review page").click()
    page.get_by_label("5 stars").check()
    page.get_by_role("button", name="Submit for moderation").click()
    # Not signed in: the API answers with a 303 to the page that says so, and nothing is stored
    expect(page).to_have_url(re.compile(r"/form-error/not-signed-in/\?form=review"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Please sign in first")
    page.context.close()

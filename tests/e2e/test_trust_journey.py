"""Issue 14 in Chromium on the local stack: a verified student's review shows its badge; the institution claims
its page, replies, and the reply shows after approval; a visitor reports a review and a moderator removes it."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.stack import RunningStack, fill_slowly, register_and_sign_in, write_review

pytestmark = pytest.mark.browser

SLUG = "nilachal-academy"  # no reviews yet
DOMAIN = f"students.{SLUG}.example"
TITLE = "Mock tests every Sunday, doubts cleared"


def page_showing(page: Page, stack: RunningStack, text: str, present: bool = True) -> None:
    """Reload the institution page until the rebuild has (or no longer has) `text`, within a bounded wait."""
    deadline = time.monotonic() + 30
    while True:
        page.goto(stack.url + f"/institutions/{SLUG}/")
        if (text in page.content()) == present or time.monotonic() > deadline:
            return
        page.wait_for_timeout(500)


def confirm_address(page: Page, stack: RunningStack, email: str, relationship: str) -> None:
    """The form on the write-a-review page, then the single-use link from the outbox."""
    page.goto(stack.url + f"/institutions/{SLUG}/write-review/")
    page.get_by_label("Your address at the institution").fill(email)
    page.get_by_label(relationship).check()
    fill_slowly(page)
    sent_at = time.time() - 1
    page.get_by_role("button", name="Send the confirmation link").click()
    expect(page).to_have_url(re.compile(r"/account/check-institution-email/$"))
    link = stack.newest_link(sent_at)
    assert "/api/confirm-address?token=" in link
    page.goto(link)
    expect(page).to_have_url(re.compile(r"/account/institution-email-confirmed/"))
    page.goto(link)  # the link works once
    expect(page).to_have_url(re.compile(r"/account/link-expired/$"))


def test_a_verified_student_s_review_shows_its_badge(stack: RunningStack, page: Page) -> None:
    register_and_sign_in(page, stack, "Bina Das", "bina.das.trust@example.com", "98123 40001", "Guwahati")
    confirm_address(page, stack, f"bina.d@{DOMAIN}", "A student there now")
    write_review(page, stack, SLUG, 5, TITLE, "The faculty clear every doubt after class and the Sunday mock "
                 "tests are close to the real paper.", 2026, course="JEE Main & Advanced")
    [ours] = [item for item in json.loads(stack.cli("reviews", "list", "--json")) if item["institution"] == SLUG]
    assert ours["verification"]["domain"] == DOMAIN and "bina.d" not in json.dumps(ours)
    stack.cli("reviews", "approve", ours["id"])
    page_showing(page, stack, TITLE)
    review = page.locator(".review", has_text=TITLE)
    expect(review.locator(".badge")).to_have_text("Verified student")
    expect(page.locator("section.summary")).to_contain_text("1 verified")
    expect(page.locator("section.summary").get_by_role("link", name="How reviews work")).to_be_visible()


def test_an_institution_claims_its_page_replies_and_the_reply_shows_after_approval(stack: RunningStack,
                                                                                   page: Page) -> None:
    register_and_sign_in(page, stack, "Dilip Kakoti", "dilip.kakoti.trust@example.com", "98123 40002", "Guwahati")
    confirm_address(page, stack, f"office@{DOMAIN}", "A representative of the institution")
    page.goto(stack.url + f"/institutions/{SLUG}/")
    page.locator(".review", has_text=TITLE).get_by_role("link", name="Reply for the institution").click()
    expect(page.get_by_label("Review number")).not_to_have_value("")
    page.get_by_label("Your reply").fill("Thank you, Bina. Sunday mock tests continue through the exam season.")
    fill_slowly(page)
    page.get_by_role("button", name="Submit for moderation").click()
    expect(page).to_have_url(re.compile(r"/reviews/reply-sent/$"))
    [waiting] = json.loads(stack.cli("replies", "list", "--json"))
    stack.cli("replies", "approve", waiting["id"])
    page_showing(page, stack, "Reply from Nilachal Academy")
    reply = page.locator(".review", has_text=TITLE).locator(".reply")
    expect(reply).to_contain_text("Reply from Nilachal Academy")
    expect(reply).to_contain_text("Sunday mock tests continue")


def test_a_visitor_reports_a_review_and_a_moderator_removes_it(stack: RunningStack, browser: Browser) -> None:
    visitor = browser.new_context().new_page()  # no account
    visitor.goto(stack.url + f"/institutions/{SLUG}/")
    visitor.locator(".review", has_text=TITLE).get_by_role("link", name="Report").click()
    expect(visitor.get_by_label("Review number")).not_to_have_value("")
    visitor.get_by_label(re.compile(r"^Personal details")).check()
    visitor.get_by_label("A note for the moderator (optional)").fill("It names a teacher.")
    fill_slowly(visitor)
    visitor.get_by_role("button", name="Send the report").click()
    expect(visitor).to_have_url(re.compile(r"/reviews/reported/$"))
    [report] = json.loads(stack.cli("reports", "list", "--json"))
    assert report["reason"] == "personal-data" and report["note"] == "It names a teacher."
    visitor.goto(stack.url + f"/institutions/{SLUG}/")
    expect(visitor.get_by_text(TITLE)).to_be_visible()  # up until a moderator decides
    stack.cli("--moderator", "meera", "reports", "resolve", report["id"], "--remove", "--reason", "personal-data")
    page_showing(visitor, stack, TITLE, present=False)
    expect(visitor.get_by_text(TITLE)).to_have_count(0)
    history = json.loads(stack.cli("reviews", "history", report["review_id"], "--json"))
    assert [(entry["decision"], entry["reason_code"]) for entry in history][-1] == ("removed", "personal-data")
    assert history[-1]["moderator"] == "meera"
    visitor.context.close()

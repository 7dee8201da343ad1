"""Issue 14, the writer's journey in Chromium on the local stack: a signed-out visitor writes a review, signs in
with the email alone through the outbox link, lands back on the form with the draft, sends it, sees it pending
under "Your reviews"; a moderator approves it with the CLI, the "your review is live" mail arrives, the page and
"Your reviews" show it; withdrawn, it leaves the page."""

from __future__ import annotations

import json
import re
import time
from email import message_from_bytes, policy

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.stack import RunningStack, register_and_sign_in

pytestmark = pytest.mark.browser

SLUG = "golconda-school-of-architecture"
FORM = f"/institutions/{SLUG}/write-review/"
EMAIL = "meera.nair.journey@example.com"
TITLE = "Juries that teach, studios that never close"
BODY = ("The studio culture is the best part: seniors stay late to help juniors, and every jury ends with "
        "written feedback you can act on.\n\nThe library closes too early for a school of architecture.")


def newest_mail(stack: RunningStack, since: float, subject: str) -> tuple[str, str]:
    """(subject, first link) of the newest outbox mail with this subject written after `since`."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for path in sorted((stack.state_dir / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
            if path.stat().st_mtime < since:
                break
            mail = message_from_bytes(path.read_bytes(), policy=policy.default)
            if mail["subject"] == subject:
                body = mail.get_body(("plain",))
                assert body is not None
                return str(mail["subject"]), re.findall(r"https?://\S+", body.get_content())[0]
        time.sleep(0.2)
    raise AssertionError(f"no mail {subject!r} arrived in the outbox")


def until(page: Page, url: str, shown: bool, text: str, seconds: float = 40) -> None:
    """Reload `url` until `text` is (or is no longer) on it: the rebuild publishes within seconds."""
    deadline = time.monotonic() + seconds
    while True:
        page.goto(url)
        if (text in page.content()) == shown:
            return
        assert time.monotonic() < deadline, f"{text!r} {'never appeared' if shown else 'never left'} on {url}"
        page.wait_for_timeout(500)


def test_the_writers_journey_from_a_signed_out_draft_to_a_published_and_withdrawn_review(
        stack: RunningStack, page: Page) -> None:
    # A registered student, signed in: the header of every page shows it
    register_and_sign_in(page, stack, "Meera Nair", EMAIL, "98123 45679", "Kochi")
    header = page.locator("header")
    expect(header.locator("[data-signed-in]")).to_be_visible()
    expect(header.locator("[data-display-name]")).to_have_text("Meera N.")
    page.goto(stack.url + "/institutions/")
    expect(header.get_by_role("link", name="Your account")).to_be_visible()
    # Signs out from the header (a POST): the header says "Sign in" again
    header.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/account/signed-out/$"))
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    expect(header.locator("[data-signed-in]")).to_be_hidden()

    # Signed out, they open the review form: a note says they will be asked to sign in; they write the review
    page.goto(stack.url + FORM)
    expect(page.locator("main .note[data-signed-out]")).to_be_visible()
    page.get_by_label("4 stars").check()
    for label in ["Faculty", "Infrastructure", "Placements", "Campus life", "Value for money"]:
        page.get_by_label(label, exact=True).select_option("4")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Your review").fill(BODY)
    page.get_by_label("Course you studied").fill("B.Arch")
    page.get_by_label("Year you graduated (or will)").fill("2024")
    page.get_by_label("No, none of these").check()  # the disclosure question (issue 14)
    page.get_by_role("button", name="Submit for moderation").click()

    # Sent to sign in, with the way back; the email alone is enough, sent at once (the script waits out the
    # minimum fill time instead of refusing a quick hand)
    expect(page).to_have_url(re.compile(r"/sign-in/\?return_to=" + re.escape(FORM.replace("/", "%2F"))))
    page.get_by_label("Email").fill(EMAIL)
    sent_at = time.time() - 1
    button = page.get_by_role("button", name=re.compile("Send me a sign-in link|Sending…"))
    button.click()
    expect(button).to_have_text("Sending…")
    expect(page).to_have_url(re.compile(r"/account/check-email/$"))
    _, link = newest_mail(stack, sent_at, "Your Career Mitra sign-in link")

    # The link signs them in and returns them to the form, with the draft back
    page.goto(link)
    expect(page).to_have_url(re.compile(re.escape(FORM) + "$"))
    expect(page.get_by_text("Your draft is back. Check it and send it.")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(page.get_by_label("Your review")).to_have_value(BODY)
    expect(page.get_by_label("4 stars")).to_be_checked()
    expect(page.get_by_label("Faculty", exact=True)).to_have_value("4")
    expect(header.locator("[data-display-name]")).to_have_text("Meera N.")
    page.get_by_role("button", name="Submit for moderation").click()
    expect(page).to_have_url(re.compile(r"/reviews/thanks/$"))

    # "Your reviews" shows it pending
    page.goto(stack.url + "/account/reviews/")
    entry = page.locator(".review-status", has_text=TITLE)
    expect(entry.locator("[data-status-text]")).to_have_text("Waiting for a moderator")
    expect(entry).to_contain_text("Written ")

    # A moderator approves it with the CLI; the author is mailed that it is live, with the link
    ours = [item for item in json.loads(stack.cli("reviews", "list", "--json")) if item["institution"] == SLUG]
    assert [item["title"] for item in ours] == [TITLE]
    approved_at = time.time() - 1
    stack.cli("reviews", "approve", ours[0]["id"])
    _, live_link = newest_mail(stack, approved_at, "Your review is live on Career Mitra")
    assert live_link == f"{stack.url}/institutions/{SLUG}/#review-{ours[0]['id']}"

    # The page shows it, and so does "Your reviews", with its link
    until(page, f"{stack.url}/institutions/{SLUG}/", True, TITLE)
    deadline = time.monotonic() + 30
    while True:
        page.goto(stack.url + "/account/reviews/")
        status = entry.locator("[data-status-text]")
        expect(status).not_to_have_text("")
        if status.text_content() != "Approved: it appears on the institution's page within a minute or two":
            break
        assert time.monotonic() < deadline, "the review never showed as published"
        page.wait_for_timeout(500)
    expect(status).to_have_text("Published · See it on the page")
    expect(entry.get_by_role("link", name="See it on the page")).to_have_attribute(
        "href", f"/institutions/{SLUG}/#review-{ours[0]['id']}")

    # Withdrawn, it leaves the page
    entry.get_by_role("button", name="Withdraw this review").click()
    expect(page.get_by_role("status")).to_contain_text("Withdrawn.")
    expect(entry.locator("[data-status-text]")).to_have_text("Withdrawn by you")
    expect(entry.get_by_role("button", name="Withdraw this review")).to_have_count(0)
    until(page, f"{stack.url}/institutions/{SLUG}/", False, TITLE)


def test_without_javascript_a_form_with_mistakes_lists_the_fields_and_links_back(stack: RunningStack,
                                                                                  browser: Browser) -> None:
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(stack.url + "/sign-in/")
    page.get_by_label("Email").fill("meera.example.com")
    page.get_by_role("button", name="Send me a sign-in link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Some answers need another look")
    expect(page.locator("ul.fields-to-fix li")).to_have_text(
        [re.compile(r"^Email: enter an email address like name@example\.com")])
    page.get_by_role("link", name="Go back to the form").click()
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    page.context.close()


def test_the_review_forms_mistakes_read_as_plain_words_beside_each_field(stack: RunningStack,
                                                                        browser: Browser) -> None:
    # Its own page: the refused request's 422 is logged by Chromium, which the `page` fixture counts as an error
    page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    register_and_sign_in(page, stack, "Kabir Rao", "kabir.rao.journey@example.com", "98123 45670", "Mysuru")
    page.goto(stack.url + FORM)
    page.get_by_label("5 stars").check()
    page.get_by_label("Title").fill("ok")
    page.get_by_role("button", name="Submit for moderation").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Title: write at least 3 characters.")
    for label in ["Faculty", "Infrastructure", "Placements", "Campus life", "Value for money"]:
        expect(summary.get_by_role("link", name=f"{label}: choose a rating from 1 to 5.")).to_have_count(1)
    expect(summary).not_to_contain_text("Input should")
    expect(summary).not_to_contain_text("String should")
    expect(page.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    assert script_errors == []
    page.context.close()

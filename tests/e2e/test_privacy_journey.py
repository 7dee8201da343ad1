"""The privacy promises in a real browser on the local stack: the consent banner and the beacon, GPC, the
cookie settings page without script, and access and erasure requests carried out end to end."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from email import message_from_bytes, policy

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.site import ROOT
from tests.support.stack import RunningStack, fill_slowly, register_and_sign_in, write_review

pytestmark = pytest.mark.browser

SLUG = "golconda-school-of-architecture"
EMAIL = "neha.kulkarni.privacy@example.com"
PHONE = "9822113344"


def report(stack: RunningStack) -> dict:  # type: ignore[type-arg]
    """The analytics report as JSON, read as UTF-8 whatever the locale (paths are joined with '→')."""
    env = {**os.environ, "CAREERMITRA_LOCAL_STACK": str(stack.state_dir / "stack.json"), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "careermitra.cli", "analytics", "report", "--days", "1", "--json"],
                            cwd=ROOT, env=env, capture_output=True, encoding="utf-8", timeout=60, check=True)
    return json.loads(result.stdout)


def wait_for(condition, timeout: float = 20):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


def events_sent(page: Page) -> list[str]:
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if "/api/events" in request.url else None)
    return sent


def test_no_beacon_before_consent_then_a_beacon_for_each_page_after(stack: RunningStack, page: Page) -> None:
    sent = events_sent(page)
    page.goto(stack.url + "/")
    banner = page.get_by_role("region", name="May we count your visit?")
    expect(banner).to_be_visible()
    accept, reject = banner.get_by_role("button", name="Accept"), banner.get_by_role("button", name="Reject")
    assert accept.bounding_box()["height"] == reject.bounding_box()["height"]  # equally prominent
    page.goto(stack.url + "/about/")
    page.goto(stack.url + "/institutions/")
    assert sent == [] and report(stack)["page_views"] == 0

    # Accepting without "I am 18 or older" records nothing and says why (no tracking of children)
    accept.click()
    expect(banner.get_by_text("we do not count the visits of children")).to_be_visible()
    assert sent == [] and not any(c["name"] == "cm_consent" for c in page.context.cookies())
    # Keyboard only: Space ticks the box, then focus Accept and press Enter
    banner.get_by_label("I am 18 or older").focus()
    page.keyboard.press("Space")
    accept.focus()
    page.keyboard.press("Enter")
    expect(banner).to_be_hidden()
    assert re.fullmatch(r"accepted-adult\.[\w-]{22}\.[\w-]{43}", next(c["value"] for c in page.context.cookies()
                                                      if c["name"] == "cm_consent"))
    # Follow links as a person does: leaving /institutions/ (typed in) sends its page view, then /cities/'s
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cities").click()
    expect(page).to_have_url(re.compile(r"/cities/$"))
    page.get_by_role("navigation", name="Site information").get_by_role("link", name="About").click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    expect(page.get_by_role("region", name="May we count your visit?")).to_be_hidden()  # remembered
    data = wait_for(lambda: (lambda r: r if r["page_views"] >= 2 else None)(report(stack)))
    assert data, report(stack)
    assert dict(data["top_pages"]) == {"/institutions/": 1, "/cities/": 1}
    assert dict(data["top_paths"]) == {"/institutions/ → /cities/": 1}
    assert dict(data["top_referrers"]) == {"(direct)": 1} and data["visits"] == 1
    assert dict(data["browsers"]) == {"Chrome": 2}


def test_global_privacy_control_means_no_banner_and_no_beacon(stack: RunningStack, browser: Browser) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})")
    # Even an earlier acceptance does not count while the browser sends GPC
    context.add_cookies([{"name": "cm_consent", "value": "accepted-adult." + "g" * 22, "url": stack.url}])
    page = context.new_page()
    sent = events_sent(page)
    before = report(stack)["page_views"]
    page.goto(stack.url + "/cookies/")
    expect(page.locator("#consent-banner")).to_be_hidden()
    expect(page.locator("[data-consent-status]")).to_contain_text("Global Privacy Control")
    page.goto(stack.url + "/about/")
    page.goto(stack.url + "/")
    page.wait_for_timeout(500)
    context.close()  # closing runs the page's unload handlers too
    time.sleep(1)
    # The browser sent nothing (Playwright misses requests made while a page unloads; the table does not)
    assert sent == [] and report(stack)["page_views"] == before


def test_the_cookie_settings_work_without_javascript(stack: RunningStack, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(stack.url + "/")
    expect(page.locator("#consent-banner")).to_be_hidden()  # never in the way without script
    page.get_by_role("link", name="Cookie settings").click()
    page.get_by_role("button", name="Reject analytics").click()
    expect(page).to_have_url(re.compile(r"/cookies/saved/\?choice=rejected$"))
    assert {c["name"]: c["value"] for c in context.cookies()}["cm_consent"] == "rejected"
    context.close()


def newest_mail(stack: RunningStack, since: float) -> tuple[str, str]:
    """(subject, text) of the newest mail written after `since`."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        mails = [p for p in (stack.state_dir / "outbox").glob("*.eml") if p.stat().st_mtime >= since]
        if mails:
            mail = message_from_bytes(max(mails, key=lambda p: p.stat().st_mtime).read_bytes(), policy=policy.default)
            return str(mail["Subject"]), mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        time.sleep(0.2)
    raise AssertionError("no mail arrived")


def request_privacy(stack: RunningStack, page: Page, kind: str, reviews: str | None = None) -> None:
    page.goto(stack.url + "/privacy/request/")
    page.get_by_label("Email address of your account").fill(EMAIL)
    page.get_by_label(kind).check()
    if reviews:
        page.get_by_label(reviews).check()
    fill_slowly(page)
    since = time.time() - 1
    page.get_by_role("button", name="Send me a confirmation link").click()
    expect(page).to_have_url(re.compile(r"/privacy/check-email/$"))
    page.goto(stack.newest_link(since))
    expect(page).to_have_url(re.compile(r"/privacy/confirm/$"))
    page.get_by_role("button", name="Carry out my request").click()


def test_access_then_erasure_with_the_review_kept_anonymised(stack: RunningStack, page: Page) -> None:
    # A registered student with a published review
    register_and_sign_in(page, stack, "Neha Kulkarni", EMAIL, PHONE, "Kolhapur")
    write_review(page, stack, SLUG, 5, "Juries that teach you to think",
                 "Every jury is a lesson: the faculty explain what works and why, and the studio is open late.", 2024)
    [ours] = [r for r in json.loads(stack.cli("reviews", "list", "--json")) if r["institution"] == SLUG]
    stack.cli("reviews", "approve", ours["id"])

    def shows(text: str) -> bool:
        html = (stack.output / "institutions" / SLUG / "index.html").read_text(encoding="utf-8")
        return text in html

    assert wait_for(lambda: shows("Neha K.")), "the approved review never reached the page"

    # Access: everything we hold arrives by email as JSON
    since = time.time() - 1
    request_privacy(stack, page, "A copy of my data")
    expect(page).to_have_url(re.compile(r"/privacy/access-sent/$"))
    subject, text = newest_mail(stack, since)
    export = json.loads(text[text.index("{"):text.rindex("}") + 1])
    assert subject == "Your data at Career Mitra"
    assert export["profile"]["email"] == EMAIL and export["profile"]["city"] == "Kolhapur"
    assert [r["title"] for r in export["reviews"]] == ["Juries that teach you to think"]
    assert export["consent_history"][0]["version"] == "3.0"

    # Erasure, keeping the review anonymised: the rebuilt page shows "Former student"
    request_privacy(stack, page, "Erase my account", "kept, shown as")
    expect(page).to_have_url(re.compile(r"/privacy/erased/$"))
    assert wait_for(lambda: shows("Former student") and not shows("Neha K.")), "the page was not rebuilt"
    page.goto(stack.url + f"/institutions/{SLUG}/")
    expect(page.locator(".review").first).to_contain_text("Former student")
    expect(page.get_by_role("heading", name="Juries that teach you to think")).to_be_visible()
    # The account is gone: a new access request finds nothing
    since = time.time() - 1
    page.goto(stack.url + "/privacy/request/")
    page.get_by_label("Email address of your account").fill(EMAIL)
    page.get_by_label("A copy of my data").check()
    fill_slowly(page)
    page.get_by_role("button", name="Send me a confirmation link").click()
    expect(page).to_have_url(re.compile(r"/privacy/check-email/$"))
    assert "no account" in newest_mail(stack, since)[1]
    console = "".join(stack.lines)
    assert PHONE not in console and "Kolhapur" not in console

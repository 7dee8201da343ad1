"""The whole loop on the local stack: register, follow the emailed link, review, approve, see it published."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.site import ROOT

pytestmark = pytest.mark.browser

SLUG = "golconda-school-of-architecture"  # no reviews yet: the first review sets its average
EMAIL = "asha.verma.journey@example.com"
PHONE_DIGITS = "9812345678"


@dataclass
class RunningStack:
    url: str
    state_dir: Path
    output: Path
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)

    def cli(self, *args: str) -> str:
        env = {**os.environ, "CAREERMITRA_LOCAL_STACK": str(self.state_dir / "stack.json")}
        result = subprocess.run([sys.executable, "-m", "careermitra.cli", *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def newest_link(self, since: float) -> str:
        """The link in the newest mail of the outbox written after `since`."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            mails = [p for p in (self.state_dir / "outbox").glob("*.eml") if p.stat().st_mtime >= since]
            if mails:
                mail = message_from_bytes(max(mails, key=lambda p: p.stat().st_mtime).read_bytes(),
                                          policy=policy.default)
                body = mail.get_body(("plain",))
                assert body is not None
                return re.findall(r"https?://\S+", body.get_content())[0]
            time.sleep(0.2)
        raise AssertionError("no mail arrived in the outbox")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    """`make dev` as a user runs it (on a free port, in temporary folders); stopped with SIGTERM at the end."""
    base = tmp_path_factory.mktemp("stack")
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["PYTHONIOENCODING"] = "utf-8"
    process = subprocess.Popen(
        [sys.executable, "-m", "careermitra.local.dev", "--port", "0", "--state-dir", str(base / "state"),
         "--output", str(base / "output")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if "is running at" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 120
    while not ready.wait(0.5) and process.poll() is None and time.monotonic() < deadline:
        pass
    if not ready.is_set():
        process.kill()
        pytest.fail("the local stack did not start:\n" + "".join(lines))
    url = re.search(r"running at (http://127\.0\.0\.1:\d+)/", "".join(lines)).group(1)  # type: ignore[union-attr]
    running = RunningStack(url, base / "state", base / "output", process, lines)
    yield running
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0, "".join(lines)
    assert "Stopped." in "".join(lines)


def fill_slowly(page: Page) -> None:
    """People take more than the minimum fill time the API asks of a form."""
    page.wait_for_timeout(3200)


def register_and_sign_in(page: Page, stack: RunningStack, name: str, email: str, phone: str, city: str) -> None:
    """Register with the form, as a person does, then follow the emailed link: verified and signed in."""
    page.goto(stack.url + "/account/register/")
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mobile number").fill(phone)
    page.get_by_label("City").fill(city)
    page.get_by_label("I have read the privacy policy").check()
    fill_slowly(page)
    sent_at = time.time() - 1
    page.get_by_role("button", name="Send me a link").click()
    expect(page).to_have_url(re.compile(r"/account/check-email/$"))
    page.goto(stack.newest_link(sent_at))
    expect(page).to_have_url(re.compile(r"/account/verified/$"))


def write_review(page: Page, stack: RunningStack, slug: str, stars: int, title: str, body: str, year: int,
                 course: str = "B.Arch") -> None:
    """Send a review of a course from the institution's review page, every aspect rated like the whole."""
    page.goto(stack.url + f"/institutions/{slug}/write-review/")
    page.get_by_label(f"{stars} stars").check()
    for label in ["Faculty", "Infrastructure", "Placements", "Campus life", "Value for money"]:
        page.get_by_label(label, exact=True).select_option(str(stars))
    page.get_by_label("Title").fill(title)
    page.get_by_label("Your review").fill(body)
    page.get_by_label("Course you studied").fill(course)
    page.get_by_label("Year you graduated (or will)").fill(str(year))
    page.get_by_label("No, none of these").check()  # the disclosure question (issue 14)
    fill_slowly(page)
    page.get_by_role("button", name="Submit for moderation").click()
    expect(page).to_have_url(re.compile(r"/reviews/thanks/$"))


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
    page.goto(stack.url + f"/institutions/{SLUG}/")  # the form folded at the end of the institution page
    page.get_by_text("Write a review of").last.click()
    page.get_by_label("5 stars").check()
    page.get_by_role("button", name="Submit for moderation").click()
    # Not signed in: the API answers with a 303 to the page that says so, and nothing is stored
    expect(page).to_have_url(re.compile(r"/form-error/not-signed-in/\?form=review"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Please sign in first")
    page.context.close()

"""`make dev` as a user runs it, in a subprocess on a free port, and what the browser journeys do on it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.site import ROOT


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


@contextmanager
def running_stack(base: Path) -> Iterator[RunningStack]:
    """`make dev` as a user runs it (on a free port, in temporary folders); stopped with SIGTERM at the end."""
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
    assert process.wait(timeout=90) == 0, "".join(lines)
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
    page.get_by_label("I confirm that I am 18 or older").check()
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

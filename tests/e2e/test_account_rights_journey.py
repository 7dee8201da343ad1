"""'Your account' in a real browser on the local stack (issue 15): correct one's details, name a nominee, and
delete the account with one button after a confirmation step."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import recording_page
from tests.support.stack import RunningStack, register_and_sign_in

pytestmark = pytest.mark.browser

EMAIL = "kavya.menon.account@example.com"
NOMINEE = "ravi.menon.nominee@example.com"
PHONE = "9845012345"
NEW_PHONE = "9845067890"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """Like conftest's page, but the two refusals this test provokes on purpose are the only errors allowed."""
    with recording_page(browser) as (page, errors):
        yield page
    assert errors == ["Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"] * 2


def outbox_text(stack: RunningStack, since: float) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace")
                     for path in (stack.state_dir / "outbox").glob("*.eml") if path.stat().st_mtime >= since)


def test_correct_details_nominate_and_delete_the_account(stack: RunningStack, page: Page) -> None:
    register_and_sign_in(page, stack, "Kavya Menon", EMAIL, PHONE, "Kochi")
    since = time.time() - 1

    # The details form shows what we hold, and a correction is saved and recorded
    page.goto(stack.url + "/account/")
    name = page.get_by_label("Full name", exact=True)
    expect(name).to_have_value("Kavya Menon")
    expect(page.get_by_label("Mobile number")).to_have_value("+91" + PHONE)
    expect(page.get_by_text(f"You sign in with {EMAIL}.")).to_be_visible()
    page.get_by_label("Mobile number").fill("12345")
    page.get_by_role("button", name="Save my details").click()
    expect(page.locator("#d-phone-error")).to_contain_text("10-digit Indian mobile number")  # said beside it
    page.get_by_label("Mobile number").fill(NEW_PHONE)
    page.get_by_label("City", exact=True).fill("Thrissur")
    page.get_by_role("button", name="Save my details").click()
    expect(page).to_have_url(re.compile(r"/account/details-saved/$"))
    page.goto(stack.url + "/account/")
    expect(page.get_by_label("City", exact=True)).to_have_value("Thrissur")
    expect(page.locator("[data-account-history]")).to_contain_text("corrected (phone, city)")

    # A nominee, who is told by email
    page.get_by_label("Nominee's full name").fill("Ravi Menon")
    page.get_by_label("Nominee's email").fill(NOMINEE)
    page.get_by_role("button", name="Save my nominee").click()
    expect(page).to_have_url(re.compile(r"/account/nominee-saved/$"))
    page.goto(stack.url + "/account/")
    expect(page.get_by_text(f"Your nominee now: Ravi Menon ({NOMINEE}).")).to_be_visible()
    deadline = time.monotonic() + 15
    while f"To: {NOMINEE}" not in outbox_text(stack, since) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "named you as their nominee" in outbox_text(stack, since)

    # One button, then a confirmation step: nothing happens until DELETE is typed
    confirm = page.get_by_label("Type DELETE to confirm")
    expect(confirm).to_be_hidden()
    page.get_by_text("Delete my account", exact=True).click()
    confirm.fill("no")
    page.get_by_role("button", name="Delete my account now").click()
    expect(page.locator("#del-confirm-error")).to_contain_text("type DELETE")
    expect(page).to_have_url(re.compile(r"/account/$"))
    confirm.fill("DELETE")
    page.get_by_role("button", name="Delete my account now").click()
    expect(page).to_have_url(re.compile(r"/privacy/erased/$"))

    # Signed out, and the account is gone
    answer = page.request.get(stack.url + "/api/session").json()
    assert answer["authenticated"] is False
    page.goto(stack.url + "/account/")
    expect(page.get_by_text("You are not signed in.")).to_be_visible()
    console = "".join(stack.lines)
    assert PHONE not in console and NEW_PHONE not in console and "Thrissur" not in console

"""The Hindi site in a real browser (issue 16): a Hindi institution page, its language switch, a script's
words from the page, and a Hindi search that finds Hindi pages."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import recording_page

pytestmark = pytest.mark.browser

DECCAN = "/institutions/deccan-institute-of-technology/"
DECCAN_HI = "डेक्कन इंस्टीट्यूट ऑफ़ टेक्नोलॉजी"


def test_a_hindi_institution_page_and_its_language_switch(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/hi" + DECCAN)
    expect(page.locator("html")).to_have_attribute("lang", "hi-IN")
    expect(page).to_have_title(f"{DECCAN_HI} · Career Mitra")
    expect(page.get_by_role("heading", level=1)).to_have_text(DECCAN_HI)
    crumbs = page.get_by_role("navigation", name="आप यहाँ हैं")
    expect(crumbs.get_by_role("link", name="होम")).to_have_attribute("href", "/hi/")
    expect(crumbs.get_by_role("link", name="पुणे")).to_have_attribute("href", "/hi/cities/pune/")
    expect(page.get_by_role("heading", name="कोर्स और फ़ीस")).to_be_visible()
    expect(page.locator("section.summary")).to_contain_text("समीक्षाओं से")
    expect(page.locator("#about + .prose")).to_contain_text("पुणे का एक निजी इंजीनियरिंग कॉलेज")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(re.escape(DECCAN) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Deccan Institute of Technology")
    expect(page.locator("html")).to_have_attribute("lang", "en-IN")


def test_a_script_speaks_hindi_on_a_hindi_page(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/hi/shortlist/")
    expect(page.locator("#shortlist-status")).to_have_text(
        "आपकी शॉर्टलिस्ट ख़ाली है। किसी संस्थान के पेज या कार्ड पर “सहेजें” दबाकर उसे जोड़ें।")
    page.goto(sample_server + "/shortlist/")
    expect(page.locator("#shortlist-status")).to_have_text(re.compile(r"^Your shortlist is empty\. Use .Save. on"))


@pytest.mark.parametrize("query", ["डेक्कन", "पुणे", "Deccan"])
def test_a_hindi_search_finds_hindi_pages(browser: Browser, sample_server: str, query: str) -> None:
    with recording_page(browser) as (page, errors):
        missing: list[str] = []
        page.on("response", lambda answer: missing.append(answer.url) if answer.status == 404 else None)
        page.goto(sample_server + "/hi/search/?q=" + quote(query))
        result = page.locator("#search-results").get_by_role("link", name=DECCAN_HI)
        expect(result).to_be_visible()
        expect(result).to_have_attribute("href", re.compile("^/hi" + re.escape(DECCAN)))
        result.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(DECCAN_HI)
    # A Hindi result's row is read from its data file at the neutral path (the files serve both languages).
    assert not missing and not errors, (errors, missing)



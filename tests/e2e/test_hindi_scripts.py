"""The scripts of the Hindi site speak Hindi (issue 16): a listing's filters and sort, search, compare and the
shortlist's buttons, in a real browser, after the scripts ran. Their words come from the catalogue (#ui-text),
their names from the data files' Hindi lists, their links lead to Hindi pages, and no run of common English
words is left on the page."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import recording_page
from tests.support.hindi_text import english_runs
from tests.support.sample import INSTITUTIONS

pytestmark = pytest.mark.browser

DECCAN = "deccan-institute-of-technology"
DECCAN_HI = "डेक्कन इंस्टीट्यूट ऑफ़ टेक्नोलॉजी"
# Rupees grouped the Indian way: ₹60,000, ₹1,45,000, ₹75,60,000.
RUPEES = r"₹\d{1,2}(?:,\d{2})*,\d{3}"


def shown_name(slug: str) -> str:
    inst = INSTITUTIONS[slug]
    return inst.name_hi or inst.name


def no_english_runs(page: Page) -> None:
    runs = english_runs(page.content())
    assert not runs, runs


def test_filter_and_sort_a_hindi_listing(page: Page, sample_server: str) -> None:
    # Given the private institutions of Maharashtra, cheapest first
    members = [(slug, i) for slug, i in INSTITUTIONS.items() if i.state == "Maharashtra"]
    private = sorted(((slug, i) for slug, i in members if i.ownership and i.ownership.value == "private"),
                     key=lambda pair: (min(c.fees_inr for c in pair[1].courses), pair[1].name.lower()))
    assert 2 <= len(private) < len(members)
    # When a Hindi reader narrows the Hindi listing to them and sorts by fees
    page.goto(sample_server + "/hi/states/maharashtra/")
    page.get_by_text("इस सूची को छाँटें और क्रम बदलें").click()
    ownership = page.locator("#f-ownership")
    expect(ownership.locator("option[value=private]")).to_have_text("निजी")
    ownership.select_option("private")
    page.locator("#f-sort").select_option("fees")
    # Then the count, the cards and their links are Hindi
    expect(page.locator("#filter-status")).to_have_text(f"{len(members)} में से {len(private)} संस्थान मेल खाते हैं।")
    expect(page).to_have_url(re.compile(r"/hi/states/maharashtra/\?ownership=private&sort=fees$"))
    links = page.locator("#filter-list h3 a")
    assert links.all_inner_texts() == [shown_name(slug) for slug, _ in private]
    for (slug, _), href in zip(private, [link.get_attribute("href") for link in links.all()], strict=True):
        assert href == f"/hi/institutions/{slug}/"
    first = page.locator("#filter-list .card").first
    expect(first.locator("p.muted")).to_contain_text(", महाराष्ट्र")
    expect(first.locator("p.small")).to_have_text(re.compile(f"^फ़ीस {RUPEES}( से {RUPEES})? प्रति वर्ष"))
    expect(first.get_by_role("button", name=re.compile("^सहेजें: "))).to_be_visible()
    no_english_runs(page)


def test_a_course_in_hindi_on_a_hindi_listing(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/hi/cities/pune/?course=upsc-civil-services")
    card = page.locator("#filter-list .card").first
    expect(card.locator("p.small")).to_have_text(re.compile(f"^UPSC सिविल सेवा की फ़ीस {RUPEES} प्रति वर्ष"))
    expect(page.locator("#f-course option[value=upsc-civil-services]")).to_have_text("UPSC सिविल सेवा")
    no_english_runs(page)


def test_a_hindi_search_shows_its_results_data_and_links_hindi_pages(browser: Browser, sample_server: str) -> None:
    with recording_page(browser) as (page, errors):
        missing: list[str] = []
        page.on("response", lambda answer: missing.append(answer.url) if answer.status >= 400 else None)
        page.goto(sample_server + "/hi/search/?q=" + quote("पुणे") + "&sort=fees")
        expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ संस्थान मेल खाते हैं।$"))
        result = page.locator("#search-results").get_by_role("link", name=DECCAN_HI)
        expect(result).to_have_attribute("href", f"/hi/institutions/{DECCAN}/")
        card = page.locator("#search-results .card", has=page.get_by_role("link", name=DECCAN_HI))
        expect(card.locator("p.muted")).to_have_text("कॉलेज · पुणे, महाराष्ट्र")
        expect(card).to_contain_text("5 में से")
        expect(card).to_contain_text("(4 समीक्षाएँ)")
        expect(card.locator("p.small")).to_contain_text("फ़ीस ₹1,32,000 से ₹1,65,000 प्रति वर्ष · NAAC A+ · NIRF रैंक")
        for link in page.locator("#search-results h3 a").all():
            assert (link.get_attribute("href") or "").startswith("/hi/institutions/")
        no_english_runs(page)
    # The rows come from the data files at their one (neutral) path: nothing under /hi/ is asked for in vain.
    assert not missing and not errors, (missing, errors)


def test_compare_two_institutions_in_hindi(page: Page, sample_server: str) -> None:
    page.goto(sample_server + f"/hi/compare/?i={DECCAN},sahyadri-university")
    expect(page.locator("#compare-status")).to_have_text("2 संस्थानों की तुलना।")
    table = page.locator("table.compare-table")
    for heading in ("तथ्य", "छात्रों की रेटिंग", "फ़ीस और साल भर का ख़र्च", "प्लेसमेंट (पिछला साल)", "प्रवेश"):
        expect(table.get_by_role("columnheader", name=heading, exact=True)).to_be_visible()
    for label in ("प्रकार", "स्वामित्व", "समीक्षाएँ", "शिक्षक", "B.Tech: साल की ट्यूशन फ़ीस", "मीडियन पैकेज"):
        expect(table.get_by_role("rowheader", name=label, exact=True)).to_be_visible()
    expect(table.get_by_role("row", name=re.compile("^प्रकार"))).to_contain_text("कॉलेज")
    expect(table.get_by_role("row", name=re.compile("^स्वामित्व"))).to_contain_text("निजी")
    expect(table.get_by_role("row", name=re.compile("^B.Tech: साल की ट्यूशन फ़ीस"))).to_contain_text("₹1,45,000")
    # Dates, closing ranks and source lines, written in English in the compare files, read in Hindi
    expect(table.get_by_role("row", name=re.compile("^M.Tech: आवेदन"))).to_contain_text("10 अप्रैल 2026 से 15 जून 2026 तक")
    expect(table.get_by_role("row", name=re.compile("^B.Tech: क्लोज़िंग रैंक"))).to_contain_text(
        "JEE Main 2025, सामान्य, राउंड 3: 40,110")
    expect(table.get_by_role("row", name=re.compile("^समीक्षाएँ"))).to_contain_text(
        "इस साइट पर पंजीकृत छात्रों की 4 समीक्षाओं से")
    expect(table.get_by_role("link", name=DECCAN_HI)).to_have_attribute("href", f"/hi/institutions/{DECCAN}/")
    expect(page.get_by_role("button", name=f"हटाएँ: {DECCAN_HI}")).to_be_visible()
    expect(page.locator(".badge").first).to_have_text("सबसे अच्छा")
    no_english_runs(page)


def test_save_and_compare_from_a_hindi_card(page: Page, sample_server: str) -> None:
    page.goto(sample_server + "/hi/cities/pune/")
    card = page.locator("#listing-static .card", has=page.get_by_role("link", name=DECCAN_HI))
    save = card.get_by_role("button", name=f"सहेजें: {DECCAN_HI}")
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(card.get_by_role("status")).to_have_text("आपकी शॉर्टलिस्ट में सहेज लिया।")
    for link in page.locator("#listing-static .card h3 a").all()[:2]:
        page.get_by_role("button", name=f"तुलना में जोड़ें: {link.inner_text()}").click()
    now = card.get_by_role("link", name="अब 2 की तुलना करें")
    expect(now).to_have_attribute("href", re.compile(r"^/hi/compare/\?i="))
    no_english_runs(page)

    page.goto(sample_server + "/hi/shortlist/")
    expect(page.locator("#shortlist-status")).to_have_text("आपने 1 संस्थान सहेजा है।")
    saved = page.locator("#shortlist .card")
    expect(saved.get_by_role("link", name=DECCAN_HI)).to_have_attribute("href", f"/hi/institutions/{DECCAN}/")
    expect(saved.locator("p.muted")).to_have_text("कॉलेज · पुणे, महाराष्ट्र")
    expect(page.locator("#shortlist-compare")).to_have_attribute("href", re.compile(r"^/hi/compare/\?i="))
    no_english_runs(page)


@pytest.mark.parametrize("path", ["/cities/pune/", "/search/", "/compare/", "/institutions/" + DECCAN + "/"])
def test_english_pages_carry_no_script_text(page: Page, sample_server: str, path: str) -> None:
    page.goto(sample_server + path)
    expect(page.locator("#ui-text")).to_have_count(0)
    page.goto(sample_server + "/hi" + path)
    expect(page.locator("#ui-text")).to_have_count(1)

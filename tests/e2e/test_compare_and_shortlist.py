"""On a phone, as a student and a parent use it: compare three institutions, keep a shortlist, read every fee,
and a consent banner that never hides what has focus."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from careermitra.site.builder.formatting import inr
from tests.support.sample import INSTITUTIONS, REVIEWS

pytestmark = pytest.mark.browser

MOST_REVIEWED = max(REVIEWS, key=lambda slug: len(REVIEWS[slug]))
THREE = ["deccan-institute-of-technology", "sahyadri-university", "kayal-medical-college"]
PHONE = {"width": 360, "height": 640}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 360 x 640 phone whose visitor has already answered the consent banner (it has its own test)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script("document.cookie = 'cm_consent=rejected.x; path=/'")
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not errors, f"the page logged errors: {errors}"


def no_sideways_scrolling(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]  # type: ignore[index]


def test_compare_three_institutions_on_a_360_px_phone(phone: Page, sample_server: str) -> None:
    # Given three institution pages, each added to compare with its button
    for slug in THREE:
        phone.goto(f"{sample_server}/institutions/{slug}/")
        phone.get_by_role("button", name=re.compile(r"^Add to compare")).click()
        expect(phone.get_by_role("button", name=re.compile(r"^Add to compare"))).to_have_attribute(
            "aria-pressed", "true")
    # When the student follows "Compare 3 now"
    phone.get_by_role("link", name="Compare 3 now").click()
    expect(phone).to_have_url(re.compile(r"/compare/\?i=" + ",".join(THREE) + "$"))
    table = phone.locator("table.compare-table")
    expect(table).to_be_visible()
    # Then every institution's figures are on screen, stacked, with no sideways scrolling
    no_sideways_scrolling(phone)
    deccan = INSTITUTIONS["deccan-institute-of-technology"]
    fee = phone.get_by_text(inr(deccan.courses[0].fees_inr), exact=False).first
    fee.scroll_into_view_if_needed()
    expect(fee).to_be_in_viewport()
    box = fee.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    for slug in THREE:
        name = INSTITUTIONS[slug].name
        cells = table.locator(f'td[data-label="{name}"]')
        assert cells.count() > 20
    # each figure with where it comes from, and the best of a row marked in words
    expect(table.get_by_text("Verified by our editors against").first).to_be_attached()
    expect(table.get_by_text("Self-reported, 2025").first).to_be_attached()
    nirf = table.locator("tr", has=phone.get_by_role("rowheader", name="NIRF rank"))
    best = min((INSTITUTIONS[s].approvals.nirf_rank or 10**6, s) for s in THREE)[1]
    expect(nirf.locator("td.best")).to_have_attribute("data-label", INSTITUTIONS[best].name)
    expect(nirf.locator("td.best")).to_contain_text("best")
    # NAAC, NIRF and the ratings carry their sources too
    naac = table.locator("tr", has=phone.get_by_role("rowheader", name="NAAC grade"))
    expect(naac.locator(f'td[data-label="{deccan.name}"]')).to_contain_text("NAAC accreditation certificate")
    expect(nirf.locator(f'td[data-label="{deccan.name}"] a[href="https://www.nirfindia.org/"]')).to_be_visible()
    counts = table.locator("tr", has=phone.get_by_role("rowheader", name="Reviews"))
    expect(counts.locator(f'td[data-label="{deccan.name}"]')).to_contain_text(
        f"From {len(REVIEWS['deccan-institute-of-technology'])} reviews on this site")
    # and one can be taken out, on the phone too
    phone.get_by_role("button", name=f"Remove: {INSTITUTIONS[THREE[2]].name}").click()
    expect(phone).to_have_url(re.compile(r"/compare/\?i=" + ",".join(THREE[:2]) + "$"))
    expect(table.locator("thead th[scope=col]")).to_have_count(1 + 2)


def test_compare_is_printable_and_takes_at_most_four(page: Page, sample_server: str) -> None:
    slugs = sorted(INSTITUTIONS)[:5]
    page.goto(f"{sample_server}/compare/?i={','.join(slugs)}")
    expect(page.locator("table.compare-table thead th[scope=col]")).to_have_count(1 + 4)
    page.emulate_media(media="print")
    expect(page.locator("header.top")).to_be_hidden()
    expect(page.get_by_role("button", name=re.compile("^Remove")).first).to_be_hidden()
    expect(page.locator("table.compare-table")).to_be_visible()


def test_save_then_reopen_the_shortlist(phone: Page, sample_server: str) -> None:
    # Given a student who saves two institutions, one from its page and one from a listing card
    phone.goto(f"{sample_server}/institutions/{THREE[0]}/")
    phone.get_by_role("button", name=re.compile(r"^Save")).click()
    expect(phone.get_by_role("status").filter(has_text="Saved to your shortlist")).to_be_visible()
    phone.goto(f"{sample_server}/cities/pune/")
    sahyadri = INSTITUTIONS[THREE[1]].name
    phone.get_by_role("button", name=f"Save: {sahyadri}").first.click()
    # When they come back later and open the shortlist
    phone.goto(f"{sample_server}/")
    phone.get_by_role("link", name="Shortlist").click()
    shortlist = phone.locator("#shortlist")
    # Then both are listed with their place and fees, and nothing was sent anywhere but this site
    expect(shortlist.get_by_role("link", name=INSTITUTIONS[THREE[0]].name)).to_be_visible()
    expect(shortlist.get_by_role("link", name=sahyadri)).to_be_visible()
    expect(shortlist).to_contain_text("Tuition ")
    no_sideways_scrolling(phone)
    phone.reload()
    expect(shortlist.locator("li")).to_have_count(2)
    # and removing one keeps the other, also after a reload
    phone.get_by_role("button", name=f"Remove: {sahyadri}").click()
    phone.reload()
    expect(shortlist.locator("li")).to_have_count(1)
    phone.get_by_role("link", name="Compare these").click()
    expect(phone).to_have_url(re.compile(rf"/compare/\?i={THREE[0]}$"))


def test_cards_drawn_by_the_filters_and_the_search_have_the_same_buttons(phone: Page, sample_server: str) -> None:
    # Given a filtered listing, whose cards the script draws, and a search, whose results it draws
    deccan, sahyadri = (INSTITUTIONS[slug].name for slug in THREE[:2])
    phone.goto(f"{sample_server}/courses/b-tech/?sort=fees")
    card = phone.locator("#filter-list .card", has=phone.get_by_role("link", name=deccan, exact=True))
    # When the student adds one to compare and saves it from its card
    card.get_by_role("button", name=f"Add to compare: {deccan}").click()
    card.get_by_role("button", name=f"Save: {deccan}").click()
    expect(card.get_by_role("button", name=f"Save: {deccan}")).to_have_attribute("aria-pressed", "true")
    expect(card.get_by_role("status")).to_have_text("Saved to your shortlist.")
    # and adds another from a search result
    phone.goto(f"{sample_server}/search/?q=Sahyadri")
    result = phone.locator("#search-results .card", has=phone.get_by_role("link", name=sahyadri, exact=True))
    result.get_by_role("button", name=f"Add to compare: {sahyadri}").click()
    expect(result.get_by_role("button", name=f"Add to compare: {sahyadri}")).to_have_attribute(
        "aria-pressed", "true")
    # Then both lists hold them, and the result card leads to comparing the two
    result.get_by_role("link", name="Compare 2 now").click()
    expect(phone).to_have_url(re.compile(rf"/compare/\?i={THREE[0]},{THREE[1]}$"))
    phone.goto(f"{sample_server}/shortlist/")
    expect(phone.locator("#shortlist").get_by_role("link", name=deccan)).to_be_visible()


def test_the_buttons_need_script_and_are_absent_without_it(browser: Browser, sample_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{sample_server}/institutions/{THREE[0]}/")
    expect(page.get_by_role("button", name=re.compile("Add to compare"))).to_have_count(0)
    page.goto(f"{sample_server}/compare/?i={THREE[0]}")
    expect(page.get_by_text("Comparing runs in your browser and needs JavaScript")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [320, 360, 390])
def test_every_fee_is_visible_on_a_phone_without_sideways_scrolling(browser: Browser, sample_server: str,
                                                                   width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(f"{sample_server}/institutions/{MOST_REVIEWED}/")
    no_sideways_scrolling(page)
    fees = page.locator("table.courses td[data-label='Annual fees']")
    courses = INSTITUTIONS[MOST_REVIEWED].courses
    expect(fees).to_have_count(len(courses))
    for index, course in enumerate(courses):
        cell = fees.nth(index)
        cell.scroll_into_view_if_needed()
        expect(cell).to_contain_text(inr(course.fees_inr))
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (course.title, box)
    # the label is read with each figure, since the column headings are not shown on a narrow screen
    label = fees.first.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Annual fees"'
    context.close()


def test_the_consent_banner_is_small_and_never_hides_the_focused_element(browser: Browser,
                                                                        sample_server: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{sample_server}/institutions/{MOST_REVIEWED}/")
    banner = page.get_by_role("region", name="May we count your visit?")
    expect(banner).to_be_visible()
    box = banner.bounding_box()
    assert box is not None
    assert box["width"] * box["height"] < 0.25 * PHONE["width"] * PHONE["height"], box
    content = page.locator("main h1").bounding_box()
    text = banner.locator("p").bounding_box()
    assert content is not None and text is not None and abs(text["x"] - content["x"]) <= 1  # aligned with the page
    # Tabbing through the whole page: each focused element outside the banner is above it, never under it
    for _ in range(400):
        page.keyboard.press("Tab")
        inside, rect = page.evaluate("""() => {
            const el = document.activeElement;
            const r = el.getBoundingClientRect();
            return [!!el.closest('#consent-banner'), {top: r.top, bottom: r.bottom}];
        }""")
        if inside:
            break
        assert rect["bottom"] <= box["y"] + 0.5, rect
    else:
        pytest.fail("keyboard focus never reached the consent banner")
    context.close()

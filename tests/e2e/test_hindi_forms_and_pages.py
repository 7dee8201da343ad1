"""Issue 16 in Chromium: the Hindi editorial and form pages pass axe, and a form filled in on the Hindi site, by its
Hindi labels, leads to the Hindi result page."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.support.stack import RunningStack, fill_slowly, register_and_sign_in

pytestmark = pytest.mark.browser

# A page of each kind: forms (signed out and signed in), the policy and an earlier, English-only version of it,
# the code of practice, a result page and an error page.
HINDI_PAGES = ["/hi/account/", "/hi/contact/", "/hi/sign-in/", "/hi/privacy/request/", "/hi/reviews/report/",
               "/hi/cookies/", "/hi/privacy-policy/", "/hi/privacy-policy/versions/1.0/", "/hi/how-reviews-work/",
               "/hi/contact/thanks/", "/hi/form-error/invalid/"]


@pytest.mark.parametrize("path", HINDI_PAGES)
def test_a_hindi_page_passes_axe(stack: RunningStack, page: Page, path: str) -> None:
    page.goto(stack.url + path)
    if path == "/hi/account/":
        page.locator("details.confirm-delete summary").click()  # the deletion step's form, too
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("html").get_attribute("lang") == "hi-IN"


def test_the_hindi_contact_form_leads_to_the_hindi_thank_you_page(stack: RunningStack, page: Page) -> None:
    page.goto(stack.url + "/hi/contact/")
    page.get_by_label("आपका नाम").fill("Meera Iyer")
    page.get_by_label("ईमेल", exact=True).fill("meera.iyer.hindi@example.com")
    page.get_by_label("किस बारे में है?").select_option("question")
    page.get_by_label("विषय").fill("हिंदी में फ़ीस की जानकारी")
    page.get_by_label("संदेश").fill("क्या संस्थानों की फ़ीस हर साल बदली जाती है? कृपया बताइए।")
    fill_slowly(page)
    page.get_by_role("button", name="भेजें").click()
    expect(page).to_have_url(re.compile(r"/hi/contact/thanks/\?ticket=CM-\w+$"))
    expect(page.locator("html")).to_have_attribute("lang", "hi-IN")


def test_the_hindi_sign_in_form_leads_to_the_hindi_check_your_email_page(stack: RunningStack, page: Page) -> None:
    page.goto(stack.url + "/hi/sign-in/")
    page.get_by_label("ईमेल").fill("nobody.hindi@example.com")
    fill_slowly(page)
    page.get_by_role("button", name="मुझे साइन इन का लिंक भेजें").click()
    expect(page).to_have_url(re.compile(r"/hi/account/check-email/$"))


def test_the_hindi_cookie_settings_without_javascript_lead_to_the_hindi_result_page(
        stack: RunningStack, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(stack.url + "/hi/cookies/")
    page.get_by_role("button", name="एनालिटिक्स अस्वीकार करें").click()
    try:
        expect(page).to_have_url(re.compile(r"/hi/cookies/saved/\?choice=rejected$"), timeout=5000)
    finally:
        context.close()


def without_referer(page: Page) -> None:
    """Posts to the API leave out the Referer, as some browsers and privacy extensions do: the form's own `lang`
    must say the page's language."""
    page.route("**/api/**", lambda route: route.continue_(
        headers={name: value for name, value in route.request.headers.items() if name != "referer"}))


def test_signing_out_on_a_hindi_page_leads_to_the_hindi_page_with_and_without_javascript(
        stack: RunningStack, browser: Browser) -> None:
    scripted = browser.new_context()
    page = scripted.new_page()
    register_and_sign_in(page, stack, "Kavya Nair", "kavya.nair.hindi@example.com", "9123456780", "Kochi")
    plain = browser.new_context(java_script_enabled=False, storage_state=scripted.storage_state())
    try:
        # Without script: the account page's button (the header's shows only with script).
        no_script = plain.new_page()
        without_referer(no_script)
        no_script.goto(stack.url + "/hi/account/")
        no_script.get_by_role("main").get_by_role("button", name="साइन आउट").click()
        expect(no_script).to_have_url(re.compile(r"/hi/account/signed-out/$"))
        # With script: the header's button on any Hindi page.
        register_and_sign_in(page, stack, "Kavya Nair", "kavya.nair.hindi@example.com", "9123456780", "Kochi")
        without_referer(page)
        page.goto(stack.url + "/hi/cookies/")
        page.get_by_role("banner").get_by_role("button", name="साइन आउट").click()
        expect(page).to_have_url(re.compile(r"/hi/account/signed-out/$"))
    finally:
        plain.close()
        scripted.close()


@pytest.mark.parametrize("scripted", [True, False], ids=["with script", "without script"])
def test_a_hindi_visitor_reads_the_aws_404_page_in_hindi_first(stack: RunningStack, browser: Browser,
                                                                 scripted: bool) -> None:
    # As CloudFront answers: /404.html, whatever the missing path (template.yaml, CustomErrorResponses).
    context = browser.new_context(java_script_enabled=scripted)
    page = context.new_page()
    error_page = (stack.output / "404.html").read_text(encoding="utf-8")
    page.route("**/no-such-page/", lambda route: route.fulfill(status=404, body=error_page,
                                                                content_type="text/html; charset=utf-8"))
    try:
        page.goto(stack.url + "/hi/no-such-page/")
        halves = page.locator("[data-not-found] > section")
        expect(halves).to_have_count(2)
        hindi = page.locator('[data-not-found] > section[lang="hi-IN"]')
        expect(hindi.get_by_role("link", name="होम पेज")).to_have_attribute("href", "/hi/")
        if scripted:
            expect(halves.first).to_have_attribute("lang", "hi-IN")
            expect(page.get_by_role("heading", level=1)).to_have_text("हमें वह पेज नहीं मिला")
            expect(page).to_have_title("पेज नहीं मिला · Career Mitra")
        else:  # both halves, English first
            expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
            expect(hindi.get_by_role("heading", level=2)).to_have_text("हमें वह पेज नहीं मिला")
        page.goto(stack.url + "/no-such-page/")  # an English visitor: English first, as before
        expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
        expect(halves.first).not_to_have_attribute("lang", "hi-IN")
    finally:
        context.close()

"""The site's forms and the API agree: every field a form sends is one the API accepts, every page it sends
people to exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careermitra.api.answers import ERROR_PAGE, STATUS_OF
from careermitra.api.form_specs import FORMS, FormSpec
from careermitra.domain.review_submission import ReviewSubmission
from careermitra.i18n import Language, localized_url
from tests.site.html import main_of

GUARD_FIELDS = {"fax_number", "form_token"}  # the honeypot, and the token the script adds


def form_fields(html: str, action: str) -> tuple[dict[str, str], set[str]]:
    """The attributes of the form posting to `action`, and the names of its controls."""
    match = re.search(rf'<form ([^>]*action="{re.escape(action)}"[^>]*)>(.*?)</form>', html, flags=re.S)
    assert match, f"no form posts to {action}"
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1)))
    return attributes, set(re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', match.group(2)))


def top_level(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names} - GUARD_FIELDS


# The page of each form with fields (the review form is on its own page; the institution page's fold reads it
# from there when opened, review-fold.js).
PAGES = {"register": ["account/register/index.html"],
         "review": ["institutions/alpha-college/write-review/index.html"],
         "listing": ["listings/new/index.html"], "contact": ["contact/index.html"],
         "privacy": ["privacy/request/index.html"], "policy": ["account/accept-policy/index.html"],
         "logout": ["account/index.html"], "sign_in": ["sign-in/index.html"],
         "report": ["reviews/report/index.html"], "reply": ["reviews/reply/index.html"],
         "confirm-address": ["institutions/alpha-college/write-review/index.html"]}
# "Your account" (issue 15): signed-in forms without honeypot or token (no bot signs in).
PAGES |= {"details": ["account/index.html"], "nominee": ["account/index.html"],
          "nominee-withdraw": ["account/index.html"], "delete-account": ["account/index.html"]}
ACCOUNT_FORMS = [FORMS[name] for name in ("details", "nominee", "delete-account")]
FIELD_FORMS = [(spec, page) for spec in FORMS.values() if spec.screened for page in PAGES[spec.name]]


def test_every_form_with_a_page_is_checked() -> None:
    assert set(PAGES) == {name for name, spec in FORMS.items() if name != "consent"}  # consent: its own test


@pytest.mark.parametrize(("spec", "page"), FIELD_FORMS, ids=[f"{spec.name}:{page}" for spec, page in FIELD_FORMS])
def test_form_sends_only_fields_the_api_accepts(fixture_site: Path, spec: FormSpec, page: str) -> None:
    attributes, names = form_fields((fixture_site / page).read_text(encoding="utf-8"), spec.path)
    assert spec.model is not None
    accepted = set(spec.model.model_fields) - {"slug"}
    assert top_level(names) <= accepted, top_level(names) - accepted
    required = {name for name, info in spec.model.model_fields.items() if info.is_required()} - {"slug"}
    assert required <= top_level(names), required - top_level(names)
    assert "fax_number" in names
    assert attributes["data-form"] == spec.name
    assert attributes["data-done"] == spec.done_page


def test_the_sign_out_form_is_the_logout_form_spec(fixture_site: Path) -> None:
    spec = FORMS["logout"]
    attributes, names = form_fields((fixture_site / PAGES["logout"][0]).read_text(encoding="utf-8"), spec.path)
    # Only its page's language: signing out on a Hindi page leads to the Hindi page, Referer or not.
    assert (attributes["data-form"], attributes["data-done"], names) == (spec.name, spec.done_page, {"lang"})


# The forms of the editorial pages (Pelican's templates); the builder's pages (register, review, listing) have
# theirs checked with those pages.
EDITORIAL_FORMS = {"contact", "privacy", "policy", "logout", "sign_in", "report", "reply", "details", "nominee",
                   "nominee-withdraw", "delete-account"}
PAGE_FORMS = [(spec, page) for name in sorted(EDITORIAL_FORMS) for spec in [FORMS[name]] for page in PAGES[name]]


@pytest.mark.parametrize(("spec", "page"), PAGE_FORMS, ids=[f"{spec.name}:{page}" for spec, page in PAGE_FORMS])
def test_a_form_on_a_hindi_page_sends_the_same_fields_and_leads_to_the_hindi_result_page(
        fixture_site: Path, spec: FormSpec, page: str) -> None:
    english = form_fields(main_of((fixture_site / page).read_text(encoding="utf-8")), spec.path)
    attributes, names = form_fields(main_of((fixture_site / "hi" / page).read_text(encoding="utf-8")), spec.path)
    assert names == english[1]
    assert attributes["data-form"] == spec.name
    assert attributes["data-done"] == localized_url(spec.done_page, Language.HI) == "/hi" + spec.done_page
    assert (fixture_site / attributes["data-done"].lstrip("/") / "index.html").is_file()


def test_review_form_sends_every_aspect(fixture_site: Path) -> None:
    _, names = form_fields((fixture_site / "institutions/alpha-college/write-review/index.html").read_text(
        encoding="utf-8"), "/api/reviews")
    assert {f"aspects.{aspect}" for aspect in ReviewSubmission.model_fields["aspects"].annotation.model_fields} \
        <= names


def test_every_page_the_api_sends_people_to_exists(fixture_site: Path) -> None:
    from careermitra.api.routes.privacy import CONFIRM_PAGE, RESULT_PAGES
    from careermitra.api.signed_in import ACCEPT_POLICY_PAGE

    pages = [*(spec.done_page for spec in FORMS.values()),
             *(ERROR_PAGE.format(code=code.replace("_", "-")) for code in STATUS_OF),
             "/account/verified/", "/account/link-expired/", CONFIRM_PAGE, *RESULT_PAGES.values(),
             ACCEPT_POLICY_PAGE, "/cookies/"]
    # A form on a Hindi page is sent to the same pages under /hi/ (issue 16).
    every = [localized_url(url, lang) for url in pages for lang in Language]
    missing = [url for url in every if not (fixture_site / url.lstrip("/") / "index.html").is_file()]
    assert not missing


def test_result_pages_are_kept_out_of_search_engines(fixture_site: Path) -> None:
    html = (fixture_site / "reviews/thanks/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "/reviews/thanks/" not in (fixture_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_consent_forms_send_the_choice_the_api_accepts(fixture_site: Path) -> None:
    from typing import get_args

    consent = FORMS["consent"]
    assert consent.model is not None
    choices = set(get_args(consent.model.model_fields["choice"].annotation))
    for page in ("cookies/index.html", "index.html"):
        html = (fixture_site / page).read_text(encoding="utf-8")
        _, names = form_fields(html, consent.path)
        # The choice is the pressed button's value; "I am 18 or older" is the box accepting needs.
        assert names == {"adult", "lang"} <= set(consent.model.model_fields) and "data-consent" in html
        buttons = re.findall(r'<button type="submit" name="choice" value="(\w+)">', html)
        assert set(buttons) == choices == {"accept", "reject"}


def test_the_privacy_confirmation_page_posts_to_the_api_and_the_policy_links_the_request_form(
        fixture_site: Path) -> None:
    attributes, names = form_fields((fixture_site / "privacy/confirm/index.html").read_text(encoding="utf-8"),
                                    "/api/privacy-requests/confirm")
    assert attributes["method"] == "post" and names == {"lang"}
    footer = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert 'href="/cookies/">Cookie settings</a>' in footer and 'href="/privacy/request/"' in footer


@pytest.mark.parametrize("spec", ACCOUNT_FORMS, ids=[spec.name for spec in ACCOUNT_FORMS])
def test_the_account_forms_send_what_their_models_need(fixture_site: Path, spec: FormSpec) -> None:
    attributes, names = form_fields((fixture_site / PAGES[spec.name][0]).read_text(encoding="utf-8"), spec.path)
    assert spec.model is not None and not spec.screened
    required = {name for name, info in spec.model.model_fields.items() if info.is_required()}
    assert required <= names <= set(spec.model.model_fields)
    assert (attributes["data-form"], attributes["data-done"]) == (spec.name, spec.done_page)

"""Forms posted without JavaScript: every answer is a 303 to a page of the site."""

from __future__ import annotations

import pytest

from tests.support.api import Api, registration, review, sent_mail

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")


def test_the_register_form_lands_on_the_check_your_email_page(api: Api) -> None:
    fields = {**registration(), "consent": "on"}
    answer = api.submit("register", "/api/register", fields, as_form=True)
    assert (answer.status, answer.location) == (303, "/account/check-email/")
    assert len(sent_mail()) == 1


def test_a_form_with_mistakes_gets_a_page_listing_the_fields_to_fix_and_linking_back(api: Api) -> None:
    # Issue 14: a static error page cannot say which fields without script, so the API's answer does.
    fields = {**registration(phone="12345"), "consent": ""}
    answer = api.submit("register", "/api/register", fields, as_form=True,
                        headers={"Referer": "https://careermitra.in/account/register/?from=header"})
    assert answer.status == 422
    assert answer.headers["Content-Type"].startswith("text/html")
    assert "<li>Mobile number: enter a 10-digit Indian mobile number" in answer.body
    assert "<li>Agreement to the privacy policy: tick the box to agree" in answer.body
    assert '<a href="/account/register/?from=header">Go back to the form</a>' in answer.body
    assert "12345" not in answer.body  # what was typed is not echoed
    assert sent_mail() == []


@pytest.mark.parametrize("referer", [None, "https://evil.example/account/register/", "https://careermitra.in//evil"])
def test_the_link_back_goes_to_the_forms_page_when_the_referer_is_missing_or_foreign(api: Api,
                                                                                    referer: str | None) -> None:
    answer = api.submit("register", "/api/register", {**registration(phone="12345"), "consent": "on"}, as_form=True,
                        headers={"Referer": referer})
    assert '<a href="/account/register/">Go back to the form</a>' in answer.body


def test_a_review_form_with_mistakes_names_each_aspect_once_in_plain_words(api: Api) -> None:
    from tests.support.api import sign_in

    cookie = sign_in(api)
    fields = {**review(title="a"), **{f"aspects.{name}": "" for name in review()["aspects"]}}
    del fields["aspects"]
    answer = api.submit("review", "/api/reviews", fields, as_form=True, cookie=cookie)
    assert answer.status == 422
    for label in ("Faculty", "Infrastructure", "Placements", "Campus life", "Value for money"):
        assert answer.body.count(f"<li>{label}: choose a rating from 1 to 5.</li>") == 1
    assert "<li>Title: write at least 3 characters.</li>" in answer.body
    assert "Input should" not in answer.body and "String should" not in answer.body


def test_a_review_form_without_signing_in_lands_on_the_sign_in_required_page(api: Api) -> None:
    answer = api.submit("review", "/api/reviews", review(), as_form=True)
    assert answer.location == "/form-error/not-signed-in/?form=review"


def test_a_script_posting_form_fields_can_ask_for_json(api: Api) -> None:
    fields = {**registration(phone="12345"), "consent": "on", "form_token": api.form_token("register")}
    answer = api.request("POST", "/api/register", form=fields, headers={"Accept": "application/json"})
    assert answer.status == 422
    assert set(answer.json()["error"]["fields"]) == {"phone"}


@pytest.mark.parametrize(("sample", "status", "location"), [
    ("register-json.json", 202, ""),
    ("register-form.json", 303, "/account/check-email/"),
    ("contact-form.json", 303, "/contact/thanks/?ticket=CM-"),
    ("verify.json", 303, "/account/link-expired/"),
])
def test_the_sample_events_are_answered_as_documented(api: Api, handler: object, sample: str, status: int,
                                                       location: str) -> None:
    import json

    from tests.backend.template import ROOT
    from tests.support.api import ORIGIN_SECRET, LambdaContext

    event = json.loads((ROOT / "events" / sample).read_text(encoding="utf-8"))
    event["headers"]["X-Origin-Verify"] = ORIGIN_SECRET  # the samples hold a placeholder for the stack's secret
    answer = handler(event, LambdaContext())  # type: ignore[operator]
    assert answer["statusCode"] == status
    assert (answer.get("multiValueHeaders", {}).get("Location") or [""])[0].startswith(location)

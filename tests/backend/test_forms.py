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


def test_a_form_with_mistakes_lands_on_the_error_page_naming_the_fields(api: Api) -> None:
    fields = {**registration(phone="12345"), "consent": ""}
    answer = api.submit("register", "/api/register", fields, as_form=True)
    assert answer.status == 303
    assert answer.location == "/form-error/invalid/?form=register&fields=phone%2Cconsent"


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

"""The abuse rules, one test each: honeypot, fill time, rate limits, size, fields, content type, origin, CORS."""

from __future__ import annotations

import json

import boto3
import pytest

from careermitra.api.form_specs import FORMS
from careermitra.domain.abuse import WITHOUT_FORM_TOKEN
from tests.support.api import (
    OTHER_IP,
    REGION,
    SITE,
    Api,
    contact_message,
    listing,
    registration,
    sent_mail,
    sign_in,
)

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")


def count(table: str) -> int:
    return len(boto3.resource("dynamodb", region_name=REGION).Table(f"test-{table}").scan()["Items"])


def limit(form: str, per: str) -> int:
    return next(rule.limit for rule in FORMS[form].limits_per(per))


def test_a_bot_that_fills_the_honeypot_is_told_it_worked_but_nothing_is_stored_or_sent(api: Api) -> None:
    fields = {**contact_message(), "form_token": api.form_token("contact"), "fax_number": "+1 555 0100"}
    answer = api.request("POST", "/api/contact", json_body=fields)
    assert answer.status == 202
    assert answer.json()["ticket"].startswith("CM-")
    assert count("TicketsTable") == 0
    assert sent_mail() == []


def test_a_form_sent_faster_than_a_person_can_fill_it_is_refused(api: Api) -> None:
    token = api.request("GET", "/api/form-token", query={"form": "contact"}).json()["token"]
    api.clock.advance(seconds=1)
    answer = api.request("POST", "/api/contact", json_body={**contact_message(), "form_token": token})
    assert answer.status == 422
    assert "form_token" in answer.json()["error"]["fields"]
    assert count("TicketsTable") == 0


@pytest.mark.parametrize("tamper", ["forged", "other form", "a day old"])
def test_a_forged_foreign_or_stale_form_token_is_refused(api: Api, tamper: str) -> None:
    token = api.request("GET", "/api/form-token", query={"form": "register" if tamper == "other form" else "contact"})
    value = token.json()["token"]
    if tamper == "forged":
        value = value.rsplit(".", 1)[0] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    api.clock.advance(days=1, seconds=1) if tamper == "a day old" else api.clock.advance(seconds=10)
    answer = api.request("POST", "/api/contact", json_body={**contact_message(), "form_token": value})
    assert answer.status == 422
    assert answer.json()["error"]["fields"]["form_token"].startswith("this form has expired")


def test_the_form_token_endpoint_only_knows_the_site_s_forms(api: Api) -> None:
    answer = api.request("GET", "/api/form-token", query={"form": "admin"})
    assert answer.status == 422


def test_too_many_submissions_from_one_ip_get_429_with_retry_after(api: Api) -> None:
    allowed = limit("contact", "ip")
    for number in range(allowed):
        message = contact_message(email=f"person{number}@example.org", subject=f"Question {number}")
        assert api.submit("contact", "/api/contact", message).status == 202
    answer = api.submit("contact", "/api/contact", contact_message(subject="One more"))
    assert answer.status == 429
    assert answer.json()["error"]["code"] == "rate_limited"
    assert 0 < int(answer.headers["Retry-After"]) <= 3600
    # Another address is not affected
    assert api.submit("contact", "/api/contact", contact_message(subject="From home"), ip=OTHER_IP).status == 202


def test_too_many_listing_requests_from_one_person_get_429(api: Api) -> None:
    cookie = sign_in(api)
    for number in range(limit("listing", "user")):
        proposal = listing(name=f"Kaveri College Number {number}")
        assert api.submit("listing", "/api/listings", proposal, cookie=cookie).status == 202
    answer = api.submit("listing", "/api/listings", listing(name="Kaveri College Again"), cookie=cookie,
                        ip=OTHER_IP)
    assert answer.status == 429
    assert int(answer.headers["Retry-After"]) > 0


def test_too_many_registrations_for_one_email_get_429(api: Api) -> None:
    for number in range(limit("register", "email")):
        assert api.submit("register", "/api/register", registration(), ip=f"192.0.2.{number + 1}").status == 202
    assert api.submit("register", "/api/register", registration(), ip=OTHER_IP).status == 429


def test_forms_sent_without_a_fill_time_token_have_a_tighter_limit(api: Api) -> None:
    for number in range(WITHOUT_FORM_TOKEN.limit):
        message = contact_message(email=f"person{number}@example.org", subject=f"Question {number}")
        assert api.request("POST", "/api/contact", form=message).status == 303
    answer = api.request("POST", "/api/contact", form=contact_message(subject="One more"))
    assert answer.status == 303
    assert answer.location.startswith("/form-error/rate-limited/?form=contact")
    assert "Retry-After" in answer.headers


def test_a_body_over_the_size_limit_gets_413(api: Api) -> None:
    answer = api.request("POST", "/api/contact", json_body=contact_message(message="x" * 40_000))
    assert answer.status == 413
    assert answer.json()["error"]["code"] == "too_large"


def test_an_unknown_field_gets_422_naming_it(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(is_admin=True))
    assert answer.status == 422
    assert answer.json()["error"]["fields"] == {
        "is_admin": "Is admin: this form has no such field; reload the page and send the form again."}


@pytest.mark.parametrize("content_type", ["text/plain", "multipart/form-data; boundary=x", None])
def test_a_body_that_is_neither_json_nor_a_form_gets_415(api: Api, content_type: str | None) -> None:
    answer = api.request("POST", "/api/contact", raw=json.dumps(contact_message()), content_type=content_type)
    assert answer.status == 415
    assert answer.json()["error"]["code"] == "unsupported_media_type"


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]"])
def test_a_malformed_json_body_gets_400(api: Api, raw: str) -> None:
    answer = api.request("POST", "/api/contact", raw=raw, content_type="application/json")
    assert answer.status == 400
    assert answer.json()["error"]["code"] == "bad_request"


def test_a_base64_encoded_body_from_api_gateway_is_read(api: Api) -> None:
    fields = {**contact_message(), "form_token": api.form_token("contact")}
    answer = api.request("POST", "/api/contact", raw=json.dumps(fields), content_type="application/json",
                         base64_body=True)
    assert answer.status == 202


def test_a_post_from_another_site_is_refused_with_403(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(), headers={"Origin": "https://evil.example"})
    assert answer.status == 403
    assert count("TicketsTable") == 0


def test_cors_allows_only_the_site_s_own_origin(api: Api) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    own = api.request("OPTIONS", "/api/contact", headers={"Origin": SITE, **preflight})
    foreign = api.request("OPTIONS", "/api/contact", headers={"Origin": "https://evil.example", **preflight})
    assert own.headers.get("Access-Control-Allow-Origin") == SITE
    assert "Access-Control-Allow-Origin" not in foreign.headers


def test_an_unknown_api_path_gets_404_in_the_error_shape(api: Api) -> None:
    answer = api.request("GET", "/api/admin")
    assert answer.status == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_a_failure_of_ours_is_a_500_in_the_error_shape_and_keeps_nothing_personal(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from careermitra.workflows import contact

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database down while storing priya.sharma@example.in")

    monkeypatch.setattr("careermitra.api.routes.contact.open_ticket", broken)
    assert contact.open_ticket is not broken
    answer = api.submit("contact", "/api/contact", contact_message())
    assert answer.status == 500
    assert answer.json()["error"]["code"] == "internal"

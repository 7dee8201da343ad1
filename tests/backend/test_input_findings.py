"""Issue 12's input findings, one test each: bad input is refused with the JSON error shape (never a 5xx, never
stored), and nothing a sender wrote travels on in a mail header or an acknowledgement."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3
import pytest

from careermitra.site.builder.content import parse_institution
from careermitra.workflows.moderation import Moderation
from tests.support.api import REGION, Api, contact_message, listing, registration, review, sent_mail, sign_in
from tests.support.cli import cli

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")

# Every route that reads a body, and whether it needs a signed-in sender to get as far as reading it.
BODY_ROUTES = {"/api/register": False, "/api/reviews": True, "/api/listings": True, "/api/contact": False,
               "/api/privacy-requests": False, "/api/policy-consent": True, "/api/consent": False,
               "/api/events": False}
TABLES = ("UsersTable", "ReviewsTable", "ListingsTable", "TicketsTable", "AnalyticsTable")


def stored(table: str) -> list[dict[str, Any]]:
    return boto3.resource("dynamodb", region_name=REGION).Table(f"test-{table}").scan()["Items"]


def assert_error_shape(answer: Any, *statuses: int) -> dict[str, Any]:
    assert answer.status in statuses, (answer.status, answer.body)
    error: dict[str, Any] = answer.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    return error


@pytest.mark.parametrize("depth", [1000, 500, 11])
@pytest.mark.parametrize("path", sorted(BODY_ROUTES))
def test_json_nested_a_thousand_deep_is_a_400_not_a_recursion_error(api: Api, path: str, depth: int) -> None:
    cookie = sign_in(api) if BODY_ROUTES[path] else None
    deep = '{"name": ' + "[" * depth + "]" * depth + "}"
    answer = api.request("POST", path, raw=deep, content_type="application/json", cookie=cookie,
                         headers={"Accept": "application/json"})
    assert_error_shape(answer, 400, 413)
    assert all(stored(table) == [] for table in TABLES if table != "UsersTable")


def test_a_form_with_more_than_200_fields_is_a_400_naming_the_limit(api: Api) -> None:
    fields = {**registration(), **{f"extra_{chr(97 + i // 26)}{chr(97 + i % 26)}": "x" for i in range(201)}}
    answer = api.request("POST", "/api/register", form=fields, headers={"Accept": "application/json"})
    error = assert_error_shape(answer, 400)
    assert "200" in error["message"]
    assert stored("UsersTable") == []


def test_an_invalid_body_is_refused_before_the_honeypot_and_the_rate_limit(api: Api) -> None:
    trap = {**registration(phone="12"), "fax_number": "bot"}
    for _ in range(25):  # past the 20-an-hour limit per address
        answer = api.request("POST", "/api/register", json_body=trap)
        assert answer.status == 422 and "phone" in answer.json()["error"]["fields"]


@pytest.mark.parametrize("field", ["rating", "graduation_year"])
def test_a_boolean_is_not_a_number_in_a_review(api: Api, field: str) -> None:
    cookie = sign_in(api)
    answer = api.submit("review", "/api/reviews", review(**{field: True}), cookie=cookie)
    assert field in assert_error_shape(answer, 422)["fields"]
    assert stored("ReviewsTable") == []


def test_a_boolean_is_not_an_aspect_rating_and_a_number_string_is_not_a_number_in_json(api: Api) -> None:
    cookie = sign_in(api)
    aspects = {"faculty": True, "infrastructure": "3", "placements": 4, "campus_life": 5, "value_for_money": 3}
    answer = api.submit("review", "/api/reviews", review(aspects=aspects), cookie=cookie)
    assert set(assert_error_shape(answer, 422)["fields"]) == {"aspects.faculty", "aspects.infrastructure"}
    assert stored("ReviewsTable") == []


def test_a_number_is_not_a_consent_in_json(api: Api) -> None:
    answer = api.submit("register", "/api/register", registration(consent=1))
    assert "consent" in assert_error_shape(answer, 422)["fields"]


def test_a_form_posted_without_script_still_sends_numbers_and_ticks_as_text(api: Api) -> None:
    cookie = sign_in(api)
    fields = {**review(), "rating": "4", "graduation_year": "2024",
              **{f"aspects.{name}": "3" for name in review()["aspects"]}}
    del fields["aspects"]
    answer = api.submit("review", "/api/reviews", fields, as_form=True, cookie=cookie)
    assert (answer.status, answer.location) == (303, "/reviews/thanks/")


@pytest.mark.parametrize("phone", ["9\u096e\u096d\u096c\u096b\u096a\u0969\u0968\u0967\u0966",  # Devanagari
                                   "\u0669\u0668\u0667\u0666\u0665\u0664\u0663\u0662\u0661\u0660",  # Arabic-Indic
                                   "\uff19\uff18\uff17\uff16\uff15\uff14\uff13\uff12\uff11\uff10"])  # full-width
def test_a_phone_number_in_other_scripts_digits_is_refused(api: Api, phone: str) -> None:
    answer = api.submit("register", "/api/register", registration(phone=phone))
    assert "phone" in assert_error_shape(answer, 422)["fields"]
    assert stored("UsersTable") == []


def test_a_form_number_in_devanagari_digits_is_not_a_number(api: Api) -> None:
    cookie = sign_in(api)
    fields = {**review(), "rating": "\u096a", "graduation_year": "2024",
              **{f"aspects.{name}": "3" for name in review()["aspects"]}}
    del fields["aspects"]
    answer = api.submit("review", "/api/reviews", fields, as_form=True, cookie=cookie)
    assert answer.status == 422 and "<li>Overall rating: choose a rating from 1 to 5.</li>" in answer.body
    assert stored("ReviewsTable") == []


@pytest.mark.parametrize("subject", ["Fees\r\nBcc: victim@example.com", "Fees\nwrong", "Fees\u2028wrong"])
def test_a_line_break_in_the_contact_subject_is_refused(api: Api, subject: str) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(subject=subject))
    assert "subject" in assert_error_shape(answer, 422)["fields"]
    assert stored("TicketsTable") == [] and sent_mail() == []


def test_the_acknowledgement_carries_no_text_the_sender_wrote(api: Api) -> None:
    spam = contact_message(name="Cheap Loans", subject="Visit https://spam.example now",
                           message="Win money at https://spam.example/claim, call 9123456780 today!")
    answer = api.submit("contact", "/api/contact", spam)
    assert answer.status == 202
    ticket = answer.json()["ticket"]
    acknowledgement, notice = sent_mail()
    assert acknowledgement["to"] == [spam["email"]]
    for text in ("Cheap", "Loans", "spam.example", "Visit", "Win money"):
        assert text not in acknowledgement["subject"] + acknowledgement["text"]
    assert ticket in acknowledgement["subject"] and ticket in acknowledgement["text"]
    assert "30 days" in acknowledgement["text"]
    assert "spam.example" in notice["subject"] + notice["text"]  # the officer reads the whole message


@pytest.mark.parametrize("cookie", ["cm_consent=accepted.AAAAAAAAAAAAAAAAAAAAAA",
                                    "cm_consent=accepted.AAAAAAAAAAAAAAAAAAAAAA.forged-signature"])
def test_a_forged_consent_cookie_does_not_allow_analytics(api: Api, cookie: str) -> None:
    answer = api.request("POST", "/api/events", json_body={"path": "/", "seconds": 3}, cookie=cookie)
    assert "cm_consent" in assert_error_shape(answer, 403)["fields"]
    assert stored("AnalyticsTable") == []


def test_a_tampered_signed_consent_cookie_does_not_allow_analytics(api: Api) -> None:
    issued = api.request("POST", "/api/consent", json_body={"choice": "accept", "adult": True}).cookie(
        "cm_consent")
    assert issued
    value = issued.split(";", 1)[0].removeprefix("cm_consent=")
    choice, visitor, signature = value.split(".")
    tampered = f"cm_consent={choice}.{'B' * len(visitor)}.{signature}"
    answer = api.request("POST", "/api/events", json_body={"path": "/", "seconds": 3}, cookie=tampered)
    assert answer.status == 403
    genuine = api.request("POST", "/api/events", json_body={"path": "/", "seconds": 3},
                          cookie=f"cm_consent={value}")
    assert genuine.status == 204
    assert len(stored("AnalyticsTable")) == 1


@pytest.mark.parametrize("name", ["!!!!", "@@@ ###", "   ..."])
def test_a_listing_whose_name_makes_no_slug_is_refused(api: Api, name: str) -> None:
    cookie = sign_in(api)
    answer = api.submit("listing", "/api/listings", listing(name=name), cookie=cookie)
    assert "name" in assert_error_shape(answer, 422)["fields"]
    assert stored("ListingsTable") == []


def test_an_exported_listing_description_is_plain_text(api: Api, moderation: Moderation,
                                                     tmp_path: Path) -> None:
    from careermitra.site.builder.model import render_markdown

    hostile = ('<meta http-equiv="refresh" content="0;url=https://evil.example/"> <script>alert(1)</script> '
               "**bold** [a link](https://evil.example/) and a small arts college by the river.")
    cookie = sign_in(api)
    listing_id = api.submit("listing", "/api/listings", listing(description=hostile), cookie=cookie).json()["id"]
    cli(moderation, "listings", "approve", listing_id)
    path = Path(cli(moderation, "listings", "export", listing_id, "--content-dir", str(tmp_path))["written"])
    institution = parse_institution(path.read_text(encoding="utf-8"), str(path), path.stem)
    html = render_markdown(institution.description)
    assert "<meta" not in html and "<script" not in html and "<a " not in html and "<strong>" not in html
    assert "&lt;meta http-equiv=&quot;refresh&quot;" in html
    assert "**bold** [a link](https://evil.example/)" in html

"""Registration and the passwordless sign-in: register, read the mail, follow the link, write a review."""

from __future__ import annotations

import boto3
import pytest

from tests.support.api import (
    EMAIL,
    PHONE_E164,
    REGION,
    Api,
    link_in,
    registration,
    review,
    sent_mail,
    sign_in,
)

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")


def test_a_new_person_registers_follows_the_emailed_link_and_writes_a_review(api: Api) -> None:
    # Given a person who has never registered
    # When they register
    answer = api.submit("register", "/api/register", registration())
    # Then the answer says a verification mail is on its way, and the mail carries a link
    assert (answer.status, answer.json()) == (202, {"status": "verification_sent"})
    [mail] = sent_mail()
    assert mail["to"] == [EMAIL]
    link = link_in(mail["text"])
    assert link.startswith("https://careermitra.in/api/verify?token=")
    # When they follow the link
    verified = api.request("GET", "/api/verify", query={"token": link.split("token=", 1)[1]})
    # Then they land on the verified page, signed in with a cookie scripts cannot read
    assert (verified.status, verified.location) == (303, "/account/verified/")
    cookie = verified.cookie("cm_session")
    assert cookie is not None
    for attribute in ("HttpOnly", "Secure", "SameSite=Lax", "Path=/"):
        assert attribute in cookie
    session = api.request("GET", "/api/session", cookie=cookie.split(";")[0]).json()
    assert session == {"authenticated": True, "display_name": "Priya S."}
    # And the review they then write is accepted as pending
    written = api.submit("review", "/api/reviews", review(), cookie=cookie.split(";")[0])
    assert written.status == 202
    assert written.json()["status"] == "pending"


def test_the_answer_to_register_is_the_same_for_a_known_and_an_unknown_email(api: Api) -> None:
    # Given a registered, verified person
    sign_in(api)
    # When someone registers with that email, and someone else with a new one
    known = api.submit("register", "/api/register", registration())
    unknown = api.submit("register", "/api/register", registration(email="rahul.verma@example.in"))
    # Then both answers are identical
    assert (known.status, known.body) == (unknown.status, unknown.body)
    # And the verified person got a sign-in link, the new one a verification link
    subjects = {mail["to"][0]: mail["subject"] for mail in sent_mail()[1:]}
    assert subjects == {EMAIL: "Your Career Mitra sign-in link",
                        "rahul.verma@example.in": "Confirm your email for Career Mitra"}


def test_a_verified_person_signs_in_again_with_the_emailed_link(api: Api) -> None:
    # Given a verified person who signed out
    cookie = sign_in(api)
    api.request("POST", "/api/logout", cookie=cookie, json_body={})
    # When they register again and follow the sign-in link
    cookie_again = sign_in(api)
    # Then they are signed in
    assert api.request("GET", "/api/session", cookie=cookie_again).json()["authenticated"] is True


def test_registration_stores_the_phone_in_e164_and_the_consent_with_its_version_and_time(api: Api) -> None:
    # An unverified registration is kept only with its link (issue 12: it reserves nothing)...
    api.submit("register", "/api/register", registration(phone="+91-98765-43210"))
    table = boto3.resource("dynamodb", region_name=REGION).Table("test-UsersTable")
    items = table.scan()["Items"]
    assert [item for item in items if item["pk"].startswith("USER#")] == []
    [link] = [item for item in items if item["pk"].startswith("LINK#")]
    pending = link["registration"]
    assert pending["phone"] == PHONE_E164
    assert pending["verified"] is False
    # ...and following the link makes the account from it
    [mail] = sent_mail()
    api.request("GET", "/api/verify", query={"token": link_in(mail["text"]).split("token=", 1)[1]})
    [user] = [item for item in table.scan()["Items"] if item["pk"].startswith("USER#")]
    assert user["phone"] == PHONE_E164
    assert user["consent_version"] == registration()["policy_version"]
    assert user["consented_at"].startswith("2026-03-02T10:00")
    assert user["verified"] is True


def test_a_double_clicked_registration_sends_one_mail(api: Api) -> None:
    api.submit("register", "/api/register", registration())
    api.submit("register", "/api/register", registration())
    assert len(sent_mail()) == 1


def test_a_verification_link_works_once(api: Api) -> None:
    api.submit("register", "/api/register", registration())
    token = link_in(sent_mail()[0]["text"]).split("token=", 1)[1]
    first = api.request("GET", "/api/verify", query={"token": token})
    second = api.request("GET", "/api/verify", query={"token": token})
    assert first.location == "/account/verified/"
    assert (second.status, second.location, second.cookie("cm_session")) == (303, "/account/link-expired/", None)


def test_a_verification_link_expires_after_24_hours(api: Api) -> None:
    api.submit("register", "/api/register", registration())
    token = link_in(sent_mail()[0]["text"]).split("token=", 1)[1]
    api.clock.advance(hours=24, seconds=1)
    answer = api.request("GET", "/api/verify", query={"token": token})
    assert answer.location == "/account/link-expired/"


def test_a_made_up_link_leads_to_the_link_expired_page(api: Api) -> None:
    answer = api.request("GET", "/api/verify", query={"token": "x" * 43})
    assert (answer.status, answer.location) == (303, "/account/link-expired/")


def test_a_forged_session_cookie_signs_nobody_in(api: Api) -> None:
    # Given a real session
    cookie = sign_in(api)
    session_id = cookie.split("=", 1)[1].rsplit(".", 1)[0]
    # When someone presents the session id with a signature of their own, or a made-up session
    for forged in (f"cm_session={session_id}.AAAA", f"cm_session={session_id}", "cm_session=abc.def"):
        # Then they are not signed in and cannot write a review
        assert api.request("GET", "/api/session", cookie=forged).json()["authenticated"] is False
        assert api.submit("review", "/api/reviews", review(), cookie=forged).status == 401


def test_after_logout_the_old_cookie_no_longer_works(api: Api) -> None:
    # Given a signed-in person who keeps a copy of their cookie
    cookie = sign_in(api)
    # When they sign out
    answer = api.request("POST", "/api/logout", cookie=cookie, json_body={})
    # Then the cookie is cleared in the browser
    assert answer.status == 200
    assert "Max-Age=0" in (answer.cookie("cm_session") or "")
    # And the copy is worthless: the session ended on the server
    assert api.request("GET", "/api/session", cookie=cookie).json() == {"authenticated": False, "display_name": None}
    refused = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert refused.status == 401
    assert refused.json()["error"]["code"] == "not_signed_in"


def test_a_form_posted_logout_returns_to_the_signed_out_page(api: Api) -> None:
    cookie = sign_in(api)
    answer = api.request("POST", "/api/logout", cookie=cookie, form={})
    assert (answer.status, answer.location) == (303, "/account/signed-out/")


@pytest.mark.parametrize(("overrides", "field"), [
    ({"phone": "12345"}, "phone"),
    ({"phone": "+44 20 7946 0000"}, "phone"),
    ({"email": "priya.example.in"}, "email"),
    ({"consent": False}, "consent"),
    ({"name": "P"}, "name"),
    ({"policy_version": "1999-01"}, "policy_version"),
])
def test_registration_names_the_field_to_fix(api: Api, overrides: dict, field: str) -> None:
    answer = api.submit("register", "/api/register", registration(**overrides))
    assert answer.status == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert sent_mail() == []

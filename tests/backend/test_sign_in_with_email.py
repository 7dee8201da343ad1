"""Issue 14: signing in with the email alone, the link back to the page the person came from, the header's
display cookie and signing out."""

from __future__ import annotations

import pytest

from careermitra.domain.user import SignInRequest
from tests.support.api import EMAIL, Api, link_in, registration, sent_mail, sign_in
from tests.support.timing import alternate, assert_indistinguishable

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")
FORM_PAGE = "/institutions/deccan-institute-of-technology/write-review/"


def token_in_last_mail() -> str:
    return link_in(sent_mail()[-1]["text"]).split("token=", 1)[1]


def test_a_registered_person_signs_in_with_the_email_alone_and_lands_back_on_the_form(api: Api) -> None:
    # Given a registered person who signed out
    api.request("POST", "/api/logout", cookie=sign_in(api), json_body={})
    # When they give only their email on the sign-in form, coming from a review form
    answer = api.submit("sign_in", "/api/sign-in", {"email": "Priya.Sharma@example.in", "return_to": FORM_PAGE})
    # Then a sign-in link is mailed to the account's address
    assert (answer.status, answer.json()) == (202, {"status": "link_sent"})
    assert sent_mail()[-1]["subject"] == "Your Career Mitra sign-in link"
    assert sent_mail()[-1]["to"] == [EMAIL]
    # And following it signs them in and takes them back to the form
    followed = api.request("GET", "/api/verify", query={"token": token_in_last_mail()})
    assert (followed.status, followed.location) == (303, FORM_PAGE)
    session = followed.cookie("cm_session")
    assert session is not None and "HttpOnly" in session
    # With the header's display cookie: readable by the page's script, holding the display name only
    shown = followed.cookie("cm_signed_in")
    assert shown is not None and shown.startswith("cm_signed_in=Priya%20S.;")
    assert "HttpOnly" not in shown and "Secure" in shown and "SameSite=Lax" in shown
    assert api.request("GET", "/api/session", cookie=session.split(";")[0]).json()["authenticated"] is True


def test_an_unknown_address_gets_the_same_answer_and_a_mail_saying_how_to_register(api: Api) -> None:
    sign_in(api)
    known = api.submit("sign_in", "/api/sign-in", {"email": EMAIL})
    unknown = api.submit("sign_in", "/api/sign-in", {"email": "rahul.verma@example.in"})
    assert (known.status, known.body) == (unknown.status, unknown.body)
    mail = sent_mail()[-1]
    assert (mail["to"], mail["subject"]) == (["rahul.verma@example.in"], "Signing in to Career Mitra")
    assert "https://careermitra.in/account/register/" in mail["text"] and "/api/verify" not in mail["text"]


def test_a_link_back_to_another_site_is_dropped_and_the_link_leads_to_the_verified_page(api: Api) -> None:
    sign_in(api)
    api.clock.advance(minutes=2)
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example"):
        api.clock.advance(minutes=2)
        assert api.submit("sign_in", "/api/sign-in", {"email": EMAIL, "return_to": evil}).status == 202
        followed = api.request("GET", "/api/verify", query={"token": token_in_last_mail()})
        assert followed.location == "/account/verified/", evil


def test_a_new_person_registering_from_a_review_form_lands_back_on_it(api: Api) -> None:
    api.submit("register", "/api/register", registration(return_to=FORM_PAGE))
    followed = api.request("GET", "/api/verify", query={"token": token_in_last_mail()})
    assert followed.location == FORM_PAGE
    assert (followed.cookie("cm_signed_in") or "").startswith("cm_signed_in=Priya%20S.")


def test_the_sign_in_form_posted_without_script_lands_on_the_check_your_email_page(api: Api) -> None:
    answer = api.submit("sign_in", "/api/sign-in", {"email": EMAIL, "return_to": ""}, as_form=True)
    assert (answer.status, answer.location) == (303, "/account/check-email/")


def test_a_bad_address_is_refused_naming_the_field_and_sends_nothing(api: Api) -> None:
    answer = api.submit("sign_in", "/api/sign-in", {"email": "priya.example.in"})
    assert answer.status == 422
    assert answer.json()["error"]["fields"]["email"].startswith("Email: enter an email address like")
    assert sent_mail() == []


def test_signing_out_clears_both_cookies(api: Api) -> None:
    answer = api.request("POST", "/api/logout", cookie=sign_in(api), json_body={})
    assert "Max-Age=0" in (answer.cookie("cm_session") or "")
    assert "Max-Age=0" in (answer.cookie("cm_signed_in") or "")


def test_signing_out_needs_a_post_from_the_site_itself(api: Api) -> None:
    cookie = sign_in(api)
    foreign = api.request("POST", "/api/logout", cookie=cookie, json_body={}, headers={"Origin": "https://evil.example"})
    assert foreign.status == 403
    assert api.request("GET", "/api/session", cookie=cookie).json()["authenticated"] is True
    assert api.request("GET", "/api/logout", cookie=cookie).status in (404, 405)


def test_a_session_that_ended_clears_the_display_cookie(api: Api) -> None:
    answer = api.request("GET", "/api/session", cookie="cm_session=abc.def; cm_signed_in=Priya%20S.")
    assert answer.json()["authenticated"] is False
    assert "Max-Age=0" in (answer.cookie("cm_signed_in") or "")


@pytest.mark.timing
def test_signing_in_takes_as_long_for_a_known_address_as_for_an_unknown_one(api: Api) -> None:
    from careermitra.api.services import services

    sign_in(api)
    accounts = services().accounts
    counter = iter(range(10**6))

    def known() -> object:
        api.clock.advance(minutes=2)  # past the mail cooldown, so every call sends its mail
        return accounts.sign_in(SignInRequest(email=EMAIL), api.clock.now)

    def unknown() -> object:
        return accounts.sign_in(SignInRequest(email=f"new{next(counter)}@example.in"), api.clock.now)

    assert_indistinguishable(*alternate(known, unknown))


def test_the_stand_in_read_for_an_unknown_address_is_no_account(api: Api) -> None:
    # The unknown path reads a stand-in record of a user's shape (so both paths take as long): it is nobody's
    from careermitra.api.services import services
    from careermitra.store.users import STAND_IN

    sign_in(api)
    assert api.submit("sign_in", "/api/sign-in", {"email": "nobody.here@example.in"}).status == 202
    users = services().accounts.users
    assert [user.email for user in users.all_verified()] == [EMAIL]
    assert users.get(STAND_IN["id"]) is None
    assert users.by_email(STAND_IN["email"]) is None


def test_signing_in_again_right_after_signing_out_sends_the_link(api: Api) -> None:
    # The mail cooldown stops double clicks; signing out then in a minute later is neither
    cookie = sign_in(api)
    api.submit("sign_in", "/api/sign-in", {"email": EMAIL})
    before = len(sent_mail())
    api.request("POST", "/api/logout", cookie=cookie, json_body={})
    assert api.submit("sign_in", "/api/sign-in", {"email": EMAIL}).status == 202
    assert len(sent_mail()) == before + 1

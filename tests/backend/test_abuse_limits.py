"""Issue 12, abuse: per-IP limits per IPv6 /64, single-use fill-time tokens, quotas counting accepted work only."""

from __future__ import annotations

import pytest

from careermitra.api.form_specs import FORMS
from careermitra.domain.signing import rate_limit_subject
from tests.support.api import INSTITUTIONS, Api, contact_message, listing, review, sign_in

# Every test that goes through the API also checks that no log line or metric holds personal data.
watched = pytest.mark.usefixtures("no_personal_data_in_logs")


def limit(form: str, per: str) -> int:
    return next(rule.limit for rule in FORMS[form].limits_per(per))


@pytest.mark.parametrize(("address", "subject"), [
    ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
    ("2001:DB8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
    ("::ffff:203.0.113.9", "203.0.113.9"),
    ("203.0.113.9", "203.0.113.9"),
    ("not an address", "not an address"),
])
def test_the_rate_limit_subject_of_an_ipv6_address_is_its_64(address: str, subject: str) -> None:
    assert rate_limit_subject(address) == subject


@watched
def test_addresses_of_one_ipv6_64_share_one_per_ip_limit(api: Api) -> None:
    # Given a client that takes a new address of its /64 for every request
    allowed = limit("contact", "ip")
    answers = [api.submit("contact", "/api/contact", contact_message(email=f"person{number}@example.in"),
                          ip=f"2001:db8:77:1::{number + 1:x}").status for number in range(allowed + 3)]
    # Then the limit counts them as one subscriber
    assert answers == [202] * allowed + [429] * 3
    # And another /64 is not affected
    assert api.submit("contact", "/api/contact", contact_message(email="other@example.in"),
                      ip="2001:db8:77:2::1").status == 202


@watched
def test_an_ipv4_mapped_address_counts_as_its_ipv4_address(api: Api) -> None:
    allowed = limit("contact", "ip")
    for number in range(allowed):
        assert api.submit("contact", "/api/contact", contact_message(email=f"p{number}@example.in"),
                          ip="198.51.100.7").status == 202
    assert api.submit("contact", "/api/contact", contact_message(email="again@example.in"),
                      ip="::ffff:198.51.100.7").status == 429


@watched
def test_a_fill_time_token_carries_one_submission(api: Api) -> None:
    # Given a form sent once with its token
    token = api.form_token("contact")
    first = api.request("POST", "/api/contact", json_body={**contact_message(), "form_token": token, "fax_number": ""})
    assert first.status == 202
    # When the same token is sent again, many times
    again = [api.request("POST", "/api/contact", json_body={
        **contact_message(subject=f"Again {number}"), "form_token": token, "fax_number": ""}) for number in range(5)]
    # Then every later use is refused in plain words, and no further ticket is made
    assert {answer.status for answer in again} == {409}
    assert "reload the page" in again[0].json()["error"]["message"]
    assert "form_token" in again[0].json()["error"]["fields"]


@watched
def test_a_renewed_token_keeps_the_time_the_form_was_opened(api: Api) -> None:
    # Given a form opened, filled for a while and sent
    opened = api.form_token("contact")
    assert api.request("POST", "/api/contact", json_body={
        **contact_message(), "form_token": opened, "fax_number": ""}).status == 202
    # When the script asks for a fresh token and the person sends again at once
    fresh = api.request("GET", "/api/form-token", query={"form": "contact", "renew": opened}).json()["token"]
    answer = api.request("POST", "/api/contact", json_body={
        **contact_message(subject="A second question"), "form_token": fresh, "fax_number": ""})
    # Then it is not "quicker than a person can fill the form": the opening time came along
    assert fresh != opened
    assert answer.status == 202


@watched
def test_two_tokens_fetched_in_the_same_second_are_different(api: Api) -> None:
    first = api.request("GET", "/api/form-token", query={"form": "contact"}).json()["token"]
    second = api.request("GET", "/api/form-token", query={"form": "contact"}).json()["token"]
    assert first != second


@watched
def test_identical_retries_of_an_accepted_review_do_not_use_up_the_daily_quota(api: Api) -> None:
    # Given a signed-in person whose review was accepted
    cookie = sign_in(api)
    first = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert first.status == 202
    # When a flaky connection retries it more times than the daily limit
    retries = [api.submit("review", "/api/reviews", review(), cookie=cookie) for _ in range(limit("review", "user"))]
    # Then every retry gets the same answer
    assert {(answer.status, answer.json()["id"]) for answer in retries} == {(202, first.json()["id"])}
    # And a review of another institution is still accepted
    assert api.submit("review", "/api/reviews", review(institution=INSTITUTIONS[1]), cookie=cookie).status == 202


@watched
def test_refused_listing_requests_do_not_use_up_the_daily_quota(api: Api) -> None:
    cookie = sign_in(api)
    allowed = limit("listing", "user")
    # Given many refused attempts (an institution already on the site: 409) and retries of an accepted one
    assert api.submit("listing", "/api/listings", listing(name="Kaveri College Zero"), cookie=cookie).status == 202
    for _ in range(allowed):
        listed = listing(name="Alpha College")
        assert api.submit("listing", "/api/listings", listed, cookie=cookie).status == 409
        assert api.submit("listing", "/api/listings", listing(name="Kaveri College Zero"), cookie=cookie).status == 202
    # Then the person can still send the rest of the day's accepted requests, and no more
    answers = [api.submit("listing", "/api/listings", listing(name=f"Kaveri College Number {number}"),
                          cookie=cookie).status for number in range(allowed)]
    assert answers == [202] * (allowed - 1) + [429]

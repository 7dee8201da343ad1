"""The two accounts findings the hostile corpus raised (docs/security.md, Input), re-checked on the accounts work:
a stale policy version must be refused before any limit counts the request, and registering again an address
weeks after its last registration (followed, never followed, erased, or stored unverified before issue 12) is
answered plainly, never with a 500."""

from __future__ import annotations

import datetime as dt

import pytest

from careermitra.domain.user import User
from tests.support.api import EMAIL, Api, link_in, moto_stores, registration, sent_mail, sign_in

watched = pytest.mark.usefixtures("no_personal_data_in_logs")
REGISTER_PER_EMAIL = 5  # FORMS["register"]: 5 an hour per mailbox


def register(api: Api, ip: str = "198.51.100.40", **overrides: str) -> int:
    return api.submit("register", "/api/register", registration(**overrides), ip=ip).status


def newest_link_token() -> str:
    return link_in(str(sent_mail()[-1]["text"])).split("token=", 1)[1]


def follow(api: Api, token: str) -> str:
    return api.request("GET", "/api/verify", query={"token": token}).location


@watched
def test_a_stale_policy_version_is_refused_before_the_per_address_limit_counts_it(api: Api) -> None:
    # Given a page loaded before the policy changed, sent more often than the per-address limit allows
    for _ in range(REGISTER_PER_EMAIL + 2):
        answer = api.submit("register", "/api/register", registration(policy_version="1999-01"),
                            ip="198.51.100.41")
        # Then each is refused for the policy, naming it, and never as a rate limit
        assert answer.status == 422 and set(answer.json()["error"]["fields"]) == {"policy_version"}
    # And once the page is reloaded the registration goes through: the refusals used up nothing
    assert register(api, ip="198.51.100.41") == 202


@watched
def test_registering_again_weeks_after_verifying_signs_the_same_account_in(api: Api) -> None:
    sign_in(api)
    account = moto_stores().users.by_email(EMAIL)
    assert account is not None
    for _ in range(3):
        api.clock.advance(days=21)
        assert register(api) == 202
        assert follow(api, newest_link_token()) == "/account/verified/"
    again = moto_stores().users.by_email(EMAIL)
    assert again is not None and again.id == account.id


@watched
def test_registering_again_weeks_after_an_unfollowed_registration_works_and_the_old_link_does_not(api: Api) -> None:
    assert register(api, name="Priya Old") == 202
    old = newest_link_token()
    api.clock.advance(days=30)
    assert register(api, name="Priya Sharma") == 202
    assert follow(api, old) == "/account/link-expired/"
    assert follow(api, newest_link_token()) == "/account/verified/"
    user = moto_stores().users.by_email(EMAIL)
    assert user is not None and user.verified and user.name == "Priya Sharma"


@watched
def test_registering_again_after_an_unverified_registration_of_before_issue_12_expired(api: Api) -> None:
    # Given a registration stored unverified by the code before issue 12 (it expires after 7 days)
    then = api.clock.now
    stale = User(id="0" * 32, name="Priya Old", email=EMAIL, phone="+919876543210", city="Pune", verified=False,
                 consent_version=registration()["policy_version"], consented_at=then, created_at=then,
                 consent_history=[])
    moto_stores().users.add(stale)
    # When the address registers again weeks later, and follows the link
    for days in (8, 30):
        api.clock.now = then + dt.timedelta(days=days)
        assert register(api) == 202
        assert follow(api, newest_link_token()) == "/account/verified/"
    user = moto_stores().users.by_email(EMAIL, api.clock.now)
    assert user is not None and user.verified and user.id != stale.id and user.name == "Priya Sharma"


@watched
def test_registering_again_weeks_after_erasure_makes_a_new_account(api: Api) -> None:
    cookie = sign_in(api)
    erased = moto_stores().users.by_email(EMAIL)
    assert erased is not None and cookie
    moto_stores().users.delete(erased)  # what an erasure request does to the account
    api.clock.advance(days=40)
    assert register(api) == 202
    assert follow(api, newest_link_token()) == "/account/verified/"
    user = moto_stores().users.by_email(EMAIL)
    assert user is not None and user.id != erased.id


@watched
def test_an_address_whose_account_item_is_missing_can_register_again(api: Api) -> None:
    """The mailbox item points to a user that is gone (a half-finished write, or an item deleted by hand):
    registering again must repair it, not answer 500 on the email item's condition."""
    sign_in(api)
    user = moto_stores().users.by_email(EMAIL)
    assert user is not None
    import boto3

    from tests.support.api import REGION

    boto3.resource("dynamodb", region_name=REGION).Table("test-UsersTable").delete_item(Key={"pk": f"USER#{user.id}"})
    api.clock.advance(days=14)
    assert register(api) == 202
    assert follow(api, newest_link_token()) == "/account/verified/"
    again = moto_stores().users.by_email(EMAIL)
    assert again is not None and again.verified

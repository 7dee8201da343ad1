"""Rights of the people whose data we hold: access and erasure (confirmed by email), consent history and
re-consent after a policy change, retention of unverified registrations, the audited lawful-request export."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import boto3
import pytest

from careermitra.rebuild.changes import affected_institutions
from tests.support.api import (
    EMAIL,
    INSTITUTIONS,
    REGION,
    Api,
    link_in,
    listing,
    moto_stores,
    registration,
    review,
    sent_mail,
    sign_in,
)
from tests.support.privacy import stream_record

OTHER = "rahul.verma@example.in"


def table(name: str) -> Any:
    return boto3.resource("dynamodb", region_name=REGION).Table(f"test-{name}")


def ask(api: Api, **fields: Any) -> Any:
    return api.submit("privacy", "/api/privacy-requests", {"email": EMAIL, "kind": "access", **fields})


def confirm_link(text: str) -> str:
    match = re.search(r"https://\S+/api/privacy-requests/confirm\?token=(\S+)", text)
    assert match, text
    return match.group(1)


def follow(api: Api, token: str, as_form: bool = True) -> Any:
    """Open the emailed link (it only sets a cookie), then press the button on the confirmation page."""
    opened = api.request("GET", "/api/privacy-requests/confirm", query={"token": token})
    assert opened.location == "/privacy/confirm/"
    cookie = opened.cookie("cm_privacy_link")
    assert cookie and "HttpOnly" in cookie and "Path=/api/privacy-requests" in cookie
    if as_form:
        return api.request("POST", "/api/privacy-requests/confirm", form={}, cookie=cookie.split(";", 1)[0])
    return api.request("POST", "/api/privacy-requests/confirm", json_body={}, cookie=cookie.split(";", 1)[0])


def approved_review(api: Api, cookie: str, institution: str = INSTITUTIONS[0]) -> str:
    review_id = api.submit("review", "/api/reviews", review(institution=institution), cookie=cookie).json()["id"]
    table("ReviewsTable").update_item(Key={"id": review_id}, UpdateExpression="SET #s = :a",
                                      ExpressionAttributeNames={"#s": "status"},
                                      ExpressionAttributeValues={":a": "approved"})
    return review_id


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(api: Api) -> None:
    sign_in(api)
    known = ask(api)
    unknown = ask(api, email=OTHER)
    assert (known.status, known.body) == (unknown.status, unknown.body) == (202, '{"status": "confirmation_sent"}')
    mails = {mail["to"][0]: mail for mail in sent_mail()[1:]}
    assert "/api/privacy-requests/confirm?token=" in mails[EMAIL]["text"]
    assert "no account" in mails[OTHER]["text"] and "token=" not in mails[OTHER]["text"]
    as_form = api.submit("privacy", "/api/privacy-requests", {"email": OTHER, "kind": "access"}, as_form=True)
    assert as_form.location == "/privacy/check-email/"


def test_erasure_needs_a_choice_for_the_reviews(api: Api) -> None:
    answer = ask(api, kind="erasure")
    assert answer.status == 422 and "deleted or kept anonymised" in answer.json()["error"]["fields"]["reviews"]
    assert ask(api, kind="delete-everything").status == 422


def test_access_mails_everything_we_hold_as_json_after_confirmation(api: Api) -> None:
    cookie = sign_in(api)
    review_id = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    api.submit("listing", "/api/listings", listing(), cookie=cookie)
    ask(api)
    token = confirm_link(sent_mail()[-1]["text"])
    before = len(sent_mail())
    done = follow(api, token)
    assert done.location == "/privacy/access-sent/"
    [mail] = sent_mail()[before:]
    assert mail["to"] == [EMAIL]
    export = json.loads(mail["text"][mail["text"].index("{"):mail["text"].rindex("}") + 1])
    assert {"email": EMAIL, "phone": "+919876543210", "city": "Pune", "name": "Priya Sharma"}.items() \
        <= export["profile"].items()
    assert [c["version"] for c in export["consent_history"]] == ["3.0"]
    assert [r["id"] for r in export["reviews"]] == [review_id]
    assert [item["slug"] for item in export["listing_requests"]] == ["kaveri-college-of-arts"]
    assert "fingerprint" not in json.dumps(export)
    # The link works once
    assert follow(api, token).location == "/privacy/link-expired/"


def test_opening_the_link_alone_does_nothing(api: Api) -> None:
    sign_in(api)
    ask(api, kind="erasure", reviews="delete")
    token = confirm_link(sent_mail()[-1]["text"])
    api.request("GET", "/api/privacy-requests/confirm", query={"token": token})  # a mail scanner, say
    assert table("UsersTable").scan(Select="COUNT")["Count"] >= 2


def test_erasure_with_deletion_removes_the_user_and_their_reviews(api: Api) -> None:
    cookie = sign_in(api)
    published = approved_review(api, cookie)
    pending = api.submit("review", "/api/reviews", review(institution=INSTITUTIONS[1]), cookie=cookie).json()["id"]
    ask(api, kind="erasure", reviews="delete")
    old_image = table("ReviewsTable").get_item(Key={"id": published})["Item"]
    done = follow(api, confirm_link(sent_mail()[-1]["text"]))
    assert done.location == "/privacy/erased/"
    assert done.cookie("cm_session").startswith("cm_session=;")
    assert "Item" not in table("ReviewsTable").get_item(Key={"id": published})
    assert "Item" not in table("ReviewsTable").get_item(Key={"id": pending})
    users = json.dumps(table("UsersTable").scan()["Items"], default=str)
    assert EMAIL not in users and "9876543210" not in users and "Priya" not in users
    assert api.request("GET", "/api/session", cookie=cookie).json()["authenticated"] is False
    assert "erased" in sent_mail()[-1]["text"]
    # The stream record of the deletion makes the rebuild take the review off the institution's page
    assert affected_institutions(stream_record(old_image, None, "REMOVE")) == {INSTITUTIONS[0]}


def test_erasure_with_anonymisation_keeps_the_published_review_as_former_student(api: Api) -> None:
    cookie = sign_in(api)
    published = approved_review(api, cookie)
    ask(api, kind="erasure", reviews="anonymise")
    old_image = table("ReviewsTable").get_item(Key={"id": published})["Item"]
    assert follow(api, confirm_link(sent_mail()[-1]["text"]), as_form=False).json() == {"status": "done",
                                                                                        "kind": "erasure"}
    item = table("ReviewsTable").get_item(Key={"id": published})["Item"]
    assert item["status"] == "approved" and item["display_name"] == "Former student"
    assert "user_id" not in item and item["fingerprint"] == "erased"
    from careermitra.domain.review_submission import ReviewRecord
    from careermitra.store.dynamodb import plain

    assert ReviewRecord.model_validate(plain(item)).published().display_name == "Former student"
    # Still approved, but changed: the rebuild re-renders the institution with the anonymised name
    assert affected_institutions(stream_record(old_image, item, "MODIFY")) == {INSTITUTIONS[0]}


def test_a_policy_change_asks_a_signed_in_user_to_accept_it_before_submitting(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from careermitra.api.services import services

    cookie = sign_in(api)
    svc = services()
    monkeypatch.setattr(svc, "settings", svc.settings.model_copy(update={"policy_version": "4.0"}))
    object.__setattr__(svc.accounts, "policy_version", "4.0")  # a frozen dataclass; put back at the end
    refused = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert refused.status == 403 and refused.json()["error"]["code"] == "policy_not_accepted"
    assert "/account/accept-policy/" in refused.json()["error"]["message"]
    as_form = api.submit("review", "/api/reviews", review(), cookie=cookie, as_form=True)
    assert as_form.location.startswith("/form-error/policy-not-accepted/?form=review")
    stale = api.submit("policy", "/api/policy-consent", {"consent": True, "policy_version": "3.0"}, cookie=cookie)
    assert stale.status == 422
    accepted = api.submit("policy", "/api/policy-consent", {"consent": True, "policy_version": "4.0"},
                          cookie=cookie)
    assert accepted.json() == {"status": "accepted", "policy_version": "4.0"}
    assert api.submit("review", "/api/reviews", review(), cookie=cookie).status == 202
    user = svc.accounts.users.by_email(EMAIL, api.clock.now)
    assert [c.version for c in user.consents] == ["3.0", "4.0"]
    object.__setattr__(svc.accounts, "policy_version", "3.0")


def test_an_unverified_registration_expires_with_its_link_and_reserves_nothing(api: Api) -> None:
    from careermitra.api.services import services

    api.submit("register", "/api/register", registration())
    users = services().accounts.users
    # Nothing but the link is stored, and it expires after the 24 hours its mail promises (TTL)
    assert users.by_email(EMAIL, api.clock.now) is None
    [link] = [item for item in table("UsersTable").scan()["Items"] if item["pk"].startswith("LINK#")]
    assert int(link["expires_at"]) == int((api.clock.now + dt.timedelta(hours=24)).timestamp())
    # Someone registering the address after that gets a fresh account with their own details
    api.clock.advance(days=8)
    sign_in_with = registration(name="Priya Kumari")
    assert api.submit("register", "/api/register", sign_in_with).status == 202
    api.request("GET", "/api/verify", query={"token": link_in(sent_mail()[-1]["text"]).split("token=", 1)[1]})
    assert users.by_email(EMAIL, api.clock.now).name == "Priya Kumari"


def test_verifying_keeps_the_account(api: Api) -> None:
    from careermitra.api.services import services

    sign_in(api)
    user = services().accounts.users.by_email(EMAIL, api.clock.now + dt.timedelta(days=30))
    assert user is not None and user.verified


def test_a_lawful_request_export_is_audited_and_the_record_cannot_be_replaced(api: Api, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from careermitra.api.services import services
    from careermitra.cli import build_parser, run_privacy_and_analytics
    from careermitra.store.audit import AuditRecordExists, DynamoAuditLog

    cookie = sign_in(api)
    api.submit("review", "/api/reviews", review(), cookie=cookie)
    stores = moto_stores()
    out = tmp_path / "export.json"
    args = build_parser().parse_args(["users", "export", EMAIL, "--reason", "Pune Police case 12/2026, BNSS s.94",
                                      "--officer", "Meera Iyer", "--out", str(out)])
    result = run_privacy_and_analytics(args, stores, api.clock.now)
    assert json.loads(out.read_text())["profile"]["email"] == EMAIL
    assert out.stat().st_mode & 0o077 == 0
    [record] = DynamoAuditLog("test-AuditTable").all()
    assert record.id == result["audit_record"]
    assert (record.officer, record.reason) == ("Meera Iyer", "Pune Police case 12/2026, BNSS s.94")
    assert record.subject_user_id == services().accounts.users.by_email(EMAIL, api.clock.now).id
    assert record.disclosed == ["profile", "consent_history (1)", "account_history (0)", "reviews (1)",
                               "listing_requests (0)"]
    assert EMAIL not in json.dumps(table("AuditTable").scan()["Items"])
    with pytest.raises(AuditRecordExists):
        DynamoAuditLog("test-AuditTable").append(record.model_copy(update={"reason": "edited afterwards"}))
    assert DynamoAuditLog("test-AuditTable").all()[0].reason == "Pune Police case 12/2026, BNSS s.94"
    # Without a reason, nothing is exported and nothing recorded
    from careermitra.domain.problems import InvalidInput

    with pytest.raises(InvalidInput):
        run_privacy_and_analytics(build_parser().parse_args(["users", "export", EMAIL, "--reason", "x"]),
                                  stores, api.clock.now)
    assert len(DynamoAuditLog("test-AuditTable").all()) == 1

"""Issue 14 through the Lambda handler with moto: reports (rate-limited per IP, no account), confirming an address
at an institution's domain (single-use, expiring links), replies, the moderation commands and the decision log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careermitra.cli import build_parser, run
from careermitra.domain.submission import Status
from careermitra.mail.outbox import OutboxMailer
from careermitra.wiring import moderation_over
from careermitra.workflows.moderation import Moderation
from tests.support.api import INSTITUTIONS, OTHER_IP, Api, moto_stores, review, sent_mail, sign_in

SLUG = INSTITUTIONS[0]
DOMAIN = f"students.{SLUG}.example"
STAFF_EMAIL = "rahul.verma@example.in"


@pytest.fixture
def moderation(api: Api, tmp_path: Path) -> Moderation:
    return moderation_over(moto_stores(), OutboxMailer(tmp_path / "outbox", "no-reply@careermitra.in"),
                           lambda: api.clock.now, moderator="meera")


def cli(moderation: Moderation, *argv: str) -> object:
    return run(build_parser().parse_args(list(argv)), moderation)


def published_review(api: Api, moderation: Moderation, cookie: str | None = None) -> str:
    cookie = cookie or sign_in(api)
    review_id: str = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    cli(moderation, "reviews", "approve", review_id)
    return review_id


def confirmation_token(api: Api, cookie: str, relationship: str, email: str) -> str:
    before = len(sent_mail())
    answer = api.submit("confirm-address", "/api/address-confirmations",
                        {"institution": SLUG, "email": email, "relationship": relationship}, cookie=cookie)
    assert answer.status == 202, answer.body
    [mail] = sent_mail()[before:]
    assert mail["to"] == [email]
    match = re.search(r"https://careermitra\.in/api/confirm-address\?token=(\S+)", mail["text"])
    assert match
    return match.group(1)


def test_a_visitor_reports_a_review_without_an_account_and_a_moderator_removes_it(
        api: Api, moderation: Moderation, no_personal_data_in_logs: None) -> None:
    review_id = published_review(api, moderation)
    answer = api.submit("report", "/api/reports", {"review": review_id, "reason": "personal-data",
                                                   "note": "It names a teacher."}, ip=OTHER_IP)
    assert answer.status == 202 and answer.json() == {"status": "received"}
    [report] = cli(moderation, "reports", "list")  # type: ignore[misc]
    assert (report.review_id, report.reason, report.note) == (review_id, "personal-data", "It names a teacher.")
    assert moderation.review(review_id).status == Status.APPROVED  # up until a moderator decides
    resolved = cli(moderation, "reports", "resolve", report.id, "--remove", "--reason", "personal-data")
    assert resolved.status == "removed"  # type: ignore[attr-defined]
    removed = moderation.review(review_id)
    assert removed.status == Status.REMOVED
    assert removed.expires_at == int(api.clock.now.timestamp()) + 365 * 86400
    history = cli(moderation, "reviews", "history", review_id)
    assert [(entry.decision, entry.moderator, entry.reason_code) for entry in history] == [  # type: ignore[attr-defined]
        ("approved", "meera", None), ("removed", "meera", "personal-data")]
    assert cli(moderation, "reports", "list") == []
    assert [record.id for record in cli(moderation, "reviews", "list", "--status", "removed")] == [review_id]  # type: ignore[attr-defined]


def test_a_report_names_a_wrong_reason_and_of_a_review_not_on_the_site(api: Api, moderation: Moderation) -> None:
    review_id = published_review(api, moderation)
    wrong = api.submit("report", "/api/reports", {"review": review_id, "reason": "i-dislike-it"})
    assert wrong.status == 422
    assert wrong.json()["error"]["fields"] == {"reason": "Reason: choose the rule the review breaks from the list."}
    missing = api.submit("report", "/api/reports", {"review": "nosuchreview0000", "reason": "abuse"})
    assert missing.status == 404 and "not on the site" in missing.json()["error"]["message"]


def test_reports_are_rate_limited_per_ip_address(api: Api, moderation: Moderation) -> None:
    review_id = published_review(api, moderation)
    for _ in range(10):
        assert api.submit("report", "/api/reports", {"review": review_id, "reason": "abuse"}).status == 202
    refused = api.submit("report", "/api/reports", {"review": review_id, "reason": "abuse"})
    assert refused.status == 429 and int(refused.headers["Retry-After"]) > 0
    assert api.submit("report", "/api/reports", {"review": review_id, "reason": "abuse"}, ip=OTHER_IP).status == 202
    assert len(cli(moderation, "reports", "list")) == 11  # type: ignore[arg-type]


def test_a_student_confirms_an_address_once_and_the_review_shows_the_badge(
        api: Api, moderation: Moderation, no_personal_data_in_logs: None) -> None:
    cookie = sign_in(api)
    outside = api.submit("confirm-address", "/api/address-confirmations",
                         {"institution": SLUG, "email": "priya@gmail.com", "relationship": "student"}, cookie=cookie)
    assert outside.status == 422 and f"@{DOMAIN}" in outside.json()["error"]["fields"]["email"]
    token = confirmation_token(api, cookie, "student", f"priya.s@{DOMAIN}")
    followed = api.request("GET", "/api/confirm-address", query={"token": token})
    assert followed.location == "/account/institution-email-confirmed/?as=student"
    again = api.request("GET", "/api/confirm-address", query={"token": token})
    assert again.location == "/account/link-expired/"
    review_id = published_review(api, moderation, cookie)
    record = moderation.review(review_id)
    assert record.verification is not None and record.verification.domain == DOMAIN
    assert "priya.s" not in record.model_dump_json()
    assert record.published().badge == "Verified student"


def test_a_confirmation_link_expires_after_24_hours(api: Api) -> None:
    token = confirmation_token(api, sign_in(api), "alumnus", f"priya@{DOMAIN}")
    api.clock.advance(hours=24, seconds=1)
    assert api.request("GET", "/api/confirm-address", query={"token": token}).location == "/account/link-expired/"


def test_confirming_needs_a_signed_in_user(api: Api) -> None:
    answer = api.submit("confirm-address", "/api/address-confirmations",
                        {"institution": SLUG, "email": f"priya@{DOMAIN}", "relationship": "student"})
    assert answer.status == 401


def test_an_institution_claims_replies_once_and_the_reply_shows_after_approval(
        api: Api, moderation: Moderation, no_personal_data_in_logs: None) -> None:
    review_id = published_review(api, moderation)
    staff = sign_in(api, email=STAFF_EMAIL)
    body = {"review": review_id, "body": "Thank you. The evening labs have twice the seats since January."}
    unclaimed = api.submit("reply", "/api/replies", body, cookie=staff)
    assert unclaimed.status == 403 and "representative" in unclaimed.json()["error"]["message"]
    token = confirmation_token(api, staff, "representative", f"office@{DOMAIN}")
    followed = api.request("GET", "/api/confirm-address", query={"token": token})
    assert followed.location == "/account/institution-email-confirmed/?as=representative"
    assert api.submit("reply", "/api/replies", body, cookie=staff).status == 202
    second = api.submit("reply", "/api/replies", body, cookie=staff)
    assert second.status == 409 and "one" in second.json()["error"]["message"]
    [waiting] = cli(moderation, "replies", "list")  # type: ignore[misc]
    assert waiting.id == review_id and waiting.published().reply is None
    approved = cli(moderation, "replies", "approve", review_id)
    reply = approved.published().reply  # type: ignore[attr-defined]
    assert reply is not None and reply.body.startswith("Thank you.")
    assert cli(moderation, "replies", "list") == []
    # The representative cannot review the institution they represent.
    own = api.submit("review", "/api/reviews", review(), cookie=staff)
    assert own.status == 422 and "connection" in own.json()["error"]["fields"]


def test_a_review_by_someone_paid_by_the_institution_is_refused_and_not_stored(api: Api,
                                                                              moderation: Moderation) -> None:
    cookie = sign_in(api)
    answer = api.submit("review", "/api/reviews", review(connection="connected"), cookie=cookie)
    assert answer.status == 422
    assert "paid by" in answer.json()["error"]["fields"]["connection"]
    assert cli(moderation, "reviews", "list") == []


def test_a_reject_reason_must_be_a_code_of_practice_reason(api: Api, moderation: Moderation) -> None:
    cookie = sign_in(api)
    review_id = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    with pytest.raises(SystemExit):
        cli(moderation, "reviews", "reject", review_id, "--reason", "I do not like it")
    rejected = cli(moderation, "reviews", "reject", review_id, "--reason", "off-topic")
    assert rejected.status == "rejected" and rejected.reason.startswith("Off topic: ")  # type: ignore[attr-defined]
    [entry] = moderation.history(review_id)
    assert (entry.decision, entry.reason_code) == ("rejected", "off-topic")
    assert moderation.review(review_id).expires_at == int(api.clock.now.timestamp()) + 365 * 86400


def test_the_template_deletes_refused_reviews_by_ttl_and_gives_the_trust_routes_their_own_function() -> None:
    from tests.backend.template import resources

    tables = resources("AWS::DynamoDB::Table")
    reviews = tables["ReviewsTable"]["Properties"]
    assert reviews["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert "by-reply-status" in {index["IndexName"] for index in reviews["GlobalSecondaryIndexes"]}
    assert "ReportsTable" in tables
    events = resources("AWS::Serverless::Function")["TrustFunction"]["Properties"]["Events"]
    assert {(event["Properties"]["Path"], event["Properties"]["Method"]) for event in events.values()} == {
        ("/api/reports", "post"), ("/api/replies", "post"), ("/api/address-confirmations", "post"),
        ("/api/confirm-address", "get")}


def test_an_access_request_exports_the_confirmed_domains_and_an_erasure_deletes_them(api: Api) -> None:
    from careermitra.domain.privacy import ReviewsOnErasure
    from careermitra.workflows.privacy import PrivacyRequests, personal_data_export
    from tests.support.api import EMAIL
    from tests.support.fakes import MemoryMailer

    cookie = sign_in(api)
    token = confirmation_token(api, cookie, "student", f"priya.s@{DOMAIN}")
    api.request("GET", "/api/confirm-address", query={"token": token})
    stores = moto_stores()
    user = stores.users.by_email(EMAIL)
    assert user is not None
    export = personal_data_export(user, stores.reviews, stores.listings, api.clock.now, stores.confirmations)
    assert export["institution_addresses_confirmed"][SLUG]["domain"] == DOMAIN
    assert "priya.s@" not in str(export)
    privacy = PrivacyRequests(users=stores.users, reviews=stores.reviews, listings=stores.listings,
                              pending=stores.privacy_requests, mailer=MemoryMailer(), link_for=str,
                              confirmations=stores.confirmations)
    privacy.erase(user, ReviewsOnErasure.DELETE)
    assert stores.confirmations.ties(user.id) == {}

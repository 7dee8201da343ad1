"""Issue 14: "Your reviews" — each review's status and dates, withdrawing one, writing again, the approval mail."""

from __future__ import annotations

import datetime as dt

import pytest

from careermitra.domain.author_reviews import AuthorStatus, author_review, authors_reviews
from careermitra.domain.problems import Duplicate, NotFound
from careermitra.domain.review_submission import ReviewRecord, ReviewSubmission
from careermitra.domain.submission import Status
from careermitra.domain.user import User
from careermitra.workflows.moderation import Moderation
from careermitra.workflows.reviews import submit_review, withdraw_review
from tests.support.api import INSTITUTIONS, Api, review, sent_mail, sign_in
from tests.support.fakes import MemoryCatalogue, MemoryMailer, MemoryQueue, MemoryReviews, MemoryUsers

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
SLUG = "deccan-institute-of-technology"
AUTHOR = User(id="u1", name="Priya Sharma", email="priya.sharma@example.in", phone="+919876543210", city="Pune",
              verified=True, consent_version="2.0", consented_at=NOW, created_at=NOW)

OTHER = AUTHOR.model_copy(update={"id": "u2", "name": "Rahul Verma", "email": "rahul.verma@example.in"})
LATER = NOW + dt.timedelta(days=2)


def store() -> MemoryReviews:
    return MemoryReviews()


def written(reviews: MemoryQueue[ReviewRecord], author: User = AUTHOR, **overrides: object) -> ReviewRecord:
    record, _ = submit_review(ReviewSubmission.model_validate(review(institution=SLUG, **overrides)), author,
                              reviews, MemoryCatalogue(SLUG), NOW)
    return record


# --- the rules, without AWS ------------------------------------------------------------------------------------
def test_each_stored_status_is_shown_to_the_author_with_its_dates_reason_and_link() -> None:
    reviews = store()
    record = written(reviews)
    assert author_review(record).status == AuthorStatus.PENDING
    assert author_review(record).url is None and author_review(record).can_withdraw
    approved = record.model_copy(update={"status": Status.APPROVED, "decided_at": LATER})
    assert (author_review(approved).status, author_review(approved).decided_at) == (AuthorStatus.APPROVED, LATER)
    live = approved.model_copy(update={"published_at": LATER})
    assert author_review(live).status == AuthorStatus.PUBLISHED
    assert author_review(live).url == f"/institutions/{SLUG}/#review-{record.id}"
    rejected = record.model_copy(update={"status": Status.REJECTED, "decided_at": LATER, "reason": "Off topic."})
    assert (author_review(rejected).status, author_review(rejected).reason) == (AuthorStatus.REJECTED, "Off topic.")
    assert author_review(rejected).url is None
    gone = live.model_copy(update={"status": Status.WITHDRAWN, "withdrawn_at": LATER})
    shown = author_review(gone)
    assert (shown.status, shown.withdrawn_at, shown.url, shown.can_withdraw) == (
        AuthorStatus.WITHDRAWN, LATER, None, False)


def test_the_reason_of_an_approval_is_never_shown_and_the_list_is_newest_first() -> None:
    reviews = store()
    first = written(reviews)
    second = first.model_copy(update={"id": "second-id", "created_at": LATER})
    assert [item.id for item in authors_reviews([first, second])] == ["second-id", first.id]


@pytest.mark.parametrize("status", [Status.PENDING, Status.APPROVED, Status.REJECTED])
def test_the_author_may_withdraw_a_review_in_any_status(status: Status) -> None:
    reviews = store()
    record = written(reviews)
    reviews.records[record.id] = record.model_copy(update={"status": status})
    withdrawn = withdraw_review(record.id, AUTHOR, reviews, LATER)
    assert (withdrawn.status, withdrawn.withdrawn_at) == (Status.WITHDRAWN, LATER)
    # The text is not edited
    assert (withdrawn.title, withdrawn.body) == (record.title, record.body)


def test_withdrawing_twice_is_one_withdrawal() -> None:
    reviews = store()
    record = written(reviews)
    first = withdraw_review(record.id, AUTHOR, reviews, LATER)
    again = withdraw_review(record.id, AUTHOR, reviews, LATER + dt.timedelta(hours=1))
    assert again.withdrawn_at == first.withdrawn_at == LATER


def test_nobody_else_may_withdraw_a_review_nor_learn_that_it_exists() -> None:
    reviews = store()
    record = written(reviews)
    with pytest.raises(NotFound) as someone_elses:
        withdraw_review(record.id, OTHER, reviews, LATER)
    with pytest.raises(NotFound) as missing:
        withdraw_review("no-such-review", OTHER, reviews, LATER)
    assert str(someone_elses.value) == str(missing.value)
    assert reviews.get(record.id) == record


def test_a_withdrawn_review_may_be_written_again_but_a_live_one_may_not() -> None:
    reviews = store()
    record = written(reviews)
    reviews.records[record.id] = record.model_copy(update={"status": Status.APPROVED})
    with pytest.raises(Duplicate):
        written(reviews, title="A second opinion")
    withdraw_review(record.id, AUTHOR, reviews, LATER)
    again = written(reviews, title="A second opinion")
    assert (again.status, again.title) == (Status.PENDING, "A second opinion")


def test_approving_mails_the_author_that_the_review_is_live_with_its_link() -> None:
    reviews, users, mailer = store(), MemoryUsers(), MemoryMailer()
    users.add(AUTHOR)
    record = written(reviews)
    moderation = Moderation(users=users, reviews=reviews, listings=MemoryQueue(), tickets=MemoryQueue(),
                            mailer=mailer, clock=lambda: LATER, site_origin="https://careermitra.in")
    moderation.approve_review(record.id)
    [mail] = mailer.sent
    assert (mail.to, mail.subject) == (AUTHOR.email, "Your review is live on Career Mitra")
    assert f"https://careermitra.in/institutions/{SLUG}/#review-{record.id}" in mail.text
    assert record.title in mail.text


# --- through the API handler, on moto --------------------------------------------------------------------------

@pytest.mark.usefixtures("no_personal_data_in_logs")
def test_your_reviews_lists_pending_then_published_then_withdrawn_and_a_new_review_is_accepted(api: Api) -> None:
    import boto3

    from careermitra.api.services import services
    from careermitra.wiring import moderation_over
    from tests.support.api import REGION, moto_stores

    cookie = sign_in(api)
    sent = api.submit("review", "/api/reviews", review(), cookie=cookie).json()
    listed = api.request("GET", "/api/account/reviews", cookie=cookie)
    assert listed.status == 200 and listed.headers["Cache-Control"] == "no-store"
    [pending] = listed.json()["reviews"]
    assert (pending["id"], pending["status"], pending["title"]) == (sent["id"], "pending", review()["title"])
    assert pending["written_at"].startswith("2026-03-02T10:")

    # A moderator approves it: the author is mailed the link; the rebuild marks it published
    moderation_over(moto_stores(), services().mailer, clock=lambda: api.clock.now).approve_review(sent["id"])
    live_mail = sent_mail()[-1]
    assert live_mail["subject"] == "Your review is live on Career Mitra"
    assert f"/institutions/{INSTITUTIONS[0]}/#review-{sent['id']}" in live_mail["text"]
    [approved] = api.request("GET", "/api/account/reviews", cookie=cookie).json()["reviews"]
    assert approved["status"] == "approved" and approved["url"].endswith(f"#review-{sent['id']}")
    # (what the rebuild writes once the page is live: tests/rebuild checks the rebuild itself)
    boto3.resource("dynamodb", region_name=REGION).Table("test-ReviewsTable").update_item(
        Key={"id": sent["id"]}, UpdateExpression="SET published_at = :at",
        ExpressionAttributeValues={":at": "2026-03-02T10:30:00+00:00"})
    [published] = api.request("GET", "/api/account/reviews", cookie=cookie).json()["reviews"]
    assert (published["status"], published["published_at"]) == ("published", "2026-03-02T10:30:00Z")

    # The author withdraws it
    withdrawn = api.request("POST", f"/api/reviews/{sent['id']}/withdraw", cookie=cookie, json_body={})
    assert (withdrawn.status, withdrawn.json()["status"]) == (200, "withdrawn")
    [gone] = api.request("GET", "/api/account/reviews", cookie=cookie).json()["reviews"]
    assert (gone["status"], gone["url"], gone["can_withdraw"]) == ("withdrawn", None, False)
    assert gone["withdrawn_at"] is not None

    # And may write about the institution again
    again = api.submit("review", "/api/reviews", review(title="Looking back a year later"), cookie=cookie)
    assert again.status == 202
    [current] = api.request("GET", "/api/account/reviews", cookie=cookie).json()["reviews"]
    assert (current["status"], current["title"]) == ("pending", "Looking back a year later")


@pytest.mark.usefixtures("no_personal_data_in_logs")
def test_only_the_author_may_withdraw_and_only_when_signed_in(api: Api) -> None:
    cookie = sign_in(api)
    sent = api.submit("review", "/api/reviews", review(), cookie=cookie).json()
    other = sign_in(api, email="rahul.verma@example.in")
    refused = api.request("POST", f"/api/reviews/{sent['id']}/withdraw", cookie=other, json_body={})
    assert (refused.status, refused.json()["error"]["code"]) == (404, "not_found")
    assert api.request("POST", f"/api/reviews/{sent['id']}/withdraw", json_body={}).status == 401
    assert api.request("GET", "/api/account/reviews").status == 401
    assert api.request("GET", "/api/account/reviews", cookie=other).json() == {"reviews": []}
    foreign = api.request("POST", f"/api/reviews/{sent['id']}/withdraw", cookie=cookie, json_body={},
                          headers={"Origin": "https://evil.example"})
    assert foreign.status == 403
    [still] = api.request("GET", "/api/account/reviews", cookie=cookie).json()["reviews"]
    assert still["status"] == "pending"


@pytest.mark.usefixtures("no_personal_data_in_logs")
def test_withdrawing_with_a_plain_form_returns_to_your_reviews(api: Api) -> None:
    cookie = sign_in(api)
    sent = api.submit("review", "/api/reviews", review(), cookie=cookie).json()
    answer = api.request("POST", f"/api/reviews/{sent['id']}/withdraw", cookie=cookie, form={})
    assert (answer.status, answer.location) == (303, "/account/reviews/")


@pytest.mark.usefixtures("no_personal_data_in_logs")
def test_withdrawing_a_published_review_is_a_change_the_rebuild_takes_off_the_page(api: Api) -> None:
    import boto3

    from careermitra.rebuild.changes import affected_institutions
    from careermitra.store.published_reviews import DynamoApprovedReviews
    from tests.support.api import REGION
    from tests.support.privacy import stream_record

    cookie = sign_in(api)
    sent = api.submit("review", "/api/reviews", review(), cookie=cookie).json()
    table = boto3.resource("dynamodb", region_name=REGION).Table("test-ReviewsTable")
    table.update_item(Key={"id": sent["id"]}, UpdateExpression="SET #s = :a",
                      ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":a": "approved"})
    before = table.get_item(Key={"id": sent["id"]})["Item"]
    api.request("POST", f"/api/reviews/{sent['id']}/withdraw", cookie=cookie, json_body={})
    after = table.get_item(Key={"id": sent["id"]})["Item"]
    # The stream record of the withdrawal names the institution, and its approved reviews no longer include it
    assert affected_institutions(stream_record(before, after, "MODIFY")) == {INSTITUTIONS[0]}
    approved = DynamoApprovedReviews("test-ReviewsTable")
    assert sent["id"] not in {published.id for published in approved.approved_for(INSTITUTIONS[0])}


def test_every_stored_status_has_a_status_the_author_reads() -> None:
    # A new moderation outcome (issue 14's "Trust, shown": removed after a report) must say what its author sees.
    from careermitra.domain.author_reviews import STATUS_OF

    assert set(STATUS_OF) | {Status.APPROVED} == set(Status)

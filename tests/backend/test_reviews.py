"""Writing a review: who may, for which institution, how often, and what the moderator sees."""

from __future__ import annotations

import threading

import boto3
import pytest

from careermitra.domain.review_submission import ReviewSubmission
from tests.support.api import INSTITUTIONS, REGION, Api, review, sign_in

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")


def stored_reviews() -> list[dict]:
    return boto3.resource("dynamodb", region_name=REGION).Table("test-ReviewsTable").scan()["Items"]


def test_a_signed_in_person_s_review_is_stored_as_pending_with_their_display_name(api: Api) -> None:
    cookie = sign_in(api)
    answer = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert answer.status == 202
    [stored] = stored_reviews()
    assert answer.json() == {"id": stored["id"], "status": "pending"}
    assert (stored["display_name"], stored["institution"], stored["flags"]) == ("Priya S.", INSTITUTIONS[0], [])
    assert "email" not in stored and "phone" not in stored


def test_an_institution_in_a_subfolder_of_the_content_exists_too(api: Api) -> None:
    cookie = sign_in(api)
    assert api.submit("review", "/api/reviews", review(institution=INSTITUTIONS[2]), cookie=cookie).status == 202


def test_without_signing_in_a_review_is_refused_with_401(api: Api) -> None:
    answer = api.submit("review", "/api/reviews", review())
    assert answer.status == 401
    assert answer.json()["error"]["code"] == "not_signed_in"
    assert stored_reviews() == []


def test_a_review_of_an_institution_not_on_the_site_is_refused(api: Api) -> None:
    cookie = sign_in(api)
    answer = api.submit("review", "/api/reviews", review(institution="no-such-college"), cookie=cookie)
    assert answer.status == 422
    assert answer.json()["error"]["fields"] == {"institution": "choose an institution listed on the site"}


def test_a_second_review_of_the_same_institution_gets_409_with_a_clear_message(api: Api) -> None:
    cookie = sign_in(api)
    api.submit("review", "/api/reviews", review(), cookie=cookie)
    answer = api.submit("review", "/api/reviews", review(title="Changed my mind", rating=2), cookie=cookie)
    assert answer.status == 409
    assert answer.json()["error"]["message"] == \
        "You have already reviewed this institution; each person can review it once."
    assert len(stored_reviews()) == 1


def test_after_a_rejection_the_author_may_write_a_new_review_which_replaces_it(api: Api) -> None:
    from careermitra.api.services import services

    cookie = sign_in(api)
    first = api.submit("review", "/api/reviews", review(), cookie=cookie).json()
    assert services().reviews.decide(first["id"], "pending", "rejected", api.clock.now, "reason",
                                     "It names a member of staff.") is not None
    again = api.submit("review", "/api/reviews", review(title="Second try, without names"), cookie=cookie)
    assert again.status == 202
    assert again.json() == {"id": first["id"], "status": "pending"}
    [stored] = stored_reviews()
    assert (stored["status"], stored["title"]) == ("pending", "Second try, without names")
    assert "reason" not in stored and "decided_at" not in stored  # the old decision went with the old text
    # Waiting for moderation again, it counts as the person's review of the institution.
    assert api.submit("review", "/api/reviews", review(title="A third one"), cookie=cookie).status == 409


def test_an_approved_review_is_not_replaced(api: Api) -> None:
    from careermitra.api.services import services

    cookie = sign_in(api)
    first = api.submit("review", "/api/reviews", review(), cookie=cookie).json()
    services().reviews.decide(first["id"], "pending", "approved", api.clock.now, "reason", None)
    assert api.submit("review", "/api/reviews", review(title="Changed my mind"), cookie=cookie).status == 409
    assert [item["status"] for item in stored_reviews()] == ["approved"]


def test_the_same_review_sent_twice_is_one_record_and_the_same_answer(api: Api) -> None:
    cookie = sign_in(api)
    first = api.submit("review", "/api/reviews", review(), cookie=cookie)
    again = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert (first.status, again.status) == (202, 202)
    assert first.json() == again.json()
    assert len(stored_reviews()) == 1


def test_twenty_concurrent_duplicates_make_one_record(api: Api) -> None:
    # Given a signed-in author and the store the API writes through
    from careermitra.api.services import services
    from careermitra.workflows.reviews import submit_review

    sign_in(api)
    svc = services()
    author = svc.accounts.users.by_email("priya.sharma@example.in")
    submission = ReviewSubmission.model_validate(review())
    start = threading.Barrier(20)
    ids: list[str] = []

    def send() -> None:
        start.wait()
        record, _ = submit_review(submission, author, svc.reviews, svc.catalogue, api.clock.now)
        ids.append(record.id)

    # When twenty identical submissions race each other
    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then every one is answered with the same review, and one record exists
    assert len(ids) == 20
    assert len(set(ids)) == 1
    assert len(stored_reviews()) == 1


@pytest.mark.parametrize(("text", "flags"), [
    ("Visit www.example-coaching.com for better notes than the library has.", ["link"]),
    ("Write to the hostel warden at warden.pune@example.com about rooms.", ["email"]),
    ("Call the placement cell on 98765 43210 before the drive starts.", ["phone"]),
])
def test_links_emails_and_phone_numbers_in_a_review_are_flagged_for_the_moderator(
        api: Api, text: str, flags: list[str]) -> None:
    cookie = sign_in(api)
    body = f"{text} The teaching was good and the labs were open late most days."
    assert api.submit("review", "/api/reviews", review(body=body), cookie=cookie).status == 202
    assert stored_reviews()[0]["flags"] == flags


@pytest.mark.parametrize(("overrides", "fields"), [
    ({"rating": 6}, {"rating"}),
    ({"aspects": {"faculty": 0, "infrastructure": 3, "placements": 4, "campus_life": 5, "value_for_money": 3}},
     {"aspects.faculty"}),
    ({"body": "Too short."}, {"body"}),
    ({"title": ""}, {"title"}),
    ({"graduation_year": 1900}, {"graduation_year"}),
])
def test_out_of_range_ratings_and_lengths_are_refused_naming_the_field(
        api: Api, overrides: dict, fields: set[str]) -> None:
    cookie = sign_in(api)
    answer = api.submit("review", "/api/reviews", review(**overrides), cookie=cookie)
    assert answer.status == 422
    assert set(answer.json()["error"]["fields"]) == fields


def test_a_review_posted_as_a_plain_form_redirects_to_the_thank_you_page(api: Api) -> None:
    cookie = sign_in(api)
    fields = {**review(), "aspects.faculty": "4", "aspects.infrastructure": "3", "aspects.placements": "4",
              "aspects.campus_life": "5", "aspects.value_for_money": "3"}
    del fields["aspects"]
    answer = api.submit("review", "/api/reviews", fields, as_form=True, cookie=cookie)
    assert (answer.status, answer.location) == (303, "/reviews/thanks/")
    assert stored_reviews()[0]["aspects"]["campus_life"] == 5

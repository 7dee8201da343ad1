"""Faults during a submission: SES failing, and DynamoDB's conditional checks failing because another request
got there first. Every accepted submission is stored exactly once, and the person gets a clear answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import boto3
import pytest

from careermitra.workflows.accounts import MAIL_NOT_SENT
from tests.support.api import EMAIL, OFFICER, Api, contact_message, link_in, registration, review, sent_mail, sign_in


def items(table: str, prefix: str = "") -> list[dict[str, Any]]:
    """Every item of a test table (whose key attribute starts with `prefix`, when given)."""
    found = boto3.client("dynamodb").scan(TableName=f"test-{table}", ConsistentRead=True)["Items"]
    return [item for item in found if not prefix or next(iter(
        value for name, value in item.items() if name in ("pk", "id")))["S"].startswith(prefix)]


class SesDown:
    """SES refusing to send (the account's sending paused), on the API's own SES client, until `up()`."""

    def __init__(self) -> None:
        from careermitra.api.services import services

        self.down, self.refused = True, 0
        client = services().mailer._mailer._client  # type: ignore[attr-defined]  # SuppressingMailer(SesMailer)
        client.meta.events.register("before-call.ses.SendEmail", self._answer)

    def _answer(self, **_: Any) -> tuple[Any, dict[str, Any]] | None:
        """What botocore makes of SES's refusal: the HTTP answer and its parsed error (no request is sent)."""
        if not self.down:
            return None
        self.refused += 1
        return SimpleNamespace(status_code=400, headers={}), {
            "Error": {"Code": "AccountSendingPausedException", "Message": "injected", "Type": "Sender"},
            "ResponseMetadata": {"HTTPStatusCode": 400}}

    def up(self) -> None:
        self.down = False


def first_lands_first(operation: str, competitor: Callable[[], None]) -> Callable[[], bool]:
    """Before the API's first `operation` call, run `competitor`: another request's write that gets there first."""
    from careermitra.store.dynamodb import dynamodb_resource

    fired = [False]

    def before(**_: Any) -> None:
        if not fired[0]:
            fired[0] = True
            competitor()

    dynamodb_resource().meta.client.meta.events.register(f"before-call.dynamodb.{operation}", before)
    return lambda: fired[0]


# --- SES failing ------------------------------------------------------------------------------------------


def test_registration_while_ses_fails_says_so_and_works_when_asked_again(api: Api) -> None:
    # Given SES refuses to send
    ses = SesDown()
    # When someone registers
    answer = api.submit("register", "/api/register", registration())
    # Then the answer says in plain words that no mail went and nothing was saved, with no framework wording
    assert ses.refused == 1
    error = answer.json()["error"]
    assert answer.status == 500 and error["message"] == MAIL_NOT_SENT
    assert "Exception" not in answer.body and "Traceback" not in answer.body
    assert not items("UsersTable", "USER#")
    # When SES is back and they try again at once (the mailbox is not held by the failed attempt)
    ses.up()
    api.clock.advance(seconds=5)
    again = api.submit("register", "/api/register", registration())
    assert again.status == 202 and again.json() == {"status": "verification_sent"}
    # Then one mail arrives, and following it makes exactly one account
    [mail] = sent_mail()
    api.request("GET", "/api/verify", query={"token": link_in(mail["text"]).split("token=", 1)[1]})
    assert len(items("UsersTable", "USER#")) == 1


def test_a_form_post_while_ses_fails_lands_on_an_error_page(api: Api) -> None:
    SesDown()
    answer = api.submit("register", "/api/register", registration(), as_form=True)
    assert answer.status == 303 and answer.location.startswith("/form-error/internal/")


def test_a_contact_message_while_ses_fails_is_one_ticket_and_the_sender_gets_its_number(api: Api) -> None:
    # Given SES refuses to send
    ses = SesDown()
    # When a grievance is sent, and sent again (the person saw no mail)
    first = api.submit("contact", "/api/contact", contact_message())
    second = api.submit("contact", "/api/contact", contact_message())
    # Then both answers carry the same ticket number, and the table holds that one ticket
    assert first.status == 202 and second.status == 202
    assert first.json()["ticket"] == second.json()["ticket"]
    [ticket] = items("TicketsTable")
    assert ticket["id"]["S"] == first.json()["ticket"] and ticket["status"]["S"] == "open"
    assert ses.refused == 2  # the acknowledgement and the officer's notice were tried, once
    assert not sent_mail()


def test_a_review_and_its_rejection_while_ses_fails_are_each_stored_once(api: Api) -> None:
    from careermitra.api.services import services
    from careermitra.workflows.moderation import Moderation

    cookie = sign_in(api)
    ses = SesDown()
    # When a review is sent while SES is down: it needs no mail, and is queued once
    answer = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert answer.status == 202 and answer.json()["status"] == "pending"
    review_id = answer.json()["id"]
    # When a moderator rejects it while SES is down
    svc = services()
    moderation = Moderation(users=svc.accounts.users, reviews=svc.reviews, listings=svc.listings,
                            tickets=svc.tickets, mailer=svc.mailer, clock=lambda: api.clock.now)
    rejected = moderation.reject_review(review_id, "personal-data")
    # Then the rejection is recorded once although the author's mail could not be sent
    assert rejected.status == "rejected" and ses.refused == 1
    [stored] = items("ReviewsTable")
    assert stored["id"]["S"] == review_id and stored["status"]["S"] == "rejected"


# --- conditional checks failing: another request got there first -------------------------------------------


def test_the_same_review_sent_twice_at_once_is_stored_once_and_both_get_its_id(api: Api) -> None:
    from careermitra.api.services import services
    from careermitra.domain.review_submission import ReviewSubmission
    from careermitra.workflows.reviews import submit_review

    cookie = sign_in(api)
    [user] = [services().accounts.users.by_email(EMAIL, api.clock.now)]
    assert user is not None
    svc = services()

    def the_other_request() -> None:  # a double click: the same review, handled by another Lambda, lands first
        submit_review(ReviewSubmission.model_validate(review()), user, svc.reviews, svc.catalogue, api.clock.now)

    fired = first_lands_first("PutItem", the_other_request)
    answer = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert fired()
    # Then ours hit the conditional check, and got the stored review back: one review, one id
    assert answer.status == 202
    [stored] = items("ReviewsTable")
    assert stored["id"]["S"] == answer.json()["id"]


def test_a_different_review_racing_the_first_gets_a_clear_409(api: Api) -> None:
    from careermitra.api.services import services
    from careermitra.domain.review_submission import ReviewSubmission
    from careermitra.workflows.reviews import submit_review

    cookie = sign_in(api)
    svc = services()
    user = svc.accounts.users.by_email(EMAIL, api.clock.now)
    assert user is not None

    def the_other_request() -> None:  # the same person's other tab, with another text, lands first
        submit_review(ReviewSubmission.model_validate(review(title="Good teachers, old labs")), user, svc.reviews,
                      svc.catalogue, api.clock.now)

    first_lands_first("PutItem", the_other_request)
    answer = api.submit("review", "/api/reviews", review(), cookie=cookie)
    assert answer.status == 409
    assert answer.json()["error"]["fields"] == {"institution": "you have already reviewed this institution"}
    [stored] = items("ReviewsTable")
    assert stored["title"]["S"] == "Good teachers, old labs"


def test_one_form_token_in_two_requests_at_once_makes_one_ticket(api: Api) -> None:
    from careermitra.api.form_specs import FORMS
    from careermitra.api.guard import claim_form_token
    from careermitra.api.services import services
    from careermitra.domain.ticket import ContactMessage
    from careermitra.workflows.contact import open_ticket

    token = api.form_token("contact")
    svc = services()

    def the_other_request() -> None:  # the same form sent twice (a double submit): the other copy wins the token
        claim_form_token(FORMS["contact"], token, svc)
        open_ticket(ContactMessage.model_validate(contact_message()), svc.tickets, svc.mailer,
                    svc.settings.grievance_email, api.clock.now)

    first_lands_first("PutItem", the_other_request)
    answer = api.request("POST", "/api/contact", json_body={**contact_message(), "form_token": token,
                                                            "fax_number": ""})
    # Then ours is told plainly that the form went already, and there is one ticket, acknowledged once
    assert answer.status == 409
    assert "already" in answer.json()["error"]["fields"]["form_token"]
    assert len(items("TicketsTable")) == 1
    assert sorted(mail["to"][0] for mail in sent_mail()) == sorted([EMAIL, OFFICER])


def test_an_account_created_by_a_racing_request_is_the_one_signed_in(api: Api) -> None:
    from careermitra.api.services import services
    from careermitra.domain.user import User

    # Given a registration link in the mailbox
    assert api.submit("register", "/api/register", registration()).status == 202
    [mail] = sent_mail()
    users = services().accounts.users

    def the_other_request() -> None:  # the same person's account made by another request just before ours
        now = api.clock.now
        users.add(User(id="other-request", name="Priya Sharma", email=EMAIL, phone="+919876543210", city="Pune",
                       verified=True, consent_version="2.0", consented_at=now, created_at=now,
                       consent_history=[]))

    fired = first_lands_first("TransactWriteItems", the_other_request)
    # When the link is followed and its account creation loses the race (the transaction is cancelled)
    answer = api.request("GET", "/api/verify", query={"token": link_in(mail["text"]).split("token=", 1)[1]})
    assert fired()
    # Then the person is signed in to the one account there is, with no error
    assert answer.status == 303 and answer.location == "/account/verified/"
    [account] = items("UsersTable", "USER#")
    assert account["id"]["S"] == "other-request"
    session = answer.cookie("cm_session")
    assert session
    signed_in = api.request("GET", "/api/session", cookie=session.split(";", 1)[0]).json()
    assert signed_in["authenticated"] is True


@pytest.fixture(autouse=True)
def _fresh_day(api: Api) -> None:
    api.clock.now = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)

"""The workflows' rules over in-memory stores (tests/support/fakes.py): no DynamoDB, no moto."""

from __future__ import annotations

import datetime as dt

import pytest

from careermitra.domain.problems import Duplicate, InvalidInput
from careermitra.domain.review_submission import ReviewRecord, ReviewSubmission
from careermitra.domain.submission import Status
from careermitra.domain.ticket import ContactMessage, TicketRecord
from careermitra.domain.user import User
from careermitra.store.reviews import ReviewStore
from careermitra.store.tickets import TicketStore
from careermitra.store.users import UserStore
from careermitra.workflows.contact import open_ticket
from careermitra.workflows.moderation import Moderation
from careermitra.workflows.reviews import submit_review
from tests.support.api import review
from tests.support.fakes import MemoryCatalogue, MemoryMailer, MemoryQueue, MemoryReviews, MemoryUsers

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
SLUG = "deccan-institute-of-technology"
AUTHOR = User(id="u1", name="Priya Sharma", email="priya.sharma@example.in", phone="+919876543210", city="Pune",
              verified=True, consent_version="2.0", consented_at=NOW, created_at=NOW)


@pytest.fixture
def users() -> UserStore:
    users = MemoryUsers()
    users.add(AUTHOR)
    return users


@pytest.fixture
def reviews() -> ReviewStore:
    return MemoryReviews()


@pytest.fixture
def tickets() -> TicketStore:
    return MemoryQueue[TicketRecord]()


def submitted(reviews: ReviewStore, **overrides: object) -> tuple[ReviewRecord, bool]:
    return submit_review(ReviewSubmission.model_validate(review(**overrides)), AUTHOR, reviews,
                         MemoryCatalogue(SLUG), NOW)


def test_a_review_is_queued_once_and_a_resend_gets_the_same_record(reviews: ReviewStore) -> None:
    first, new = submitted(reviews)
    again, new_again = submitted(reviews)
    assert (new, new_again) == (True, False)
    assert again == first and first.status == Status.PENDING and first.display_name == "Priya S."
    with pytest.raises(Duplicate, match="already reviewed"):
        submitted(reviews, title="A different opinion")


def test_a_review_of_an_unknown_institution_is_refused(reviews: ReviewStore) -> None:
    with pytest.raises(InvalidInput, match="no such institution"):
        submitted(reviews, institution="nowhere-college")


def test_rejecting_tells_the_author_and_a_decision_is_final(users: UserStore, reviews: ReviewStore,
                                                            tickets: TicketStore) -> None:
    record, _ = submitted(reviews)
    mailer = MemoryMailer()
    moderation = Moderation(users=users, reviews=reviews, listings=MemoryQueue(), tickets=tickets, mailer=mailer,
                            clock=lambda: NOW)
    rejected = moderation.reject_review(record.id, "personal-data")
    assert (rejected.status, rejected.decided_at) == (Status.REJECTED, NOW)
    assert rejected.reason and rejected.reason.startswith("Personal details: It names or identifies a private person")
    [mail] = mailer.sent
    assert mail.to == AUTHOR.email and rejected.reason in mail.text
    with pytest.raises(Duplicate, match="rejected already"):
        moderation.approve_review(record.id)
    resent, new = submitted(reviews, title="Written again after the rejection")
    assert new and resent.status == Status.PENDING  # a rejected review may be replaced by a new one


def test_a_ticket_is_kept_when_the_mail_fails(tickets: TicketStore) -> None:
    message = ContactMessage(name="Priya Sharma", email="priya.sharma@example.in", subject="Wrong fees listed",
                             message="The B.Tech fees on the Deccan page are last year's.")
    record, new = open_ticket(message, tickets, MemoryMailer(failing=True), "grievance.officer@careermitra.in", NOW)
    assert new and tickets.get(record.id) == record
    again, new_again = open_ticket(message, tickets, MemoryMailer(), "grievance.officer@careermitra.in", NOW)
    assert again == record and not new_again

"""The rules of issue 14's "Trust, shown", without AWS: reason codes, the disclosure question, the collection
period, institution mail domains, confirmation links, one reply per review and the decision log."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from careermitra.domain.moderation_reasons import KEEP_CODE, REASON_BY_CODE, REASONS, ReasonCode, reason_for
from careermitra.domain.problems import Duplicate, Forbidden, InvalidInput, NotFound
from careermitra.domain.review_submission import ReviewSubmission
from careermitra.domain.submission import Status
from careermitra.domain.trust import (
    AddressConfirmation,
    Relationship,
    ReplySubmission,
    ReportRecord,
    ReportSubmission,
    check_email_domain,
    collection_period,
    domain_of,
)
from careermitra.domain.user import User
from careermitra.workflows.moderation import Moderation
from careermitra.workflows.reviews import submit_review
from careermitra.workflows.trust import Trust
from tests.support.api import review
from tests.support.fakes import (
    MemoryCatalogue,
    MemoryConfirmations,
    MemoryMailer,
    MemoryQueue,
    MemoryReviews,
    MemoryUsers,
)

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
SLUG = "deccan-institute-of-technology"
DOMAIN = f"students.{SLUG}.example"
AUTHOR = User(id="u1", name="Priya Sharma", email="priya.sharma@example.in", phone="+919876543210", city="Pune",
              verified=True, consent_version="2.0", consented_at=NOW, created_at=NOW)
STAFF = AUTHOR.model_copy(update={"id": "u2", "name": "Rahul Verma", "email": "rahul.verma@example.in"})


class World:
    """The trust workflow and moderation over in-memory stores, with one pending review by AUTHOR."""

    def __init__(self) -> None:
        self.reviews = MemoryReviews()
        self.reports = MemoryQueue[ReportRecord]()
        self.confirmations = MemoryConfirmations()
        self.mailer = MemoryMailer()
        self.users = MemoryUsers()
        self.users.add(AUTHOR)
        self.catalogue = MemoryCatalogue(SLUG, domains={SLUG: [DOMAIN]})
        self.links: list[str] = []
        self.trust = Trust(reviews=self.reviews, reports=self.reports,
                           confirmations=self.confirmations, catalogue=self.catalogue, mailer=self.mailer,
                           link_for=self._link)
        self.moderation = Moderation(users=self.users, reviews=self.reviews, listings=MemoryQueue(),
                                     tickets=MemoryQueue(), mailer=self.mailer, clock=lambda: NOW,
                                     reports=self.reports, moderator="meera")

    def _link(self, token: str) -> str:
        self.links.append(token)
        return f"https://careermitra.in/api/confirm-address?token={token}"

    def submit(self, **overrides: object) -> str:
        record, _ = submit_review(ReviewSubmission.model_validate(review(institution=SLUG, **overrides)), AUTHOR,
                                  self.reviews, self.catalogue, NOW,
                                  tie=self.confirmations.tie(AUTHOR.id, SLUG))
        return record.id

    def confirm(self, user: User, relationship: str, email: str) -> str:
        self.trust.request_confirmation(AddressConfirmation(institution=SLUG, email=email,
                                                            relationship=Relationship(relationship)), user, NOW)
        return self.links[-1]


@pytest.fixture
def world() -> World:
    return World()


# --- reason codes ----------------------------------------------------------------------------------------
def test_the_reasons_are_a_fixed_list_of_codes_and_nothing_else_is_accepted() -> None:
    assert [reason.code for reason in REASONS] == [code.value for code in ReasonCode]
    assert set(REASON_BY_CODE) == {"personal-data", "abuse", "conflict-of-interest", "not-first-hand", "off-topic",
                                   "advertising", "duplicate", "unlawful"}
    assert reason_for(" Abuse ").code == "abuse"
    with pytest.raises(InvalidInput, match="not one of the reasons") as refused:
        reason_for("I did not like it")
    assert "personal-data" in refused.value.fields["reason"]
    with pytest.raises(InvalidInput):
        reason_for("abuse", keeping=True)  # keeping a review has one reason only
    assert reason_for(KEEP_CODE, keeping=True).code == KEEP_CODE


def test_no_reason_is_about_the_rating_so_one_star_and_five_are_refused_alike(world: World) -> None:
    assert not any("star" in reason.explanation or "rating" in reason.explanation for reason in REASONS)
    one_star = world.moderation.reject_review(world.submit(rating=1), "advertising")
    five_stars = world.moderation.reject_review(world.submit(rating=5, title="Written again"), "advertising")
    assert (one_star.rating, five_stars.rating) == (1, 5)
    assert one_star.reason == five_stars.reason and one_star.decisions[-1].reason_code == "advertising"
    with pytest.raises(InvalidInput):
        world.moderation.reject_review(world.submit(rating=5, title="Third try"), "too positive")


# --- the disclosure question -------------------------------------------------------------------------------
def test_a_review_by_someone_tied_to_the_institution_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValidationError) as refused:
        ReviewSubmission.model_validate(review(connection="connected"))
    problem = InvalidInput.from_validation(refused.value)
    assert "works for, is paid by or received anything from the institution" in problem.fields["connection"]
    with pytest.raises(ValidationError):
        ReviewSubmission.model_validate({key: value for key, value in review().items() if key != "connection"})
    assert ReviewSubmission.model_validate(review()).connection == "none"


def test_a_confirmed_representative_cannot_review_their_institution(world: World) -> None:
    token = world.confirm(AUTHOR, "representative", f"office@staff.{DOMAIN}")
    assert world.trust.confirm_address(token, NOW) is not None
    with pytest.raises(InvalidInput) as refused:
        world.submit()
    assert "connection" in refused.value.fields


# --- the collection period and mail domains ------------------------------------------------------------------
def test_the_collection_period_runs_from_the_oldest_review_s_month_to_the_newest_s() -> None:
    dates = [dt.date(2026, 11, 3), dt.date(2025, 9, 30), dt.date(2026, 1, 1)]
    assert collection_period(dates) == "Sep 2025 \u2013 Nov 2026"
    assert collection_period([dt.date(2026, 4, 1), dt.date(2026, 4, 30)]) == "Apr 2026"
    assert collection_period([]) == ""


def test_an_address_is_at_an_institution_domain_or_one_of_its_subdomains_only() -> None:
    assert domain_of("Asha@Students.Deccan.example", ["students.deccan.example"]) == "students.deccan.example"
    assert domain_of("asha@cs.students.deccan.example", ["students.deccan.example"]) == "students.deccan.example"
    assert domain_of("asha@evilstudents.deccan.example", ["students.deccan.example"]) is None
    assert domain_of("asha@students.deccan.example.com", ["students.deccan.example"]) is None
    assert domain_of("not an address", ["students.deccan.example"]) is None
    assert check_email_domain("students.deccan.example") == "students.deccan.example"
    for bad in ("https://deccan.example", "@deccan.example", "Deccan.Example", "localhost"):
        with pytest.raises(ValueError, match="is not a mail domain"):
            check_email_domain(bad)


def test_an_address_outside_the_institution_s_domains_is_refused_naming_them(world: World) -> None:
    with pytest.raises(InvalidInput) as refused:
        world.confirm(AUTHOR, "student", "priya@gmail.com")
    assert f"@{DOMAIN}" in refused.value.fields["email"]
    assert world.mailer.sent == [] and world.confirmations.links == {}


# --- confirmation links ---------------------------------------------------------------------------------------
def test_a_confirmation_link_works_once_and_keeps_the_domain_not_the_address(world: World) -> None:
    review_id = world.submit()
    token = world.confirm(AUTHOR, "alumnus", f"priya.s@{DOMAIN}")
    [mail] = world.mailer.sent
    assert mail.to == f"priya.s@{DOMAIN}" and token in mail.text
    assert world.trust.confirm_address(token, NOW + dt.timedelta(hours=1)) is not None
    assert world.trust.confirm_address(token, NOW + dt.timedelta(hours=1)) is None  # used
    verification = world.reviews.records[review_id].verification
    assert verification is not None
    assert (verification.relationship, verification.domain) == (Relationship.ALUMNUS, DOMAIN)
    assert "priya.s" not in verification.model_dump_json()
    world.moderation.approve_review(review_id)
    assert world.moderation.review(review_id).published().badge == "Verified alumnus"


def test_a_confirmation_link_expires_after_a_day(world: World) -> None:
    token = world.confirm(AUTHOR, "student", f"priya@{DOMAIN}")
    assert world.trust.confirm_address(token, NOW + dt.timedelta(hours=24, seconds=1)) is None
    assert world.confirmations.tie(AUTHOR.id, SLUG) is None


def test_a_review_written_after_confirming_carries_the_badge(world: World) -> None:
    world.trust.confirm_address(world.confirm(AUTHOR, "student", f"priya@{DOMAIN}"), NOW)
    review_id = world.submit()
    world.moderation.approve_review(review_id)
    assert world.moderation.review(review_id).published().verified == "student"


# --- reports, replies and the decision log ----------------------------------------------------------------------
def test_a_report_waits_for_a_moderator_and_the_review_stays_up_until_removed(world: World) -> None:
    review_id = world.submit()
    with pytest.raises(NotFound):  # only a published review can be reported
        world.trust.report(ReportSubmission(review=review_id, reason="abuse"), NOW)
    world.moderation.approve_review(review_id)
    report = world.trust.report(ReportSubmission(review=review_id, reason="personal-data", note="Names a teacher"),
                                NOW)
    assert world.moderation.review(review_id).status == Status.APPROVED
    with pytest.raises(InvalidInput):
        world.moderation.resolve_report(report.id, remove=True, reason=KEEP_CODE)
    resolved = world.moderation.resolve_report(report.id, remove=True, reason="personal-data")
    assert resolved.status == "removed" and resolved.resolution == "personal-data"
    removed = world.moderation.review(review_id)
    assert removed.status == Status.REMOVED
    assert removed.expires_at == int((NOW + dt.timedelta(days=365)).timestamp())  # kept one year, then deleted
    with pytest.raises(Duplicate):
        world.moderation.resolve_report(report.id, remove=False, reason=KEEP_CODE)


def test_every_decision_is_logged_with_moderator_time_and_reason_code(world: World) -> None:
    review_id = world.submit()
    world.moderation.approve_review(review_id)
    kept = world.trust.report(ReportSubmission(review=review_id, reason="abuse"), NOW)
    world.moderation.resolve_report(kept.id, remove=False, reason=KEEP_CODE)
    removed = world.trust.report(ReportSubmission(review=review_id, reason="advertising"), NOW)
    world.moderation.resolve_report(removed.id, remove=True, reason="advertising")
    history = [(entry.decision, entry.moderator, entry.at, entry.reason_code, entry.report)
               for entry in world.moderation.history(review_id)]
    assert history == [("approved", "meera", NOW, None, None), ("kept", "meera", NOW, KEEP_CODE, kept.id),
                       ("removed", "meera", NOW, "advertising", removed.id)]


def test_one_reply_per_review_only_from_a_confirmed_representative(world: World) -> None:
    review_id = world.submit()
    world.moderation.approve_review(review_id)
    reply = ReplySubmission(review=review_id, body="Thank you; the evening labs now have more seats.")
    with pytest.raises(Forbidden):
        world.trust.reply(reply, STAFF, NOW)
    world.trust.confirm_address(world.confirm(STAFF, "representative", f"office@{DOMAIN}"), NOW)
    world.trust.reply(reply, STAFF, NOW)
    with pytest.raises(Duplicate, match="one"):
        world.trust.reply(reply, STAFF, NOW)
    assert world.moderation.review(review_id).published().reply is None  # moderated first
    approved = world.moderation.decide_reply(review_id, approve=True)
    shown = approved.published().reply
    assert shown is not None and shown.body.startswith("Thank you")
    assert [entry.decision for entry in world.moderation.history(review_id)] == ["approved", "reply_approved"]
    with pytest.raises(Duplicate):
        world.moderation.decide_reply(review_id, approve=False, reason="abuse")

"""What an editor does with the queues: approve, reject with a reason (the author is told), export, close."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from careermitra.domain.listing import ListingRecord, institution_file_text
from careermitra.domain.moderation_reasons import Reason, reason_for
from careermitra.domain.problems import Duplicate, InvalidInput, NotFound
from careermitra.domain.review_submission import ReviewRecord, review_url
from careermitra.domain.submission import Status
from careermitra.domain.ticket import TicketRecord, TicketStatus
from careermitra.domain.trust import REFUSED_TEXT_KEPT, Decision, DecisionRecord, ReportRecord
from careermitra.i18n import localized_url
from careermitra.mail.messages import (
    Mailer,
    listing_rejected_message,
    review_live_message,
    review_rejected_message,
    ticket_reply,
)
from careermitra.store.dynamodb import epoch
from careermitra.store.listings import ListingStore
from careermitra.store.reports import ReportStore
from careermitra.store.reviews import ReviewStore
from careermitra.store.tickets import TicketStore
from careermitra.store.users import UserStore
from careermitra.workflows.contact import send_after_commit


class _Decidable(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def status(self) -> Status | TicketStatus: ...


Decided = TypeVar("Decided", bound=_Decidable)
Found = TypeVar("Found")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Moderation:
    users: UserStore
    reviews: ReviewStore
    listings: ListingStore
    tickets: TicketStore
    mailer: Mailer
    clock: Callable[[], dt.datetime] = _now
    site_origin: str = "https://careermitra.in"  # the links of the mails to authors
    reports: ReportStore | None = None
    moderator: str = "unknown"  # who is deciding: every decision on a review is logged with it

    def review(self, review_id: str) -> ReviewRecord:
        return _found(self.reviews.get(review_id), "review", review_id)

    def approve_review(self, review_id: str) -> ReviewRecord:
        """Approve a pending review and tell its author it is live, with the link; the table's stream then
        publishes it through the rebuild."""
        now = self.clock()
        record = self._decided(self.reviews.decide(review_id, Status.PENDING, Status.APPROVED, now,
                                                   "reason", None), self.review(review_id))
        self._log(review_id, "approved", now, None)
        author = self.users.get(record.user_id) if record.user_id else None
        if author is not None:
            # The institution's page in the language of the mail (the Hindi page shows every review too).
            link = self.site_origin + localized_url(review_url(record.institution, record.id), author.language)
            send_after_commit(self.mailer, review_live_message(author.email, author.name, record.title, link,
                                                                  author.language),
                              "review_live")
        return record

    def reject_review(self, review_id: str, reason: str) -> ReviewRecord:
        """Reject a pending review for one of the code of practice's reasons and tell its author why."""
        return self._refuse(review_id, Status.PENDING, Status.REJECTED, reason_for(reason))

    def remove_review(self, review_id: str, reason: str, report: str | None = None) -> ReviewRecord:
        """Take a published review off the site for one of the code's reasons; the rebuild removes it."""
        return self._refuse(review_id, Status.APPROVED, Status.REMOVED, reason_for(reason), report)

    def _refuse(self, review_id: str, expected: Status, status: Status, reason: Reason,
                report: str | None = None) -> ReviewRecord:
        now = self.clock()
        text = f"{reason.title}: {reason.explanation}"
        record = self._decided(self.reviews.decide(review_id, expected, status, now, "reason", text),
                               self.review(review_id))
        self._log(review_id, "rejected" if status == Status.REJECTED else "removed", now, reason.code, report,
                  expires=now + REFUSED_TEXT_KEPT)
        author = self.users.get(record.user_id) if record.user_id else None
        if author is not None:
            send_after_commit(self.mailer, review_rejected_message(author.email, author.name, record.title, text,
                                                                      author.language),
                              "review_rejected")
        return self.review(review_id)

    def _log(self, review_id: str, decision: Decision, now: dt.datetime, reason_code: str | None,
             report: str | None = None, expires: dt.datetime | None = None) -> None:
        entry = DecisionRecord(decision=decision, moderator=self.moderator, at=now, reason_code=reason_code,
                               report=report)
        self.reviews.log_decision(review_id, entry, epoch(expires) if expires else None)

    def history(self, review_id: str) -> list[DecisionRecord]:
        """Every decision on a review, oldest first: who, when, what and the reason code."""
        return list(self.review(review_id).decisions)

    def report_queue(self) -> ReportStore:
        if self.reports is None:
            raise RuntimeError("no reports table here")
        return self.reports

    def report(self, report_id: str) -> ReportRecord:
        return _found(self.report_queue().get(report_id), "report", report_id)

    def resolve_report(self, report_id: str, remove: bool, reason: str) -> ReportRecord:
        """Keep the reported review (reason `no-rule-broken`) or remove it for one of the code's reasons."""
        report = self.report(report_id)
        checked = reason_for(reason, keeping=not remove)
        if report.status != "open":
            raise Duplicate(f"Report {report_id} is {report.status} already.")
        if remove:
            review = self.review(report.review_id)
            if review.status == Status.APPROVED:
                self.remove_review(report.review_id, checked.code, report=report_id)
        now = self.clock()
        decided = self.report_queue().decide(report_id, "open", "removed" if remove else "kept", now, "resolution",
                                         checked.code)
        if decided is None:
            raise Duplicate(f"Report {report_id} was resolved meanwhile.")
        if not remove:
            self._log(report.review_id, "kept", now, checked.code, report_id)
        return decided

    def decide_reply(self, review_id: str, approve: bool, reason: str | None = None) -> ReviewRecord:
        """Approve an institution's pending reply (the rebuild shows it) or reject it for one of the code's reasons."""
        code = None if approve else reason_for(reason or "").code
        now = self.clock()
        record = self.reviews.decide_reply(review_id, "approved" if approve else "rejected", now, code)
        if record is None:
            raise Duplicate(f"Review {review_id} has no reply waiting for a decision.")
        self._log(review_id, "reply_approved" if approve else "reply_rejected", now, code)
        return self.review(review_id)

    def listing(self, listing_id: str) -> ListingRecord:
        return _found(self.listings.get(listing_id), "listing request", listing_id)

    def approve_listing(self, listing_id: str) -> ListingRecord:
        return self._decide_listing(listing_id, Status.APPROVED, None)

    def reject_listing(self, listing_id: str, reason: str) -> ListingRecord:
        reason = _reason(reason)
        record = self._decide_listing(listing_id, Status.REJECTED, reason)
        proposer = self.users.get(record.user_id) if record.user_id else None
        if proposer is not None:
            message = listing_rejected_message(proposer.email, proposer.name, record.institution.name, reason,
                                               proposer.language)
            send_after_commit(self.mailer, message, "listing_rejected")
        return record

    def export_listing(self, listing_id: str, content_dir: Path, overwrite: bool = False) -> Path:
        """Write an approved listing as `<content_dir>/<slug>.md`, ready for an editor to review and commit."""
        record = self.listing(listing_id)
        if record.status != Status.APPROVED:
            raise Duplicate(f"Listing request {listing_id} is {record.status.value}; approve it before exporting.")
        path = content_dir / f"{record.slug}.md"
        if path.exists() and not overwrite:
            raise Duplicate(f"{path} exists already; pass --force to replace it.")
        content_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(institution_file_text(record.institution), encoding="utf-8")
        return path

    def ticket(self, ticket_id: str) -> TicketRecord:
        return _found(self.tickets.get(ticket_id), "ticket", ticket_id)

    def close_ticket(self, ticket_id: str, reply: str) -> TicketRecord:
        """Close an open ticket and mail the reply to its sender."""
        reply = _reason(reply)
        record = self._decided(self.tickets.decide(ticket_id, TicketStatus.OPEN, TicketStatus.CLOSED, self.clock(),
                                                   "reply", reply), self.ticket(ticket_id))
        send_after_commit(self.mailer, ticket_reply(record, reply), "ticket_reply")
        return record

    def _decide_listing(self, listing_id: str, decision: Status, reason: str | None) -> ListingRecord:
        updated = self.listings.decide(listing_id, Status.PENDING, decision, self.clock(), "reason", reason)
        return self._decided(updated, self.listing(listing_id))

    @staticmethod
    def _decided(updated: Decided | None, current: Decided) -> Decided:
        if updated is None:
            raise Duplicate(f"{current.id} is {current.status.value} already; only a pending item can be decided.")
        return updated


def _found(record: Found | None, kind: str, record_id: str) -> Found:
    if record is None:
        raise NotFound(f"No {kind} has the id {record_id!r}.")
    return record


def _reason(text: str) -> str:
    text = text.strip()
    if len(text) < 5:
        raise InvalidInput("Give a reason of a few words; the author reads it.", {"reason": "too short"})
    return text

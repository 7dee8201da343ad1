"""What issue 14 adds after a form: an address confirmed at an institution's domain, a report of a review, an
institution's reply. Moderating them is in workflows/moderation.py."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from careermitra.domain.page_language import link_in_language
from careermitra.domain.problems import Duplicate, Forbidden, InvalidInput, NotFound
from careermitra.domain.signing import new_secret_token
from careermitra.domain.submission import Status, record_id
from careermitra.domain.trust import (
    CONFIRMATION_LINK_LIFETIME,
    AddressConfirmation,
    Relationship,
    Reply,
    ReplySubmission,
    ReportRecord,
    ReportSubmission,
    Verification,
    domain_of,
)
from careermitra.domain.user import User
from careermitra.i18n import N_
from careermitra.mail.messages import Mailer, address_confirmation_message
from careermitra.store.confirmations import ConfirmationStore, PendingConfirmation
from careermitra.store.institutions import Catalogue
from careermitra.store.reports import ReportStore
from careermitra.store.reviews import ReviewStore

NOT_ON_SITE = "This review is not on the site (it may have been withdrawn or removed)."


@dataclass(frozen=True)
class Trust:
    reviews: ReviewStore
    reports: ReportStore
    confirmations: ConfirmationStore
    catalogue: Catalogue
    mailer: Mailer
    link_for: Callable[[str], str]  # token -> the /api/confirm-address link

    def request_confirmation(self, request: AddressConfirmation, user: User, now: dt.datetime) -> None:
        """Mail a single-use link to an address at one of the institution's own domains."""
        if not self.catalogue.exists(request.institution):
            raise InvalidInput(N_("There is no such institution on the site."),
                               {"institution": N_("choose an institution listed on the site")})
        domains = self.catalogue.email_domains(request.institution)
        domain = domain_of(request.email, domains)
        if domain is None:
            name = self.catalogue.name(request.institution)
            why = (f"use your address at {name}: one ending in @{' or @'.join(domains)}" if domains else
                   f"{name} has not told us its mail domain yet, so its addresses cannot be confirmed")
            raise InvalidInput(N_("That address is not at the institution's own domain."), {"email": why})
        token = new_secret_token()
        pending = PendingConfirmation(user_id=user.id, institution=request.institution, domain=domain,
                                      relationship=request.relationship)
        self.confirmations.add_link(token, pending, now + CONFIRMATION_LINK_LIFETIME)
        # The link says the form's language, so the page it leads to (confirmed, or used or expired) is in it.
        link = link_in_language(self.link_for(token), request.lang)
        self.mailer.send(address_confirmation_message(request.email, self.catalogue.name(request.institution),
                                                      request.relationship.value, link, request.lang))

    def confirm_address(self, token: str, now: dt.datetime) -> PendingConfirmation | None:
        """Follow a confirmation link once: the user's tie to the institution, and the badge on their review."""
        pending = self.confirmations.take_link(token, now)
        if pending is None:
            return None
        verification = Verification(relationship=pending.relationship, domain=pending.domain, at=now)
        self.confirmations.add_tie(pending.user_id, pending.institution, verification)
        if pending.relationship != Relationship.REPRESENTATIVE:
            self.reviews.verify(record_id("review", pending.user_id, pending.institution), verification)
        return pending

    def report(self, submission: ReportSubmission, now: dt.datetime) -> ReportRecord:
        """Queue a report of a published review; the review stays up until a moderator decides."""
        review = self.reviews.get(submission.review)
        if review is None or review.status != Status.APPROVED:
            raise NotFound(NOT_ON_SITE, {"review": N_("this review is not on the site")})
        record = ReportRecord(id=uuid.uuid4().hex[:24], review_id=review.id, institution=review.institution,
                              reason=submission.reason, note=submission.note, status="open", created_at=now)
        self.reports.add(record)
        return record

    def reply(self, submission: ReplySubmission, user: User, now: dt.datetime) -> None:
        """An institution's representative replies once to a published review; a moderator reads it first."""
        review = self.reviews.get(submission.review)
        if review is None or review.status != Status.APPROVED:
            raise NotFound(NOT_ON_SITE, {"review": N_("this review is not on the site")})
        tie = self.confirmations.tie(user.id, review.institution)
        if tie is None or tie.relationship != Relationship.REPRESENTATIVE:
            name = self.catalogue.name(review.institution)
            raise Forbidden(f"Only a representative of {name} may reply: first confirm your address at its domain.",
                            {"review": N_("confirm your address at the institution first")})
        if not self.reviews.add_reply(review.id, Reply(body=submission.body, status="pending", user_id=user.id,
                                                       created_at=now)):
            raise Duplicate(N_("This review has a reply already; each review gets one."),
                            {"review": N_("this review has a reply already")})


def verification_for(user: User, institution: str, confirmations: ConfirmationStore) -> Verification | None:
    """A student's or alumnus's confirmed tie to an institution, for the review they write of it."""
    tie = confirmations.tie(user.id, institution)
    return tie if tie is not None and tie.relationship != Relationship.REPRESENTATIVE else None

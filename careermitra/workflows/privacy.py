"""The rights of the people whose data we hold: access and erasure, each confirmed through an emailed link.

Also the one export both an access request and a lawful request from the authorities use, so the two can
never disagree about what "everything we hold" is.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careermitra.domain.audit import Disclosure
from careermitra.domain.page_language import link_in_language
from careermitra.domain.privacy import (
    ANONYMOUS_DISPLAY_NAME,
    CONFIRMATION_LINK_LIFETIME,
    PendingPrivacyRequest,
    PrivacyRequest,
    RequestKind,
    ReviewsOnErasure,
    without_internal_fields,
)
from careermitra.domain.problems import InvalidInput
from careermitra.domain.signing import email_digest, new_secret_token
from careermitra.domain.submission import Status
from careermitra.domain.user import User, normalise_email
from careermitra.mail.messages import (
    Mailer,
    privacy_confirmation_message,
    privacy_erased_message,
    privacy_export_message,
    privacy_no_account_message,
)
from careermitra.store.audit import AuditLog
from careermitra.store.confirmations import ConfirmationStore
from careermitra.store.listings import ListingStore
from careermitra.store.privacy_requests import PrivacyRequestStore
from careermitra.store.reviews import ReviewStore
from careermitra.store.users import NO_USER, UserStore
from careermitra.workflows.contact import send_after_commit


def personal_data_export(user: User, reviews: ReviewStore, listings: ListingStore,
                         now: dt.datetime, confirmations: ConfirmationStore | None = None) -> dict[str, Any]:
    """Everything we hold about one person: profile, consent and account history, nominee, reviews, listing
    requests and the institutions they confirmed an address at (the domain and date only)."""
    profile = user.model_dump(mode="json", exclude={"consent_history", "consent_version", "consented_at",
                                                    "history", "nominee"})
    export: dict[str, Any] = {
        "generated_at": now.isoformat(),
        "profile": profile,
        "consent_history": [consent.model_dump(mode="json") for consent in user.consents],
        # Corrections and nominations made from "Your account" (DPDP Act ss.12, 14), oldest first.
        "account_history": [change.model_dump(mode="json") for change in user.history],
        "nominee": user.nominee.model_dump(mode="json") if user.nominee else None,
        "reviews": [without_internal_fields(record) for record in reviews.by_user(user.id)],
        "listing_requests": [without_internal_fields(record) for record in listings.by_user(user.id)],
    }
    if confirmations is not None:
        ties = confirmations.ties(user.id)
        export["institution_addresses_confirmed"] = {slug: tie.model_dump(mode="json") for slug, tie in ties.items()}
    return export


@dataclass
class PrivacyRequests:
    users: UserStore
    reviews: ReviewStore
    listings: ListingStore
    pending: PrivacyRequestStore
    mailer: Mailer
    link_for: Callable[[str], str]
    confirmations: ConfirmationStore | None = None  # issue 14: the user's ties to institutions

    def request(self, request: PrivacyRequest, now: dt.datetime) -> bool:
        """Mail a confirmation link (or, for an unknown address, say we hold nothing); True if the address is known.

        The caller answers the same either way: only the mailbox's owner learns the difference. Both paths make
        the same store calls (one read of the mailbox item, one write: an unknown address gets a pending item
        for no one, which no link can confirm) and send one mail to the address typed, so the time of the
        answer tells nothing either; the account itself is read only when the link is confirmed.
        """
        user_id = self.users.account_id(request.email, now)
        token = new_secret_token()
        self.pending.add(token, PendingPrivacyRequest(user_id=user_id or NO_USER, kind=request.kind,
                                                      reviews=request.reviews), now + CONFIRMATION_LINK_LIFETIME)
        if user_id is None:
            self.mailer.send(privacy_no_account_message(request.email, request.lang))
            return False
        kind, reviews = request.kind.value, request.reviews.value if request.reviews else None
        # The form's language: reading the account for its own would make a known address slower to answer. The
        # link says it too, so the confirmation page and the "used or expired" page are in the mail's language.
        link = link_in_language(self.link_for(token), request.lang)
        self.mailer.send(privacy_confirmation_message(request.email, kind, reviews, link, request.lang))
        return True

    def confirm(self, token: str, now: dt.datetime) -> RequestKind | None:
        """Carry out a confirmed request; None when the link was used, expired or the account is gone."""
        pending = self.pending.take(token, now)
        user = self.users.get(pending.user_id, now) if pending else None
        if pending is None or user is None:
            return None
        if pending.kind == RequestKind.ACCESS:
            export = personal_data_export(user, self.reviews, self.listings, now, self.confirmations)
            self.mailer.send(privacy_export_message(user.email, user.name,
                                                    json.dumps(export, indent=2, ensure_ascii=False), user.language))
        else:
            self.erase(user, pending.reviews or ReviewsOnErasure.DELETE)
        return pending.kind

    def erase(self, user: User, reviews_choice: ReviewsOnErasure) -> None:
        """Delete the profile and contact data; published reviews deleted or anonymised as chosen.

        Changing or deleting an approved review reaches the reviews table's stream, so the rebuild removes it
        from the site or shows the anonymised name. Unpublished reviews and listing requests are deleted; an
        approved listing request only loses its link to the person (the institution may be on the site).
        """
        for review in self.reviews.by_user(user.id):
            if review.status == Status.APPROVED and reviews_choice == ReviewsOnErasure.ANONYMISE:
                self.reviews.detach_author(review.id, display_name=ANONYMOUS_DISPLAY_NAME)
            else:
                self.reviews.remove(review.id)
        for listing in self.listings.by_user(user.id):
            if listing.status == Status.APPROVED:
                self.listings.detach_author(listing.id)
            else:
                self.listings.remove(listing.id)
        # The last mail to this address goes before the address is gone; a failure must not stop the erasure.
        if self.confirmations is not None:
            self.confirmations.remove_ties(user.id)
        erased = privacy_erased_message(user.email, user.name, reviews_choice.value, user.language)
        send_after_commit(self.mailer, erased, "privacy_erased")
        self.users.delete(user)


def export_for_authorities(email: str, officer: str, identity: str | None, reason: str, users: UserStore,
                           reviews: ReviewStore, listings: ListingStore, audit: AuditLog,
                           now: dt.datetime) -> tuple[Disclosure, dict[str, Any]]:
    """A lawful request's export; the audit record is written first, so no data leaves without one."""
    if len(reason.strip()) < 5:
        raise InvalidInput("Give the reason: the authority, the request's reference and its legal basis.",
                           {"reason": "too short"})
    try:
        address = normalise_email(email)
    except ValueError as error:
        raise InvalidInput(f"{email!r} is not an email address: {error}.", {"email": str(error)}) from None
    user = users.by_email(address, now)
    export = personal_data_export(user, reviews, listings, now) if user else {}
    disclosed = [f"{part} ({len(value)})" if isinstance(value, list) else part
                 for part, value in export.items() if part != "generated_at" and value is not None]
    record = Disclosure(id=uuid.uuid4().hex, at=now, officer=officer, identity=identity, reason=reason.strip(),
                        subject_user_id=user.id if user else None, subject_email_digest=email_digest(address),
                        disclosed=disclosed)
    audit.append(record)
    return record, export

"""Every email the backend sends, as plain text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from careermitra.domain.ticket import TicketRecord

SIGNATURE = "\n\n— Career Mitra\n"
# The privacy policy and the contact page promise this; the acknowledgement repeats it.
GRIEVANCE_RESPONSE_DAYS = 30


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    text: str
    reply_to: str | None = None


class Mailer(Protocol):
    def send(self, message: Message) -> None: ...


def verification_message(to: str, name: str, link: str) -> Message:
    return Message(to, "Confirm your email for Career Mitra",
                   f"Hello {name},\n\nFollow this link within 24 hours to confirm your email and sign in:\n\n{link}\n\n"
                   "The link works once. If you did not register on Career Mitra, ignore this email." + SIGNATURE)


def sign_in_message(to: str, name: str, link: str) -> Message:
    return Message(to, "Your Career Mitra sign-in link",
                   f"Hello {name},\n\nFollow this link to sign in:\n\n{link}\n\n"
                   "The link works once. If you did not ask to sign in, ignore this email." + SIGNATURE)


def review_rejected_message(to: str, name: str, title: str, reason: str) -> Message:
    return Message(to, "Your review on Career Mitra was not published",
                   f"Hello {name},\n\nYour review \"{title}\" was not published, for this reason:\n\n{reason}\n\n"
                   "You may write a new review of the institution, and a moderator will read it. "
                   "Reply to this email if you have a question about the decision." + SIGNATURE)


def listing_rejected_message(to: str, name: str, institution: str, reason: str) -> Message:
    return Message(to, "Your listing request on Career Mitra",
                   f"Hello {name},\n\nWe could not list {institution}, for this reason:\n\n{reason}" + SIGNATURE)


def ticket_acknowledgement(to: str, ticket_id: str, received: dt.date) -> Message:
    """Only the ticket number, the date and the response period: anyone can type any address into the contact
    form, so a mail that repeated their name, subject or message would let them send it to a stranger."""
    return Message(to, f"[{ticket_id}] We received your message",
                   f"Hello,\n\nWe received a message sent through the Career Mitra contact form on "
                   f"{received.isoformat()} and filed it as ticket {ticket_id}. Our grievance officer will reply in "
                   f"full within {GRIEVANCE_RESPONSE_DAYS} days, usually much sooner. Quote the ticket number if you "
                   "write to us again about it. If you did not write to us, ignore this email." + SIGNATURE)


def ticket_notice(officer: str, ticket: TicketRecord) -> Message:
    """The whole ticket for the officer; the subject is one validated line (ContactMessage), Reply-To an address."""
    return Message(officer, f"[{ticket.id}] {ticket.subject}",
                   f"New ticket {ticket.id} from {ticket.name}:\n\n{ticket.message}\n\n"
                   f"Reply to this email or use `careermitra tickets close {ticket.id} --reply TEXT`.",
                   reply_to=ticket.email)


def ticket_reply(ticket: TicketRecord, reply: str) -> Message:
    return Message(ticket.email, f"[{ticket.id}] Re: {ticket.subject}",
                   f"Hello {ticket.name},\n\n{reply}" + SIGNATURE)


PRIVACY_ACTIONS = {
    "access": "send you a copy of the personal data we hold about you, by email",
    "erasure": "erase your account and personal data (your published reviews are {reviews})",
}
REVIEWS_CHOICE = {"delete": "deleted", "anonymise": "kept with the name \"Former student\" and no link to you"}


def privacy_confirmation_message(to: str, kind: str, reviews: str | None, link: str) -> Message:
    action = PRIVACY_ACTIONS[kind].format(reviews=REVIEWS_CHOICE.get(reviews or "", ""))
    return Message(to, "Confirm your privacy request to Career Mitra",
                   f"Hello,\n\nSomeone, hopefully you, asked us to {action}.\n\nTo confirm, open this link within "
                   f"24 hours and press the button on the page:\n\n{link}\n\nIf you did not ask for this, ignore "
                   "this email and nothing happens." + SIGNATURE)


def privacy_no_account_message(to: str) -> Message:
    return Message(to, "Your privacy request to Career Mitra",
                   "Hello,\n\nSomeone, hopefully you, made a privacy request for this email address. We have no "
                   "account registered with it, so we hold no profile or reviews for it.\n\nIf you wrote to us "
                   "through the contact form and want those messages erased, reply through the contact form and "
                   "mention your ticket number." + SIGNATURE)


def privacy_export_message(to: str, name: str, export_json: str) -> Message:
    return Message(to, "Your data at Career Mitra",
                   f"Hello {name},\n\nAs you asked, here is everything we hold about you, as JSON: your profile, "
                   "the versions of the privacy policy you accepted and when, your reviews and your listing "
                   f"requests.\n\n{export_json}" + SIGNATURE)


def privacy_erased_message(to: str, name: str, reviews: str) -> Message:
    return Message(to, "Your data at Career Mitra was erased",
                   f"Hello {name},\n\nAs you asked, we erased your account and your personal data. Your published "
                   f"reviews were {REVIEWS_CHOICE[reviews]}; the pages of the site are updated within minutes. "
                   "This is the last email we send you." + SIGNATURE)


def address_confirmation_message(to: str, institution: str, relationship: str, link: str) -> Message:
    """Issue 14: the single-use link that confirms an address at an institution's own mail domain."""
    role = {"representative": "a representative of"}.get(relationship, f"a {relationship} of")
    return Message(to, f"Confirm your address at {institution}",
                   f"Hello,\n\nSomeone signed in to Career Mitra asked to be shown as {role} {institution}, and gave "
                   f"this address. Follow this link within 24 hours to confirm it:\n\n{link}\n\n"
                   "The link works once. We keep only the address's domain and today's date, not the address. "
                   "If you did not ask for this, ignore this email." + SIGNATURE)

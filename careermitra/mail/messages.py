"""Every email the backend sends, as plain text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from careermitra.domain.ticket import GRIEVANCE_RESPONSE_DAYS, TicketRecord

SIGNATURE = "\n\n— Career Mitra\n"


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


def no_account_message(to: str, register_page: str) -> Message:
    """The sign-in form's answer to an address with no account: how to register, and nothing about anyone."""
    return Message(to, "Signing in to Career Mitra",
                   "Hello,\n\nSomeone, hopefully you, asked to sign in to Career Mitra with this email address, but "
                   f"no account is registered with it. To write reviews, register here:\n\n{register_page}\n\n"
                   "If you did not ask to sign in, ignore this email." + SIGNATURE)


def review_live_message(to: str, name: str, title: str, link: str) -> Message:
    """The author's review was approved: it is live (the page is republished within a minute or two)."""
    return Message(to, "Your review is live on Career Mitra",
                   f"Hello {name},\n\nA moderator approved your review \"{title}\". It is live on the "
                   f"institution's page (give it a minute or two to appear):\n\n{link}\n\n"
                   "You can see all your reviews, and withdraw one at any time, under Your account." + SIGNATURE)


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
    nominee = (f"A nominee's request for the account of {ticket.on_behalf_of}: check the nomination with "
               f"`careermitra nominees check {ticket.id}`, then `careermitra nominees act {ticket.id} ...`.\n\n"
               if ticket.on_behalf_of else "")
    return Message(officer, f"[{ticket.id}] {ticket.subject}",
                   f"New ticket {ticket.id} ({ticket.category.value}) from {ticket.name}:\n\n{ticket.message}\n\n"
                   f"{nominee}Reply to this email or use `careermitra tickets close {ticket.id} --reply TEXT`. "
                   f"The full answer is due by {ticket.due_at.date().isoformat()}.",
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


def nominee_export_message(to: str, nominee: str, holder: str, export_json: str) -> Message:
    return Message(to, "The personal data Career Mitra holds about the person who nominated you",
                   f"Hello {nominee},\n\nAs the nominee of {holder}, you asked for a copy of the personal data we "
                   f"hold about them. Here it is, in JSON:\n\n{export_json}" + SIGNATURE)


def nominee_erased_message(to: str, nominee: str, holder: str, reviews: str) -> Message:
    kept = ("are kept anonymised as \"Former student\", with no link to them" if reviews == "anonymise"
            else "are deleted too")
    return Message(to, "The Career Mitra account you asked about has been erased",
                   f"Hello {nominee},\n\nAs the nominee of {holder}, you asked us to erase their account. We have "
                   f"deleted it and the personal data it held; their published reviews {kept}." + SIGNATURE)


def details_corrected_message(to: str, name: str, fields: list[str]) -> Message:
    """Sent to the account's address after a correction, so a change made from a stolen session is noticed."""
    return Message(to, "Your Career Mitra details were changed",
                   f"Hello {name},\n\nThe {', '.join(fields)} of your Career Mitra account "
                   f"{'was' if len(fields) == 1 else 'were'} changed from \"Your account\". If you did not do "
                   "this, sign in again and correct them, or write to us through the contact form." + SIGNATURE)


def nominee_named_message(to: str, nominee: str, holder: str) -> Message:
    """Tells the nominee they were named, and what it means; the holder's email is not in it."""
    return Message(to, "You have been named a nominee on Career Mitra",
                   f"Hello {nominee},\n\n{holder} has named you as their nominee on Career Mitra. If they die or "
                   "can no longer act for themselves, you may ask us for a copy of their data or for its erasure, "
                   "through the contact form (category \"Nominee request\"). You need do nothing now." + SIGNATURE)


def address_confirmation_message(to: str, institution: str, relationship: str, link: str) -> Message:
    """Issue 14: the single-use link that confirms an address at an institution's own mail domain."""
    role = {"representative": "a representative of"}.get(relationship, f"a {relationship} of")
    return Message(to, f"Confirm your address at {institution}",
                   f"Hello,\n\nSomeone signed in to Career Mitra asked to be shown as {role} {institution}, and gave "
                   f"this address. Follow this link within 24 hours to confirm it:\n\n{link}\n\n"
                   "The link works once. We keep only the address's domain and today's date, not the address. "
                   "If you did not ask for this, ignore this email." + SIGNATURE)

"""Every email the backend sends, as plain text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from careermitra.domain.ticket import ContactMessage, TicketRecord

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


def review_rejected_message(to: str, name: str, title: str, reason: str) -> Message:
    return Message(to, "Your review on Career Mitra was not published",
                   f"Hello {name},\n\nYour review \"{title}\" was not published, for this reason:\n\n{reason}\n\n"
                   "Reply to this email if you have a question about the decision." + SIGNATURE)


def listing_rejected_message(to: str, name: str, institution: str, reason: str) -> Message:
    return Message(to, "Your listing request on Career Mitra",
                   f"Hello {name},\n\nWe could not list {institution}, for this reason:\n\n{reason}" + SIGNATURE)


def ticket_acknowledgement(contact: ContactMessage, ticket_id: str) -> Message:
    return Message(contact.email, f"[{ticket_id}] We received your message",
                   f"Hello {contact.name},\n\nWe received your message \"{contact.subject}\" as ticket {ticket_id}. "
                   "Our grievance officer will reply within 15 days." + SIGNATURE)


def ticket_notice(officer: str, ticket: TicketRecord) -> Message:
    return Message(officer, f"[{ticket.id}] {ticket.subject}",
                   f"New ticket {ticket.id} from {ticket.name}:\n\n{ticket.message}\n\n"
                   f"Reply to this email or use `careermitra tickets close {ticket.id} --reply TEXT`.",
                   reply_to=ticket.email)


def ticket_reply(ticket: TicketRecord, reply: str) -> Message:
    return Message(ticket.email, f"[{ticket.id}] Re: {ticket.subject}",
                   f"Hello {ticket.name},\n\n{reply}" + SIGNATURE)

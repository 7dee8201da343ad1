"""A contact message becomes a ticket, acknowledged to the sender and sent to the grievance officer."""

from __future__ import annotations

import datetime as dt
import logging

from careermitra.domain.ticket import ContactMessage, TicketRecord, TicketStatus, ticket_id_for
from careermitra.mail.messages import Mailer, Message, ticket_acknowledgement, ticket_notice
from careermitra.store.tickets import TicketStore

logger = logging.getLogger(__name__)


def open_ticket(message: ContactMessage, tickets: TicketStore, mailer: Mailer, grievance_email: str,
                now: dt.datetime) -> tuple[TicketRecord, bool]:
    """Store the ticket once (a resent message is the same ticket), then mail the sender and the officer."""
    record = TicketRecord(id=ticket_id_for(message, now.date()), **message.model_dump(), status=TicketStatus.OPEN,
                          created_at=now)
    existing = tickets.add(record)
    if existing is not None:
        return existing, False
    acknowledgement = ticket_acknowledgement(record.email, record.id, now.date(), record.lang)
    for mail in (acknowledgement, ticket_notice(grievance_email, record)):
        send_after_commit(mailer, mail, "ticket")
    return record, True


def send_after_commit(mailer: Mailer, message: Message, kind: str) -> bool:
    """Send a mail about something already stored: a failure is logged, never allowed to lose the submission."""
    try:
        mailer.send(message)
    except Exception as error:  # any mail failure; the stored record is what matters
        # Only the error's type: SES messages can quote the recipient's address.
        logger.error("mail not sent", extra={"mail_kind": kind, "error_type": type(error).__name__})
        return False
    return True

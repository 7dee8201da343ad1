"""The contact form: grievances and questions become tickets."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.api.answers import accepted
from careermitra.api.guard import enforce_per_email, screen
from careermitra.api.observability import count
from careermitra.api.requests import read_body
from careermitra.api.services import services
from careermitra.api.validation import validated
from careermitra.domain.ticket import ContactMessage, decoy_ticket_id
from careermitra.workflows.contact import open_ticket


def contact(event: APIGatewayProxyEvent) -> Response:
    svc = services()
    body = read_body(event, svc.settings.max_body_bytes)
    if not screen("contact", body.fields, event, svc):
        decoy = decoy_ticket_id()
        return accepted("contact", {"ticket": decoy}, body.redirect, {"ticket": decoy})
    message = validated(ContactMessage, body)
    enforce_per_email("contact", message.email, svc)
    ticket, created = open_ticket(message, svc.tickets, svc.mailer, svc.settings.grievance_email, svc.clock())
    count("TicketOpened" if created else "TicketResubmitted")
    return accepted("contact", {"ticket": ticket.id}, body.redirect, {"ticket": ticket.id})

"""The contact form: grievances and questions become tickets."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import accepted
from careermitra.api.documented import TicketOpened, form_answers
from careermitra.api.form_specs import FORMS
from careermitra.api.guard import enforce_per_email, screen
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.services import services
from careermitra.api.validation import guard_fields
from careermitra.domain.ticket import ContactMessage, decoy_ticket_id
from careermitra.workflows.contact import open_ticket

router = Router()
CONTACT = FORMS["contact"]


@router.post(CONTACT.path, summary="Send a question or a grievance", responses=form_answers(CONTACT, 202, TicketOpened))
def contact(message: Annotated[ContactMessage, Body()]) -> Response[Any]:
    """Open a ticket (or find the one this message opened already) and acknowledge it by mail."""
    svc = services()
    event = request_of(router)
    redirect = answers_with_redirect(event)
    if not screen(CONTACT, guard_fields(router), event, svc):
        decoy = decoy_ticket_id()
        return accepted(CONTACT, {"ticket": decoy}, redirect, {"ticket": decoy})
    enforce_per_email(CONTACT, message.email, svc)
    ticket, created = open_ticket(message, svc.tickets, svc.mailer, svc.settings.grievance_email, svc.clock())
    count("TicketOpened" if created else "TicketResubmitted")
    return accepted(CONTACT, {"ticket": ticket.id}, redirect, {"ticket": ticket.id})

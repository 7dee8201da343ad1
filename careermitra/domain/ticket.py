"""A contact message (a grievance or a question) and the ticket that tracks it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from careermitra.domain.page_language import DEFAULT_LANGUAGE, NOT_SUBMITTED, PageLanguage
from careermitra.domain.submission import plain_text, single_line
from careermitra.domain.user import EmailAddress, PersonName
from careermitra.i18n import N_, Language

# The published response period (privacy policy, acknowledgement mail): within the DPDP Rules' 90 days.
GRIEVANCE_RESPONSE_DAYS = 30
RESPONSE_PERIOD = dt.timedelta(days=GRIEVANCE_RESPONSE_DAYS)
# A closed ticket is kept a year (the proof of how it was handled, as long as the logs), then removed by TTL.
CLOSED_TICKET_RETENTION = dt.timedelta(days=365)


class TicketCategory(StrEnum):
    QUESTION = "question"
    GRIEVANCE = "grievance"
    # A nominee (DPDP Act s.14) asking to exercise the rights of a person who died or can no longer act.
    NOMINEE = "nominee"


class ContactMessage(BaseModel):
    """What the contact form sends."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: PersonName
    email: EmailAddress
    category: TicketCategory = TicketCategory.QUESTION
    # A nominee's request: the email address of the account they act for.
    on_behalf_of: EmailAddress | None = Field(default=None, validate_default=True)
    # The subject becomes the grievance officer's mail subject: one line, or the notice cannot be sent.
    subject: Annotated[str, Field(min_length=3, max_length=150), AfterValidator(single_line)]
    message: Annotated[str, Field(min_length=10, max_length=5000)]
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("message", mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value) if isinstance(value, str) else value

    @field_validator("on_behalf_of", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("on_behalf_of")
    @classmethod
    def _nominee_names_the_account(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("category") == TicketCategory.NOMINEE and value is None:
            raise ValueError(N_("give the email address of the account of the person who nominated you"))
        return value if info.data.get("category") == TicketCategory.NOMINEE else None


def ticket_id_for(message: ContactMessage, day: dt.date) -> str:
    """'CM-' and eight letters/digits: the same message sent twice on one day is one ticket."""
    digest = hashlib.sha256(f"{day.isoformat()}\x1f{message.model_dump_json(exclude=NOT_SUBMITTED)}".encode()).digest()
    return "CM-" + base64.b32encode(digest).decode()[:8]


def decoy_ticket_id() -> str:
    """A ticket number for a bot's message that was dropped: it looks like any other."""
    return "CM-" + base64.b32encode(secrets.token_bytes(5)).decode()[:8]


class TicketStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class TicketRecord(BaseModel):
    """A stored ticket; the sender's email stays here so an editor can reply."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    name: str
    email: str
    subject: str
    message: str
    status: TicketStatus
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    reply: str | None = None
    category: TicketCategory = TicketCategory.QUESTION
    on_behalf_of: str | None = None
    lang: Language = DEFAULT_LANGUAGE  # the language of the form it came from: the mails about it are in it

    @property
    def due_at(self) -> dt.datetime:
        """When the full answer is due: the published response period after the ticket was opened."""
        return self.created_at + RESPONSE_PERIOD

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.status == TicketStatus.OPEN and now > self.due_at


def overdue_tickets(open_tickets: list[TicketRecord], now: dt.datetime) -> list[TicketRecord]:
    """The open tickets past their response period, oldest first."""
    return sorted((ticket for ticket in open_tickets if ticket.is_overdue(now)), key=lambda t: t.created_at)

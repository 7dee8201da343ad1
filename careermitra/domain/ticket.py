"""A contact message (a grievance or a question) and the ticket that tracks it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from careermitra.domain.submission import plain_text, single_line
from careermitra.domain.user import EmailAddress, PersonName


class ContactMessage(BaseModel):
    """What the contact form sends."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: PersonName
    email: EmailAddress
    # The subject becomes the grievance officer's mail subject: one line, or the notice cannot be sent.
    subject: Annotated[str, Field(min_length=3, max_length=150), AfterValidator(single_line)]
    message: Annotated[str, Field(min_length=10, max_length=5000)]

    @field_validator("message", mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value) if isinstance(value, str) else value


def ticket_id_for(message: ContactMessage, day: dt.date) -> str:
    """'CM-' and eight letters/digits: the same message sent twice on one day is one ticket."""
    digest = hashlib.sha256(f"{day.isoformat()}\x1f{message.model_dump_json()}".encode()).digest()
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

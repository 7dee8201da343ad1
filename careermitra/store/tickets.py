"""Contact tickets: grievances and questions for the grievance officer."""

from typing import Protocol

from careermitra.domain.ticket import TicketRecord
from careermitra.store.records import ModerationQueue, RecordStore


class TicketStore(ModerationQueue[TicketRecord], Protocol):
    """The tickets as the contact workflow and moderation use them."""


class DynamoTicketStore(RecordStore[TicketRecord]):
    model = TicketRecord

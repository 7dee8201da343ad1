"""Contact tickets: grievances and questions for the grievance officer."""

import datetime as dt
from typing import Protocol

from careermitra.domain.ticket import CLOSED_TICKET_RETENTION, TicketRecord, TicketStatus
from careermitra.store.dynamodb import epoch
from careermitra.store.records import ModerationQueue, RecordStore


class TicketStore(ModerationQueue[TicketRecord], Protocol):
    """The tickets as the contact workflow and moderation use them."""


class DynamoTicketStore(RecordStore[TicketRecord]):
    model = TicketRecord

    def decide(self, record_id: str, expected: str, status: str, now: dt.datetime,
               note_field: str, note: str | None) -> TicketRecord | None:
        """Close a ticket; a closed ticket expires (TTL) a year later, the proof that it was handled."""
        decided = super().decide(record_id, expected, status, now, note_field, note)
        if decided is not None and status == TicketStatus.CLOSED:
            self._table.update_item(Key={"id": record_id}, UpdateExpression="SET expires_at = :at",
                                    ExpressionAttributeValues={":at": epoch(now + CLOSED_TICKET_RETENTION)})
        return decided

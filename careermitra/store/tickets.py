"""Contact tickets: grievances and questions for the grievance officer."""

from careermitra.domain.ticket import TicketRecord
from careermitra.store.records import RecordStore


class DynamoTicketStore(RecordStore[TicketRecord]):
    model = TicketRecord

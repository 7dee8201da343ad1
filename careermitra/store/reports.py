"""Reports of published reviews, waiting for a moderator (`careermitra reports list`)."""

from __future__ import annotations

from typing import Protocol

from careermitra.domain.trust import ReportRecord
from careermitra.store.records import ModerationQueue, RecordStore


class ReportStore(ModerationQueue[ReportRecord], Protocol):
    """The reports queue: written once by the API, decided once by a moderator."""


class DynamoReportStore(RecordStore[ReportRecord]):
    model = ReportRecord

"""Write-once records: the same submission sent twice is one record, a different one for the same key conflicts."""

from __future__ import annotations

from typing import Protocol, TypeVar

from pydantic import BaseModel

from careermitra.domain.problems import Duplicate


class Fingerprinted(Protocol):
    id: str
    fingerprint: str


Record = TypeVar("Record", bound=BaseModel)


class WriteOnceStore(Protocol[Record]):
    def add(self, record: Record) -> Record | None: ...


def add_once(store: WriteOnceStore[Record], record: Record, duplicate: Duplicate) -> tuple[Record, bool]:
    """Store the record; a retry (same fingerprint) gets the stored one back, anything else raises `duplicate`."""
    existing = store.add(record)
    if existing is None:
        return record, True
    if existing.fingerprint == record.fingerprint:  # type: ignore[attr-defined]
        return existing, False
    raise duplicate

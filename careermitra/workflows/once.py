"""Write-once records: the same submission sent twice is one record, a different one for the same key conflicts."""

from __future__ import annotations

from typing import Protocol, TypeVar

from careermitra.domain.problems import Duplicate


class Fingerprinted(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


Record = TypeVar("Record", bound=Fingerprinted)


class WriteOnceStore(Protocol[Record]):
    def add(self, record: Record) -> Record | None: ...


def add_once(store: WriteOnceStore[Record], record: Record, duplicate: Duplicate) -> tuple[Record, bool]:
    """Store the record; a retry (same fingerprint) gets the stored one back, anything else raises `duplicate`."""
    existing = store.add(record)
    if existing is None:
        return record, True
    if existing.fingerprint == record.fingerprint:
        return existing, False
    raise duplicate

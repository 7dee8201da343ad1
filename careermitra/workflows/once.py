"""Write-once records: the same submission sent twice is one record, a different one for the same key conflicts."""

from __future__ import annotations

from typing import Protocol, TypeVar

from careermitra.domain.problems import Duplicate, RateLimited


class Fingerprinted(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


Record = TypeVar("Record", bound=Fingerprinted)


class WriteOnceStore(Protocol[Record]):
    def add(self, record: Record) -> Record | None: ...
    def get(self, record_id: str) -> Record | None: ...


class Quota(Protocol):
    """A sender's allowance of new records (the daily limit per user): `check` raises RateLimited when used up."""

    def check(self) -> None: ...
    def use(self) -> None: ...


class NoQuota:
    def check(self) -> None:
        return None

    def use(self) -> None:
        return None


def add_once(store: WriteOnceStore[Record], record: Record, duplicate: Duplicate,
             quota: Quota | None = None) -> tuple[Record, bool]:
    """Store the record; a retry (same fingerprint) gets the stored one back, anything else raises `duplicate`.

    Only a record that is stored uses the quota: a retry, a duplicate or a refused submission costs nothing,
    and a retry of an accepted one gets its answer even when the quota is used up.
    """
    allowance = quota or NoQuota()
    try:
        allowance.check()
    except RateLimited:
        stored = store.get(record.id)
        if stored is not None and stored.fingerprint == record.fingerprint:
            return stored, False
        raise
    existing = store.add(record)
    if existing is None:
        allowance.use()
        return record, True
    if existing.fingerprint == record.fingerprint:
        return existing, False
    raise duplicate

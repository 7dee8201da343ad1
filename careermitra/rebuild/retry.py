"""`careermitra rebuild retry`: publish again what failed, from the reviews' recorded failures and parked records.

A failed rebuild records its reason on the approved reviews it could not publish (store/publication.py); the
records a rebuild gave up on are parked: in AWS the stream's on-failure queue holds their coordinates
(failure_queue.py), locally the stream worker keeps the records themselves in `.dev/failed-records.jsonl` (one
JSON record a line). Parked records are dropped only once every institution they touch is live.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from careermitra.rebuild.changes import BadRecord, affected_institutions

if TYPE_CHECKING:
    from careermitra.rebuild.failure_queue import FailedBatch, FailureQueue
    from careermitra.rebuild.service import RebuildService

GONE = ("kept in the queue: the stream no longer holds its records (24 h); `careermitra publish` republishes "
        "everything from the table, then purge the queue")


def parked_institutions(parked: Path) -> set[str]:
    """The institutions the parked stream records touch (malformed lines are skipped: they touch none)."""
    slugs: set[str] = set()
    if not parked.is_file():
        return slugs
    for line in parked.read_text(encoding="utf-8").splitlines():
        try:
            slugs |= affected_institutions(json.loads(line))
        except (BadRecord, ValueError, AttributeError):
            continue
    return slugs


def retry_failed(service: RebuildService, parked: Path | None = None,
                 queue: FailureQueue | None = None) -> dict[str, str]:
    """Republish every failed institution, those of parked records and of the failure queue's batches; parked
    records and queue messages are dropped once all of theirs are live."""
    also = parked_institutions(parked) if parked else set()
    batches = queue.failed_batches() if queue else []
    for batch in batches:
        also |= batch.institutions or set()
    outcomes = service.redrive(also=also, limit=None)
    if parked and parked.is_file() and all(outcome == "live" for outcome in outcomes.values()):
        parked.unlink()
    if queue is not None:
        outcomes.update(_settle(queue, batches, outcomes))
    return outcomes


def _settle(queue: FailureQueue, batches: list[FailedBatch], outcomes: dict[str, str]) -> dict[str, str]:
    """Delete the messages whose institutions are all live now; say what became of each."""
    settled = {}
    for batch in batches:
        if batch.institutions is not None and all(outcomes.get(slug) == "live" for slug in batch.institutions):
            queue.delete(batch)
            settled[batch.name] = "redriven: deleted from the queue"
            continue
        queue.release(batch)
        settled[batch.name] = GONE if batch.institutions is None else (
            "kept in the queue: some of its institutions are not yet published")
    return settled

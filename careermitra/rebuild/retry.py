"""`careermitra rebuild retry`: publish again what failed, from the reviews' recorded failures and parked records.

A failed rebuild records its reason on the approved reviews it could not publish (store/publication.py); the
records a rebuild gave up on are parked: in AWS the stream's on-failure queue holds their coordinates, locally
the stream worker keeps the records themselves in `.dev/failed-records.jsonl` (one JSON record a line).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from careermitra.rebuild.changes import BadRecord, affected_institutions

if TYPE_CHECKING:
    from careermitra.rebuild.service import RebuildService


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


def retry_failed(service: RebuildService, parked: Path | None = None) -> dict[str, str]:
    """Republish every failed institution; the parked records are dropped once all of theirs are live."""
    also = parked_institutions(parked) if parked else set()
    outcomes = service.redrive(also=also, limit=None)
    if parked and parked.is_file() and all(outcome == "live" for outcome in outcomes.values()):
        parked.unlink()
    return outcomes

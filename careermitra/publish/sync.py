"""`make publish`: put a full build in the bucket: changed files only, deleted pages removed, one invalidation."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from careermitra.publish.cdn import Cdn
from careermitra.publish.targets import Target

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncReport:
    uploaded: tuple[str, ...]
    removed: tuple[str, ...]
    invalidated: tuple[str, ...]


def sync_site(folder: Path, target: Target, cdn: Cdn) -> SyncReport:
    """Make the target hold exactly the files of `folder`, touching only what differs."""
    files = {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    uploaded = target.publish(files)
    removed = target.remove(target.paths() - set(files))
    invalidated = cdn.invalidate([*uploaded, *removed])
    logger.info("Published %s: %d uploaded, %d removed, %d paths invalidated", folder, len(uploaded), len(removed),
                len(invalidated))
    return SyncReport(tuple(uploaded), tuple(removed), tuple(invalidated))

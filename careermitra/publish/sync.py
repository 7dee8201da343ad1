"""`make publish`: put a full build in the bucket: changed files only, deleted pages removed, one invalidation;
then its site index into the private build state, where the rebuild reads it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from careermitra.publish.cdn import Cdn
from careermitra.publish.state import BuildState, publish_build_state
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


def publish_site(folder: Path, target: Target, state: BuildState, cdn: Cdn) -> SyncReport:
    """A full build published: its files to the site, then its index to the build state (pages first, so a
    rebuild never reads an index that describes pages not yet up)."""
    report = sync_site(folder, target, cdn)
    publish_build_state(folder, state)
    return report

"""`make publish`: put a full build in the bucket: changed files only, deleted pages removed, one invalidation;
then the editors' content and the build's state into the private build-state bucket, where the rebuild and the
full build's functions read them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careermitra.publish.cdn import Cdn
from careermitra.publish.content_store import ContentReport, ContentStore
from careermitra.publish.state import BuildState, publish_build_state
from careermitra.publish.targets import Target

if TYPE_CHECKING:
    from careermitra.site.builder.site_build import SiteBuild

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncReport:
    uploaded: tuple[str, ...]
    removed: tuple[str, ...]
    invalidated: tuple[str, ...]
    content: ContentReport | None = None


@dataclass(frozen=True)
class ContentPublication:
    """The editors' content folder as the functions read it (careermitra/publish/content_store.py)."""

    folder: Path
    institutions_path: str
    skip: tuple[str, ...]  # folders no function reads: the reviews (DynamoDB holds the approved ones)

    @classmethod
    def of(cls, build: SiteBuild) -> ContentPublication:
        """The content a build reads, as its settings name it."""
        return cls(build.content, build.site.institutions_path, (build.site.reviews_path,))


def sync_site(folder: Path, target: Target, cdn: Cdn) -> SyncReport:
    """Make the target hold exactly the files of `folder`, touching only what differs."""
    files = {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    uploaded = target.publish(files)
    removed = target.remove(target.paths() - set(files))
    invalidated = cdn.invalidate([*uploaded, *removed])
    logger.info("Published %s: %d uploaded, %d removed, %d paths invalidated", folder, len(uploaded), len(removed),
                len(invalidated))
    return SyncReport(tuple(uploaded), tuple(removed), tuple(invalidated))


def publish_site(folder: Path, target: Target, state: BuildState, cdn: Cdn,
                 content: ContentPublication | None = None) -> SyncReport:
    """A full build published: its files to the site, then the content it was built from and its state to the
    build state (pages first, so a rebuild never reads a state that describes pages not yet up)."""
    report = sync_site(folder, target, cdn)
    if content is not None:
        written = ContentStore(state).publish(content.folder, content.institutions_path, content.skip)
        report = SyncReport(report.uploaded, report.removed, report.invalidated, written)
    publish_build_state(folder, state)
    return report

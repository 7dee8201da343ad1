"""Publish what changed: export the changed institutions' reviews, rebuild their pages, upload, invalidate."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from careermitra.domain.review import PublishedReview
from careermitra.publish.cdn import Cdn
from careermitra.publish.targets import Target
from careermitra.rebuild.export import write_reviews
from careermitra.site.incremental import rebuild
from careermitra.site.index import INDEX_PATH, SiteIndex
from careermitra.site.render import Renderer
from careermitra.site.settings import SiteSettings

logger = logging.getLogger(__name__)


class ApprovedReviews(Protocol):
    """Where approved reviews are kept (DynamoDB): the source of truth the site is exported from."""

    def approved_for(self, slug: str) -> list[PublishedReview]: ...

    def all_approved(self) -> dict[str, list[PublishedReview]]: ...


class NoSiteIndex(RuntimeError):
    """The target has never had a full build published to it."""


@dataclass(frozen=True)
class PublishReport:
    institutions: tuple[str, ...]
    uploaded: tuple[str, ...]
    removed: tuple[str, ...]
    invalidated: tuple[str, ...]


def publish_changes(slugs: Collection[str], *, reviews: ApprovedReviews, target: Target, cdn: Cdn,
                    content: Path, site: SiteSettings, renderer: Renderer) -> PublishReport:
    """Bring the published site up to date for these institutions; replays upload nothing."""
    raw_index = target.read(INDEX_PATH)
    if raw_index is None:
        raise NoSiteIndex(f"{INDEX_PATH} is not published yet: publish a full build first (make publish)")
    index = SiteIndex.from_json(raw_index.decode("utf-8"))
    reviews_dir = content / site.reviews_path
    for slug in sorted(slugs):
        write_reviews(reviews_dir, slug, reviews.approved_for(slug))
    result = rebuild(index, content, site, renderer, slugs, all_reviews=reviews.all_approved)
    uploaded = target.publish({path: text.encode("utf-8") for path, text in result.files.items()})
    removed = target.remove(result.removed)
    invalidated = cdn.invalidate([path for path in [*uploaded, *removed] if path != INDEX_PATH])
    logger.info("Rebuilt %d institutions: %d files uploaded, %d removed", len(slugs), len(uploaded), len(removed))
    return PublishReport(tuple(sorted(slugs)), tuple(uploaded), tuple(removed), tuple(invalidated))

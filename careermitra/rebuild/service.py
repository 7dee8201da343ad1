"""The rebuild, wired to its real parts: DynamoDB, the bucket (or local folder) and CloudFront."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from functools import cached_property

from careermitra.publish.cdn import Cdn, CloudFrontCdn, NoCdn
from careermitra.publish.content_store import ContentSource, FolderContent, stored_content
from careermitra.publish.state import BuildState, FolderState, S3State
from careermitra.publish.targets import FolderTarget, S3Target, Target
from careermitra.rebuild.pipeline import PublishReport, publish_changes
from careermitra.rebuild.settings import RebuildSettings
from careermitra.site.build import site_build_for
from careermitra.store.dynamodb import aws_client
from careermitra.store.publication import DynamoPublicationState, PublicationState
from careermitra.store.published_reviews import DynamoApprovedReviews

logger = logging.getLogger(__name__)
# template.yaml's RebuildRefusals metric filter counts this log line (and alarms on it): keep the words.
REFUSED = "Rebuild refused"
MAX_REDRIVE = 25  # institutions that failed earlier, republished after a successful rebuild (the rest next time)


class RebuildService:
    """Made once per process (a Lambda cold start); `publish` is called once per stream batch."""

    def __init__(self, settings: RebuildSettings) -> None:
        self.settings = settings
        # The editors' content as `make publish` last published it (in AWS read from the build-state bucket a
        # few files at a time); the approved reviews come from DynamoDB, in memory.
        self.content = self._content_source()
        self.content.prepare_shared()
        self.build = site_build_for(str(settings.site_root / settings.site_settings),
                                    {"PATH": str(self.content.folder)})

    def _content_source(self) -> ContentSource:
        if self.settings.content_prefix is None:
            return FolderContent(self.settings.site_root / "content")
        return stored_content(S3State(aws_client("s3"), str(self.settings.state_bucket)), self.settings.work_folder,
                              self.settings.content_prefix)

    @cached_property
    def target(self) -> Target:
        if self.settings.site_folder is not None:
            return FolderTarget(self.settings.site_folder)
        return S3Target(aws_client("s3"), str(self.settings.site_bucket))

    @cached_property
    def build_state(self) -> BuildState:
        if self.settings.site_folder is not None:
            return FolderState.beside(self.settings.site_folder)
        return S3State(aws_client("s3"), str(self.settings.state_bucket))

    @cached_property
    def cdn(self) -> Cdn:
        if self.settings.distribution_id:
            return CloudFrontCdn(aws_client("cloudfront"), self.settings.distribution_id)
        return NoCdn()

    @cached_property
    def state(self) -> PublicationState:
        return DynamoPublicationState(self.settings.reviews_table)

    def publish_recording(self, slugs: Collection[str]) -> PublishReport:
        """Publish these institutions and record on their approved reviews that they are live, or why not."""
        try:
            self.content.prepare_institutions(slugs)  # inside: a missing or broken file is recorded as the reason
            report = publish_changes(slugs, reviews=DynamoApprovedReviews(self.settings.reviews_table),
                                     target=self.target, state=self.build_state, cdn=self.cdn, build=self.build)
        except Exception as error:
            # The old pages stay as they were: nothing was removed, at worst some new files were uploaded,
            # and the next rebuild of the institution writes them all again.
            logger.error("%s for %s: %s: %s", REFUSED, ", ".join(sorted(slugs)), type(error).__name__, error)
            self.state.mark_failed(slugs, f"{type(error).__name__}: {error}")
            raise
        self.state.mark_live(slugs, dt.datetime.now(dt.UTC))
        return report

    def publish(self, slugs: Collection[str]) -> PublishReport:
        """One stream batch's rebuild; when it succeeds, institutions that failed before are tried again."""
        report = self.publish_recording(slugs)
        self.redrive(exclude=set(slugs))
        return report

    def redrive(self, exclude: Collection[str] = (), also: Collection[str] = (),
                limit: int | None = MAX_REDRIVE) -> dict[str, str]:
        """Publish again the institutions whose approved reviews a rebuild failed to publish (and `also`, from
        parked stream records): slug -> 'live' or 'not yet published (reason)'."""
        outcomes: dict[str, str] = {}
        for slug in sorted((self.state.failed_institutions() | set(also)) - set(exclude))[:limit]:
            try:
                self.publish_recording({slug})
                outcomes[slug] = "live"
            except Exception as error:  # recorded on its reviews; the others are still worth trying
                outcomes[slug] = f"not yet published ({type(error).__name__}: {error})"
        return outcomes

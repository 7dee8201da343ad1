"""The rebuild, wired to its real parts: DynamoDB, the bucket (or local folder) and CloudFront."""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property

import boto3

from careermitra.publish.cdn import Cdn, CloudFrontCdn, NoCdn
from careermitra.publish.targets import FolderTarget, S3Target, Target
from careermitra.rebuild.pipeline import PublishReport, publish_changes
from careermitra.rebuild.settings import RebuildSettings
from careermitra.site.build import site_build_for
from careermitra.store.published_reviews import DynamoApprovedReviews


class RebuildService:
    """Made once per process (a Lambda cold start); `publish` is called once per stream batch."""

    def __init__(self, settings: RebuildSettings) -> None:
        self.settings = settings
        # The packaged content is the editors' commit; the approved reviews come from DynamoDB, in memory.
        self.build = site_build_for(str(settings.site_root / settings.site_settings),
                                    {"PATH": str(settings.site_root / "content")})

    @cached_property
    def target(self) -> Target:
        if self.settings.site_folder is not None:
            return FolderTarget(self.settings.site_folder)
        return S3Target(boto3.client("s3"), str(self.settings.site_bucket))

    @cached_property
    def cdn(self) -> Cdn:
        if self.settings.distribution_id:
            return CloudFrontCdn(boto3.client("cloudfront"), self.settings.distribution_id)
        return NoCdn()

    def publish(self, slugs: Collection[str]) -> PublishReport:
        return publish_changes(slugs, reviews=DynamoApprovedReviews(self.settings.reviews_table), target=self.target,
                               cdn=self.cdn, build=self.build)

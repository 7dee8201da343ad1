"""The rebuild, wired to its real parts: DynamoDB, the bucket (or local folder) and CloudFront."""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property

import boto3

from careermitra.publish.cdn import Cdn, CloudFrontCdn, NoCdn
from careermitra.publish.targets import FolderTarget, S3Target, Target
from careermitra.rebuild.pipeline import PublishReport, publish_changes
from careermitra.rebuild.settings import RebuildSettings
from careermitra.site.build import renderer_for
from careermitra.store.published_reviews import DynamoApprovedReviews


class RebuildService:
    """Made once per process (a Lambda cold start); `publish` is called once per stream batch."""

    def __init__(self, settings: RebuildSettings) -> None:
        self.settings = settings
        self.reviews_dir = settings.work_dir / "reviews"
        self.reviews_dir.mkdir(parents=True, exist_ok=True)
        settings_file = str(settings.site_root / settings.site_settings)
        self.renderer, self.site = renderer_for(settings_file, plugin_overrides={"reviews_path": str(self.reviews_dir)})

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
                               cdn=self.cdn, content=self.settings.site_root / "content", site=self.site,
                               renderer=self.renderer)

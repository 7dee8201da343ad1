"""The full build's steps wired to their real parts (the site bucket, the build state, the reviews table,
CloudFront), and the requests the state machine sends each step, checked before any work starts."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import boto3
from botocore.config import Config
from pydantic import BaseModel, ConfigDict, Field

from careermitra.full_build.settings import FullBuildSettings
from careermitra.full_build.steps import BUILD_ID, finish_build, plan_build, render_shard
from careermitra.publish.cdn import Cdn, CloudFrontCdn, NoCdn
from careermitra.publish.content_store import ContentSource, FolderContent, stored_content
from careermitra.publish.state import S3State
from careermitra.publish.targets import S3Target
from careermitra.site.build import site_build_for
from careermitra.site.builder.shards import Shard
from careermitra.site.builder.site_build import SiteBuild
from careermitra.store.published_reviews import DynamoApprovedReviews

# S3 answers a burst of PUTs on one prefix with 503 SlowDown until it has split the prefix: adaptive retries
# slow this client down instead of failing the shard (the state machine's own Retry is for Lambda's errors).
S3_CONFIG = Config(connect_timeout=2, read_timeout=10, retries={"mode": "adaptive", "max_attempts": 10},
                   max_pool_connections=16)


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    build: str = Field(pattern=BUILD_ID.pattern)


class PlanRequest(_Request):
    """{"build": the execution's name}"""


class ShardItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    shard: int = Field(ge=0)
    first: str = Field(min_length=1)
    last: str = Field(min_length=1)
    count: int = Field(ge=1)


class ShardRequest(_Request):
    """{"build": …, "shard": one item of the manifest}"""

    shard: ShardItem


class FinishRequest(_Request):
    """{"build": …, "shards": how many the plan made}"""

    shards: int = Field(ge=0)


class FullBuildService:
    """Made once per Lambda container; each step is one call."""

    def __init__(self, settings: FullBuildSettings) -> None:
        self.settings = settings
        # The editors' content as `make publish` last published it (read from the build-state bucket, each step
        # only what it needs); the approved reviews come from DynamoDB.
        self.content: ContentSource = (
            FolderContent(settings.site_root / "content") if settings.content_prefix is None
            else stored_content(S3State(self.s3, settings.state_bucket), settings.work_folder, settings.content_prefix))
        self.content.prepare_shared()
        self.build: SiteBuild = site_build_for(str(settings.site_root / settings.site_settings),
                                               {"PATH": str(self.content.folder)})

    @cached_property
    def s3(self) -> Any:
        return boto3.client("s3", config=S3_CONFIG)

    @cached_property
    def cdn(self) -> Cdn:
        if self.settings.distribution_id:
            return CloudFrontCdn(boto3.client("cloudfront"), self.settings.distribution_id)
        return NoCdn()

    def plan(self, event: dict[str, Any]) -> dict[str, Any]:
        request = PlanRequest.model_validate(event)
        plan = plan_build(self.content, S3State(self.s3, self.settings.state_bucket), request.build,
                          self.settings.shard_size)
        # ItemReader reads the manifest from here; MaxItems and the shards' count are the plan's.
        return {"build": plan.build, "manifest": {"Bucket": self.settings.state_bucket, "Key": plan.manifest_key},
                "shards": plan.shards, "institutions": plan.institutions}

    def shard(self, event: dict[str, Any]) -> dict[str, Any]:
        request = ShardRequest.model_validate(event)
        item = request.shard
        report = render_shard(self.build, self.content, request.build,
                              Shard(item.shard, item.first, item.last, item.count),
                              reviews=DynamoApprovedReviews(self.settings.reviews_table),
                              target=S3Target(self.s3, self.settings.site_bucket),
                              state=S3State(self.s3, self.settings.state_bucket), work=self.settings.work_folder)
        # Small on purpose: the Distributed Map's ResultWriter keeps every child's output.
        return {"shard": report.shard, "institutions": report.institutions, "pages": report.pages,
                "uploaded": report.uploaded}

    def finish(self, event: dict[str, Any]) -> dict[str, Any]:
        request = FinishRequest.model_validate(event)
        report = finish_build(self.build, request.build, request.shards,
                              target=S3Target(self.s3, self.settings.site_bucket),
                              state=S3State(self.s3, self.settings.state_bucket), cdn=self.cdn,
                              work=self.settings.work_folder)
        return {"institutions": report.institutions, "pages": report.pages, "uploaded": report.uploaded,
                "invalidated": len(report.invalidated)}

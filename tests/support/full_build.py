"""The full build's three Lambda functions run in-process against moto: a packaged site, the site and build-state
buckets, the reviews table from template.yaml holding the approved reviews, and helpers to run a whole build as
the state machine runs it (plan, every shard of the manifest, finish)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import pytest

from careermitra.local.resources import create_tables
from careermitra.publish.content_store import ContentReport, ContentStore
from careermitra.publish.state import S3State
from careermitra.site.builder.content import load_institutions, load_reviews
from careermitra.store.reviews import DynamoReviewStore
from tests.support.rebuild import LambdaContext, record_for, site_root
from tests.support.site import ROOT

# Small pages so the fixture's three institutions make several review and listing pages; search on.
SETTINGS = '{"reviews_per_page": 2, "listing_page_size": 1, "feed_size": 3, "search_index": True}'
STEPS = ("plan", "shard", "finish")


@dataclass
class FullBuildStack:
    root: Path  # what `sam build` packages for the three functions: theme/, settings, content/data (no content)
    source: Path  # the site with its content and reviews folder, as an editor's checkout builds it locally
    s3: Any
    steps: dict[str, ModuleType]

    def publish_content(self) -> ContentReport:
        """What `make publish` does for the functions: the checkout's content into the build-state bucket."""
        return ContentStore(S3State(self.s3, "build-state")).publish(self.source / "content", "institutions",
                                                                     ("reviews",))

    def bucket(self) -> dict[str, bytes]:
        """Every object of the site bucket."""
        keys = [item["Key"] for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket="site")
                for item in page.get("Contents", [])]
        return {key: self.s3.get_object(Bucket="site", Key=key)["Body"].read() for key in keys}

    def run(self, build: str = "run-1") -> dict[str, Any]:
        """Plan, every shard of the manifest (as the Distributed Map would, one invocation each), finish."""
        plan = self.invoke("plan", {"build": build})
        manifest = plan["manifest"]
        items = json.loads(self.s3.get_object(Bucket=manifest["Bucket"], Key=manifest["Key"])["Body"].read())
        for item in items:
            self.invoke("shard", {"build": build, "shard": item})
        return self.invoke("finish", {"build": build, "shards": plan["shards"]})

    def invoke(self, step: str, event: dict[str, Any]) -> dict[str, Any]:
        answer: dict[str, Any] = self.steps[step].lambda_handler(event, LambdaContext(function_name=step))
        return answer


def full_build_stack(tmp: Path, monkeypatch: pytest.MonkeyPatch, shard_size: int = 2) -> FullBuildStack:
    """Given the fixture site packaged, its approved reviews in DynamoDB and two empty buckets (inside moto)."""
    source = site_root(tmp, "checkout", SETTINGS)
    root = site_root(tmp, "package", SETTINGS)
    s3 = boto3.client("s3")
    for bucket in ("site", "build-state"):
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "ap-south-1"})
    tables = create_tables(boto3.client("dynamodb"))
    store = DynamoReviewStore(tables["ReviewsTable"])
    institutions, _ = load_institutions(root / "content/institutions")
    for slug, reviews in load_reviews(root / "content/reviews", institutions).items():
        for review in reviews:
            store.add(record_for(slug, review))
    # The functions read approved reviews from the table only, and the content from the build-state bucket
    # (make publish writes it): the package carries none of it.
    for folder in ("reviews", "institutions", "pages"):
        shutil.rmtree(root / "content" / folder)
    work = tmp / "lambda-tmp"
    work.mkdir()
    for name, value in {"SITE_ROOT": str(root), "SITE_SETTINGS": "pelicanconf.py", "SITE_BUCKET": "site",
                        "STATE_BUCKET": "build-state", "REVIEWS_TABLE": tables["ReviewsTable"],
                        "SHARD_SIZE": str(shard_size), "WORK_FOLDER": str(work), "CONTENT_PREFIX": "content/",
                        "POWERTOOLS_SERVICE_NAME": "full-build"}.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("careermitra.full_build.handlers", None)  # a cold start: the settings of this environment
    stack = FullBuildStack(root, source, s3, {step: load_step(step) for step in STEPS})
    stack.publish_content()
    return stack


def load_step(step: str) -> ModuleType:
    """Import functions/full_build_<step>/app.py as Lambda would (after the environment is set)."""
    spec = importlib.util.spec_from_file_location(f"full_build_{step}_app",
                                                  ROOT / f"functions/full_build_{step}/app.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

"""A published fixture site in moto (tables from template.yaml, a bucket holding a full build, a distribution), the
rebuild and fault tests' fixtures and helpers."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import pytest
from moto import mock_aws

from careermitra.domain.review import AspectRatings, PublishedReview
from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.local.resources import create_tables
from careermitra.local.seed import review_record
from careermitra.local.streams import StreamReader, streams_client
from careermitra.publish.cdn import NoCdn
from careermitra.publish.state import S3State
from careermitra.publish.sync import publish_site
from careermitra.publish.targets import S3Target
from careermitra.site.build import build
from careermitra.site.builder.content import load_institutions, load_reviews
from careermitra.store.reviews import DynamoReviewStore
from tests.support.site import FIXTURE_SITE, ROOT

PAGE_SIZES = '{"reviews_per_page": 2, "listing_page_size": 1, "search_index": False, "feed_size": 3}'


@dataclass
class PublishedSite:
    root: Path  # what the function package holds: content/, theme/, pelicanconf.py
    bucket: str
    state_bucket: str  # the build state (the site index), private
    tables: dict[str, str]
    s3: Any
    distribution_id: str
    reviews: DynamoReviewStore
    stream: StreamReader

    def objects(self) -> dict[str, str]:
        """Every key in the bucket with the SHA-256 of its content."""
        target = S3Target(self.s3, self.bucket)
        return {key: target._published_sha(key) or "" for key in target.paths()}

    def state(self, name: str) -> bytes | None:
        """The build state called `name` (the site index), from its private bucket."""
        return S3State(self.s3, self.state_bucket).read(name)

    def page(self, key: str) -> str:
        return self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read().decode("utf-8")


def record_for(slug: str, review: PublishedReview, status: Status = Status.APPROVED) -> ReviewRecord:
    return review_record(slug, review, f"user-{review.id}", status)


def site_root(tmp: Path, name: str = "package", settings: str = PAGE_SIZES) -> Path:
    """A copy of what `sam build` packages: the content, the theme and the settings (by default small page
    sizes; `settings` is a dict literal laid over CAREERMITRA)."""
    root = tmp / name
    shutil.copytree(FIXTURE_SITE, root / "content")
    shutil.copytree(ROOT / "theme", root / "theme")
    site_settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    (root / "pelicanconf.py").write_text(site_settings + f"\nCAREERMITRA = {{**CAREERMITRA, **{settings}}}\n",
                                         encoding="utf-8")
    return root


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "ap-south-1"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    from careermitra.store.dynamodb import dynamodb_resource

    dynamodb_resource.cache_clear()
    with mock_aws():
        yield
    dynamodb_resource.cache_clear()


@pytest.fixture
def published(aws: None, tmp_path: Path) -> PublishedSite:
    """Given the fixture site fully built and published, and its approved reviews in DynamoDB."""
    root = site_root(tmp_path)
    build(str(root / "pelicanconf.py"), {"OUTPUT_PATH": str(tmp_path / "output")})
    s3 = boto3.client("s3")
    for name in ("site", "build-state"):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "ap-south-1"})
    publish_site(tmp_path / "output", S3Target(s3, "site"), S3State(s3, "build-state"), NoCdn())
    dynamodb = boto3.client("dynamodb")
    tables = create_tables(dynamodb)
    store = DynamoReviewStore(tables["ReviewsTable"])
    institutions, _ = load_institutions(root / "content/institutions")
    for slug, reviews in load_reviews(root / "content/reviews", institutions).items():
        for review in reviews:
            store.add(record_for(slug, review))
    stream = StreamReader(dynamodb, streams_client(), tables["ReviewsTable"])
    stream.poll()  # the seeding is history; the tests read what happens next
    distribution = boto3.client("cloudfront").create_distribution(DistributionConfig={
        "CallerReference": "site", "Comment": "site", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "site.s3.amazonaws.com",
                                              "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "s3", "ViewerProtocolPolicy": "redirect-to-https",
                                 "MinTTL": 0, "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
                                 "TrustedSigners": {"Enabled": False, "Quantity": 0}},
    })["Distribution"]["Id"]
    return PublishedSite(root, "site", "build-state", tables, s3, distribution, store, stream)


def load_rebuild_function(published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp: Path) -> ModuleType:
    """Import functions/rebuild/app.py as Lambda would, with the environment template.yaml gives it."""
    for name, value in {"REVIEWS_TABLE": published.tables["ReviewsTable"], "SITE_ROOT": str(published.root),
                        "SITE_SETTINGS": "pelicanconf.py", "SITE_BUCKET": published.bucket,
                        "STATE_BUCKET": published.state_bucket,
                        "DISTRIBUTION_ID": published.distribution_id,
                        "POWERTOOLS_SERVICE_NAME": "rebuild"}.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("rebuild_app", ROOT / "functions/rebuild/app.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class LambdaContext:
    function_name: str = "rebuild"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:ap-south-1:123456789012:function:rebuild"
    aws_request_id: str = "request-1"


def new_review(review_id: str, rating: int, day: int, name: str = "Kavya N.") -> PublishedReview:
    aspects = AspectRatings(faculty=rating, infrastructure=rating, placements=rating, campus_life=rating,
                            value_for_money=rating)
    return PublishedReview(id=review_id, display_name=name, rating=rating, aspects=aspects,
                           title=f"Review {review_id}", body="Long enough text about the teaching and the campus.",
                           course="JEE Main & Advanced", graduation_year=2025, published=dt.date(2026, 11, day))


def approve(published: PublishedSite, slug: str, review: PublishedReview) -> None:
    """A user submits (pending), a moderator approves: two writes, as the API and the CLI make them."""
    pending = record_for(slug, review, Status.PENDING)
    published.reviews.add(pending)
    decided = published.reviews.decide(review.id, "pending", "approved",
                                       dt.datetime.combine(review.published, dt.time(10), tzinfo=dt.UTC),
                                       "reason", None)
    assert decided is not None


def invalidated_paths(published: PublishedSite) -> set[str]:
    cloudfront = boto3.client("cloudfront")
    paths: set[str] = set()
    for summary in cloudfront.list_invalidations(DistributionId=published.distribution_id)[
            "InvalidationList"].get("Items", []):
        batch = cloudfront.get_invalidation(DistributionId=published.distribution_id, Id=summary["Id"])
        paths |= set(batch["Invalidation"]["InvalidationBatch"]["Paths"]["Items"])
    return paths

"""`make publish` (`careermitra publish`): a full build synced to the bucket, changed files only, removals, one
invalidation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError

from careermitra.cli import main
from careermitra.domain.submission import Status
from careermitra.publish.cdn import CloudFrontCdn
from careermitra.publish.headers import cache_control_for
from careermitra.publish.sync import sync_site
from careermitra.publish.targets import S3Target
from careermitra.site.builder.index import _card_from_json
from careermitra.site.builder.state import META, Meta, card_key
from careermitra.store.publication import DynamoPublicationState
from careermitra.store.published_reviews import ApprovedSnapshot, DynamoApprovedReviews
from tests.support.rebuild import PublishedSite, invalidated_paths, new_review, record_for


def test_sync_sets_types_and_caching_and_a_second_sync_uploads_nothing(published: PublishedSite,
                                                                       tmp_path: Path) -> None:
    head = published.s3.head_object(Bucket=published.bucket, Key="institutions/alpha-college/index.html")
    assert head["ContentType"] == "text/html; charset=utf-8"
    assert head["CacheControl"] == "no-cache" and head["ETag"]  # revalidated with S3's ETag on every use
    feed = published.s3.head_object(Bucket=published.bucket, Key="feeds/reviews.atom.xml")
    assert feed["ContentType"] == "application/atom+xml; charset=utf-8"
    folder = tmp_path / "copy"
    target = S3Target(published.s3, published.bucket)
    for key in target.paths():
        (folder / key).parent.mkdir(parents=True, exist_ok=True)
        (folder / key).write_bytes(target.read(key) or b"")
    cdn = CloudFrontCdn(boto3.client("cloudfront"), published.distribution_id)
    assert sync_site(folder, target, cdn).uploaded == ()
    assert invalidated_paths(published) == set()


def test_sync_removes_deleted_pages_and_invalidates_them(published: PublishedSite, tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    target = S3Target(published.s3, published.bucket)
    for key in target.paths() - {"institutions/beta-university/write-review/index.html"}:
        (folder / key).parent.mkdir(parents=True, exist_ok=True)
        (folder / key).write_bytes(target.read(key) or b"")
    (folder / "about/index.html").write_text("<!doctype html><title>new</title>", encoding="utf-8")
    report = sync_site(folder, target, CloudFrontCdn(boto3.client("cloudfront"), published.distribution_id))
    assert report.uploaded == ("about/index.html",)
    assert report.removed == ("institutions/beta-university/write-review/index.html",)
    assert {"/about/", "/institutions/beta-university/write-review/"} <= invalidated_paths(published)


def test_release_exports_approved_reviews_from_the_stack_then_publishes(published: PublishedSite,
                                                                         tmp_path: Path) -> None:
    # Given a review approved in DynamoDB that is not in the content folder
    review = new_review("fx-b-7", 5, 23, name="Meera J.")
    published.reviews.add(record_for("beta-university", review))
    outputs = {"SiteBucketName": published.bucket, "DistributionId": published.distribution_id,
               "ReviewsTableName": published.tables["ReviewsTable"], "BuildStateBucketName": published.state_bucket}
    boto3.client("cloudformation").create_stack(StackName="careermitra", TemplateBody=json.dumps({
        "Resources": {"Placeholder": {"Type": "AWS::SNS::Topic"}},
        "Outputs": {key: {"Value": value} for key, value in outputs.items()}}))
    # When an editor's commit is published
    assert main(["publish", "--settings", str(published.root / "pelicanconf.py"), "--output", str(tmp_path / "release"),
                 "--stack", "careermitra"]) == 0
    # Then the live page shows it, and the pages nobody changed were not uploaded again
    page = published.page("institutions/beta-university/index.html")
    assert "Meera J." in page and "from 1 review" in page
    assert "/institutions/beta-university/" in invalidated_paths(published)
    assert "/institutions/alpha-college/reviews/2/" not in invalidated_paths(published)
    assert dt.date(2026, 11, 23).isoformat() in page
    # And the rebuild's index knows it, in the private build state (not among the site's files)
    buckets = Meta.from_bytes(published.state(META) or b"").card_buckets
    bucket = published.state(card_key("beta-university", buckets))
    assert bucket is not None and _card_from_json(json.loads(bucket)["beta-university"][0]).count == 1
    # And the moderator sees it live (it was "waiting for the rebuild" before), as every review the build showed
    state = DynamoPublicationState(published.tables["ReviewsTable"])
    assert state.state_of("fx-b-7") == "approved, live"
    assert state.state_of("fx-a-1") == "approved, live"


def test_publish_records_live_only_what_its_build_showed(published: PublishedSite, tmp_path: Path) -> None:
    # Given a review still pending, and one approved after the publish read the table
    published.reviews.add(record_for("beta-university", new_review("fx-b-8", 4, 24), Status.PENDING))
    state = DynamoPublicationState(published.tables["ReviewsTable"])
    approved = ApprovedSnapshot(DynamoApprovedReviews(published.tables["ReviewsTable"]).all_approved())
    published.reviews.add(record_for("beta-university", new_review("fx-b-9", 5, 25)))
    # When the publish records what it showed
    recorded = state.mark_reviews_live(approved.review_ids(), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    # Then the reviews it exported are live, the later one waits for its rebuild, the pending one stays pending
    assert recorded == len(approved.review_ids()) > 0
    assert state.state_of("fx-a-1") == "approved, live"
    assert state.state_of("fx-b-9") == "approved, not yet published (waiting for the rebuild)"
    assert state.state_of("fx-b-8") == "pending"
    # And a second publish of the same reviews writes nothing
    assert state.mark_reviews_live(approved.review_ids(), dt.datetime(2026, 12, 2, tzinfo=dt.UTC)) == 0


def test_publish_without_a_stack_only_builds(published: PublishedSite, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # When publishing with no stack named
    monkeypatch.delenv("CAREERMITRA_STACK", raising=False)
    before = published.objects()
    assert main(["publish", "--settings", str(published.root / "pelicanconf.py"), "--output", str(tmp_path / "o")]) == 0
    # Then the site is built into the output folder and nothing is uploaded
    assert (tmp_path / "o" / "institutions/alpha-college/index.html").is_file()
    assert published.objects() == before
    assert "no stack given" in capsys.readouterr().out


@pytest.mark.parametrize("key, cache_control", [
    ("institutions/alpha-college/index.html", "no-cache"),
    ("index.html", "no-cache"),
    ("feeds/reviews.atom.xml", "no-cache"),
    ("sitemap.xml", "no-cache"),
    ("theme/css/site.css", "public, max-age=86400"),
])
def test_pages_revalidate_with_their_etag_while_hashed_assets_are_immutable(
        published: PublishedSite, key: str, cache_control: str) -> None:
    head = published.s3.head_object(Bucket=published.bucket, Key=key)
    assert head["CacheControl"] == cache_control
    # A browser (or CloudFront) asking again with the ETag gets a 304 and no body while the page is unchanged
    with pytest.raises(ClientError) as not_modified:
        published.s3.get_object(Bucket=published.bucket, Key=key, IfNoneMatch=head["ETag"])
    assert not_modified.value.response["Error"]["Code"] == "304"


def test_content_hashed_search_files_are_immutable() -> None:
    assert cache_control_for("pagefind/fragment/en_3c1a2b.pf_fragment") == "public, max-age=31536000, immutable"
    assert cache_control_for("pagefind/pagefind-entry.json") == "no-cache"  # names the hashed files: revalidated

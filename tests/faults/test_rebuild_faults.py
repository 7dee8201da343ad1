"""The rebuild under faults: a missing or broken institution file, S3 failing mid-publish, DynamoDB throttling.

Every case ends the same way: the old pages stay up, the moderator can see what is not live and why, and the
next successful rebuild (or `careermitra rebuild retry`) converges the bucket on what a full build writes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from botocore.exceptions import ClientError

from careermitra.rebuild.changes import affected_institutions
from careermitra.site.build import build_with_approved_reviews
from careermitra.store.publication import DynamoPublicationState
from careermitra.store.published_reviews import DynamoApprovedReviews
from tests.support.rebuild import LambdaContext, PublishedSite, approve, load_rebuild_function, new_review

ALPHA_FILE = "content/institutions/alpha-college.md"


def state(published: PublishedSite, review_id: str) -> str | None:
    return DynamoPublicationState(published.tables["ReviewsTable"]).state_of(review_id)


def rebuild_next_batch(app: ModuleType, published: PublishedSite) -> set[str]:
    """Hand the stream's next batch to the rebuild function; the sequence numbers it reports as failed."""
    event = published.stream.event()
    assert event is not None
    answer = app.lambda_handler(event, LambdaContext())
    return {item["itemIdentifier"] for item in answer["batchItemFailures"]}


def full_build_of(published: PublishedSite, tmp_path: Path) -> dict[str, str]:
    """What a full build of the same content and DynamoDB's approved reviews writes: path -> SHA-256."""
    output = tmp_path / "full"
    build_with_approved_reviews(str(published.root / "pelicanconf.py"), output,
                                DynamoApprovedReviews(published.tables["ReviewsTable"]))
    return {str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in output.rglob("*") if path.is_file()}


def bucket(published: PublishedSite) -> dict[str, str]:
    return published.objects()


class FailingOnCall:
    """A boto3 client whose method `name` raises `code` on its calls number `failing` (1-based)."""

    def __init__(self, client: Any, name: str, code: str, failing: set[int]) -> None:
        self._client, self._name, self._code, self._failing, self.calls = client, name, code, failing, 0

    def __getattr__(self, attribute: str) -> Any:
        real = getattr(self._client, attribute)
        if attribute != self._name:
            return real

        def call(**kwargs: Any) -> Any:
            self.calls += 1
            if self.calls in self._failing:
                raise ClientError({"Error": {"Code": self._code, "Message": "injected"}}, self._name)
            return real(**kwargs)
        return call


def test_a_missing_institution_file_keeps_its_pages_and_says_why(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given Alpha's file is missing from the function's package
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    before = published.objects()
    (published.root / ALPHA_FILE).unlink()
    # When a moderator approves a review of Alpha
    approve(published, "alpha-college", new_review("fx-a-9", 5, 21))
    failed = rebuild_next_batch(app, published)
    # Then the approval is reported failed (Lambda retries it), and Alpha's pages are all still there, unchanged
    assert failed
    assert {key: sha for key, sha in published.objects().items() if "alpha-college" in key} == {
        key: sha for key, sha in before.items() if "alpha-college" in key}
    assert "institutions/alpha-college/index.html" in published.objects()
    # And the moderator sees the review is approved but not live, with the file named
    shown = state(published, "fx-a-9")
    assert shown is not None and shown.startswith("approved, not yet published (ContentError")
    assert "alpha-college.md" in shown


def test_after_the_fix_the_next_successful_rebuild_publishes_what_failed(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given an approval of Alpha that failed because its file was broken
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    alpha = published.root / ALPHA_FILE
    good = alpha.read_text(encoding="utf-8")
    alpha.write_text(good.replace("---", "", 1), encoding="utf-8")
    approve(published, "alpha-college", new_review("fx-a-9", 5, 21))
    assert rebuild_next_batch(app, published)
    assert state(published, "fx-a-9").startswith("approved, not yet published")  # type: ignore[union-attr]
    # When the file is fixed and another institution's review is approved
    alpha.write_text(good, encoding="utf-8")
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 22))
    assert rebuild_next_batch(app, published) == set()
    # Then both reviews are live, and the bucket holds what a full build writes
    assert state(published, "fx-a-9") == "approved, live" and state(published, "fx-g-2") == "approved, live"
    assert "Review fx-a-9" in published.page("institutions/alpha-college/index.html")
    assert bucket(published) == full_build_of(published, tmp_path)


def test_recording_the_published_state_does_not_trigger_another_rebuild(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given an approval the rebuild published, recording `published_at` on the review
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    assert rebuild_next_batch(app, published) == set()
    assert state(published, "fx-g-2") == "approved, live"
    # Then the stream records of that write touch no institution (the rebuild does not feed itself)
    event = published.stream.event()
    assert event is not None and event["Records"]
    assert all(affected_institutions(record) == set() for record in event["Records"])


def test_s3_failing_mid_publish_is_redriven_by_the_retry_command(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given the bucket fails on the third upload of a rebuild (and on every retry of it), half-way through
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    service = app.service()
    real_s3 = service.target.s3
    service.target.s3 = FailingOnCall(real_s3, "put_object", "InternalError", set(range(3, 100)))
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    assert rebuild_next_batch(app, published)
    assert service.target.s3.calls >= 3
    assert state(published, "fx-g-2") == ("approved, not yet published (ClientError: An error occurred "
                                          "(InternalError) when calling the put_object operation: injected)")
    # When S3 is back and an editor runs `careermitra rebuild retry` (the service's redrive)
    service.target.s3 = real_s3
    assert service.redrive() == {"gamma-classes": "live"}
    # Then the review is live and the bucket converged on a full build
    assert state(published, "fx-g-2") == "approved, live"
    assert bucket(published) == full_build_of(published, tmp_path)


def test_dynamodb_throttling_is_retried_with_backoff(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given DynamoDB throttles the rebuild's first two queries (answered as AWS answers: HTTP 400)
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    from careermitra.store.dynamodb import dynamodb_resource

    client = dynamodb_resource().meta.client
    throttled = throttle(client, "Query", times=2)
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    # Then botocore retries them (standard mode) and the approval is published without a failure
    assert rebuild_next_batch(app, published) == set()
    assert throttled() == 2
    assert "from 2 reviews" in published.page("institutions/gamma-classes/index.html")


def test_every_aws_client_has_timeouts_and_retries_with_backoff(aws: None) -> None:
    # A hung call gives up instead of holding a Lambda (or the local gateway) until its own timeout
    from careermitra.local.streams import streams_client
    from careermitra.mail.ses import SesMailer
    from careermitra.store.dynamodb import CONNECT_TIMEOUT, READ_TIMEOUT, aws_client, dynamodb_resource

    clients = [dynamodb_resource().meta.client, aws_client("s3"), streams_client(), SesMailer("a@b.in")._client]
    for client in clients:
        config = client.meta.config
        assert (config.connect_timeout, config.read_timeout) == (CONNECT_TIMEOUT, READ_TIMEOUT)
        assert config.retries["mode"] == "standard" and config.retries["total_max_attempts"] >= 3


def throttle(client: Any, operation: str, times: int) -> Callable[[], int]:
    """Answer the first `times` calls of `operation` with ProvisionedThroughputExceededException."""
    from botocore.awsrequest import AWSResponse

    answered = [0]

    class Raw:
        def stream(self, **_: Any) -> Any:
            yield (b'{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",'
                   b'"message":"injected"}')

    def before_send(request: Any, **_: Any) -> AWSResponse | None:
        if answered[0] >= times:
            return None
        answered[0] += 1
        return AWSResponse(request.url, 400, {"x-amzn-requestid": "injected"}, Raw())

    client.meta.events.register(f"before-send.dynamodb.{operation}", before_send)
    return lambda: answered[0]


def test_the_retry_command_republishes_parked_records_and_the_moderator_sees_live(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from careermitra.cli import row_of
    from careermitra.rebuild.retry import retry_failed

    # Given an approval whose stream records the local worker parked (the rebuild never ran for it)
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    event = published.stream.event()
    assert event is not None
    parked = tmp_path / "failed-records.jsonl"
    parked.write_text("".join(json.dumps(r, default=str) + "\n" for r in event["Records"]), encoding="utf-8")
    record = published.reviews.get("fx-g-2")
    assert record is not None and row_of(record)["STATUS"] == "approved, not yet published (waiting for the rebuild)"
    # When an editor runs `careermitra rebuild retry`
    assert retry_failed(app.service(), parked) == {"gamma-classes": "live"}
    # Then the review is on the page, `reviews list` says so, and nothing is left parked
    assert "from 2 reviews" in published.page("institutions/gamma-classes/index.html")
    record = published.reviews.get("fx-g-2")
    assert record is not None and row_of(record)["STATUS"] == "approved, live"
    assert not parked.exists()

"""`careermitra rebuild retry` reads the stream's on-failure queue: the batches Lambda gave up on are read back
from the stream, their institutions republished, and each message deleted only once all of them are live."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from careermitra.domain.submission import Status
from careermitra.local.streams import streams_client
from careermitra.rebuild.failure_queue import FailureQueue
from careermitra.rebuild.retry import GONE, retry_failed
from careermitra.store.publication import DynamoPublicationState
from tests.support.rebuild import PublishedSite, approve, load_rebuild_function, new_review

ALPHA_FILE = "content/institutions/alpha-college.md"


def parked_by_lambda(published: PublishedSite, sqs: Any, queue_url: str) -> str:
    """Read the stream's next batch and put Lambda's on-failure record of it in the queue (as after its retries)."""
    event = published.stream.event()
    assert event is not None
    sequences = [record["dynamodb"]["SequenceNumber"] for record in event["Records"]]
    [shard] = streams_client().describe_stream(StreamArn=published.stream.arn)["StreamDescription"]["Shards"]
    body = {"requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": 6},
            "version": "1.0", "timestamp": "2026-12-02T01:00:00.000Z",
            "DDBStreamBatchInfo": {"shardId": shard["ShardId"], "startSequenceNumber": sequences[0],
                                   "endSequenceNumber": sequences[-1], "batchSize": len(sequences),
                                   "streamArn": published.stream.arn}}
    return sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(body))["MessageId"]


def messages_in(sqs: Any, queue_url: str) -> int:
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["All"])["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(attributes["ApproximateNumberOfMessagesNotVisible"])


@pytest.fixture
def queue(published: PublishedSite) -> tuple[Any, str]:
    sqs = boto3.client("sqs")
    return sqs, sqs.create_queue(QueueName="rebuild-failures")["QueueUrl"]


def test_retry_redrives_the_queued_batches_and_deletes_only_what_went_live(
        published: PublishedSite, queue: tuple[Any, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sqs, url = queue
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    # Given two batches Lambda gave up on: an approval of Gamma, and one of Alpha, whose file is still broken
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    parked_by_lambda(published, sqs, url)
    approve(published, "alpha-college", new_review("fx-a-9", 5, 21))
    parked_by_lambda(published, sqs, url)
    alpha = published.root / ALPHA_FILE
    good = alpha.read_text(encoding="utf-8")
    alpha.write_text(good.replace("---", "", 1), encoding="utf-8")
    failures = FailureQueue(sqs, streams_client(), url)
    # When an editor runs `careermitra rebuild retry`
    outcomes = retry_failed(app.service(), None, failures)
    # Then Gamma's review is live and its message gone; Alpha's is not, and its message is still there, visible
    assert outcomes["gamma-classes"] == "live"
    assert outcomes["alpha-college"].startswith("not yet published (ContentError")
    assert sorted(value for key, value in outcomes.items() if key.startswith("failed batch")) == [
        "kept in the queue: some of its institutions are not yet published", "redriven: deleted from the queue"]
    assert "from 2 reviews" in published.page("institutions/gamma-classes/index.html")
    assert messages_in(sqs, url) == 1
    # When the file is fixed and the retry is run again, at once
    alpha.write_text(good, encoding="utf-8")
    outcomes = retry_failed(app.service(), None, failures)
    # Then Alpha's review is live, the moderator sees it, and the queue is empty
    assert outcomes["alpha-college"] == "live"
    assert "Review fx-a-9" in published.page("institutions/alpha-college/index.html")
    assert DynamoPublicationState(published.tables["ReviewsTable"]).state_of("fx-a-9") == "approved, live"
    assert messages_in(sqs, url) == 0


class TrimmedStream:
    """The streams client as it answers for records past the stream's 24 hours (moto never trims)."""

    def __init__(self, streams: Any) -> None:
        self.exceptions = streams.exceptions

    def get_shard_iterator(self, **_: Any) -> Any:
        raise ClientError({"Error": {"Code": "TrimmedDataAccessException", "Message": "trimmed"}},
                          "GetShardIterator")


def test_a_batch_the_stream_no_longer_holds_is_kept_and_says_what_to_do(
        published: PublishedSite, queue: tuple[Any, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sqs, url = queue
    app = load_rebuild_function(published, monkeypatch, tmp_path)
    # Given a batch Lambda gave up on more than 24 hours ago: the stream has trimmed its records
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    parked_by_lambda(published, sqs, url)
    sqs.send_message(QueueUrl=url, MessageBody="not Lambda's record")  # and a message that is no batch at all
    # When the retry runs
    outcomes = retry_failed(app.service(), None, FailureQueue(sqs, TrimmedStream(streams_client()), url))
    # Then nothing is deleted and the answer says to republish from the table
    assert [value for key, value in outcomes.items() if key.startswith("failed batch")] == [GONE]
    assert "careermitra publish" in GONE
    assert messages_in(sqs, url) == 2


def test_the_command_reads_the_queue_the_stream_mapping_sends_failures_to() -> None:
    from tests.backend.template import resources, template

    rebuild = resources("AWS::Serverless::Function")["RebuildFunction"]["Properties"]
    destination = rebuild["Events"]["ReviewsStream"]["Properties"]["DestinationConfig"]["OnFailure"]["Destination"]
    assert destination == {"Fn::GetAtt": ["RebuildFailures", "Arn"]}
    # `careermitra --stack S rebuild retry` finds the queue by this output (careermitra/cli.py)
    assert template()["Outputs"]["RebuildFailuresQueueUrl"]["Value"] == {"Ref": "RebuildFailures"}


def test_the_command_with_a_stack_reads_its_queue(published: PublishedSite, queue: tuple[Any, str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from careermitra.cli import main
    from tests.support.rebuild import record_for

    sqs, url = queue
    # Given a stack whose failure queue holds a batch that touched no page (a review still pending)
    published.reviews.add(record_for("gamma-classes", new_review("fx-g-5", 4, 23), Status.PENDING))
    parked_by_lambda(published, sqs, url)
    outputs = {"SiteBucketName": published.bucket, "DistributionId": published.distribution_id,
               "ReviewsTableName": published.tables["ReviewsTable"], "BuildStateBucketName": published.state_bucket,
               "RebuildFailuresQueueUrl": url}
    boto3.client("cloudformation").create_stack(StackName="careermitra", TemplateBody=json.dumps({
        "Resources": {"Placeholder": {"Type": "AWS::SNS::Topic"}},
        "Outputs": {key: {"Value": value} for key, value in outputs.items()}}))
    # When an editor runs `careermitra --stack careermitra rebuild retry --json`
    assert main(["--stack", "careermitra", "rebuild", "retry", "--json"]) == 0
    # Then the batch was read back from the stream, had nothing to republish, and left the queue
    answer = json.loads(capsys.readouterr().out)
    assert list(answer.values()) == ["redriven: deleted from the queue"]
    assert messages_in(sqs, url) == 0

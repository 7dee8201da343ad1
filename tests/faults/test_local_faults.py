"""The local stack's stream worker under faults: a database error, a crashing rebuild, a shard failing half-way."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from careermitra.local.streams import StreamReader, StreamWorker
from careermitra.rebuild.retry import parked_institutions


def throttled() -> ClientError:
    return ClientError({"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "injected"}},
                       "GetRecords")


def approval(sequence: str, slug: str = "gamma-classes") -> dict[str, Any]:
    image = {"status": {"S": "approved"}, "institution": {"S": slug}}
    return {"eventName": "MODIFY", "dynamodb": {"SequenceNumber": sequence, "NewImage": image}}


class Reader:
    """A stream reader that fails on the polls given, and returns the batches given, in order."""

    def __init__(self, *answers: list[dict[str, Any]] | Exception) -> None:
        self.answers = list(answers)

    def poll(self) -> list[dict[str, Any]]:
        answer = self.answers.pop(0) if self.answers else []
        if isinstance(answer, Exception):
            raise answer
        return answer


class Rebuild:
    """A rebuild handler that raises on its calls numbered in `crashes` and reports `failing` sequence numbers."""

    def __init__(self, crashes: frozenset[int] = frozenset(), failing: frozenset[str] = frozenset()) -> None:
        self.crashes, self.failing = crashes, failing
        self.batches: list[list[str]] = []

    def __call__(self, event: dict[str, Any]) -> dict[str, Any]:
        self.batches.append([r["dynamodb"]["SequenceNumber"] for r in event["Records"]])
        if len(self.batches) in self.crashes:
            raise throttled()
        return {"batchItemFailures": [{"itemIdentifier": r["dynamodb"]["SequenceNumber"]} for r in event["Records"]
                                      if r["dynamodb"]["SequenceNumber"] in self.failing]}


def test_the_worker_survives_a_database_error_and_a_crash_and_loses_no_record(tmp_path: Path) -> None:
    # Given the stream read fails once, then gives two approvals, and the rebuild crashes on its first call
    rebuild = Rebuild(crashes=frozenset({1}))
    worker = StreamWorker(Reader(throttled(), [approval("1"), approval("2")]), rebuild, tmp_path / "parked.jsonl")
    # When the worker goes round a few times
    delays = [worker.step() for _ in range(4)]
    # Then it backed off after each error, kept going, and the rebuild got the same two records again
    assert delays[0] > 0.3 and delays[1] > 0.3
    assert rebuild.batches == [["1", "2"], ["1", "2"]]
    assert worker.pending == [] and not (tmp_path / "parked.jsonl").exists()


def test_records_that_keep_failing_are_parked_for_the_retry_command(tmp_path: Path) -> None:
    # Given a rebuild that always fails Alpha's record and publishes Gamma's
    rebuild = Rebuild(failing=frozenset({"2"}))
    parked = tmp_path / "parked.jsonl"
    worker = StreamWorker(Reader([approval("1"), approval("2", "alpha-college")]), rebuild, parked, attempts=3)
    for _ in range(4):
        worker.step()
    # Then Alpha's record was tried three times, then parked, where `careermitra rebuild retry` finds it
    assert rebuild.batches == [["1", "2"], ["2"], ["2"]]
    assert [json.loads(line)["dynamodb"]["SequenceNumber"] for line in parked.read_text().splitlines()] == ["2"]
    assert parked_institutions(parked) == {"alpha-college"}


class Streams:
    """Two shards; get_records on the second fails once."""

    def __init__(self) -> None:
        self.failed = False
        self.meta = type("Meta", (), {"region_name": "ap-south-1"})()

    def describe_stream(self, StreamArn: str) -> dict[str, Any]:
        return {"StreamDescription": {"Shards": [{"ShardId": "a"}, {"ShardId": "b"}]}}

    def get_shard_iterator(self, StreamArn: str, ShardId: str, ShardIteratorType: str) -> dict[str, Any]:
        return {"ShardIterator": f"{ShardId}-0"}

    def get_records(self, ShardIterator: str) -> dict[str, Any]:
        shard, position = ShardIterator.split("-")
        if shard == "b" and not self.failed:
            self.failed = True
            raise throttled()
        if position == "1":
            return {"Records": [], "NextShardIterator": ShardIterator}
        return {"Records": [approval(f"{shard}1")], "NextShardIterator": f"{shard}-1"}


class Table:
    def describe_table(self, TableName: str) -> dict[str, Any]:
        return {"Table": {"LatestStreamArn": "arn:stream"}}


def test_a_shard_failing_half_way_through_a_poll_skips_no_record() -> None:
    reader = StreamReader(Table(), Streams(), "reviews")
    with contextlib.suppress(ClientError):
        reader.poll()
    # The record shard a gave before shard b failed comes with the next poll, once
    assert sorted(r["dynamodb"]["SequenceNumber"] for r in reader.poll()) == ["a1", "b1"]
    assert reader.poll() == []

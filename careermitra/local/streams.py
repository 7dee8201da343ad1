"""Read a DynamoDB stream (moto's, locally) and hand its records over as Lambda's event source would."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careermitra.store.dynamodb import aws_client

logger = logging.getLogger(__name__)
IDLE = 0.3  # seconds between polls of a quiet stream
MAX_BACKOFF = 30.0


def streams_client() -> Any:
    """A DynamoDB Streams client on the regional endpoint.

    Recent botocore sends stream calls to an account-based host (<account>.streams-ddb...), which moto does
    not serve; the regional endpoint is the same API.
    """
    return aws_client("dynamodbstreams", account_id_endpoint_mode="disabled")


class StreamReader:
    """Follows every shard of a table's stream from where it was opened; `poll` returns the new records."""

    def __init__(self, dynamodb: Any, streams: Any, table_name: str, start: str = "TRIM_HORIZON") -> None:
        self.streams = streams
        self.arn = dynamodb.describe_table(TableName=table_name)["Table"]["LatestStreamArn"]
        self.region = streams.meta.region_name
        self.start = start
        self.iterators: dict[str, str | None] = {}
        self.unread: list[dict[str, Any]] = []  # read from a shard, not yet returned (a later shard failed)
        self._discover()

    def _discover(self) -> None:
        shards = self.streams.describe_stream(StreamArn=self.arn)["StreamDescription"]["Shards"]
        for shard in shards:
            shard_id = shard["ShardId"]
            if shard_id not in self.iterators:
                self.iterators[shard_id] = self.streams.get_shard_iterator(
                    StreamArn=self.arn, ShardId=shard_id, ShardIteratorType=self.start)["ShardIterator"]

    def poll(self) -> list[dict[str, Any]]:
        """New records in Lambda's event shape (eventSourceARN and awsRegion set), oldest first.

        A shard's position moves only with the records it gave; if a call fails, the records already read
        are returned by the next poll, so none is skipped or lost.
        """
        self._discover()
        records = self.unread
        for shard_id, iterator in list(self.iterators.items()):
            if iterator is None:
                continue
            answer = self.streams.get_records(ShardIterator=iterator)
            self.iterators[shard_id] = answer.get("NextShardIterator")
            for record in answer.get("Records", []):
                record = dict(record)
                record.setdefault("eventSourceARN", self.arn)
                record.setdefault("awsRegion", self.region)
                records.append(record)
        self.unread = []
        return records

    def event(self) -> dict[str, Any] | None:
        """The next batch as a Lambda event, or None when nothing is new."""
        records = self.poll()
        return {"Records": records} if records else None


Handler = Callable[[dict[str, Any]], dict[str, Any]]


class StreamWorker:
    """Hands a stream's records to a handler as Lambda's event source mapping does, and survives every error.

    A batch the handler fails (an exception, or records in its partial batch response) is tried again with
    backoff, up to `attempts` times; then its records are parked, one JSON record a line, for `careermitra
    rebuild retry`. `step` does one round and returns how long to wait before the next.
    """

    def __init__(self, reader: StreamReader, handler: Handler, parked: Path, attempts: int = 3) -> None:
        self.reader, self.handler, self.parked, self.attempts = reader, handler, parked, attempts
        self.pending: list[dict[str, Any]] = []
        self.tries = 0  # of the pending batch
        self.errors = 0  # in a row, for the backoff

    def step(self) -> float:
        failed_now = False
        try:
            if not self.pending:
                self.pending, self.tries = self.reader.poll(), 0
            if not self.pending:
                self.errors = 0
                return IDLE
            self.tries += 1
            answer = self.handler({"Records": self.pending})
            failed = {item["itemIdentifier"] for item in answer["batchItemFailures"]}
            self.pending = [r for r in self.pending if r.get("dynamodb", {}).get("SequenceNumber") in failed]
        except Exception as error:  # a database error, a hung call's timeout, a crash: log it by type, go on
            logger.error("Stream worker: %s (%d records waiting); trying again", type(error).__name__,
                         len(self.pending))
            failed_now = True
        if self.pending and self.tries >= self.attempts:
            self._park(self.pending)
            self.pending = []
        if not self.pending and not failed_now:
            self.errors = 0
            return 0.0
        self.errors += 1
        return min(MAX_BACKOFF, 0.5 * 2 ** self.errors)

    def _park(self, records: list[dict[str, Any]]) -> None:
        self.parked.parent.mkdir(parents=True, exist_ok=True)
        with self.parked.open("a", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, default=str) + "\n")
        logger.error("Stream worker: %d records failed %d times; parked in %s (careermitra rebuild retry)",
                     len(records), self.attempts, self.parked)

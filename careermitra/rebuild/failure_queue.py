"""The rebuild's on-failure queue (`RebuildFailures` in template.yaml): batches Lambda gave up on, read back.

After its retries, Lambda's DynamoDB event source mapping sends the queue a message that names a batch, not its
content: `DDBStreamBatchInfo` holds the stream ARN, the shard and the first and last sequence numbers. The
records themselves are read again from the stream (it keeps them 24 hours), which tells the institutions they
touch. A message is deleted only after those institutions are live again; until then it stays in the queue
(it reappears when its visibility timeout ends), so `careermitra rebuild retry` can be run again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from typing import Any

from careermitra.rebuild.changes import BadRecord, affected_institutions

logger = logging.getLogger(__name__)
HIDE_SECONDS = 300  # a received message stays hidden this long: long enough to republish, short if we crash
MAX_RECEIVES = 100  # rounds of up to 10 messages: a queue this long needs `make publish`, not a redrive


@dataclass(frozen=True)
class FailedBatch:
    """One message of the queue: where the batch is in the stream, and (once read) what it touches."""

    message_id: str
    receipt_handle: str
    stream_arn: str
    shard_id: str
    first: str
    last: str
    institutions: frozenset[str] | None = None  # None: the stream no longer holds its records

    @property
    def name(self) -> str:
        return f"failed batch {self.shard_id} {self.first}..{self.last}"


class NotABatch(ValueError):
    """A message in the queue that is not Lambda's record of a failed stream batch."""


def batch_of(message: dict[str, Any]) -> FailedBatch:
    """The batch a queue message names (DDBStreamBatchInfo of Lambda's on-failure record)."""
    try:
        info = json.loads(message["Body"])["DDBStreamBatchInfo"]
        return FailedBatch(message["MessageId"], message["ReceiptHandle"], str(info["streamArn"]),
                           str(info["shardId"]), str(info["startSequenceNumber"]), str(info["endSequenceNumber"]))
    except (ValueError, KeyError, TypeError) as error:
        raise NotABatch(f"message {message.get('MessageId')!r} names no stream batch") from error


class FailureQueue:
    """The queue of failed batches and the stream they came from."""

    def __init__(self, sqs: Any, streams: Any, queue_url: str) -> None:
        self.sqs = sqs
        self.streams = streams
        self.queue_url = queue_url

    def failed_batches(self) -> list[FailedBatch]:
        """Every batch in the queue, with the institutions its records touch; other messages are left alone."""
        batches: list[FailedBatch] = []
        for _ in range(MAX_RECEIVES):
            messages = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10,
                                                VisibilityTimeout=HIDE_SECONDS, WaitTimeSeconds=1).get("Messages", [])
            if not messages:
                break
            for message in messages:
                try:
                    batch = batch_of(message)
                except NotABatch as error:
                    logger.warning("Leaving a message in the rebuild's failure queue: %s", error)
                    continue
                batches.append(replace(batch, institutions=self._institutions_of(batch)))
        return batches

    def _institutions_of(self, batch: FailedBatch) -> frozenset[str] | None:
        records = self._records(batch)
        if records is None:
            return None
        slugs: set[str] = set()
        for record in records:
            try:
                slugs |= affected_institutions(record)
            except BadRecord:
                continue  # a record that touches no page: nothing to republish for it
        return frozenset(slugs)

    def _records(self, batch: FailedBatch) -> list[dict[str, Any]] | None:
        """The batch's records, read again from its shard; None when the stream has trimmed them."""
        try:
            iterator = self.streams.get_shard_iterator(StreamArn=batch.stream_arn, ShardId=batch.shard_id,
                                                       ShardIteratorType="AT_SEQUENCE_NUMBER",
                                                       SequenceNumber=batch.first)["ShardIterator"]
        except self.streams.exceptions.ClientError as error:
            logger.warning("The stream no longer holds %s: %s", batch.name, error.response["Error"]["Code"])
            return None
        last, records = int(batch.last), []
        while iterator:
            answer = self.streams.get_records(ShardIterator=iterator)
            page = answer.get("Records", [])
            records += [r for r in page if int(r["dynamodb"]["SequenceNumber"]) <= last]
            if not page or int(page[-1]["dynamodb"]["SequenceNumber"]) >= last:
                break
            iterator = answer.get("NextShardIterator")
        return records

    def delete(self, batch: FailedBatch) -> None:
        self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=batch.receipt_handle)

    def release(self, batch: FailedBatch) -> None:
        """Make a kept message visible again at once, so the next retry sees it."""
        self.sqs.change_message_visibility(QueueUrl=self.queue_url, ReceiptHandle=batch.receipt_handle,
                                           VisibilityTimeout=0)

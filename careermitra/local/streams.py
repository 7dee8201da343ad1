"""Read a DynamoDB stream (moto's, locally) and hand its records over as Lambda's event source would."""

from __future__ import annotations

from typing import Any

from careermitra.store.dynamodb import aws_client


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
        self._discover()

    def _discover(self) -> None:
        shards = self.streams.describe_stream(StreamArn=self.arn)["StreamDescription"]["Shards"]
        for shard in shards:
            shard_id = shard["ShardId"]
            if shard_id not in self.iterators:
                self.iterators[shard_id] = self.streams.get_shard_iterator(
                    StreamArn=self.arn, ShardId=shard_id, ShardIteratorType=self.start)["ShardIterator"]

    def poll(self) -> list[dict[str, Any]]:
        """New records in Lambda's event shape (eventSourceARN and awsRegion set), oldest first."""
        self._discover()
        records: list[dict[str, Any]] = []
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
        return records

    def event(self) -> dict[str, Any] | None:
        """The next batch as a Lambda event, or None when nothing is new."""
        records = self.poll()
        return {"Records": records} if records else None

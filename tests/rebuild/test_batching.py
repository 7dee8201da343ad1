"""A burst of approvals arriving in one stream batch makes one rebuild of every institution it touches."""

from __future__ import annotations

from typing import Any

from careermitra.rebuild.stream import process_batch


def approval(sequence: int, slug: str, review_id: str) -> dict[str, Any]:
    """The stream record of a moderator's approval (pending → approved), as DynamoDB writes it."""
    image = {"id": {"S": review_id}, "institution": {"S": slug}}
    return {"eventName": "MODIFY", "dynamodb": {
        "SequenceNumber": str(sequence), "OldImage": {**image, "status": {"S": "pending"}},
        "NewImage": {**image, "status": {"S": "approved"}}}}


def test_a_burst_of_approvals_in_one_batch_is_one_rebuild() -> None:
    # Given twelve approvals of three institutions within the batching window (one batch)
    slugs = ["alpha-college", "beta-university", "gamma-classes"]
    batch = [approval(100 + n, slugs[n % 3], f"review-{n}") for n in range(12)]
    rebuilds: list[set[str]] = []
    # When the rebuild function gets the batch
    answer = process_batch(batch, rebuilds.append)
    # Then it rebuilt once, for the three institutions, and no record failed
    assert rebuilds == [set(slugs)]
    assert answer == {"batchItemFailures": []}

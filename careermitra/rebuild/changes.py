"""Which institutions a batch of DynamoDB stream records from the reviews table touches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careermitra.domain.slugs import is_slug

APPROVED = "approved"
# The rebuild's own record of what it published (store/publication.py): a change of these alone touches no page.
PUBLICATION_FIELDS = frozenset({"published_at", "publish_error"})


class BadRecord(ValueError):
    """A stream record that does not describe a review."""


def _field(image: Mapping[str, Any], name: str) -> str:
    """A string attribute of a stream image ({"S": "..."}): the only kind this module reads.

    Decoded here rather than with boto3's TypeDeserializer, so that importing the handler does not import boto3
    (the rebuild service imports it on the first batch).
    """
    if name not in image:
        raise BadRecord(f"the review image has no {name!r}")
    value = image[name]
    if not isinstance(value, Mapping) or set(value) != {"S"} or not isinstance(value["S"], str):
        raise BadRecord(f"the review's {name!r} is not a string")
    return value["S"]


def affected_institutions(record: Mapping[str, Any]) -> set[str]:
    """Institutions whose published reviews this record changes.

    Only approved reviews are on the site, so a record matters when the review was approved before or after
    it: an approval, an edit of an approved review, a rejection after approval, an erasure (REMOVE).
    """
    change = record.get("dynamodb")
    if not isinstance(change, Mapping):
        raise BadRecord("the record has no 'dynamodb' section")
    if record.get("eventName") == "MODIFY" and _only_publication_changed(change):
        return set()
    slugs = set()
    for image in (change.get("OldImage"), change.get("NewImage")):
        if image and _field(image, "status") == APPROVED:
            slug = _field(image, "institution")
            if not is_slug(slug):
                raise BadRecord(f"{slug!r} is not an institution slug")
            slugs.add(slug)
    if record.get("eventName") not in ("INSERT", "MODIFY", "REMOVE"):
        raise BadRecord(f"unknown event {record.get('eventName')!r}")
    return slugs


def _only_publication_changed(change: Mapping[str, Any]) -> bool:
    old, new = change.get("OldImage") or {}, change.get("NewImage") or {}
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return False
    return bool(old) and _without_publication(old) == _without_publication(new)


def _without_publication(image: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in image.items() if name not in PUBLICATION_FIELDS}


def sequence_number(record: Mapping[str, Any]) -> str:
    """The id Lambda's partial batch response uses for a DynamoDB stream record."""
    return str(record.get("dynamodb", {}).get("SequenceNumber", ""))

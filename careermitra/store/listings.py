"""Listing requests waiting for an editor."""

from typing import Protocol

from careermitra.domain.listing import ListingRecord
from careermitra.store.records import AuthoredQueue, RecordStore


class ListingStore(AuthoredQueue[ListingRecord], Protocol):
    """The listing requests as the listing workflow, moderation and privacy requests use them."""


class DynamoListingStore(RecordStore[ListingRecord]):
    model = ListingRecord

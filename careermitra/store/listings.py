"""Listing requests waiting for an editor."""

from careermitra.domain.listing import ListingRecord
from careermitra.store.records import RecordStore


class DynamoListingStore(RecordStore[ListingRecord]):
    model = ListingRecord

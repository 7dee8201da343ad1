"""From an approval to a published page: stream records → changed institutions → rebuild → publish."""

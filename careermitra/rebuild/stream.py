"""One batch of reviews-table stream records → one rebuild, reporting only the records that failed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from careermitra.rebuild.changes import BadRecord, affected_institutions, sequence_number

logger = logging.getLogger(__name__)

Publish = Callable[[set[str]], object]


def process_batch(records: Iterable[Mapping[str, Any]], publish: Publish) -> dict[str, list[dict[str, str]]]:
    """Rebuild once for every institution the batch touches; the answer is Lambda's partial batch response.

    A burst of approvals arrives as one batch and makes one rebuild. When that rebuild fails, each
    institution is retried alone, and only the records of the institutions that still fail are reported,
    so Lambda retries them (and, after its retries, sends them to the on-failure queue).
    """
    failed: list[str] = []
    touched: dict[str, set[str]] = {}
    for record in records:
        sequence = sequence_number(record)
        try:
            touched[sequence] = affected_institutions(record)
        except BadRecord as error:
            logger.error("Skipping a malformed stream record %s: %s", sequence, error)
            failed.append(sequence)
    slugs = set().union(*touched.values()) if touched else set()
    if slugs:
        failing = _publish_isolating_failures(slugs, publish)
        failed.extend(sequence for sequence, record_slugs in touched.items() if record_slugs & failing)
    return {"batchItemFailures": [{"itemIdentifier": sequence} for sequence in failed]}


def _publish_isolating_failures(slugs: set[str], publish: Publish) -> set[str]:
    try:
        publish(slugs)
        return set()
    except Exception:
        if len(slugs) == 1:
            logger.exception("Rebuild failed for %s", next(iter(slugs)))
            return set(slugs)
        logger.warning("Rebuild of %d institutions failed; retrying each alone", len(slugs))
    failing = set()
    for slug in sorted(slugs):
        try:
            publish({slug})
        except Exception:
            logger.exception("Rebuild failed for %s", slug)
            failing.add(slug)
    return failing

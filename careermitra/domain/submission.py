"""What every submission shares: plain-text rules and the fingerprint that makes a retried form one record."""

from __future__ import annotations

import hashlib
import json
import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from careermitra.domain.page_language import NOT_SUBMITTED
from careermitra.i18n import N_


class Status(StrEnum):
    """Where a submission stands in the moderation queue."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # by its author (reviews only): off the site, and the author may write a new one
    REMOVED = "removed"  # a published review taken down by a moderator (a report upheld)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value: str) -> str:
    """Keep text as text: unify line ends, drop control characters, trim each end."""
    return CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def single_line(value: str) -> str:
    """Text that may become a mail header (a subject): one line, no control characters; raise ValueError if not."""
    if len(value.splitlines()) > 1 or CONTROL_CHARACTERS.search(value) or "\r" in value or "\n" in value:
        raise ValueError(N_("write it on one line"))
    return value


def fingerprint(owner: str, submission: BaseModel | dict[str, Any]) -> str:
    """A stable digest of who sent what, so a retry of the same form is recognised as the same submission."""
    # The page's language is not part of what was sent: the same review from the Hindi page is the same review.
    data = (submission.model_dump(mode="json", exclude=NOT_SUBMITTED) if isinstance(submission, BaseModel)
            else submission)
    canonical = json.dumps({"owner": owner, "data": data}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def record_id(*parts: str) -> str:
    """A short, deterministic id for a record that at most one submission may create."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]

"""The record kept of each disclosure of a person's data to authorities: who, when, why, what."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Disclosure(BaseModel):
    """One lawful-request export; the person is named by user id and email digest, never by the address itself."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    at: dt.datetime
    officer: str = Field(min_length=1, max_length=200)
    identity: str | None = None  # the AWS principal that ran the command, when run against AWS
    reason: str = Field(min_length=5, max_length=2000)
    subject_user_id: str | None  # None when no account has the address (the answer was "nothing held")
    subject_email_digest: str
    disclosed: list[str]

"""A personal data breach as the DPDP Rules 2025 (Rule 7) ask us to describe it: to each affected person without
delay, and to the Data Protection Board (at once, then in detail within 72 hours)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from careermitra.domain.user import EmailAddress

Text = Annotated[str, Field(min_length=10, max_length=4000)]
# Business contact of the person who answers for us (Rule 7(1)(e)); the privacy policy names the same person.
DEFAULT_CONTACT = ("Arjun Rao, Data Protection Contact, Career Mitra, Office 304, Mitra Bhavan, Law College Road, "
                   "Erandwane, Pune, Maharashtra 411004; privacy@careermitra.in")
DETAILED_REPORT_WITHIN = dt.timedelta(hours=72)


class BreachIncident(BaseModel):
    """The facts of one breach, written by the officer into a YAML or JSON file (docs/breach-runbook.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    reference: Annotated[str, Field(min_length=3, max_length=40, pattern=r"^[A-Za-z0-9-]+$")]
    # Rule 7(1)(a) and 7(2)(a): nature, extent, timing and location.
    what_happened: Text
    extent: Text
    occurred_at: dt.datetime
    discovered_at: dt.datetime
    location: Text
    data_affected: Annotated[list[Annotated[str, Field(min_length=2, max_length=100)]], Field(min_length=1)]
    likely_consequences: Text  # Rule 7(1)(b)
    measures_taken: Text  # Rule 7(1)(c), 7(2)(b)(iii)
    what_you_can_do: Text  # Rule 7(1)(d)
    contact: Annotated[str, Field(min_length=10, max_length=400)] = DEFAULT_CONTACT  # Rule 7(1)(e)
    # Rule 7(2)(b): the detailed report's further facts.
    circumstances: Text
    cause_findings: Text  # findings regarding the person who caused it
    remedial_measures: Text  # to prevent it happening again
    affected_emails: list[EmailAddress] | None = None  # None: every verified account

    def report_due(self) -> dt.datetime:
        """The detailed report to the Board is due 72 hours after we became aware of the breach."""
        return self.discovered_at + DETAILED_REPORT_WITHIN

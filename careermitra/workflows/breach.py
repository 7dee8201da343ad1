"""Telling each affected person about a breach, and the report for the Data Protection Board (DPDP Rules 7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careermitra.domain.breach import BreachIncident
from careermitra.domain.user import User
from careermitra.mail.messages import SIGNATURE, Mailer, Message
from careermitra.store.users import UserStore
from careermitra.workflows.contact import send_after_commit


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%d %B %Y, %H:%M UTC")


def breach_notice(incident: BreachIncident, to: str, name: str) -> Message:
    """The notice to one person: what happened, which data, likely consequences, what we did, what they can do,
    whom to contact (Rule 7(1)), in plain words."""
    data = "\n".join(f"- {item}" for item in incident.data_affected)
    return Message(to, f"[{incident.reference}] A security incident affected your Career Mitra data",
                   f"Hello {name},\n\nWe are writing to tell you, without delay, about a security incident that "
                   f"affected personal data we hold about you.\n\n"
                   f"What happened\n{incident.what_happened}\nIt happened on {_when(incident.occurred_at)} and we "
                   f"found it on {_when(incident.discovered_at)}. Where: {incident.location}\n\n"
                   f"Which of your data\n{data}\n\n"
                   f"What this may mean for you\n{incident.likely_consequences}\n\n"
                   f"What we have done\n{incident.measures_taken}\n\n"
                   f"What you can do\n{incident.what_you_can_do}\n\n"
                   f"Whom to contact\n{incident.contact}\nQuote {incident.reference}. You may also complain to the "
                   "Data Protection Board of India." + f"\n\n{SIGNATURE}\n")


def affected_people(incident: BreachIncident, users: UserStore, everyone: list[User]) -> list[User]:
    """The accounts the incident names by address, or every verified account (`everyone`) when it names none."""
    if incident.affected_emails is None:
        return everyone
    found = (users.by_email(email) for email in dict.fromkeys(incident.affected_emails))
    return [user for user in found if user is not None]


@dataclass(frozen=True)
class NoticeRun:
    sent: int
    failed: int
    at: dt.datetime


def send_breach_notices(incident: BreachIncident, people: list[User], mailer: Mailer, now: dt.datetime) -> NoticeRun:
    """One notice to each person; a failed mail is counted (never logged with its address) and the rest go on."""
    sent = sum(send_after_commit(mailer, breach_notice(incident, user.email, user.name), "breach_notice")
               for user in people)
    return NoticeRun(sent=sent, failed=len(people) - sent, at=now)


def board_report(incident: BreachIncident, affected: int, run: NoticeRun | None, now: dt.datetime) -> str:
    """The report for the Data Protection Board with the facts Rule 7(2) requires, as Markdown."""
    data = "\n".join(f"- {item}" for item in incident.data_affected)
    if run is None:
        told = (f"Not yet sent: {affected} affected people are to be told without delay "
                "(`careermitra breach notify --send`).")
    else:
        told = (f"Notices sent on {_when(run.at)} to {run.sent} of {affected} affected people by email"
                f"{f'; {run.failed} could not be delivered and are followed up' if run.failed else ''}.")
    return f"""# Personal data breach report: {incident.reference}

Data fiduciary: Career Mitra. Prepared {_when(now)}. Detailed report due by {_when(incident.report_due())}
(72 hours after we became aware of the breach, DPDP Rules 2025, Rule 7(2)(b)).

## 1. Nature, extent, timing and location
- Nature: {incident.what_happened}
- Extent: {incident.extent} Accounts affected: {affected}.
- Timing: occurred {_when(incident.occurred_at)}; discovered {_when(incident.discovered_at)}.
- Location: {incident.location}

Personal data affected:
{data}

## 2. Likely impact
{incident.likely_consequences}

## 3. Events, circumstances and reasons leading to the breach
{incident.circumstances}

## 4. Measures implemented or proposed to mitigate the risk
{incident.measures_taken}

## 5. Findings regarding the person who caused the breach
{incident.cause_findings}

## 6. Remedial measures to prevent recurrence
{incident.remedial_measures}

## 7. Intimations to the affected Data Principals
{told}

## Contact
{incident.contact}
"""

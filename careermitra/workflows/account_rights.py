"""A signed-in person's own rights from "Your account": correction, nomination, deletion; and the grievance
officer's handling of a nominee's request (DPDP Act 2023 ss.11-14)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from careermitra.domain.account_rights import (
    DetailsCorrection,
    Nomination,
    NomineeAction,
    changed_fields,
    is_nominee_of,
)
from careermitra.domain.privacy import ReviewsOnErasure
from careermitra.domain.problems import Forbidden, InvalidInput, NotFound
from careermitra.domain.ticket import TicketCategory, TicketRecord, TicketStatus
from careermitra.domain.user import AccountChange, Nominee, User
from careermitra.i18n import N_
from careermitra.mail.messages import (
    Mailer,
    details_corrected_message,
    nominee_erased_message,
    nominee_export_message,
    nominee_named_message,
)
from careermitra.store.tickets import TicketStore
from careermitra.store.users import UserStore
from careermitra.workflows.contact import send_after_commit
from careermitra.workflows.privacy import PrivacyRequests, personal_data_export


def correct_details(users: UserStore, mailer: Mailer, user: User, correction: DetailsCorrection,
                    now: dt.datetime) -> list[str]:
    """Store the corrected name, phone and city; record which changed in the history; the fields changed."""
    fields = changed_fields(user, correction)
    if not fields:
        return []
    users.change_profile(user.id, {name: getattr(correction, name) for name in fields},
                         AccountChange(at=now, action="corrected", fields=fields))
    send_after_commit(mailer, details_corrected_message(user.email, correction.name, fields, user.language),
                      "details_corrected")
    return fields


def nominate(users: UserStore, mailer: Mailer, user: User, nomination: Nomination, now: dt.datetime) -> Nominee:
    """Name (or replace) the nominee; recorded in the history and told to the nominee."""
    if nomination.email == user.email:
        raise InvalidInput(N_("Your nominee must be someone else."),
                           {"email": N_("this is your own address; give your nominee's email address")})
    nominee = Nominee(name=nomination.name, email=nomination.email, nominated_at=now)
    users.change_profile(user.id, {"nominee": nominee.model_dump(mode="json")},
                         AccountChange(at=now, action="nominated", fields=["nominee"]))
    send_after_commit(mailer, nominee_named_message(nominee.email, nominee.name, user.name, nomination.lang),
                      "nominee_named")
    return nominee


def withdraw_nomination(users: UserStore, user: User, now: dt.datetime) -> None:
    """Remove the nominee (recorded in the history); nothing to do without one."""
    if user.nominee is None:
        return
    users.change_profile(user.id, {"nominee": None},
                         AccountChange(at=now, action="nomination withdrawn", fields=["nominee"]))


@dataclass(frozen=True)
class NomineeCheck:
    """What the officer sees before acting on a nominee's ticket."""

    ticket: str
    account_found: bool
    sender_is_nominee: bool
    nominated_at: dt.datetime | None

    def as_data(self) -> dict[str, object]:
        return {"ticket": self.ticket, "account_found": self.account_found,
                "sender_is_nominee": self.sender_is_nominee,
                "nominated_at": self.nominated_at.isoformat() if self.nominated_at else None}


@dataclass
class NomineeRequests:
    """The officer's side of a nominee's request, filed through the contact form (category "nominee")."""

    tickets: TicketStore
    users: UserStore
    privacy: PrivacyRequests
    mailer: Mailer

    def _ticket_and_account(self, ticket_id: str, now: dt.datetime) -> tuple[TicketRecord, User | None]:
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            raise NotFound(f"There is no ticket {ticket_id}.")
        if ticket.category != TicketCategory.NOMINEE or not ticket.on_behalf_of:
            raise InvalidInput(f"Ticket {ticket_id} is not a nominee's request.", {"id": N_("not a nominee request")})
        return ticket, self.users.by_email(ticket.on_behalf_of, now)

    def check(self, ticket_id: str, now: dt.datetime) -> NomineeCheck:
        """Whether the account exists and names the ticket's sender as its nominee."""
        ticket, user = self._ticket_and_account(ticket_id, now)
        matches = user is not None and is_nominee_of(user, ticket.email)
        return NomineeCheck(ticket=ticket.id, account_found=user is not None, sender_is_nominee=matches,
                            nominated_at=user.nominee.nominated_at if matches and user and user.nominee else None)

    def act(self, ticket_id: str, action: NomineeAction, evidence: str, now: dt.datetime,
            reviews: ReviewsOnErasure = ReviewsOnErasure.ANONYMISE) -> TicketRecord:
        """Carry out the nominee's request (a copy to the nominee, or erasure) and close the ticket.

        Only when the account names the sender as nominee, and the officer records the evidence of death or
        incapacity they checked (a certificate's reference), which goes into the closing reply.
        """
        if len(evidence.strip()) < 5:
            raise InvalidInput(N_("Say what evidence of death or incapacity you checked (e.g. a certificate number)."),
                               {"evidence": N_("too short")})
        ticket, user = self._ticket_and_account(ticket_id, now)
        if ticket.status != TicketStatus.OPEN:
            raise InvalidInput(f"Ticket {ticket_id} is already closed.", {"id": N_("closed")})
        if user is None or not is_nominee_of(user, ticket.email):
            raise Forbidden(N_("The account does not name this sender as its nominee; nothing was done."))
        if action == "access":
            export = personal_data_export(user, self.privacy.reviews, self.privacy.listings, now)
            self.mailer.send(nominee_export_message(ticket.email, ticket.name, user.name,
                                                    json.dumps(export, indent=2, ensure_ascii=False), ticket.lang))
            done = "We have emailed you a copy of the data we held about the person who nominated you."
        else:
            self.privacy.erase(user, reviews)
            send_after_commit(self.mailer, nominee_erased_message(ticket.email, ticket.name, user.name, reviews.value,
                                                                                 ticket.lang),
                              "nominee_erased")
            done = "We have erased the account of the person who nominated you."
        reply = f"{done} Evidence checked: {evidence.strip()}."
        closed = self.tickets.decide(ticket.id, TicketStatus.OPEN, TicketStatus.CLOSED, now, "reply", reply)
        return closed if closed is not None else ticket

"""A grievance's whole life: the contact form opens a ticket, the sender and the grievance officer are told,
an editor lists, shows and closes it with a reply that reaches the sender."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

from careermitra.cli import build_parser, run
from careermitra.mail.messages import GRIEVANCE_RESPONSE_DAYS
from careermitra.mail.outbox import OutboxMailer
from careermitra.workflows.moderation import Moderation
from tests.support.api import EMAIL, OFFICER, ROOT, Api, contact_message, sent_mail


def test_a_ticket_from_the_form_to_the_emailed_reply(api: Api, tmp_path: Path) -> None:
    from careermitra.api.services import services

    # The form opens a ticket CM-xxxxxxxx
    ticket = api.submit("contact", "/api/contact", contact_message(subject="Grievance about my review")).json()[
        "ticket"]
    assert ticket.startswith("CM-")
    mails = {mail["to"][0]: mail for mail in sent_mail()}
    # The sender's acknowledgement has the number and the response time the policy promises
    acknowledgement = mails[EMAIL]
    assert ticket in acknowledgement["subject"] and ticket in acknowledgement["text"]
    assert f"within {GRIEVANCE_RESPONSE_DAYS} days" in acknowledgement["text"]
    policy_page = (ROOT / "content/pages/privacy-policy.md").read_text(encoding="utf-8")
    assert f"within {GRIEVANCE_RESPONSE_DAYS} days" in policy_page
    # The grievance officer (the template parameter) is told, and can reply straight to the sender
    assert ticket in mails[OFFICER]["subject"] and "Grievance about my review" in mails[OFFICER]["subject"]

    svc = services()
    moderation = Moderation(users=svc.accounts.users, reviews=svc.reviews, listings=svc.listings,
                            tickets=svc.tickets, mailer=OutboxMailer(tmp_path, "no-reply@careermitra.in"),
                            clock=lambda: api.clock.now)

    def cli(*argv: str) -> object:
        return run(build_parser().parse_args(list(argv)), moderation)

    [listed] = cli("tickets", "list")
    assert listed.id == ticket and listed.status == "open"
    shown = cli("tickets", "show", ticket)
    assert shown.email == EMAIL and shown.message == contact_message()["message"]
    closed = cli("tickets", "close", ticket, "--reply", "We corrected the fees on the Deccan page.")
    assert closed.status == "closed" and closed.reply == "We corrected the fees on the Deccan page."
    assert cli("tickets", "list") == [] and [t.id for t in cli("tickets", "list", "--status", "closed")] == [ticket]
    [path] = tmp_path.glob("*.eml")
    reply = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert reply["To"] == EMAIL and ticket in reply["Subject"]
    assert "We corrected the fees" in reply.get_body(("plain",)).get_content()  # type: ignore[union-attr]

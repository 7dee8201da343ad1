"""The `careermitra` moderation command run in-process over the tables the API writes, its mail in an outbox."""

from __future__ import annotations

from pathlib import Path

from careermitra.cli import build_parser, run
from careermitra.mail.outbox import OutboxMailer
from careermitra.workflows.moderation import Moderation
from tests.support.api import Api


def moderation_for(api: Api, outbox_folder: Path) -> Moderation:
    """The moderation workflow over the API's stores (moto), on the API's clock, mailing into `outbox_folder`."""
    from careermitra.api.services import services

    svc = services()
    return Moderation(users=svc.accounts.users, reviews=svc.reviews, listings=svc.listings, tickets=svc.tickets,
                      mailer=OutboxMailer(outbox_folder, "no-reply@careermitra.in"), clock=lambda: api.clock.now)


def cli(moderation: Moderation, *argv: str) -> object:
    return run(build_parser().parse_args(list(argv)), moderation)


def outbox(moderation: Moderation) -> list[str]:
    folder = moderation.mailer._folder  # type: ignore[attr-defined]
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.eml"))] if folder.exists() else []

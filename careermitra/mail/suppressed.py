"""A mailer that sends nothing to an address SES reported as bounced or complaining (SES and the outbox alike)."""

from __future__ import annotations

from collections.abc import Callable

from careermitra.mail.messages import Mailer, Message
from careermitra.store.suppressions import SuppressionList

SUPPRESSED_METRIC = "MailSuppressed"


class SuppressingMailer:
    """Sends through `mailer` except to suppressed addresses, which are counted (`count`), never logged."""

    def __init__(self, mailer: Mailer, suppressions: SuppressionList, count: Callable[[str], None]) -> None:
        self._mailer = mailer
        self._suppressions = suppressions
        self._count = count

    def send(self, message: Message) -> None:
        if self._suppressions.is_suppressed(message.to):
            self._count(SUPPRESSED_METRIC)
            return
        self._mailer.send(message)

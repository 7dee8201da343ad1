"""Local development: each message becomes a file in the outbox instead of an email."""

from __future__ import annotations

import datetime as dt
import email.message
import uuid
from pathlib import Path

from careermitra.mail.messages import Message


class OutboxMailer:
    def __init__(self, folder: Path, sender: str) -> None:
        self._folder = folder
        self._sender = sender

    def send(self, message: Message) -> None:
        mail = email.message.EmailMessage()
        mail["From"], mail["To"], mail["Subject"] = self._sender, message.to, message.subject
        if message.reply_to:
            mail["Reply-To"] = message.reply_to
        mail.set_content(message.text)
        self._folder.mkdir(parents=True, exist_ok=True)
        path = self._folder / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
        path.write_bytes(bytes(mail))

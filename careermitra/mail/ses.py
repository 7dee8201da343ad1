"""Sending mail through Amazon SES (the sender is a verified SES identity)."""

from __future__ import annotations

from typing import Any

from careermitra.mail.messages import Message
from careermitra.store.dynamodb import aws_client


class SesMailer:
    def __init__(self, sender: str, client: Any | None = None, configuration_set: str = "") -> None:
        self._sender = sender
        self._client = client or aws_client("ses")
        # Its event destination reports bounces and complaints (careermitra/store/suppressions.py).
        self._configuration = {"ConfigurationSetName": configuration_set} if configuration_set else {}

    def send(self, message: Message) -> None:
        self._client.send_email(
            **self._configuration, Source=self._sender, Destination={"ToAddresses": [message.to]},
            ReplyToAddresses=[message.reply_to] if message.reply_to else [],
            Message={"Subject": {"Data": message.subject, "Charset": "UTF-8"},
                     "Body": {"Text": {"Data": message.text, "Charset": "UTF-8"}}})

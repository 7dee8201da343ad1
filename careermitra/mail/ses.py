"""Sending mail through Amazon SES (the sender is a verified SES identity)."""

from __future__ import annotations

from typing import Any

import boto3

from careermitra.mail.messages import Message


class SesMailer:
    def __init__(self, sender: str, client: Any | None = None) -> None:
        self._sender = sender
        self._client = client or boto3.client("ses")

    def send(self, message: Message) -> None:
        self._client.send_email(
            Source=self._sender, Destination={"ToAddresses": [message.to]},
            ReplyToAddresses=[message.reply_to] if message.reply_to else [],
            Message={"Subject": {"Data": message.subject, "Charset": "UTF-8"},
                     "Body": {"Text": {"Data": message.text, "Charset": "UTF-8"}}})

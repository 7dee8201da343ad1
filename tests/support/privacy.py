"""What counts as personal data in a log record, and a watch that collects every record of a test session."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from boto3.dynamodb.types import TypeSerializer

from tests.support.api import PERSONAL_DATA

# The values tests send or seed; a test that seeds more (test_confidentiality.py) adds them here.
KNOWN_PERSONAL_DATA: list[str] = list(PERSONAL_DATA)

# Our own role addresses (the sender, the grievance officer) are not anyone's personal data.
OWN_DOMAIN = "careermitra.in"
LOOPBACK = {"127.0.0.1", "::1"}
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# A 10-digit Indian mobile (6-9 first), with or without +91 / 0 and a space in the middle.
INDIAN_MOBILE = re.compile(r"(?<![\d.])(?:\+91[\s-]?|0)?[6-9]\d{4}[\s-]?\d{5}(?![\d.])")
IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}(?![\w:])"
                  r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:)+:(?:[0-9A-Fa-f]{1,4}:)*[0-9A-Fa-f]{1,4}(?![\w:])")
# The attributes every LogRecord has; whatever else a record carries came from `extra=` (Powertools' keys too).
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def personal_data_in(text: str, known: Iterable[str] = ()) -> list[str]:
    """Every known value and every address, mobile number or IP literal (but loopback) in `text`."""
    lowered = text.lower()
    found = [value for value in known if value.lower() in lowered]
    found += [email for email in EMAIL_ADDRESS.findall(text) if not email.lower().endswith("@" + OWN_DOMAIN)]
    found += INDIAN_MOBILE.findall(text)
    found += [ip for ip in [*IPV4.findall(text), *IPV6.findall(text)] if ip not in LOOPBACK]
    return found


def record_text(record: logging.LogRecord) -> str:
    """A record as any handler could write it: the message, its extra fields and an exception's text."""
    try:
        message = record.getMessage()
    except Exception:  # a record whose message cannot be formatted is reported by logging itself
        message = f"{record.msg!r} {record.args!r}"
    extra = {key: value for key, value in vars(record).items() if key not in STANDARD_ATTRIBUTES}
    failure = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
    return f"{record.name}: {message} {extra!r} {failure}"


def _reaches_root(logger: logging.Logger) -> bool:
    node: logging.Logger | None = logger
    while node is not None and node.parent is not None:
        if not node.propagate:
            return False
        node = node.parent
    return True


class SessionLogWatch(logging.Handler):
    """On the root logger, at every level; loggers that do not propagate to it (Powertools' Logger writes its
    JSON lines to stdout through its own handler, with propagate off) are hooked at Logger.callHandlers, so their
    records reach this handler too, before they are formatted."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.lines: list[str] = []
        self._original: Callable[[logging.Logger, logging.LogRecord], None] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record_text(record))

    def install(self) -> None:
        logging.getLogger().addHandler(self)
        original = self._original = logging.Logger.callHandlers
        watch = self

        def call_handlers(logger: logging.Logger, record: logging.LogRecord) -> None:
            original(logger, record)
            if not _reaches_root(logger):
                watch.handle(record)

        setattr(logging.Logger, "callHandlers", call_handlers)  # noqa: B010 (a method replaced for the session)

    def uninstall(self) -> None:
        logging.getLogger().removeHandler(self)
        if self._original is not None:
            setattr(logging.Logger, "callHandlers", self._original)  # noqa: B010

    def leaks(self, known: Iterable[str]) -> list[str]:
        """The log lines that hold personal data, each with what was found in it."""
        known = list(known)
        return [f"{found} in {line[:300]}" for line in self.lines if (found := personal_data_in(line, known))]


def stream_record(old: dict[str, Any] | None, new: dict[str, Any] | None, event: str) -> dict[str, Any]:
    serialise = TypeSerializer().serialize
    change: dict[str, Any] = {"SequenceNumber": "1"}
    for key, image in (("OldImage", old), ("NewImage", new)):
        if image:
            change[key] = {name: serialise(value) for name, value in image.items()}
    return {"eventName": event, "dynamodb": change}

"""A browser page for a test that records what the page logged as errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page


@contextmanager
def recording_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page at 1200 x 900 and the list of its console errors and uncaught exceptions, filled as it runs."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(15_000)
    try:
        yield page, errors
    finally:
        context.close()

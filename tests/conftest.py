"""Shared fixtures: building sites into temporary folders, serving them on loopback, and the session's log watch."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from careermitra.local.serve import make_server
from tests.support.privacy import KNOWN_PERSONAL_DATA, SessionLogWatch
from tests.support.site import FIXTURE_SITE, SAMPLE_CONTENT, build_site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real sample content, built once with its search index."""
    return build_site(SAMPLE_CONTENT, tmp_path_factory.mktemp("sample") / "output")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small hand-computed fixture tree, with 2 reviews a page so pagination shows."""
    return build_site(FIXTURE_SITE, tmp_path_factory.mktemp("fixture") / "output",
                      reviews_per_page=2, listing_page_size=1, search_index=False)


@pytest.fixture(scope="session")
def sample_server(sample_site: Path) -> Iterator[str]:
    """The sample site served on a free loopback port; stops at the end of the session."""
    server = make_server(sample_site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session", autouse=True)
def session_log_watch() -> Iterator[SessionLogWatch]:
    """Every log record of the session, whichever tests run, checked at the end for personal data: the values
    tests send or seed, and any email address, Indian mobile number or IP literal other than loopback."""
    watch = SessionLogWatch()
    ours = logging.getLogger("careermitra")
    level = ours.level
    ours.setLevel(logging.DEBUG)  # our own debug lines are checked too
    watch.install()
    yield watch
    watch.uninstall()
    ours.setLevel(level)
    leaks = watch.leaks(KNOWN_PERSONAL_DATA)
    assert not leaks, "personal data in the session's log records:\n" + "\n".join(leaks[:20])

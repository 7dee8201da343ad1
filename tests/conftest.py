"""Shared fixtures: building sites into temporary folders, and serving them on loopback."""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from careermitra.local.serve import make_server
from careermitra.site.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
SAMPLE_CONTENT = ROOT / "content"


def build_site(content: Path, output: Path, **plugin_settings: object) -> Path:
    """Build `content` with the real pelicanconf.py into `output`; plugin settings may be overridden."""
    from pelican.settings import get_settings_from_file

    base = get_settings_from_file(str(ROOT / "pelicanconf.py"))["CAREERMITRA"]
    build(str(ROOT / "pelicanconf.py"), {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CAREERMITRA": {**base, **plugin_settings},
    })
    return output


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


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


# Personal data that tests seed (users' emails, phones, cities); no log record of the whole session may hold any.
SEEDED_PERSONAL_DATA: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def session_log_watch() -> Iterator[list[str]]:
    """Every log record any logger emits during the session, checked at the end against SEEDED_PERSONAL_DATA.

    It hooks Logger.callHandlers, so it sees records of loggers that do not propagate (Powertools') too.
    """
    lines: list[str] = []
    original = logging.Logger.callHandlers

    def recording(self: logging.Logger, record: logging.LogRecord) -> None:
        try:
            lines.append(f"{record.getMessage()} {record.__dict__!r}")
        except Exception:  # a record whose message cannot be formatted is reported by logging itself
            lines.append(repr(record.__dict__))
        original(self, record)

    logging.Logger.callHandlers = recording  # type: ignore[method-assign]
    yield lines
    logging.Logger.callHandlers = original  # type: ignore[method-assign]
    text = "\n".join(lines).lower()
    leaked = [value for value in SEEDED_PERSONAL_DATA if value.lower() in text]
    assert not leaked, f"personal data in the session's log output: {leaked}"

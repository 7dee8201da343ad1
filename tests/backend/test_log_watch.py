"""The session-wide log watch (tests/conftest.py) fails a session whose log records hold personal data, whatever
tests it runs: a tiny test session is run in a subprocess with the real conftest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.privacy import personal_data_in
from tests.support.site import ROOT

LEAKY_TESTS = '''
import logging

from aws_lambda_powertools import Logger


def test_a_route_logs_an_address() -> None:
    logging.getLogger("careermitra.api.example").debug("mail sent to student.one@gmail.com")


def test_powertools_logs_a_phone_number() -> None:
    Logger(service="careermitra-watch-check").info("registered", extra={"phone": "+91 98450 12345"})
'''

CLEAN_TESTS = '''
import logging


def test_loopback_and_our_own_addresses_are_fine() -> None:
    logging.getLogger("careermitra.local").warning("serving on 127.0.0.1:8000 as no-reply@careermitra.in")
'''


def run_session(tmp_path: Path, tests: str) -> subprocess.CompletedProcess[str]:
    """A pytest session of `tests` under a copy of tests/conftest.py, importing this repository's helpers."""
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_tiny.py").write_text(tests, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POWERTOOLS_LOG_LEVEL": "INFO"}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                           str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_a_session_whose_logs_hold_personal_data_fails(tmp_path: Path) -> None:
    result = run_session(tmp_path, LEAKY_TESTS)
    assert result.returncode != 0, result.stdout
    assert "personal data in the session's log records" in result.stdout
    assert "student.one@gmail.com" in result.stdout  # a propagating logger, at debug level
    assert "+91 98450 12345" in result.stdout  # Powertools' Logger, which does not propagate
    assert "2 passed" in result.stdout  # the tests themselves pass: the watch fails the session


def test_a_session_with_clean_logs_passes(tmp_path: Path) -> None:
    result = run_session(tmp_path, CLEAN_TESTS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_generic_patterns_find_addresses_numbers_and_ips_but_not_loopback() -> None:
    text = ("to a.b@example.org from 09876543210 and 98765 43210 at 203.0.113.9 or 2001:db8::7 "
            "via 127.0.0.1 and ::1 for no-reply@careermitra.in; version 2.0, 3 of 1200 requests")
    assert personal_data_in(text) == ["a.b@example.org", "09876543210", "98765 43210", "203.0.113.9", "2001:db8::7"]

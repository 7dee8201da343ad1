"""Stopping `make dev` by its process group (two SIGTERMs) still saves the state with KEEP_STATE=1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from careermitra.local.dev import interrupt_once

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restored_handlers() -> Iterator[None]:
    saved = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def test_the_first_signal_interrupts_and_later_ones_are_ignored(restored_handlers: None) -> None:
    interrupt_once()

    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGTERM)
    signal.raise_signal(signal.SIGTERM)  # the process group's second copy: no exception during the shutdown
    signal.raise_signal(signal.SIGINT)


def test_two_sigterms_to_the_process_group_still_save_the_state(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["PYTHONIOENCODING"] = "utf-8"
    process = subprocess.Popen(
        [sys.executable, "-m", "careermitra.local.dev", "--port", "0", "--keep-state",
         "--state-dir", str(tmp_path / "state"), "--output", str(tmp_path / "output")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        start_new_session=True)
    lines: list[str] = []
    running, stopping = threading.Event(), threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if "is running at" in line:
                running.set()
            if "Stopping" in line:
                stopping.set()
        running.set()
        stopping.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert running.wait(180) and process.poll() is None, "".join(lines)
        os.killpg(process.pid, signal.SIGTERM)
        assert stopping.wait(60), "".join(lines)
        os.killpg(process.pid, signal.SIGTERM)  # the second copy arrives while the stack is shutting down
        assert process.wait(timeout=120) == 0, "".join(lines)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    saved = json.loads((tmp_path / "state" / "state.json").read_text(encoding="utf-8"))
    assert sum(map(len, saved["tables"].values())) > 0
    assert "Stopped." in "".join(lines)

"""The search index: Pagefind run over one small search record per institution (pages.search_records)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from careermitra.site.builder.full_build import render_pages
from careermitra.site.builder.model import Card
from careermitra.site.builder.pages import in_languages, search_records
from careermitra.site.builder.render import Renderer

logger = logging.getLogger(__name__)
MEMORY_FOLDER = "/dev/shm"


def build_search_index(output: Path, cards: Iterable[Card], renderer: Renderer, workers: int) -> None:
    """Index every institution with Pagefind, from a search record per institution.

    The records are written to a temporary folder laid out like the site, so each result links to the
    institution's page; only the index itself (`pagefind/`) goes into the output.
    """
    started = time.perf_counter()
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="careermitra-search-", dir=_memory_folder()) as records:
        render_pages(list(in_languages(search_records(cards), renderer.languages)), renderer, Path(records),
                     workers)
        command = [sys.executable, "-m", "pagefind", "--site", records, "--output-path", str(output / "pagefind"),
                   "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {output}: {result.stderr or result.stdout}")
    logger.info("Search index written to %s/pagefind in %.1f s", output, time.perf_counter() - started)


def _memory_folder() -> str | None:
    """A folder in memory (Linux's /dev/shm) for short-lived files, else the system's temporary folder.

    Creating ten thousand files on disk costs seconds more than in memory, and more still on an ext4 without a
    journal shortly after many deletions (it skips recently freed inodes one by one).
    """
    return MEMORY_FOLDER if os.path.isdir(MEMORY_FOLDER) and os.access(MEMORY_FOLDER, os.W_OK) else None

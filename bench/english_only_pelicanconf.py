"""The benchmark's one-language build: the site's own pelicanconf.py building English only (issue 16's budget
is a full build of both languages at most 2.2 times this one)."""

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_ROOT))
from pelicanconf import *  # noqa: E402, F403
from pelicanconf import CAREERMITRA  # noqa: E402

# Pelican resolves relative paths against this file's folder, so point them back at the repository.
PATH = str(_ROOT / "content")
OUTPUT_PATH = str(_ROOT / "output")
THEME = str(_ROOT / "theme")

CAREERMITRA = {**CAREERMITRA, "languages": ["en"]}

"""The benchmark's comparison build: the site's own pelicanconf.py with the builder's speed-ups switched off.

Not a plain Pelican build (Pelican alone cannot build the directory's pages): the same Pelican adapter and the
same builder, theme and content settings, but one process instead of a pool, no incremental path and no Pelican
content cache, so `make bench` can say what the parallel and incremental builds buy. What stays on: the GC
tuning during a build, the JSON-syntax reviews files, the fragments rendered once per build.
"""

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

# No caching of any kind: every build reads and renders everything.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CHECK_MODIFIED_METHOD = "mtime"

# The builder's speed-up switches, if pelicanconf.py sets them, are turned off (unknown keys are never added:
# the builder rejects them).
_OFF = {"workers": 1, "processes": 1, "parallel": False, "incremental": False, "cache": False}
CAREERMITRA = {**CAREERMITRA, **{key: off for key, off in _OFF.items() if key in CAREERMITRA}}

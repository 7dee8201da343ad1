"""The benchmark's baseline: the site's own pelicanconf.py with every speed-up switched off.

Same plugin, theme and content settings, but no content cache, no parallel rendering and no incremental path,
so `make bench` can say what the speed-ups buy. While the build has none of them yet, this equals pelicanconf.py.
When one lands, switch it off here too (e.g. a CAREERMITRA "workers" or "site_index" key), keeping this file the
straightforward Pelican configuration of issue 7.
"""

import importlib.util
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("careermitra_pelicanconf", _ROOT / "pelicanconf.py")
assert _spec is not None and _spec.loader is not None, "pelicanconf.py is missing"
_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_site)
globals().update({name: value for name, value in vars(_site).items() if name.isupper()})

# Pelican resolves relative paths against this file's folder, so point them back at the repository.
PATH = str(_ROOT / "content")
OUTPUT_PATH = str(_ROOT / "output")
THEME = str(_ROOT / "theme")

# No caching of any kind: every build reads and renders everything.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CHECK_MODIFIED_METHOD = "mtime"

# Speed-up switches of the plugin, if pelicanconf.py sets them, are turned off (unknown keys are never added:
# the plugin rejects them).
_OFF = {"workers": 1, "processes": 1, "parallel": False, "incremental": False, "cache": False}
_PLUGIN: dict[str, Any] = vars(_site)["CAREERMITRA"]
CAREERMITRA = {**_PLUGIN, **{key: off for key, off in _OFF.items() if key in _PLUGIN}}

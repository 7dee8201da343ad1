"""Building sites into temporary folders with the real pelicanconf.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from careermitra.site.build import build

ROOT = Path(__file__).resolve().parents[2]
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

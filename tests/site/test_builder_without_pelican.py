"""The builder is a library of its own: importing it, or building with it, never loads Pelican."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.site import FIXTURE_SITE, ROOT

_BUILD_WITHOUT_PELICAN = """
import json, sys
from pathlib import Path
import {module}
from careermitra.site.builder.settings import BuildSettings, SiteSettings
from careermitra.site.builder.site_build import SiteBuild
settings = BuildSettings(
    site=SiteSettings(site_origin="http://127.0.0.1:8000", search_index=False, workers=1),
    theme=Path(sys.argv[1]) / "theme", jinja_options={{"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}},
    template_settings={{"SITENAME": "Career Mitra", "SITE_TAGLINE": "Reviews", "POLICY_VERSION": "2.0",
                       "SESSION_SCRIPT": "/theme/js/session.js"}})
SiteBuild(settings, Path(sys.argv[2])).full(Path(sys.argv[3]))
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] == "pelican")))
"""


@pytest.mark.parametrize("module", ["careermitra.site.builder.formatting", "careermitra.site.builder.site_build"])
def test_the_builder_builds_without_loading_pelican(module: str, tmp_path: Path) -> None:
    # Given a fresh interpreter that imports a builder module and builds the fixture content with the facade
    script = _BUILD_WITHOUT_PELICAN.format(module=module)
    done = subprocess.run([sys.executable, "-c", script, str(ROOT), str(FIXTURE_SITE), str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    # Then the site's pages are there, and no Pelican module was ever imported
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []
    assert (tmp_path / "out" / "institutions" / "alpha-college" / "index.html").is_file()

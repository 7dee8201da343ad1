"""What a cold start leaves for later: the API's X-Ray SDK and the rebuild's Pelican load on the first invocation,
and the API loads no site build. (Cold-start time itself is measured by bench/lambdas.py, not asserted here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.backend.template import ROOT

SITE_BUILD = ("pelican", "jinja2", "markdown", "careermitra.site")
LOADED_AFTER_IMPORT = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
watched = sys.argv[2:]
print(json.dumps(sorted(name for name in sys.modules
                        if any(name == top or name.startswith(top + ".") for top in watched))))
"""


def modules_loaded_by_importing(handler: Path, watched: tuple[str, ...], env: dict[str, str]) -> set[str]:
    """Import the handler in a fresh interpreter, as Lambda does at a cold start; the watched modules it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER_IMPORT, str(handler), *watched], cwd=handler.parent, check=False,
        capture_output=True, text=True,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": os.pathsep.join([str(handler.parent), str(ROOT)]),
             "AWS_LAMBDA_FUNCTION_NAME": "import-weight", **env})
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_api_loads_every_route_but_no_site_build_or_xray_sdk(settings_env: dict[str, str]) -> None:
    # Tracing on, as in AWS: the tracer must still wait for the first invocation.
    env = {name: value for name, value in settings_env.items() if name != "POWERTOOLS_TRACE_DISABLED"}

    loaded = modules_loaded_by_importing(ROOT / "functions" / "api" / "app.py",
                                         (*SITE_BUILD, "aws_xray_sdk", "careermitra.api.routes.reviews"), env)

    assert loaded == {"careermitra.api.routes.reviews"}  # the routes load with the app: no loader of our own


def test_the_rebuild_loads_pelican_and_boto3_only_when_invoked() -> None:
    env = {"REVIEWS_TABLE": "import-weight-reviews", "SITE_ROOT": str(ROOT), "SITE_SETTINGS": "pelicanconf.py",
           "SITE_BUCKET": "import-weight-site", "STATE_BUCKET": "import-weight-state",
           "AWS_DEFAULT_REGION": "ap-south-1"}

    loaded = modules_loaded_by_importing(ROOT / "functions" / "rebuild" / "app.py", (*SITE_BUILD, "boto3"), env)

    assert loaded == set()


def test_every_api_function_restores_a_snapshot_and_the_nightly_jobs_do_not() -> None:
    from tests.backend.template import resources

    functions = resources("AWS::Serverless::Function")
    api = {name for name, body in functions.items() if body["Properties"].get("CodeUri", "functions/api/")
           in ("functions/api/", "functions/api")}
    assert len(api) == 7  # accounts, reviews, listings, contact, privacy, analytics, trust (issue 14)
    for name, body in functions.items():
        snap = body["Properties"].get("SnapStart")
        if name in api:
            assert snap == {"ApplyOn": "PublishedVersions"} and body["Properties"]["AutoPublishAlias"] == "live"
        else:
            assert snap is None, name

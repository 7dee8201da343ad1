"""Cold import time of each Lambda handler module beside `import boto3`, and the size of what each deploys.

Imports run in a fresh interpreter each time (median of several runs) with a Lambda-like environment: the
function's variables from template.yaml (stand-in values for references), AWS_LAMBDA_FUNCTION_NAME set so
Powertools' Tracer loads the X-Ray SDK as it does in AWS. Only the import is timed, not interpreter start-up.
Bytecode caches are warm here; Lambda's read-only file system has none unless the package ships them, so
absolute times in AWS are higher. The ratio to boto3 is what issue 7 sets a target for.

Each handler leaves some imports to its first invocation (the API a route's module, the roll-up its store, the
rebuild Pelican); the same run then imports those too, so the table also shows what moved to the first request.
Only modules are imported: no AWS client is made and nothing is called.
"""

from __future__ import annotations

import io
import json
import os
import re
import statistics
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FUNCTIONS = ROOT / "functions"
HEAVY_MODULES = ("pelican", "markdown", "jinja2", "careermitra.site", "yaml")
TIMED_IMPORT = """
import importlib, json, sys, time
started = time.perf_counter()
import {module}
elapsed = time.perf_counter() - started
heavy = [m for m in {heavy!r} if m in sys.modules]
for name in {deferred!r}:
    importlib.import_module(name)
print(json.dumps([elapsed, time.perf_counter() - started, heavy]))
"""
# What each handler imports on its first invocation instead of at import (issue 7): for the roll-up its store and
# workflow; for the rebuild the site build. The API imports every route with its app (issue 11).
FIRST_INVOCATION_IMPORTS = {
    "analytics_rollup": ("careermitra.store.analytics", "careermitra.workflows.analytics"),
    "rebuild": ("careermitra.rebuild.service",),
}
# Variables a function reads that template.yaml does not declare yet (the rebuild function of issue 5);
# the template's own values win once it does.
NOT_IN_TEMPLATE_YET = {"SITE_ROOT": None, "SITE_BUCKET": "bench-site"}
# What the layer leaves out of the careermitra package (template.yaml: "without the site plugin").
LAYER_EXCLUDES = ("careermitra/site/", "careermitra/local/")


class _CloudFormationLoader(yaml.SafeLoader):
    """Reads template.yaml, turning !Ref, !Sub and friends into None: only literal values matter here."""


_CloudFormationLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _template() -> dict[str, Any]:
    return yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CloudFormationLoader)


def lambda_environment(folder: Path) -> dict[str, str]:
    """The function's environment in template.yaml (Globals plus its own), with stand-ins for references."""
    template = _template()
    variables = dict(template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {}))
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and \
                str(properties.get("CodeUri", "")).rstrip("/") == f"functions/{folder.name}":
            variables.update((properties.get("Environment") or {}).get("Variables") or {})
    variables = {**NOT_IN_TEMPLATE_YET, **variables}
    environment = {}
    for name, value in variables.items():
        if name.endswith("_DIR"):
            environment[name] = str(ROOT / "content" / "institutions")
        elif name.endswith("_ROOT"):
            environment[name] = str(ROOT)
        elif isinstance(value, str):
            environment[name] = value
        elif "ORIGIN" in name:
            environment[name] = "https://www.careermitra.in"
        elif "EMAIL" in name:
            environment[name] = "bench@careermitra.in"
        else:
            environment[name] = f"bench-{name.lower().replace('_', '-')}"
    return {**environment, "AWS_DEFAULT_REGION": "ap-south-1", "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench", "AWS_LAMBDA_FUNCTION_NAME": "bench"}


def handler_folders() -> list[Path]:
    return sorted(app.parent for app in FUNCTIONS.glob("*/app.py"))


def time_import(module: str, path: list[Path], environment: dict[str, str], runs: int,
                deferred: tuple[str, ...] = ()) -> dict[str, Any]:
    """Median seconds to import `module` in a fresh interpreter, and which heavy modules it pulled in.

    With `deferred` (the modules the handler imports on its first invocation), also the median seconds of the
    import followed by those modules, in the same interpreter.
    """
    env = {"PATH": os.environ.get("PATH", ""), **environment, "PYTHONPATH": os.pathsep.join(map(str, path))}
    code = TIMED_IMPORT.format(module=module, heavy=HEAVY_MODULES, deferred=deferred)
    times: list[float] = []
    with_deferred: list[float] = []
    pulled: list[str] = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", code], cwd=path[0], env=env, capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            return {"status": "failed", "reason": result.stderr.strip().splitlines()[-1:] or ["no output"]}
        seconds, total, pulled = json.loads(result.stdout.strip().splitlines()[-1])
        times.append(seconds)
        with_deferred.append(total)
    report = {"status": "ok", "seconds": statistics.median(times), "runs": times, "heavy_modules": pulled}
    if deferred:
        report.update(deferred_modules=list(deferred), with_deferred_seconds=statistics.median(with_deferred))
    return report


def import_times(runs: int) -> dict[str, Any]:
    """`import boto3` and each handler module (alone, and with its first invocation's imports), in one run."""
    boto3 = time_import("boto3", [ROOT], lambda_environment(FUNCTIONS / "api"), runs)
    handlers = {folder.name: time_import("app", [folder, ROOT], lambda_environment(folder), runs,
                                         FIRST_INVOCATION_IMPORTS.get(folder.name, ()))
                for folder in handler_folders()}
    return {"boto3": boto3, "handlers": handlers}


def requirement_names(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.append(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0])
    return names


def zipped_size(files: dict[str, Path]) -> tuple[int, int]:
    """(zip bytes, unzipped bytes) of the files, deflated as `sam build` would pack them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(files.items()):
            archive.write(path, name)
    return buffer.tell(), sum(path.stat().st_size for path in files.values())


def _tree(folder: Path, prefix: str = "") -> dict[str, Path]:
    return {prefix + str(p.relative_to(folder)): p for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and "tests" not in p.relative_to(folder).parts}


def layer_files() -> dict[str, Path]:
    """The shared layer as template.yaml describes it: careermitra (no site plugin), its pins, the institutions."""
    files = {name: path for name, path in _tree(ROOT / "careermitra", "python/careermitra/").items()
             if not name.removeprefix("python/").startswith(LAYER_EXCLUDES)}
    for name in requirement_names(ROOT / "requirements-lambda.txt"):
        distribution = metadata.distribution(name)
        for file in distribution.files or []:
            located = Path(str(file.locate()))
            if located.is_file() and "__pycache__" not in file.parts and ".." not in file.parts:
                files[f"python/{file}"] = located
    files.update(_tree(ROOT / "content" / "institutions", "content/institutions/"))
    return files


def site_bundle_files() -> dict[str, Path]:
    """What a function that renders pages adds (issue 5): the site plugin, theme, settings, content, Pelican."""
    files = {**_tree(ROOT / "careermitra" / "site", "careermitra/site/"), **_tree(ROOT / "theme", "theme/"),
             **_tree(ROOT / "content", "content/")}
    files.update({name: ROOT / name for name in ("pelicanconf.py", "publishconf.py")})
    in_layer = {name.lower() for name in requirement_names(ROOT / "requirements-lambda.txt")}
    for name in requirement_names(ROOT / "requirements.txt"):
        if name.lower() in in_layer or name.startswith("pagefind"):
            continue
        for file in metadata.distribution(name).files or []:
            located = Path(str(file.locate()))
            if located.is_file() and "__pycache__" not in file.parts and ".." not in file.parts:
                files[f"python/{file}"] = located
    return files


def package_sizes(renders_site: set[str] | None = None) -> dict[str, Any]:
    """Zip size of each function's CodeUri folder, and of the shared layer every function also loads.

    Measured by zipping what `sam build` would package (no __pycache__, no tests); the layer's dependencies
    are the installed files of requirements-lambda.txt in this venv (x86_64 wheels; arm64 ones are similar).
    A function in `renders_site` (its import pulls in the site code) also carries site_bundle_files().
    """
    layer_zip, layer_unzipped = zipped_size(layer_files())
    functions = {}
    for folder in handler_folders():
        files = _tree(folder)
        if folder.name in (renders_site or set()):
            files.update(site_bundle_files())
        zipped, unzipped = zipped_size(files)
        functions[folder.name] = {"zip": zipped, "unzipped": unzipped, "with_layer_unzipped": unzipped + layer_unzipped,
                                  "includes_site": folder.name in (renders_site or set())}
    return {"layer": {"zip": layer_zip, "unzipped": layer_unzipped}, "functions": functions}

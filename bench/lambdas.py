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
# What the layer leaves out of the careermitra package (template.yaml: "without the site plugin").
LAYER_EXCLUDES = ("careermitra/site/", "careermitra/local/")


class _CloudFormationLoader(yaml.SafeLoader):
    """Reads template.yaml, turning !Ref, !Sub and friends into None: only literal values matter here."""


_CloudFormationLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _template() -> dict[str, Any]:
    return yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CloudFormationLoader)


def _function_folder(logical_id: str, code_uri: str) -> str:
    """The functions/ folder a template function runs: its CodeUri, or for one packaged by the Makefile from the
    repository root (CodeUri `.`: the rebuild, the full build's steps) the folder its name gives, RebuildFunction
    -> rebuild, FullBuildPlanFunction -> full_build_plan (the build-<LogicalId> targets copy that app.py)."""
    code_uri = code_uri.rstrip("/")
    if code_uri.startswith("functions/"):
        return code_uri.removeprefix("functions/")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", logical_id.removesuffix("Function")).lower()


def _function_variables(folder: Path) -> dict[str, Any]:
    """The variables template.yaml gives the function in `folder` (the first, for the API's several functions):
    Globals, unless it ignores them, plus its own."""
    template = _template()
    globals_ = template.get("Globals", {}).get("Function", {})
    shared = globals_.get("Environment", {}).get("Variables", {})
    for logical_id, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties") or {}
        code_uri = str(properties.get("CodeUri", globals_.get("CodeUri", "")))
        if resource.get("Type") == "AWS::Serverless::Function" and \
                _function_folder(logical_id, code_uri) == folder.name:
            ignored = resource.get("IgnoreGlobals") or []
            inherited = {} if ignored == "*" or "Environment" in ignored else shared
            return {**inherited, **((properties.get("Environment") or {}).get("Variables") or {})}
    raise LookupError(f"template.yaml has no function for {folder.relative_to(ROOT)}")


def lambda_environment(folder: Path) -> dict[str, str]:
    """The function's environment in template.yaml, with stand-ins for references."""
    variables = _function_variables(folder)
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
    """`import boto3`, each handler module (alone, and with its first invocation's imports), and the API's cold
    start per route (init plus its first request), in one run."""
    boto3 = time_import("boto3", [ROOT], lambda_environment(FUNCTIONS / "api"), runs)
    handlers = {folder.name: time_import("app", [folder, ROOT], lambda_environment(folder), runs,
                                         FIRST_INVOCATION_IMPORTS.get(folder.name, ()))
                for folder in handler_folders()}
    return {"boto3": boto3, "handlers": handlers, "api_routes": api_cold_starts(runs)}


# The first request of each route after a cold start, as a visitor's browser sends it (no session: the routes
# that need one answer 401 at their gate, before validation and the workflow).
FIRST_REQUESTS: tuple[tuple[str, str, dict[str, str] | None, dict[str, Any] | None], ...] = (
    ("POST", "/api/register", None, {"name": "Bench Student", "email": "bench.student@example.in",
                                     "phone": "9876543210", "city": "Pune", "consent": True, "adult": True,
                                     "policy_version": "3.0"}),
    ("GET", "/api/verify", {"token": "x" * 40}, None),
    ("GET", "/api/session", None, None),
    ("POST", "/api/logout", None, None),
    ("GET", "/api/form-token", {"form": "contact"}, None),
    ("POST", "/api/reviews", None, {"institution": "x"}),
    ("POST", "/api/listings", None, {"name": "x"}),
    ("POST", "/api/contact", None, {"name": "Bench Student", "email": "bench.student@example.in",
                                    "subject": "A question", "message": "When does admission open this year?"}),
    ("POST", "/api/privacy-requests", None, {"email": "bench.student@example.in", "kind": "access"}),
    ("GET", "/api/privacy-requests/confirm", {"token": "x" * 40}, None),
    ("POST", "/api/privacy-requests/confirm", None, None),
    ("POST", "/api/policy-consent", None, {"policy_version": "3.0"}),
    ("POST", "/api/consent", None, {"choice": "accept", "adult": True}),
    ("POST", "/api/events", None, {"path": "/", "seconds": 3}),
)
ORIGIN_SECRET = "bench-origin-secret-0123456789abcdefghij"
SITE_ORIGIN = "https://www.careermitra.in"
COLD_START = """
import json, sys, time
started = time.perf_counter()
import app
initialised = time.perf_counter()
class Context:
    function_name, memory_limit_in_mb, aws_request_id = "bench", 512, "bench-request"
    invoked_function_arn = "arn:aws:lambda:ap-south-1:123456789012:function:bench"
answer = app.lambda_handler(json.loads(sys.argv[1]), Context())
print(json.dumps([initialised - started, time.perf_counter() - initialised, answer["statusCode"]]))
"""


def api_cold_starts(runs: int) -> dict[str, Any]:
    """Per route: median seconds of the API's init (importing functions/api/app.py) and of that route's first
    request, each run in a fresh interpreter against a moto server on loopback holding the template's tables."""
    import tempfile

    import boto3
    from moto.server import ThreadedMotoServer

    from careermitra.local.gateway import api_event
    from careermitra.local.resources import create_tables

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        aws = {"region_name": "ap-south-1", "endpoint_url": endpoint, "aws_access_key_id": "bench",
               "aws_secret_access_key": "bench"}
        tables = create_tables(boto3.client("dynamodb", **aws), prefix="bench")
        secrets = boto3.client("secretsmanager", **aws)
        secrets.create_secret(Name="bench-session", SecretString="s" * 40)
        secrets.create_secret(Name="bench-origin", SecretString=ORIGIN_SECRET)
        boto3.client("ses", **aws).verify_email_identity(EmailAddress="bench@careermitra.in")
        folder = FUNCTIONS / "api"
        with tempfile.TemporaryDirectory() as outbox:
            environment = {**lambda_environment(folder), "AWS_ENDPOINT_URL": endpoint, "SITE_ORIGIN": SITE_ORIGIN,
                           "SESSION_SECRET_ID": "bench-session", "ORIGIN_SECRET_ID": "bench-origin",
                           "MAIL_OUTBOX_DIR": outbox, "POWERTOOLS_TRACE_DISABLED": "1", "MIN_FILL_SECONDS": "0",
                           **{_table_variable(logical_id): name for logical_id, name in tables.items()}}
            env = {"PATH": os.environ.get("PATH", ""), **environment,
                   "PYTHONPATH": os.pathsep.join(map(str, [folder, ROOT]))}
            policy = {"policy_version": environment.get("POLICY_VERSION", "")}
            return {f"{method} {path}": _cold_start(method, path, query, {**body, **policy} if body and
                                                    "policy_version" in body else body, env, folder, runs, api_event)
                    for method, path, query, body in FIRST_REQUESTS}
    finally:
        server.stop()


def _table_variable(logical_id: str) -> str:
    """UsersTable -> USERS_TABLE, RateLimitsTable -> RATE_LIMITS_TABLE."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", logical_id).upper()


def _cold_start(method: str, path: str, query: dict[str, str] | None, body: dict[str, Any] | None,
                env: dict[str, str], folder: Path, runs: int, api_event: Any) -> dict[str, Any]:
    target = f"{path}?{'&'.join(f'{name}={value}' for name, value in query.items())}" if query else path
    headers = {"X-Origin-Verify": ORIGIN_SECRET, "CloudFront-Viewer-Address": "192.0.2.1:50000",
               "Origin": SITE_ORIGIN, "Accept": "application/json", "Content-Type": "application/json"}
    event = api_event(method, target, headers, json.dumps(body).encode() if body else b"", "192.0.2.1")
    inits: list[float] = []
    requests: list[float] = []
    status = 0
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", COLD_START, json.dumps(event)], cwd=folder, env=env,
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return {"status": "failed", "reason": result.stderr.strip().splitlines()[-1:] or ["no output"]}
        init, request, status = json.loads(result.stdout.strip().splitlines()[-1])
        inits.append(init)
        requests.append(request)
    return {"status": "ok", "init_seconds": statistics.median(inits), "request_seconds": statistics.median(requests),
            "answer": status}


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
    """What a function that renders pages adds (issue 5): the site plugin, theme, settings, content/data (the
    places and Hindi names the package reads beside itself), Pelican. Not the institutions and pages (issue 17):
    they come from the build-state bucket, so the package no longer grows with the directory."""
    files = {**_tree(ROOT / "careermitra" / "site", "careermitra/site/"), **_tree(ROOT / "theme", "theme/"),
             **_tree(ROOT / "content" / "data", "content/data/")}
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
        content = sum(path.stat().st_size for name, path in files.items() if name.startswith("content/"))
        functions[folder.name] = {"zip": zipped, "unzipped": unzipped, "with_layer_unzipped": unzipped + layer_unzipped,
                                  "includes_site": folder.name in (renders_site or set()), "content_unzipped": content}
    return {"layer": {"zip": layer_zip, "unzipped": layer_unzipped}, "functions": functions}

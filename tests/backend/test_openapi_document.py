"""The API's OpenAPI document is openapi from the route definitions, committed as docs/openapi.json, kept
current by this test, and served by the local stack at /api/openapi.json.

After changing a route or a model: `CAREERMITRA_WRITE_OPENAPI=1 .venv/bin/python -m pytest
tests/backend/test_openapi_document.py` rewrites the committed copy; review the diff and commit it.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.request
from pathlib import Path
from typing import Any

from careermitra.local.gateway import OPENAPI_DOCUMENT, OPENAPI_PATH, make_gateway
from tests.backend.template import ROOT

COMMITTED = ROOT / "docs" / "openapi.json"


def document_text(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_committed_openapi_document_is_the_one_the_routes_generate(openapi: dict[str, Any]) -> None:
    if os.environ.get("CAREERMITRA_WRITE_OPENAPI") == "1":
        COMMITTED.write_text(document_text(openapi), encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == document_text(openapi), (
        "docs/openapi.json is out of date: rerun this test with CAREERMITRA_WRITE_OPENAPI=1 and commit the file")


def test_the_local_stack_serves_the_committed_document(tmp_path: Path) -> None:
    def no_api(event: dict[str, Any], context: Any) -> dict[str, Any]:
        raise AssertionError("the document is served by the gateway, not by a Lambda route")

    assert OPENAPI_DOCUMENT == COMMITTED
    server = make_gateway(tmp_path, no_api, "s" * 48)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        with urllib.request.urlopen(f"http://{host}:{port}{OPENAPI_PATH}") as answer:
            assert answer.status == 200 and answer.headers["Content-Type"] == "application/json"
            served = json.loads(answer.read())
    finally:
        server.shutdown()
        server.server_close()
    assert served == json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert "/api/contact" in served["paths"]

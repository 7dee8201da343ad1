"""template.yaml as data: the tests build their tables and settings from it, so the two cannot drift apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careermitra.local.resources import load_template, resources_of_type, table_request

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"


def template() -> dict[str, Any]:
    return load_template(TEMPLATE)


def resources(kind: str) -> dict[str, dict[str, Any]]:
    return resources_of_type(kind, TEMPLATE)


def table_kwargs(properties: dict[str, Any], name: str) -> dict[str, Any]:
    """create_table arguments for a table as the template declares it (moto has no KMS key here: SSE is left out)."""
    return table_request(properties, name)


def function_environment() -> dict[str, Any]:
    return template()["Globals"]["Function"]["Environment"]["Variables"]

"""template.yaml as data: the tests build their tables and settings from it, so the two cannot drift apart."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"


class _CloudFormationLoader(yaml.SafeLoader):
    """A safe loader that reads short-form intrinsics (!Ref X) as their long form ({'Ref': 'X'})."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CloudFormationLoader.add_multi_constructor("!", _intrinsic)


@cache
def template() -> dict[str, Any]:
    return yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=_CloudFormationLoader)


def resources(kind: str) -> dict[str, dict[str, Any]]:
    return {name: body for name, body in template()["Resources"].items() if body["Type"] == kind}


def table_kwargs(properties: dict[str, Any], name: str) -> dict[str, Any]:
    """create_table arguments for a table as the template declares it (moto has no KMS key here: SSE is left out)."""
    kwargs: dict[str, Any] = {"TableName": name, "AttributeDefinitions": properties["AttributeDefinitions"],
                              "KeySchema": properties["KeySchema"], "BillingMode": properties["BillingMode"]}
    if "GlobalSecondaryIndexes" in properties:
        kwargs["GlobalSecondaryIndexes"] = properties["GlobalSecondaryIndexes"]
    if "StreamSpecification" in properties:
        kwargs["StreamSpecification"] = {"StreamEnabled": True, **properties["StreamSpecification"]}
    return kwargs


def function_environment() -> dict[str, Any]:
    return template()["Globals"]["Function"]["Environment"]["Variables"]

"""Create what template.yaml defines, in moto: the same tables (keys, indexes, streams, TTL) as in AWS.

Tests and the local stack both call this, so neither can drift from the infrastructure.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"


class _CloudFormationLoader(yaml.SafeLoader):
    """Reads CloudFormation's short tags (!Ref, !GetAtt, !Sub, ...) as {'Ref': ...}-style mappings."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = str(value).split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode), node
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CloudFormationLoader.add_multi_constructor("!", _tag)


@cache
def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_CloudFormationLoader)  # a SafeLoader subclass


def resources_of_type(kind: str, path: Path = TEMPLATE) -> dict[str, dict[str, Any]]:
    """The template's resources of one type, by logical id."""
    return {name: body for name, body in load_template(path)["Resources"].items() if body["Type"] == kind}


def table_name(logical_id: str, prefix: str) -> str:
    """'RateLimitsTable' -> 'careermitra-rate-limits' (the names the CLI expects locally)."""
    words = re.findall(r"[A-Z][a-z0-9]*", logical_id.removesuffix("Table"))
    return "-".join([prefix, *(word.lower() for word in words)])


def table_request(props: dict[str, Any], name: str) -> dict[str, Any]:
    """create_table arguments for a table as the template declares it (keys, indexes, stream)."""
    request: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
    }
    if "GlobalSecondaryIndexes" in props:
        request["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    if "StreamSpecification" in props:
        request["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    return request


def create_tables(dynamodb: Any, prefix: str = "careermitra") -> dict[str, str]:
    """Create every DynamoDB table of the template; returns logical id -> table name.

    Encryption with the customer-managed key is left out here: moto accepts it but it changes nothing locally.
    """
    names = {}
    for logical_id, body in resources_of_type("AWS::DynamoDB::Table").items():
        props = body["Properties"]
        name = table_name(logical_id, prefix)
        dynamodb.create_table(**table_request(props, name))
        ttl = props.get("TimeToLiveSpecification")
        if ttl:
            dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        names[logical_id] = name
    return names

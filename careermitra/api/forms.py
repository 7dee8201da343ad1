"""Turning HTML form values (all strings) into what a model expects: numbers, booleans, lists, nested rows."""

from __future__ import annotations

import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

# ASCII digits only: int() reads Devanagari or full-width digits too, which no form of ours sends.
INTEGER = re.compile(r"^\s*-?[0-9]{1,12}\s*$", re.ASCII)
TRUE_WORDS = {"on", "true", "yes", "1"}
FALSE_WORDS = {"", "off", "false", "no", "0"}


def form_values(model: type[BaseModel], fields: dict[str, Any]) -> dict[str, Any]:
    """Coerce each known field by the model's annotation; unknown fields pass through for the model to refuse."""
    known = model.model_fields
    return {name: _coerce(known[name].annotation, value) if name in known else value for name, value in fields.items()}


def _coerce(annotation: Any, value: Any) -> Any:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _coerce(get_args(annotation)[0], value)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if value == "" and len(options) < len(get_args(annotation)):
            return None  # an empty optional input means 'not given'
        return _coerce(options[0], value) if len(options) == 1 else value
    if origin is list:
        items = value if isinstance(value, list) else _rows(value) if isinstance(value, dict) else [value]
        return [_coerce(get_args(annotation)[0], item) for item in items if not _blank(item)]
    if annotation is bool and isinstance(value, str) and value.lower() in TRUE_WORDS | FALSE_WORDS:
        return value.lower() in TRUE_WORDS
    if annotation is int and isinstance(value, str) and INTEGER.match(value):
        return int(value)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(value, dict):
        return form_values(annotation, value)
    return value


def _rows(value: dict[str, Any]) -> list[Any]:
    """Numbered form rows ('courses.0.name', 'courses.1.name') in their order."""
    if all(key.isdigit() for key in value):
        return [value[key] for key in sorted(value, key=int)]
    return [value]


def _blank(value: Any) -> bool:
    """An empty input, or a row of a repeated group the person left empty."""
    if isinstance(value, dict):
        return all(_blank(item) for item in value.values())
    return isinstance(value, str) and not value.strip()

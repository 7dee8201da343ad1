"""YAML parsing for content files, with errors that name the line and column."""

from __future__ import annotations

from typing import Any

import yaml

from careermitra.domain.errors import ContentError

# libyaml's loader is many times faster on large review files; the pure-Python one is the same language.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML, reporting a syntax error with its line and column."""
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(path, [("", f"invalid YAML: {where}{problem}")]) from None

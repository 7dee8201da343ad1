"""Errors that name the file and the field an editor has to fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type only: the API's cold start imports this module without pydantic (issue 7)
    from pydantic import ValidationError


class ContentError(Exception):
    """A content file that cannot be published as it is; the message names file, field and reason."""

    def __init__(self, path: str, problems: list[tuple[str, str]]) -> None:
        self.path = path
        self.problems = problems
        lines = [f"{path}: {field}: {reason}" if field else f"{path}: {reason}" for field, reason in problems]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[ContentError], tuple[str, list[tuple[str, str]]]]:
        # Parallel builds send errors between processes; rebuild from the parts, not from the message.
        return (ContentError, (self.path, self.problems))


def field_name(location: tuple[str | int, ...]) -> str:
    """Render a pydantic error location as 'courses[0].fees_inr'."""
    name = ""
    for part in location:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def problems_of(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> list[tuple[str, str]]:
    """The (field, reason) pairs of a pydantic error, in plain words."""
    problems = []
    for item in error.errors():
        reason = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            reason = "this required field is missing"
        elif item["type"] == "extra_forbidden":
            reason = "unknown field (check its spelling)"
        problems.append((field_name(prefix + tuple(item["loc"])), reason))
    return problems

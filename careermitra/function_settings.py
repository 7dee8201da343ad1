"""One way every Lambda function reads its settings: a frozen pydantic model filled from environment variables.

Each field is read from the variable of its name in upper case (USERS_TABLE, SITE_ORIGIN, ...) and the model is
checked at cold start: a FunctionSettingsError names every missing or wrong variable at once, in words, and never
quotes a value (a variable can hold a secret's name or an address).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

MISSING_VARIABLE = "this required field is missing"


class FunctionSettings(BaseModel):
    """The base of each function's settings model."""

    model_config = ConfigDict(frozen=True, extra="ignore", alias_generator=str.upper, populate_by_name=True,
                              hide_input_in_errors=True)


class FunctionSettingsError(RuntimeError):
    """A missing or wrong environment variable; the message names each one and never quotes the environment."""


Settings = TypeVar("Settings", bound=FunctionSettings)


def settings_from_environment(model: type[Settings], function: str,
                              environ: Mapping[str, str] | None = None) -> Settings:
    """`model` filled from the environment; `function` ("the API") starts the message naming each problem."""
    try:
        return model.model_validate(dict(os.environ if environ is None else environ))
    except ValidationError as error:
        problems = []
        for item in error.errors():
            variable = ".".join(str(part) for part in item["loc"]).upper() or "settings"
            reason = MISSING_VARIABLE if item["type"] == "missing" else item["msg"].removeprefix("Value error, ")
            problems.append(f"{variable}: {reason}")
        raise FunctionSettingsError(f"{function} cannot start: {'; '.join(problems)}") from None

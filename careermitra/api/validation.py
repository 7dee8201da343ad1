"""Validating a body against a domain model, answering 422 with every field to fix."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from careermitra.api.forms import form_values
from careermitra.api.requests import Body
from careermitra.domain.problems import InvalidInput

Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], body: Body) -> Model:
    fields = form_values(model, body.fields) if body.form_encoded else body.fields
    try:
        return model.model_validate(fields)
    except ValidationError as error:
        raise InvalidInput.from_validation(error) from None

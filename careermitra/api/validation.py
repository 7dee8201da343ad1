"""Request validation: Powertools' own (`enable_validation=True`), behind the site's gates and our body reader.

Powertools validates a request before any middleware of ours runs, so two things it cannot know happen first,
in the one class below: the gates every request passes (it came through CloudFront; a POST came from the site
itself), and reading the body the way the site's forms send it (size limit, nested field names, numbered rows,
"on" for a ticked box, empty optional inputs; `careermitra.api.forms`). The honeypot and fill-time fields are
taken off the body here (`guard_fields`) so the models stay the domain's own. What Powertools then refuses,
`problem_of` words as our error shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler.api_gateway import BaseRouter, Route
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.event_handler.middlewares.openapi_validation import OpenAPIRequestValidationMiddleware
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.types import EventHandlerInstance
from pydantic import BaseModel

from careermitra.api.form_specs import BODY_LIMIT_AT_PATH, FORM_AT_PATH
from careermitra.api.forms import form_values
from careermitra.api.requests import FORM, LANG_CONTEXT, media_type, read_body, request_of
from careermitra.domain.abuse import FORM_TOKEN_FIELD, HONEYPOT_FIELD
from careermitra.domain.errors import field_name
from careermitra.domain.form_messages import FieldText
from careermitra.domain.page_language import LANG_FIELD
from careermitra.domain.problems import SOME_FIELDS, InvalidInput, Problem, Text
from careermitra.i18n import language

GUARD_CONTEXT = "guard_fields"
Gate = Callable[[BaseRouter], None]


class GatedRequestValidation(OpenAPIRequestValidationMiddleware):
    """Run the gates, then Powertools' request validation with the body read as the site's forms send it."""

    def __init__(self, gates: tuple[Gate, ...], max_body_bytes: Callable[[], int]) -> None:
        super().__init__()
        self._gates = gates
        self._max_body_bytes = max_body_bytes

    def handler(self, app: EventHandlerInstance, next_middleware: NextMiddleware) -> Any:
        for gate in self._gates:
            gate(app)
        return super().handler(app, next_middleware)

    def _get_body(self, app: EventHandlerInstance) -> dict[str, Any]:
        event = request_of(app)
        spec = FORM_AT_PATH.get(event.path)
        fields = read_body(event, BODY_LIMIT_AT_PATH.get(event.path) or self._max_body_bytes())
        app.append_context(**{GUARD_CONTEXT: {name: fields.pop(name) for name in (HONEYPOT_FIELD, FORM_TOKEN_FIELD)
                                               if name in fields}})
        if LANG_FIELD in fields:  # read before validation: a refusal of this very body answers in it
            app.append_context(**{LANG_CONTEXT: language(fields[LANG_FIELD])})
        model = spec.model if spec else _body_model(app.context["_route"])
        if media_type(event) == FORM and model is not None:
            return form_values(model, fields)
        return fields


def _body_model(route: Route) -> type[BaseModel] | None:
    """The model of the route's one body parameter, to type a form's string values by."""
    annotation = route.dependant.body_params[0].type_ if route.dependant.body_params else None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def guard_fields(app: BaseRouter) -> dict[str, Any]:
    """The honeypot and fill-time token the request's body carried (taken off before validation)."""
    fields: dict[str, Any] = app.context.get(GUARD_CONTEXT) or {}
    return fields


def problem_of(error: RequestValidationError, model: type[BaseModel] | None = None) -> Problem:
    """What Powertools refused, as a 422 naming every field in the catalogue's plain words (never echoing the
    input); `model`, the form's, lets a number's range be named when the value was no number at all."""
    fields: dict[str, Text] = {}
    for item in error.errors():
        location = tuple(item["loc"])
        # ("body", "aspects", "faculty"), ("query", "token"): the part of the request, then the field.
        name = field_name(location[1:]) or str(location[0])
        fields.setdefault(name, FieldText({**item, "loc": location[1:]}, model))
    return InvalidInput(SOME_FIELDS, fields)

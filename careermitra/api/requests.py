"""Reading a request: content type, size, JSON or form body, the client's address and the origin."""

from __future__ import annotations

import base64
import hmac
import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from aws_lambda_powertools.event_handler.api_gateway import BaseRouter
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from careermitra.domain.problems import BadRequest, Forbidden, InvalidInput, TooLarge, UnsupportedMediaType
from careermitra.i18n import N_, Language, Msg, language_of_url

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MAX_FIELDS = 200
# The deepest body a form sends is a listing's closing ranks (body > courses > row > admissions > ranks > row);
# deeper JSON is refused before any code walks it (a 2 KB body 1,000 deep would exhaust Python's recursion).
MAX_DEPTH = 10
TOO_DEEP = {"body": Msg("nested more than %(most)s levels deep", most=MAX_DEPTH)}
NESTED_TOO_DEEPLY = Msg("The body is nested too deeply; send at most %(most)s levels.", most=MAX_DEPTH)
# CloudFront adds it, with a secret value, to every request it forwards to the API (template.yaml, OriginSecret).
ORIGIN_HEADER = "X-Origin-Verify"
UNKNOWN_FIELD = N_("unknown field")
MIXED_PARTS = N_("The form mixes a field and its parts.")
FIELD_NAME = re.compile(r"^[a-z_]{1,40}(?:\.(?:[a-z_]{1,40}|[0-9]{1,2})){0,3}$")


def request_of(app: BaseRouter) -> APIGatewayProxyEvent:
    """The request being answered, as the REST API's event (the only kind this resolver is given)."""
    event = app.current_event
    if not isinstance(event, APIGatewayProxyEvent):
        raise TypeError("the API answers API Gateway REST events only")
    return event


# Where the validation keeps the language the body's `lang` field gave (careermitra.api.validation).
LANG_CONTEXT = "lang"


def request_language(app: BaseRouter) -> Language:
    """The language to answer in (issue 16): the form's `lang` field, else the language of the page the request
    came from (a form without the field, a link), else English."""
    chosen = app.context.get(LANG_CONTEXT)
    if isinstance(chosen, Language):
        return chosen
    return language_of_url(urlsplit(request_of(app).headers.get("referer") or "").path or "/")


def media_type(event: APIGatewayProxyEvent) -> str:
    return (event.headers.get("content-type") or "").split(";")[0].strip().lower()


def answers_with_redirect(event: APIGatewayProxyEvent) -> bool:
    """A plain HTML form post gets a 303 to a page of the site; script and API clients get JSON."""
    accept = (event.headers.get("accept") or "").lower()
    return media_type(event) == FORM and JSON not in accept


def read_body(event: APIGatewayProxyEvent, max_bytes: int) -> dict[str, Any]:
    """The body's fields, refusing other media types (415), bodies over the limit (413) and malformed ones (400).

    A form's fields come back nested by their names and still strings (`form_values` types them by a model).
    """
    kind = media_type(event)
    if kind not in {JSON, FORM}:
        raise UnsupportedMediaType(Msg("Send the form as %(json)s or %(form)s.", json=JSON, form=FORM),
                                   {"Content-Type": Msg("send %(json)s or %(form)s", json=JSON, form=FORM)})
    raw = (event.body or "").encode()
    if event.is_base64_encoded:
        try:
            raw = base64.b64decode(raw, validate=True)
        except ValueError:
            raise BadRequest(N_("The body is not valid base64."), {"body": N_("not valid base64")}) from None
    if len(raw) > max_bytes:
        raise TooLarge(Msg("The form is too long; send at most %(kb)s KB.", kb=max_bytes // 1024),
                       {"body": Msg("too long; at most %(kb)s KB", kb=max_bytes // 1024)})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(N_("Send the form as UTF-8 text."), {"body": N_("not UTF-8 text")}) from None
    if kind == FORM:
        try:
            pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except ValueError:
            raise BadRequest(Msg("The form has too many fields; send at most %(most)s.", most=MAX_FIELDS),
                             {"body": Msg("more than %(most)s fields", most=MAX_FIELDS)}) from None
        return nest_form_fields(pairs)
    try:
        fields = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError:
        raise BadRequest(N_("The body is not valid JSON."), {"body": N_("not valid JSON")}) from None
    except RecursionError:
        raise BadRequest(NESTED_TOO_DEEPLY, TOO_DEEP) from None
    if nesting_depth(fields) > MAX_DEPTH:
        raise BadRequest(NESTED_TOO_DEEPLY, TOO_DEEP)
    if not isinstance(fields, dict):
        raise BadRequest(N_("Send the fields as one JSON object."), {"body": N_("not one JSON object")})
    return fields


def nesting_depth(value: Any) -> int:
    """How deeply objects and arrays nest in a parsed JSON value (a scalar is 0), counted without recursion."""
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                break
            pending.extend((child, depth) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def nest_form_fields(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """'aspects.faculty=4' becomes {'aspects': {'faculty': '4'}}; a repeated name becomes a list."""
    nested: dict[str, Any] = {}
    for name, value in pairs:
        if not FIELD_NAME.match(name):
            raise InvalidInput(N_("The form has a field with an unexpected name."), {name[:40]: UNKNOWN_FIELD})
        *parents, last = name.split(".")
        node = nested
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise InvalidInput(MIXED_PARTS, {name: UNKNOWN_FIELD})
            node = child
        if last not in node:
            node[last] = value
        elif isinstance(node[last], list):
            node[last].append(value)
        elif isinstance(node[last], str):
            node[last] = [node[last], value]
        else:
            raise InvalidInput(MIXED_PARTS, {name: UNKNOWN_FIELD})
    return nested


def origin_header_problem(event: APIGatewayProxyEvent, secret: bytes) -> str | None:
    """'missing' or 'wrong' when the origin header does not prove the request came through CloudFront, else None."""
    sent = event.headers.get(ORIGIN_HEADER)
    if sent is None:
        return "missing"
    return None if hmac.compare_digest(sent.encode("utf-8", "replace"), secret) else "wrong"


def client_ip(event: APIGatewayProxyEvent) -> str:
    """The visitor's address: CloudFront's viewer address header, else the address API Gateway saw.

    The header can be trusted because the app refuses every request without CloudFront's origin secret
    (`origin_header_problem`), and CloudFront sets the header itself, whatever the viewer sent.
    """
    viewer = event.headers.get("cloudfront-viewer-address")
    if viewer and ":" in viewer:
        return viewer.rsplit(":", 1)[0].strip("[]")
    return event.request_context.identity.source_ip or "unknown"


FROM_THE_SITE_ONLY = N_("This form can only be sent from the Career Mitra site.")


def refuse_foreign_origin(event: APIGatewayProxyEvent, site_origin: str) -> None:
    """A state-changing request from another site is refused (403), whatever cookies it carries."""
    origin = event.headers.get("origin")
    if origin and origin.rstrip("/") != site_origin:
        raise Forbidden(FROM_THE_SITE_ONLY)
    if (event.headers.get("sec-fetch-site") or "").lower() == "cross-site":
        raise Forbidden(FROM_THE_SITE_ONLY)
    referer = event.headers.get("referer")
    if not origin and referer and f"{urlsplit(referer).scheme}://{urlsplit(referer).netloc}" != site_origin:
        raise Forbidden(FROM_THE_SITE_ONLY)

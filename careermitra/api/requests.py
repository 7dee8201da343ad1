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

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MAX_FIELDS = 200
# The deepest body a form sends is a listing's closing ranks (body > courses > row > admissions > ranks > row);
# deeper JSON is refused before any code walks it (a 2 KB body 1,000 deep would exhaust Python's recursion).
MAX_DEPTH = 10
TOO_DEEP = {"body": f"nested more than {MAX_DEPTH} levels deep"}
# CloudFront adds it, with a secret value, to every request it forwards to the API (template.yaml, OriginSecret).
ORIGIN_HEADER = "X-Origin-Verify"
FIELD_NAME = re.compile(r"^[a-z_]{1,40}(?:\.(?:[a-z_]{1,40}|[0-9]{1,2})){0,3}$")


def request_of(app: BaseRouter) -> APIGatewayProxyEvent:
    """The request being answered, as the REST API's event (the only kind this resolver is given)."""
    event = app.current_event
    if not isinstance(event, APIGatewayProxyEvent):
        raise TypeError("the API answers API Gateway REST events only")
    return event


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
        raise UnsupportedMediaType(f"Send the form as {JSON} or {FORM}.",
                                   {"Content-Type": f"send {JSON} or {FORM}"})
    raw = (event.body or "").encode()
    if event.is_base64_encoded:
        try:
            raw = base64.b64decode(raw, validate=True)
        except ValueError:
            raise BadRequest("The body is not valid base64.", {"body": "not valid base64"}) from None
    if len(raw) > max_bytes:
        raise TooLarge(f"The form is too long; send at most {max_bytes // 1024} KB.",
                       {"body": f"too long; at most {max_bytes // 1024} KB"})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("Send the form as UTF-8 text.", {"body": "not UTF-8 text"}) from None
    if kind == FORM:
        try:
            pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except ValueError:
            raise BadRequest(f"The form has too many fields; send at most {MAX_FIELDS}.",
                             {"body": f"more than {MAX_FIELDS} fields"}) from None
        return nest_form_fields(pairs)
    try:
        fields = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError:
        raise BadRequest("The body is not valid JSON.", {"body": "not valid JSON"}) from None
    except RecursionError:
        raise BadRequest(f"The body is nested too deeply; send at most {MAX_DEPTH} levels.", TOO_DEEP) from None
    if nesting_depth(fields) > MAX_DEPTH:
        raise BadRequest(f"The body is nested too deeply; send at most {MAX_DEPTH} levels.", TOO_DEEP)
    if not isinstance(fields, dict):
        raise BadRequest("Send the fields as one JSON object.", {"body": "not one JSON object"})
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
            raise InvalidInput("The form has a field with an unexpected name.", {name[:40]: "unknown field"})
        *parents, last = name.split(".")
        node = nested
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise InvalidInput("The form mixes a field and its parts.", {name: "unknown field"})
            node = child
        if last not in node:
            node[last] = value
        elif isinstance(node[last], list):
            node[last].append(value)
        elif isinstance(node[last], str):
            node[last] = [node[last], value]
        else:
            raise InvalidInput("The form mixes a field and its parts.", {name: "unknown field"})
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


def refuse_foreign_origin(event: APIGatewayProxyEvent, site_origin: str) -> None:
    """A state-changing request from another site is refused (403), whatever cookies it carries."""
    origin = event.headers.get("origin")
    if origin and origin.rstrip("/") != site_origin:
        raise Forbidden("This form can only be sent from the Career Mitra site.")
    if (event.headers.get("sec-fetch-site") or "").lower() == "cross-site":
        raise Forbidden("This form can only be sent from the Career Mitra site.")
    referer = event.headers.get("referer")
    if not origin and referer and f"{urlsplit(referer).scheme}://{urlsplit(referer).netloc}" != site_origin:
        raise Forbidden("This form can only be sent from the Career Mitra site.")

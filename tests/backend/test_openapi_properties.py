"""Issue 12's proof over the OpenAPI document: generated requests for every route and method of
docs/openapi.json, valid and invalid, sent to the real Lambda handler against moto.

For each answer: never a 5xx; its status is one the document lists for the route; its body has the shape the
document gives for that status; and a refusal of what was sent names the field at fault. Hypothesis builds the
requests from the document's own schemas (hypothesis-jsonschema) and breaks them (a required field dropped, a
field of the wrong type, a body that is not an object, unknown or wrong query parameters), signed in or not, with
or without a fill-time token. Deterministic for one set of collected test modules (derandomize, no example
database; Hypothesis also draws on the loaded modules' constants) and bounded (EXAMPLES per route).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from careermitra.api.form_specs import FORM_AT_PATH, SCREENED_FORMS
from careermitra.i18n import neutral_url
from tests.support.api import (
    EMAIL,
    INSTITUTIONS,
    Answer,
    Api,
    contact_message,
    listing,
    registration,
    review,
    sign_in,
)

DOCUMENT: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "openapi.json").read_text(encoding="utf-8"))
OPERATIONS = [(method.upper(), path, operation) for path, methods in sorted(DOCUMENT["paths"].items())
              for method, operation in sorted(methods.items())]
FORM_TYPE = "application/x-www-form-urlencoded"
EXAMPLES = 50  # per route: about 25 s for the module on a quiet machine
# A refusal of the request itself (its body or its parameters) must name the field at fault; the others are
# about who asks (401, 403), how often (429) or what is there already (404, 409), and say so in their message.
NAMES_A_FIELD = {400, 413, 415, 422}
# The same refusals as a form post's error page (/form-error/<code>/?form=...&fields=...).
PAGES_NAMING_A_FIELD = {"bad-request", "too-large", "unsupported-media-type", "invalid"}



def sent_by_the_site(path: str) -> dict[str, Any] | None:
    """A body the site's own form sends to `path`, to break from, beside the ones the schema allows."""
    version = registration()["policy_version"]
    return {"/api/register": registration(), "/api/reviews": review(), "/api/listings": listing(),
            "/api/contact": contact_message(), "/api/privacy-requests": {"email": EMAIL, "kind": "access"},
            "/api/policy-consent": {"consent": True, "policy_version": version},
            "/api/consent": {"choice": "accept", "adult": True}, "/api/events": {"path": "/", "seconds": 12},
            "/api/sign-in": {"email": EMAIL},
            "/api/account/details": {"name": "Priya Iyer", "phone": "9123456780", "city": "Chennai"},
            "/api/account/nominee": {"name": "Anil Sharma", "email": "anil.sharma@example.in"},
            "/api/account/delete": {"confirm": "DELETE", "reviews": "delete"},
            "/api/address-confirmations": {"institution": INSTITUTIONS[0], "relationship": "student",
                                           "email": f"asha@students.{INSTITUTIONS[0]}.example"},
            }.get(path)


# Accepted only about a published review (and a reply only from a confirmed representative), which generated
# requests cannot make: their accepted paths are tested in tests/backend/test_trust_api.py; here, every answer
# to them is still documented, never a 5xx, and every refusal names the field. Carrying out a privacy request
# needs the cookie its emailed link sets (tests/backend/test_privacy_rights.py).
ACCEPTED_ONLY_WITH_STATE = {"/api/reports", "/api/replies", "/api/privacy-requests/confirm"}
# An accepted deletion erases the account the examples are signed in to, so what follows is refused as signed
# out; its refusals by field are tested in tests/backend/test_dpdp_duties.py.
ENDS_THE_ACCOUNT = {"/api/account/delete"}


# Values of a query parameter the site itself sends (the document types them only as strings).
SITE_VALUES = {"form": st.sampled_from(SCREENED_FORMS)}
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12)


def with_components(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema of the document with its `#/components/...` references resolvable."""
    return {**schema, "components": DOCUMENT["components"]}


def body_schema(operation: dict[str, Any]) -> dict[str, Any] | None:
    content = operation.get("requestBody", {}).get("content", {})
    return with_components(content["application/json"]["schema"]) if "application/json" in content else None


def properties_of(schema: dict[str, Any]) -> set[str]:
    """The top-level field names of a body schema (following one `$ref`)."""
    if "$ref" in schema:
        schema = DOCUMENT["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return set(schema.get("properties", {}))


@st.composite
def bodies(draw: st.DrawFn, schema: dict[str, Any], site_body: dict[str, Any] | None) -> Any:
    """A body the schema accepts or the site sends, or one broken in one of the ways a client gets it wrong."""
    from_site = site_body is not None and draw(st.integers(0, 2)) > 0
    valid = dict(site_body) if from_site and site_body is not None else draw(from_schema(schema))
    how = draw(st.sampled_from(["valid", "valid", "valid", "valid", "drop", "retype", "unknown", "not an object"]))
    if how == "not an object" or not isinstance(valid, dict):
        return draw(JSON_VALUES)
    if how == "drop" and valid:
        valid.pop(draw(st.sampled_from(sorted(valid))))
    elif how == "retype" and valid:
        valid[draw(st.sampled_from(sorted(valid)))] = draw(JSON_VALUES)
    elif how == "unknown":
        valid[draw(st.text(min_size=1, max_size=12))] = draw(JSON_VALUES)
    return valid


@st.composite
def queries(draw: st.DrawFn, operation: dict[str, Any]) -> dict[str, str] | None:
    """Each documented query parameter, left out, as the document types it, or any text; now and then another."""
    query: dict[str, str] = {}
    for parameter in operation.get("parameters", []):
        if parameter["in"] != "query" or draw(st.booleans()):
            continue
        value = draw(from_schema(parameter["schema"]) | SITE_VALUES.get(parameter["name"], st.nothing())
                     | st.text(max_size=120))
        query[parameter["name"]] = value if isinstance(value, str) else json.dumps(value)
    if draw(st.integers(0, 9)) == 0:
        query[draw(st.text(min_size=1, max_size=8))] = draw(st.text(max_size=20))
    return query or None


def form_pairs(value: Any, name: str = "") -> list[tuple[str, str]]:
    """A JSON body as a form's fields: `aspects.faculty=4`, a list as numbered rows or a repeated name."""
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in form_pairs(item, f"{name}.{key}" if name else key)]
    if isinstance(value, list):
        rows = [form_pairs(item, f"{name}.{index}") if isinstance(item, dict | list) else [(name, str(item))]
                for index, item in enumerate(value)]
        return [pair for row in rows for pair in row]
    if isinstance(value, bool):
        return [(name, "on")] if value else []
    return [(name, "" if value is None else str(value))]


def check_answer(method: str, path: str, operation: dict[str, Any], answer: Answer, body: Any) -> None:
    """The answer is documented: its status, its body's shape, and a refusal that names the field."""
    where = f"{method} {path} answered {answer.status} {answer.body[:300]!r} to {json.dumps(body)[:300]}"
    assert answer.status < 500, where
    documented = operation["responses"].get(str(answer.status))
    assert documented is not None, f"{where}: the document lists only {sorted(operation['responses'])}"
    if answer.status == 303:
        location = urlsplit(answer.location)
        assert location.path.startswith("/"), where
        if location.path.removeprefix("/form-error/").strip("/") in PAGES_NAMING_A_FIELD:
            assert parse_qs(location.query).get("fields"), f"{where}: the error page names no field"
        return
    if answer.status == 422 and answer.headers.get("Content-Type", "").startswith("text/html"):
        # A form posted without script that needs fixing: the page lists each field's message and links back.
        assert "<li>" in answer.body and 'href="/' in answer.body, f"{where}: the page names no field"
        return
    schema = documented.get("content", {}).get("application/json", {}).get("schema")
    if answer.status == 204 or schema is None:
        assert answer.body == "", where
        return
    jsonschema.validate(answer.json(), with_components(schema), cls=jsonschema.Draft202012Validator)
    if answer.status in NAMES_A_FIELD:
        assert answer.json()["error"]["fields"], f"{where}: the refusal names no field"


def send(api: Api, data: st.DataObject, method: str, path: str, operation: dict[str, Any], cookie: str) -> str:
    """Send one generated request and check its answer; "done", "refused by field" or "other"."""
    schema = body_schema(operation)
    body = data.draw(bodies(schema, sent_by_the_site(path)), label="body") if schema else None
    form = FORM_AT_PATH.get(path)
    # A request the route accepts needs a valid body, the token and (for most routes) a session all at once:
    # each is drawn three times in four, so that about one example in five is one. Hypothesis mixes constants
    # of the loaded modules into what it draws, so the examples change with the test modules collected beside
    # this one; with even odds, one route in twelve drew no accepted request in 50 examples.
    if isinstance(body, dict) and form is not None and form.screened and data.draw(st.integers(0, 3), label="token"):
        body = {**body, "form_token": api.form_token(form.name), "fax_number": ""}
    signed_in = data.draw(st.integers(0, 3), label="signed in") > 0
    ip = f"198.18.{data.draw(st.integers(0, 255), label='ip')}.{data.draw(st.integers(1, 254))}"
    query = data.draw(queries(operation), label="query")
    cookie_sent = cookie if signed_in else None
    if schema is not None and data.draw(st.integers(0, 9), label="no body") == 0:
        body = None  # a POST without a body (or its Content-Type)
        answer = api.request(method, path, query=query, cookie=cookie_sent, ip=ip)
    elif schema is not None and isinstance(body, dict) and data.draw(st.integers(0, 3), label="as a form") == 0:
        # As the form is posted without script: its fields by their dotted names, answered with a 303
        answer = api.request(method, path, raw=urlencode(form_pairs(body)), content_type=FORM_TYPE,
                             headers={"Accept": "text/html"}, query=query, cookie=cookie_sent, ip=ip)
    elif schema is not None:
        answer = api.request(method, path, raw=json.dumps(body), content_type="application/json",
                             headers={"Accept": "application/json"}, query=query, cookie=cookie_sent, ip=ip)
    else:
        answer = api.request(method, path, query=query, cookie=cookie_sent, ip=ip)
    check_answer(method, path, operation, answer, body)
    # A form sent with lang=hi lands on the Hindi result page (issue 16).
    if answer.status in {200, 202, 204} or (form is not None and neutral_url(answer.location) == form.done_page):
        return "done"
    return "refused by field" if answer.status in NAMES_A_FIELD else "other"


def test_the_document_has_every_route_with_its_answers() -> None:
    assert len(OPERATIONS) >= 14
    for method, path, operation in OPERATIONS:
        statuses = set(operation["responses"])
        assert statuses & {"200", "202", "204", "303"}, f"{method} {path} has no success answer"
        assert "403" in statuses, f"{method} {path}: every route refuses a request not through CloudFront"
        if "requestBody" in operation:
            assert {"400", "413", "415", "422"} <= statuses, f"{method} {path}: a body can be refused"
            assert properties_of(operation["requestBody"]["content"]["application/json"]["schema"]), (
                f"{method} {path}: the body has no documented fields")


@pytest.mark.parametrize(("method", "path", "operation"), OPERATIONS,
                         ids=[f"{method} {path}" for method, path, _ in OPERATIONS])
def test_every_answer_to_generated_requests_is_documented(api: Api, method: str, path: str,
                                                          operation: dict[str, Any]) -> None:
    consented = api.request("POST", "/api/consent", json_body={"choice": "accept", "adult": True}).cookie("cm_consent")
    assert consented
    cookie = f"{sign_in(api)}; {consented.split(';', 1)[0]}"  # signed in, and analytics accepted
    seen: set[str] = set()

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(data=st.data())
    def property_holds(data: st.DataObject) -> None:
        seen.add(send(api, data, method, path, operation, cookie))

    property_holds()
    # The generated requests reach past the refusals to the route's work, and (with a body) get refused too.
    if "requestBody" in operation and path in ENDS_THE_ACCOUNT:
        assert "done" in seen, f"{method} {path} was only {sorted(seen)}"
    elif "requestBody" in operation and path in ACCEPTED_ONLY_WITH_STATE:
        assert "refused by field" in seen, f"{method} {path} was only {sorted(seen)}"
    elif "requestBody" in operation:
        assert {"done", "refused by field"} <= seen, f"{method} {path} was only {sorted(seen)}"

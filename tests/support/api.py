"""The backend tests' helpers: the personal data they send, a clock, an API Gateway client for the real handler,
moto's sent mail, and the forms' bodies. Fixtures that use them live in tests/backend/conftest.py."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from tests.backend.template import ROOT, function_environment, resources, template

if TYPE_CHECKING:
    from careermitra.wiring import DynamoStores

REGION = "ap-south-1"
SITE = "https://careermitra.in"
SENDER = "no-reply@careermitra.in"
OFFICER = "grievance.officer@careermitra.in"
SECRET_ID = "careermitra-test-session-secret"
ORIGIN_SECRET_ID = "careermitra-test-origin-secret"
ORIGIN_SECRET = "o" * 20 + "test-origin-secret-0123456789abcdef"  # what CloudFront sends in X-Origin-Verify
INSTITUTIONS = ("deccan-institute-of-technology", "alpha-college", "beta-university")

# The personal data the tests send; none of it may appear in a log line or a metric.
EMAIL = "priya.sharma@example.in"
PHONE_AS_TYPED = "98765 43210"
PHONE_E164 = "+919876543210"
IP = "203.0.113.9"
OTHER_IP = "198.51.100.23"
PERSONAL_DATA = (EMAIL, "priya.sharma", PHONE_E164, "9876543210", "98765 43210", IP, OTHER_IP,
                 "rahul.verma@example.in", "9123456780")


def table_names() -> dict[str, str]:
    """Env var -> table name, from the functions' environment in the template (USERS_TABLE: !Ref UsersTable)."""
    names = {}
    for variable, value in function_environment().items():
        if isinstance(value, dict) and value.get("Ref") in resources("AWS::DynamoDB::Table"):
            names[variable] = f"test-{value['Ref']}"
    return names


def moto_stores() -> DynamoStores:
    """The composition root's stores over the tables the `aws` fixture creates (test-<logical id>)."""
    from careermitra.wiring import DynamoStores, TableNames

    return DynamoStores(TableNames.from_resources(
        {logical_id: f"test-{logical_id}" for logical_id in resources("AWS::DynamoDB::Table")}))


@dataclass
class Clock:
    now: dt.datetime = field(default_factory=lambda: dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC))

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class LambdaContext:
    function_name: str = "careermitra-api-test"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = f"arn:aws:lambda:{REGION}:123456789012:function:careermitra-api-test"
    aws_request_id: str = "7d1a2b3c-0000-4000-8000-000000000000"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    cookies: list[str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    def cookie(self, name: str) -> str | None:
        for cookie in self.cookies:
            if cookie.startswith(f"{name}="):
                return cookie
        return None


SAMPLE_EVENT = json.loads((ROOT / "events" / "register-json.json").read_text(encoding="utf-8"))


class Api:
    """Sends API Gateway events (shaped like events/*.json) through the real Lambda handler, as CloudFront does:
    with the visitor's address and the origin secret (a header given as None is left out)."""

    def __init__(self, handler: Any, clock: Clock) -> None:
        self._handler = handler
        self.clock = clock

    def request(self, method: str, path: str, *, json_body: Any = None, form: dict[str, Any] | None = None,
                raw: str | bytes | None = None, content_type: str | None = None,
                headers: dict[str, str | None] | None = None,
                query: dict[str, str] | None = None, cookie: str | None = None, ip: str = IP,
                base64_body: bool = False) -> Answer:
        event = copy.deepcopy(SAMPLE_EVENT)
        sent: dict[str, str | None] = {"CloudFront-Viewer-Address": f"{ip}:51234", "X-Origin-Verify": ORIGIN_SECRET}
        body: str | bytes | None = None
        if json_body is not None:
            body, sent["Content-Type"], sent["Accept"] = json.dumps(json_body), "application/json", "application/json"
        elif form is not None:
            body, sent["Content-Type"] = urlencode(form, doseq=True), "application/x-www-form-urlencoded"
            sent["Accept"] = "text/html"
        elif raw is not None:
            body = raw
        if content_type:
            sent["Content-Type"] = content_type
        if method == "POST":
            sent["Origin"] = SITE
        if cookie:
            sent["Cookie"] = cookie
        sent.update(headers or {})
        sent = {name: value for name, value in sent.items() if value is not None}
        if base64_body and body is not None:  # bytes: a body that need not be UTF-8
            body = base64.b64encode(body if isinstance(body, bytes) else body.encode()).decode()
        elif isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        event.update(resource=path, path=path, httpMethod=method, headers=sent,
                     multiValueHeaders={name: [value] for name, value in sent.items()},
                     queryStringParameters=query, multiValueQueryStringParameters=(
                         {name: [value] for name, value in query.items()} if query else None),
                     body=body, isBase64Encoded=base64_body)
        event["requestContext"].update(resourcePath=path, httpMethod=method, path=f"/live{path}")
        result = self._handler(event, LambdaContext())
        multi = result.get("multiValueHeaders") or {}
        merged = {**{k: v[-1] for k, v in multi.items() if v}, **(result.get("headers") or {})}
        return Answer(result["statusCode"], merged, list(multi.get("Set-Cookie", [])), result.get("body") or "")

    def form_token(self, form: str) -> str:
        """What the page's script does: fetch a token when the form is shown (the person then takes a while)."""
        token = self.request("GET", "/api/form-token", query={"form": form}).json()["token"]
        self.clock.advance(seconds=8)
        return token

    def submit(self, form: str, path: str, fields: dict[str, Any], *, as_form: bool = False,
               cookie: str | None = None, ip: str = IP, headers: dict[str, str | None] | None = None) -> Answer:
        """Send a form as a person would: with a fill-time token and an empty honeypot."""
        fields = {**fields, "form_token": self.form_token(form), "fax_number": ""}
        if as_form:
            return self.request("POST", path, form=fields, cookie=cookie, ip=ip, headers=headers)
        return self.request("POST", path, json_body=fields, cookie=cookie, ip=ip, headers=headers)


def sent_mail() -> list[dict[str, Any]]:
    """Every message moto's SES accepted: to, subject, text."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends

    messages = []
    for message in ses_backends[DEFAULT_ACCOUNT_ID][REGION].sent_messages:
        messages.append({"to": message.destinations["ToAddresses"], "subject": message.subject,
                         "text": message.body})
    return messages


def link_in(text: str) -> str:
    match = re.search(r"https://\S+/api/verify\?token=(\S+)", text)
    assert match, f"no link in: {text}"
    return match.group(0)


def registration(**overrides: Any) -> dict[str, Any]:
    return {"name": "Priya Sharma", "email": EMAIL, "phone": PHONE_AS_TYPED, "city": "Pune", "consent": True,
            "adult": True, "policy_version": template()["Parameters"]["PolicyVersion"]["Default"], **overrides}


def review(**overrides: Any) -> dict[str, Any]:
    return {"institution": INSTITUTIONS[0], "rating": 4,
            "aspects": {"faculty": 4, "infrastructure": 3, "placements": 4, "campus_life": 5, "value_for_money": 3},
            "title": "Strong teaching, crowded labs",
            "body": "The computer engineering faculty know their subject and explain it patiently, "
                    "but the labs are crowded in the evenings.",
            "course": "B.Tech Computer Engineering", "graduation_year": 2024, "connection": "none", **overrides}


def listing(**overrides: Any) -> dict[str, Any]:
    return {"name": "Kaveri College of Arts", "type": "college", "city": "Mysuru", "state": "Karnataka",
            "established": 1994, "website": "https://kaveri.example.ac.in/",
            "approvals": {"bodies": ["UGC"], "affiliated_to": "University of Mysore", "naac_grade": "A"},
            "courses": [{"name": "B.A.", "specialisation": "History", "level": "undergraduate",
                         "duration": "3 years", "fees_inr": 24000, "seats": 120}],
            "facilities": ["Library", "Canteen"],
            "contact": {"address": "12 College Road, Mysuru", "pincode": "570001"},
            "description": "A small arts college by the river, known for its history department.", **overrides}


def contact_message(**overrides: Any) -> dict[str, Any]:
    return {"name": "Priya Sharma", "email": EMAIL, "subject": "Wrong fees listed",
            "message": "The B.Tech fees on the Deccan page are last year's.", **overrides}


def sign_in(api: Api, email: str = EMAIL, ip: str = IP) -> str:
    """Register (or ask to sign in) and follow the emailed link; the Cookie header of the signed-in person."""
    before = len(sent_mail())
    answer = api.submit("register", "/api/register", registration(email=email), ip=ip)
    assert answer.status == 202
    mails = sent_mail()[before:]
    assert mails, "no mail was sent"
    token = link_in(mails[-1]["text"]).split("token=", 1)[1]
    verified = api.request("GET", "/api/verify", query={"token": token}, ip=ip)
    assert verified.location == "/account/verified/"
    set_cookie = verified.cookie("cm_session")
    assert set_cookie
    api.clock.advance(minutes=2)
    return set_cookie.split(";", 1)[0]

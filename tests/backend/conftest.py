"""Backend fixtures: moto AWS built from template.yaml, the Lambda handler, a test client and a privacy watch."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import importlib.util
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from moto import mock_aws

from tests.backend.template import ROOT, function_environment, resources, table_kwargs, template

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


def _table_names() -> dict[str, str]:
    """Env var -> table name, from the functions' environment in the template (USERS_TABLE: !Ref UsersTable)."""
    names = {}
    for variable, value in function_environment().items():
        if isinstance(value, dict) and value.get("Ref") in resources("AWS::DynamoDB::Table"):
            names[variable] = f"test-{value['Ref']}"
    return names


@pytest.fixture(scope="session")
def content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Institution files as the layer packages them; the API reads only their names, so they stay empty."""
    folder = tmp_path_factory.mktemp("content") / "institutions"
    (folder / "south").mkdir(parents=True)
    for slug in INSTITUTIONS[:2]:
        (folder / f"{slug}.md").write_text("", encoding="utf-8")
    (folder / "south" / f"{INSTITUTIONS[2]}.md").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def settings_env(content_dir: Path) -> dict[str, str]:
    env = {
        **_table_names(), "SITE_ORIGIN": SITE, "SENDER_EMAIL": SENDER, "GRIEVANCE_EMAIL": OFFICER,
        "SESSION_SECRET_ID": SECRET_ID, "ORIGIN_SECRET_ID": ORIGIN_SECRET_ID, "CONTENT_DIR": str(content_dir),
        "POLICY_VERSION": template()["Parameters"]["PolicyVersion"]["Default"],
        "AWS_DEFAULT_REGION": REGION, "AWS_REGION": REGION, "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing", "POWERTOOLS_TRACE_DISABLED": "1", "POWERTOOLS_LOG_LEVEL": "DEBUG",
        "POWERTOOLS_SERVICE_NAME": "careermitra-api", "POWERTOOLS_METRICS_NAMESPACE": "CareerMitra",
    }
    return env


@pytest.fixture
def aws(settings_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh moto account with the template's tables, the signing and origin secrets and a verified SES sender."""
    for name, value in settings_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        _clear_caches()
        client = boto3.client("dynamodb", region_name=REGION)
        for logical_id, body in resources("AWS::DynamoDB::Table").items():
            name = f"test-{logical_id}"
            client.create_table(**table_kwargs(body["Properties"], name))
            ttl = body["Properties"].get("TimeToLiveSpecification")
            if ttl:
                client.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        secrets = boto3.client("secretsmanager", region_name=REGION)
        secrets.create_secret(Name=SECRET_ID, SecretString="s" * 20 + "test-signing-key-0123456789abcdef")
        secrets.create_secret(Name=ORIGIN_SECRET_ID, SecretString=ORIGIN_SECRET)
        boto3.client("ses", region_name=REGION).verify_email_identity(EmailAddress=SENDER)
        yield
        _clear_caches()


def _clear_caches() -> None:
    from careermitra.api import services
    from careermitra.store import dynamodb

    services.services.cache_clear()
    services.origin_secret.cache_clear()
    dynamodb.dynamodb_resource.cache_clear()


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
                raw: str | None = None, content_type: str | None = None, headers: dict[str, str | None] | None = None,
                query: dict[str, str] | None = None, cookie: str | None = None, ip: str = IP,
                base64_body: bool = False) -> Answer:
        event = copy.deepcopy(SAMPLE_EVENT)
        sent: dict[str, str] = {"CloudFront-Viewer-Address": f"{ip}:51234", "X-Origin-Verify": ORIGIN_SECRET}
        body: str | None = None
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
        if base64_body and body is not None:
            body = base64.b64encode(body.encode()).decode()
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


@pytest.fixture(scope="session")
def handler(settings_env: dict[str, str]) -> Any:
    """functions/api/app.py, loaded the way Lambda loads it (with the settings in the environment)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings_env.items():
            patch.setenv(name, value)
        spec = importlib.util.spec_from_file_location("lambda_api_entry", ROOT / "functions" / "api" / "app.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module.lambda_handler


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def api(aws: None, handler: Any, clock: Clock) -> Api:
    from careermitra.api.services import services

    services().clock = lambda: clock.now
    return Api(handler, clock)


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


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.getMessage()} {record.__dict__!r}")


@pytest.fixture
def no_personal_data_in_logs(capfd: pytest.CaptureFixture[str]) -> Iterator[None]:
    """Capture every log line and metric an endpoint test produces and check that none holds personal data."""
    collect = _Collect()
    watched = [logging.getLogger(), logging.getLogger("careermitra-api"), logging.getLogger("careermitra")]
    for name in [*logging.root.manager.loggerDict, "careermitra-api"]:
        if name.startswith("careermitra"):
            # Pelican (imported by the site tests) makes every new logger drop repeated lines; see them all here.
            logging.getLogger(name).filters.clear()
    levels = [logger.level for logger in watched]
    for logger in watched:
        logger.addHandler(collect)
    logging.getLogger().setLevel(logging.INFO)
    yield
    for logger, level in zip(watched, levels, strict=True):
        logger.removeHandler(collect)
        logger.setLevel(level)
    out, err = capfd.readouterr()
    captured = "\n".join([*collect.lines, out, err])
    assert captured.strip(), "the privacy check saw no log output at all; is it capturing?"
    for value in PERSONAL_DATA:
        assert value.lower() not in captured.lower(), f"personal data {value!r} in the logs or metrics"


def registration(**overrides: Any) -> dict[str, Any]:
    return {"name": "Priya Sharma", "email": EMAIL, "phone": PHONE_AS_TYPED, "city": "Pune", "consent": True,
            "policy_version": template()["Parameters"]["PolicyVersion"]["Default"], **overrides}


def review(**overrides: Any) -> dict[str, Any]:
    return {"institution": INSTITUTIONS[0], "rating": 4,
            "aspects": {"faculty": 4, "infrastructure": 3, "placements": 4, "campus_life": 5, "value_for_money": 3},
            "title": "Strong teaching, crowded labs",
            "body": "The computer engineering faculty know their subject and explain it patiently, "
                    "but the labs are crowded in the evenings.",
            "course": "B.Tech Computer Engineering", "graduation_year": 2024, **overrides}


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

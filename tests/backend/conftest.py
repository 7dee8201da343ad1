"""Backend fixtures: moto AWS built from template.yaml, the Lambda handler, a test client and a privacy watch."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from careermitra.workflows.moderation import Moderation
from tests.backend.template import ROOT, resources, table_kwargs, template
from tests.support.api import (
    INSTITUTIONS,
    OFFICER,
    ORIGIN_SECRET,
    ORIGIN_SECRET_ID,
    PERSONAL_DATA,
    REGION,
    SECRET_ID,
    SENDER,
    SITE,
    Api,
    Clock,
    table_names,
)
from tests.support.cli import moderation_for


@pytest.fixture(scope="session")
def content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Institution files as the layer packages them; the API reads their names, and for the trust routes (issue
    14) the name and mail domains in the front matter, so only those are written."""
    folder = tmp_path_factory.mktemp("content") / "institutions"
    (folder / "south").mkdir(parents=True)
    for path in [*(folder / f"{slug}.md" for slug in INSTITUTIONS[:2]), folder / "south" / f"{INSTITUTIONS[2]}.md"]:
        path.write_text(f"---\nname: {path.stem.replace('-', ' ').title()}\n"
                        f"email_domains: [students.{path.stem}.example]\n---\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def settings_env(content_dir: Path) -> dict[str, str]:
    env = {
        **table_names(), "SITE_ORIGIN": SITE, "SENDER_EMAIL": SENDER, "GRIEVANCE_EMAIL": OFFICER,
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


@pytest.fixture
def moderation(api: Api, tmp_path: Path) -> Moderation:
    """The moderation workflow the `careermitra` command runs, over the API's tables, mailing into an outbox."""
    return moderation_for(api, tmp_path / "outbox")


@pytest.fixture(scope="module")
def openapi(settings_env: dict[str, str]) -> dict[str, Any]:
    """The API's OpenAPI document as the routes generate it, with the test settings in the environment."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings_env.items():
            patch.setenv(name, value)
        from careermitra.api.app import openapi_schema

        return openapi_schema()

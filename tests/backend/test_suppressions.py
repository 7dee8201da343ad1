"""SES bounces and complaints put an address on the suppression list, and the mailers then send it nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from careermitra.local.functions import load_function
from careermitra.local.gateway import LambdaContext
from careermitra.store.suppressions import DynamoSuppressionList, addresses_to_suppress, suppression_digest
from tests.support.api import EMAIL, REGION, SECRET_ID, Api, registration, sent_mail

EVENTS = Path(__file__).resolve().parents[2] / "events"


def sns_event(name: str, address: str | None = None) -> dict[str, Any]:
    """A sample SNS event from events/, its recipient replaced by `address` when given."""
    event = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    if address:
        for record in event["Records"]:
            message = json.loads(record["Sns"]["Message"])
            for part in ("bounce", "complaint"):
                for recipient in message.get(part, {}).get(f"{'bounced' if part == 'bounce' else 'complained'}"
                                                           "Recipients", []):
                    recipient["emailAddress"] = address
            record["Sns"]["Message"] = json.dumps(message)
    return copy.deepcopy(event)


def users_items() -> list[dict[str, Any]]:
    return boto3.resource("dynamodb", region_name=REGION).Table("test-UsersTable").scan()["Items"]


def key() -> bytes:
    return boto3.client("secretsmanager", region_name=REGION).get_secret_value(SecretId=SECRET_ID)[
        "SecretString"].encode()


def test_only_permanent_bounces_and_complaints_suppress() -> None:
    def first(name: str) -> dict[str, Any]:
        return json.loads(sns_event(name)["Records"][0]["Sns"]["Message"])

    assert addresses_to_suppress(first("ses-bounce-sns.json")) == [("gone@example.com", "bounce")]
    assert addresses_to_suppress(first("ses-complaint-sns.json")) == [("annoyed@example.com", "complaint")]
    assert addresses_to_suppress(first("ses-transient-bounce-sns.json")) == []
    assert addresses_to_suppress({"eventType": "Delivery"}) == []


def test_the_digest_is_keyed_and_ignores_case() -> None:
    assert suppression_digest(b"k" * 32, " Gone@Example.com") == suppression_digest(b"k" * 32, "gone@example.com")
    assert suppression_digest(b"k" * 32, "gone@example.com") != suppression_digest(b"j" * 32, "gone@example.com")


@pytest.mark.usefixtures("aws")
def test_the_ses_events_function_records_a_digest_never_the_address(capsys: pytest.CaptureFixture[str]) -> None:
    handler = load_function("ses_events").lambda_handler

    answers = [handler(sns_event(name), LambdaContext()) for name in
               ("ses-bounce-sns.json", "ses-complaint-sns.json", "ses-transient-bounce-sns.json")]

    assert [answer["suppressed"] for answer in answers] == [1, 1, 0]
    suppressions = DynamoSuppressionList("test-UsersTable", key())
    assert suppressions.is_suppressed("gone@example.com") and suppressions.is_suppressed("annoyed@example.com")
    assert not suppressions.is_suppressed("full@example.com")
    stored = json.dumps(users_items(), default=str)
    printed = capsys.readouterr().out
    for address in ("gone@example.com", "annoyed@example.com", "full@example.com"):
        assert address not in stored and address not in printed


def test_a_suppressed_address_gets_no_mail_and_the_answer_does_not_change(api: Api,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Given an address SES reported as bounced for good
    load_function("ses_events").lambda_handler(sns_event("ses-bounce-sns.json", EMAIL), LambdaContext())
    capsys.readouterr()
    # When someone registers with it, and with another address
    answer = api.submit("register", "/api/register", registration())
    other = api.submit("register", "/api/register", registration(email="rahul.verma@example.in"))
    # Then both get the same answer, the suppressed address no mail, and a metric counts it without the address
    assert (answer.status, answer.body) == (other.status, other.body)
    assert [mail["to"] for mail in sent_mail()] == [["rahul.verma@example.in"]]
    printed = capsys.readouterr().out
    assert "MailSuppressed" in printed
    assert EMAIL not in printed

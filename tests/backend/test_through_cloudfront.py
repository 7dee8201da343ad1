"""Only requests that came through CloudFront reach a route: the execute-api URL alone is refused (403)."""

from __future__ import annotations

import logging

import boto3
import pytest

from tests.support.api import EMAIL, ORIGIN_SECRET, OTHER_IP, REGION, Api, registration, sent_mail

WRONG_VALUES = {"missing": None, "wrong": "not-the-origin-secret-0123456789abcdefghij",
                "one character short": ORIGIN_SECRET[:-1], "not ascii": "ß" * 40}


def users() -> list[dict]:
    return boto3.resource("dynamodb", region_name=REGION).Table("test-UsersTable").scan()["Items"]


@pytest.mark.usefixtures("no_personal_data_in_logs")  # which also lets repeated log lines through
@pytest.mark.parametrize("case", WRONG_VALUES)
def test_a_request_without_cloudfronts_origin_secret_is_refused_and_changes_nothing(
        api: Api, case: str, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    token = api.form_token("register")
    fields = {**registration(), "form_token": token, "fax_number": ""}
    caplog.set_level(logging.INFO)

    # Sent to the execute-api URL: the viewer address is whatever the sender chooses.
    answer = api.request("POST", "/api/register", json_body=fields, ip=OTHER_IP,
                         headers={"X-Origin-Verify": WRONG_VALUES[case]})

    assert answer.status == 403
    assert answer.json()["error"] == {"code": "forbidden", "fields": {},
                                      "message": "Requests must come through the Career Mitra site."}
    assert users() == [] and sent_mail() == []
    [refusal] = [record for record in caplog.records if record.getMessage() == "request not through CloudFront"]
    assert refusal.__dict__["origin_header"] == ("missing" if case == "missing" else "wrong")
    metrics = capfd.readouterr().out
    assert '"NotThroughCloudFront":[1.0]' in metrics
    logged = "\n".join([metrics, *(repr(record.__dict__) for record in caplog.records)])
    for secret in (ORIGIN_SECRET, ORIGIN_SECRET[:-1], "not-the-origin-secret", "ß" * 40, EMAIL, OTHER_IP):
        assert secret not in logged


def test_reading_a_page_of_the_api_needs_the_origin_secret_too(api: Api) -> None:
    answer = api.request("GET", "/api/session", headers={"X-Origin-Verify": None})

    assert (answer.status, answer.json()["error"]["code"]) == (403, "forbidden")


def test_a_request_with_the_origin_secret_works_as_before(api: Api) -> None:
    answer = api.submit("register", "/api/register", registration())

    assert (answer.status, answer.json()) == (202, {"status": "verification_sent"})
    # The registration was taken: it waits, with its link, for the address to be confirmed
    assert [item["registration"]["email"] for item in users() if "registration" in item] == [EMAIL]
    assert len(sent_mail()) == 1


def test_the_local_gateway_replaces_a_forged_viewer_address_and_origin_header_as_cloudfront_does() -> None:
    from careermitra.local.gateway import as_cloudfront_forwards

    sent = [("Accept", "application/json"), ("cloudfront-viewer-address", f"{OTHER_IP}:1"),
            ("x-origin-verify", "guessed")]

    forwarded = as_cloudfront_forwards(sent, ("127.0.0.1", 50123), ORIGIN_SECRET)

    assert forwarded == {"Accept": "application/json", "CloudFront-Viewer-Address": "127.0.0.1:50123",
                         "X-Origin-Verify": ORIGIN_SECRET}
    assert as_cloudfront_forwards([], ("::1", 8), ORIGIN_SECRET)["CloudFront-Viewer-Address"] == "[::1]:8"

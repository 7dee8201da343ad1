"""Every AWS call gives up well before anyone in front of the API does: the clients' retry budget fits inside the
API functions' timeout, which fits inside API Gateway's (and the local gateway's) limit, so a person always gets
the API's own answer. Arithmetic on the settings, not a timed test."""

from __future__ import annotations

import inspect

from careermitra.local.gateway import ApiRunner
from careermitra.store.dynamodb import CONNECT_TIMEOUT, MAX_ATTEMPTS, READ_TIMEOUT, aws_config, worst_call_seconds
from tests.backend.template import template

API_GATEWAY_INTEGRATION_LIMIT = 29  # seconds: API Gateway's maximum integration timeout for a REST API
CALLS_THAT_MAY_FAIL_IN_ONE_REQUEST = 2  # the contact form's two mails, each caught after the ticket is stored


def test_the_clients_use_the_budget_the_arithmetic_is_about() -> None:
    config = aws_config()
    assert (config.connect_timeout, config.read_timeout) == (CONNECT_TIMEOUT, READ_TIMEOUT)
    assert config.retries == {"mode": "standard", "max_attempts": MAX_ATTEMPTS}


def test_two_calls_giving_up_still_answer_inside_the_function_and_gateway_timeouts() -> None:
    api_timeout = template()["Globals"]["Function"]["Timeout"]
    local_timeout = inspect.signature(ApiRunner).parameters["timeout"].default
    worst = CALLS_THAT_MAY_FAIL_IN_ONE_REQUEST * worst_call_seconds()
    assert worst < api_timeout <= API_GATEWAY_INTEGRATION_LIMIT
    assert local_timeout == api_timeout  # the local gateway answers 504 when Lambda would time out, not before


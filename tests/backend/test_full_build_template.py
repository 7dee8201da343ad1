"""template.yaml runs the full build as issue 17 asks: a Step Functions Distributed Map over shards, with its
limits set (concurrency, retries of transient errors only, no tolerated failure) and functions that start."""

from __future__ import annotations

from typing import Any

from careermitra.full_build.settings import FullBuildSettings, load_full_build_settings
from tests.backend.template import ROOT, template
from tests.support.requirements import pins

STEPS = {"plan": "FullBuildPlanFunction", "shard": "FullBuildShardFunction", "finish": "FullBuildFinishFunction"}
TRANSIENT = {"Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
             "Lambda.TooManyRequestsException"}
LAMBDA_TIMEOUT_LIMIT = 900  # seconds, Lambda's most
LAMBDA_MEMORY_LIMIT = 10_240  # MB


def _resource(name: str) -> dict[str, Any]:
    resource: dict[str, Any] = template()["Resources"][name]
    return resource


def _definition() -> dict[str, Any]:
    definition: dict[str, Any] = _resource("FullBuildStateMachine")["Properties"]["Definition"]
    return definition


def _tasks() -> dict[str, dict[str, Any]]:
    states = _definition()["States"]
    inner = states["Shards"]["ItemProcessor"]["States"]
    return {"Plan": states["Plan"], "RenderShard": inner["RenderShard"], "Finish": states["Finish"]}


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def test_plan_then_a_distributed_map_over_the_manifest_then_finish() -> None:
    states = _definition()["States"]
    assert _definition()["StartAt"] == "Plan"
    assert (states["Plan"]["Next"], states["Shards"]["Next"], states["Finish"]["End"]) == ("Shards", "Finish", True)
    shards = states["Shards"]
    assert shards["ItemProcessor"]["ProcessorConfig"]["Mode"] == "DISTRIBUTED"
    assert shards["ItemReader"]["Resource"] == "arn:aws:states:::s3:getObject"
    assert shards["ItemReader"]["ReaderConfig"] == {"InputType": "JSON"}
    assert shards["ItemReader"]["Parameters"] == {"Bucket.$": "$.manifest.Bucket", "Key.$": "$.manifest.Key"}
    assert shards["ItemSelector"] == {"build.$": "$.build", "shard.$": "$$.Map.Item.Value"}
    writer = shards["ResultWriter"]
    assert writer["Resource"] == "arn:aws:states:::s3:putObject"
    assert writer["Parameters"]["Bucket"] == "${StateBucket}"
    assert writer["Parameters"]["Prefix"].startswith("full-builds/")
    substitutions = _resource("FullBuildStateMachine")["Properties"]["DefinitionSubstitutions"]
    assert substitutions["StateBucket"] == {"Ref": "BuildStateBucket"}
    assert {substitutions[key]["Fn::GetAtt"][0] for key in ("PlanFunction", "ShardFunction", "FinishFunction")} \
        == set(STEPS.values())


def test_the_map_bounds_its_concurrency_and_one_failed_shard_fails_the_run() -> None:
    shards = _definition()["States"]["Shards"]
    assert shards["MaxConcurrency"] == 10  # README: S3's PUT rate on one prefix, not Lambda, sets it
    assert shards["ToleratedFailurePercentage"] == 0
    assert "ToleratedFailureCount" not in shards


def test_every_step_retries_lambdas_transient_errors_with_backoff_and_never_a_content_error() -> None:
    for name, task in _tasks().items():
        assert task["Resource"] == "arn:aws:states:::lambda:invoke", name
        [retry] = task["Retry"]
        assert set(retry["ErrorEquals"]) == TRANSIENT, name  # not States.ALL: a ContentError fails at once
        assert retry["BackoffRate"] >= 2 and retry["IntervalSeconds"] >= 1 and retry["MaxAttempts"] <= 6, name
        assert retry["JitterStrategy"] == "FULL", name
        assert "Catch" not in task, name


def test_the_functions_fit_lambdas_limits_and_read_the_settings_their_model_declares() -> None:
    shard = _resource("FullBuildShardFunction")["Properties"]
    finish = _resource("FullBuildFinishFunction")["Properties"]
    assert shard["Timeout"] <= LAMBDA_TIMEOUT_LIMIT and finish["Timeout"] <= LAMBDA_TIMEOUT_LIMIT
    assert shard["MemorySize"] >= 1769  # a full vCPU: rendering is CPU-bound
    assert finish["MemorySize"] <= LAMBDA_MEMORY_LIMIT and finish["EphemeralStorage"]["Size"] <= LAMBDA_MEMORY_LIMIT
    fields = {name.upper() for name in FullBuildSettings.model_fields}
    environments = [_resource(name)["Properties"]["Environment"]["Variables"] for name in STEPS.values()]
    assert all(environment == environments[0] for environment in environments)
    assert set(environments[0]) - {"CAREERMITRA_SITE_ORIGIN", "POWERTOOLS_SERVICE_NAME"} <= fields
    plain = {name: value if isinstance(value, str) else f"test-{name.lower()}"
             for name, value in environments[0].items()}
    settings = load_full_build_settings({**plain, "SITE_ROOT": str(ROOT)})
    assert settings.shard_size == 2000
    assert settings.content_prefix == "content/"  # the content comes from the build-state bucket


def test_each_step_reads_the_content_prefix_of_the_build_state_and_writes_none_of_it() -> None:
    for name in STEPS.values():
        statements = [statement for policy in _resource(name)["Properties"]["Policies"]
                      for statement in policy.get("Statement", [])]
        [read] = [s for s in statements if s.get("Sid") == "ReadTheContent"]
        assert (read["Effect"], read["Action"]) == ("Allow", "s3:GetObject"), name
        assert read["Resource"] == {"Fn::Sub": "${BuildStateBucket.Arn}/content/*"}, name
        assert not [s for s in statements if "content/" in str(s["Resource"]) and s is not read], name
        assert {"KMSDecryptPolicy": {"KeyId": {"Ref": "DataKey"}}} in _resource(name)["Properties"]["Policies"], name


def test_each_step_has_its_handler_and_no_step_may_delete_a_page() -> None:
    for step, name in STEPS.items():
        assert (ROOT / f"functions/full_build_{step}/app.py").is_file()
        assert _resource(name)["Metadata"] == {"BuildMethod": "makefile"}
        actions = [action for policy in _resource(name)["Properties"]["Policies"]
                   for statement in policy.get("Statement", [])
                   for action in _as_list(statement["Action"])]
        assert "s3:DeleteObject" not in actions, name
    assert "build-FullBuildShardFunction" in (ROOT / "Makefile").read_text(encoding="utf-8")



def test_the_full_build_package_pins_what_the_project_runs_and_pagefind_for_the_search_index() -> None:
    full_build, project = pins("requirements-full-build.txt"), pins("requirements.txt")
    assert {name: project.get(name) for name in full_build} == full_build
    assert "pagefind" in full_build and "pagefind-bin" in full_build

"""template.yaml wires the rebuild as issue 5 asks, and `make build-RebuildFunction` packages a function that starts."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from packaging.tags import sys_tags
from packaging.utils import canonicalize_name

from careermitra.rebuild.settings import RebuildSettings, load_rebuild_settings
from tests.backend.template import ROOT, resources, template
from tests.support.requirements import pins

STREAM_RETENTION_SECONDS = 24 * 3600  # DynamoDB keeps stream records for a day
DUMMY_PARAMETERS = {"SiteDomainName": "careermitra.example"}


def _rebuild() -> dict[str, Any]:
    return template()["Resources"]["RebuildFunction"]


def _stream_event() -> dict[str, Any]:
    [event] = _rebuild()["Properties"]["Events"].values()
    return event


def _policy(name: str) -> dict[str, Any]:
    [parameters] = [policy[name] for policy in _rebuild()["Properties"]["Policies"] if name in policy]
    return parameters


def _inline_statements() -> list[dict[str, Any]]:
    return [statement for policy in _rebuild()["Properties"]["Policies"] for statement in policy.get("Statement", [])]


def _alarms_on(metric: str, dimension: dict[str, Any]) -> list[dict[str, Any]]:
    return [alarm["Properties"] for alarm in resources("AWS::CloudWatch::Alarm").values()
            if alarm["Properties"]["MetricName"] == metric and dimension in alarm["Properties"]["Dimensions"]]


def _resolved(value: Any) -> str:
    """A template value as a string a test can use: Refs become dummy names, ${Parameters} dummy values."""
    if isinstance(value, str):
        return value
    if "Ref" in value:
        return f"test-{value['Ref'].lower()}"
    return re.sub(r"\$\{([^}]+)\}", lambda match: DUMMY_PARAMETERS.get(match[1], f"test-{match[1].lower()}"),
                  value["Fn::Sub"])


def _environment() -> dict[str, str]:
    return {name: _resolved(value) for name, value in _rebuild()["Properties"]["Environment"]["Variables"].items()}



def test_the_reviews_stream_feeds_the_rebuild_in_batches_and_retries_only_the_failed_records() -> None:
    event = _stream_event()
    properties = event["Properties"]
    assert event["Type"] == "DynamoDB"
    assert properties["Stream"] == {"Fn::GetAtt": ["ReviewsTable", "StreamArn"]}
    assert properties["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert 1 <= properties["MaximumBatchingWindowInSeconds"] <= 2  # a burst makes one rebuild; one waits 2 s
    assert properties["BisectBatchOnFunctionError"] is True
    assert 0 < properties["MaximumRetryAttempts"] <= 10
    # A batch must give up (and reach the failure queue) while the stream still holds its records.
    assert properties["MaximumRecordAgeInSeconds"] < STREAM_RETENTION_SECONDS


def test_a_batch_that_keeps_failing_lands_in_an_encrypted_queue_that_raises_an_alarm() -> None:
    destination = _stream_event()["Properties"]["DestinationConfig"]["OnFailure"]["Destination"]
    queue_name = destination["Fn::GetAtt"][0]
    assert destination == {"Fn::GetAtt": [queue_name, "Arn"]}
    queue = resources("AWS::SQS::Queue")[queue_name]["Properties"]
    assert queue.get("KmsMasterKeyId") == {"Ref": "DataKey"} or queue.get("SqsManagedSseEnabled") is True
    assert queue["MessageRetentionPeriod"] == 14 * 24 * 3600
    assert _policy("SQSSendMessagePolicy") == {"QueueName": {"Fn::GetAtt": [queue_name, "QueueName"]}}
    [alarm] = _alarms_on("ApproximateNumberOfMessagesVisible",
                         {"Name": "QueueName", "Value": {"Fn::GetAtt": [queue_name, "QueueName"]}})
    assert (alarm["Threshold"], alarm["ComparisonOperator"]) == (0, "GreaterThanThreshold")
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_a_failing_or_lagging_rebuild_raises_an_alarm() -> None:
    function = {"Name": "FunctionName", "Value": {"Ref": "RebuildFunction"}}
    for metric in ("Errors", "IteratorAge"):
        [alarm] = _alarms_on(metric, function)
        assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}], metric
    [lag] = _alarms_on("IteratorAge", function)
    assert lag["Threshold"] <= 15 * 60 * 1000  # milliseconds


def test_a_refused_institution_is_counted_and_raises_an_alarm() -> None:
    from careermitra.rebuild.service import REFUSED

    [refusals] = [item for item in resources("AWS::Logs::MetricFilter").values()
                  if item["Properties"]["LogGroupName"] == {"Ref": "RebuildLogs"}]
    assert refusals["Properties"]["FilterPattern"] == f'"{REFUSED}"'
    [metric] = refusals["Properties"]["MetricTransformations"]
    [alarm] = [a["Properties"] for a in resources("AWS::CloudWatch::Alarm").values()
               if a["Properties"]["MetricName"] == metric["MetricName"]
               and a["Properties"]["Namespace"] == metric["MetricNamespace"]]
    assert alarm["Threshold"] == 1 and alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_rebuilds_never_run_at_the_same_time_since_each_rewrites_the_site_index() -> None:
    properties = _rebuild()["Properties"]
    assert properties["ReservedConcurrentExecutions"] == 1
    assert _stream_event()["Properties"]["ParallelizationFactor"] == 1


def test_the_environment_sets_every_rebuild_setting_for_the_bucket_and_nothing_the_api_uses() -> None:
    environment = _environment()
    fields = {field.alias for field in RebuildSettings.model_fields.values()}
    local_only = RebuildSettings.model_fields["site_folder"].alias  # the local stack's folder, instead of a bucket
    assert {name for name in environment if name in fields} == fields - {local_only}
    # What is not a setting is read by the Pelican settings or by Powertools.
    others = {name for name in environment if name not in fields}
    assert all(name in (ROOT / "publishconf.py").read_text(encoding="utf-8") or name.startswith("POWERTOOLS_")
               for name in others), others
    assert _rebuild()["IgnoreGlobals"] == ["Layers", "Environment"]  # not the API's layer and settings

    settings = load_rebuild_settings({**environment, "SITE_ROOT": str(ROOT)})  # /var/task exists only in Lambda
    assert environment["SITE_ROOT"] == "/var/task"
    assert "WORK_DIR" not in environment  # not a setting (nothing reads the variable)
    assert (settings.site_bucket, settings.distribution_id) == ("test-sitebucket", "test-distribution")
    # The editors' content comes from the build-state bucket, mirrored in Lambda's /tmp, never from the package
    assert (settings.content_prefix, str(settings.work_folder)) == ("content/", "/tmp")


def test_the_rebuild_reads_only_its_table_and_writes_only_the_site_bucket_and_distribution() -> None:
    assert _policy("DynamoDBReadPolicy") == {"TableName": {"Ref": "ReviewsTable"}}
    assert _policy("KMSDecryptPolicy") == {"KeyId": {"Ref": "DataKey"}}
    names = {name for policy in _rebuild()["Properties"]["Policies"] for name in policy if name != "Statement"}
    assert names == {"DynamoDBReadPolicy", "SQSSendMessagePolicy", "KMSDecryptPolicy"}
    statements = {str(statement["Action"]): statement["Resource"] for statement in _inline_statements()}
    # S3: only the actions it uses (no bucket policy or configuration changes), on the site bucket
    assert statements[str(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"])] == {
        "Fn::Sub": "${SiteBucket.Arn}/*"}
    assert statements["s3:ListBucket"] == {"Fn::GetAtt": ["SiteBucket", "Arn"]}
    # DynamoDB: only the published state of a review (published_at, publish_error)
    [record] = [s for s in _inline_statements() if s["Action"] == "dynamodb:UpdateItem"]
    assert record["Resource"] == {"Fn::GetAtt": ["ReviewsTable", "Arn"]}
    assert set(record["Condition"]["ForAllValues:StringEquals"]["dynamodb:Attributes"]) == {
        "id", "status", "published_at", "publish_error"}
    assert statements["cloudfront:CreateInvalidation"] == {
        "Fn::Sub": "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}"}
    assert statements["kms:GenerateDataKey"] == {"Fn::GetAtt": ["DataKey", "Arn"]}  # sends to the encrypted queue
    # It reads the editors' content from the build state and can never change it (only `make publish` does)
    [never] = [s for s in _inline_statements() if s["Effect"] == "Deny"]
    assert set(never["Action"]) == {"s3:PutObject", "s3:DeleteObject"}
    assert never["Resource"] == {"Fn::Sub": "${BuildStateBucket.Arn}/content/*"}
    assert len(statements) == len(_inline_statements())


def test_the_rebuild_pins_the_same_versions_as_the_project_and_no_search_indexer() -> None:
    rebuild = pins("requirements-rebuild.txt")
    project = pins("requirements.txt")
    assert {name: version for name, version in rebuild.items() if project.get(name) != version} == {}
    assert "pagefind" not in rebuild


def _host_platform() -> str:
    """This machine's wheel platform for pip's --platform, in the family the Lambda build uses on Linux."""
    if sys.platform == "linux":  # pip widens manylinux2014 to every older manylinux tag, not manylinux_2_36
        return f"manylinux2014_{platform.machine()}"
    return next(iter(sys_tags())).platform


_IMPORT_THE_PACKAGE = """
import importlib, json, sys
module_name, function_name = sys.argv[1].rsplit(".", 1)
handler = getattr(importlib.import_module(module_name), function_name)
from careermitra.site.build import site_build_for
site = site_build_for(sys.argv[2]).site
print(json.dumps({
    "handler": callable(handler),
    "site_origin": site.site_origin,
    "modules": {name: sys.modules[name].__file__ for name in ("careermitra", "pelican", "pydantic", "yaml", "jinja2")},
}))
"""


def test_the_built_package_starts_from_its_own_files(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    built = subprocess.run(["make", "--no-print-directory", "build-RebuildFunction", f"ARTIFACTS_DIR={package}",
                            f"PYTHON={sys.executable}", f"REBUILD_PLATFORM={_host_platform()}",
                            f"REBUILD_PYTHON_VERSION={sys.version_info.major}.{sys.version_info.minor}"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]

    for path in ("app.py", "pelicanconf.py", "publishconf.py", "careermitra/site", "theme/templates",
                 "content/data/places.yaml"):
        assert (package / path).exists(), path
    # Issue 17: the editors' content is read from the build-state bucket; near 80,000 institutions it would
    # pass Lambda's 250 MB package
    for path in ("content/institutions", "content/reviews", "content/pages"):
        assert not (package / path).exists(), path
    assert not (package / "careermitra" / "local").exists()
    assert not list((package / "careermitra").rglob("__pycache__"))
    installed = {canonicalize_name(path.name.split("-")[0]) for path in package.glob("*.dist-info")}
    assert installed == set(pins("requirements-rebuild.txt"))  # nothing unpinned slipped in

    # As Lambda starts it: the handler the template names, the template's variables, the packaged site.
    properties = _rebuild()["Properties"]
    handler = properties.get("Handler", template()["Globals"]["Function"]["Handler"])
    environment = {**_environment(), "SITE_ROOT": str(package),
                   "AWS_DEFAULT_REGION": "ap-south-1", "PATH": os.environ["PATH"], "PYTHONPATH": str(package)}
    started = subprocess.run([sys.executable, "-S", "-c", _IMPORT_THE_PACKAGE, handler,
                              str(package / environment["SITE_SETTINGS"])],
                             cwd=package, env=environment, capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    report = json.loads(started.stdout.splitlines()[-1])
    assert report["handler"] is True
    assert report["site_origin"] == environment["CAREERMITRA_SITE_ORIGIN"]
    outside = {name: file for name, file in report["modules"].items() if not Path(file).is_relative_to(package)}
    assert outside == {}


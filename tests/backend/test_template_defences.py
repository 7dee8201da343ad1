"""template.yaml's (and waf.yaml's) defences at the edge: WAF, per-route throttles, TLS, access logs, the
origin request policy that forwards the viewer's address, /_build/ refused, SES suppression, narrow IAM."""

from __future__ import annotations

import subprocess
from typing import Any

from careermitra.local.resources import load_template
from tests.backend.template import ROOT, resources, template


def distribution() -> dict[str, Any]:
    [body] = resources("AWS::CloudFront::Distribution").values()
    return body["Properties"]["DistributionConfig"]


def test_the_distribution_has_the_web_acl_of_the_us_east_1_stack() -> None:
    assert distribution()["WebACLId"] == {"Ref": "WebAclArn"}
    assert "us-east-1" in template()["Parameters"]["WebAclArn"]["AllowedPattern"]
    waf = load_template(ROOT / "waf.yaml")
    [acl] = [r["Properties"] for r in waf["Resources"].values() if r["Type"] == "AWS::WAFv2::WebACL"]
    assert acl["Scope"] == "CLOUDFRONT"
    groups = {rule["Statement"]["ManagedRuleGroupStatement"]["Name"] for rule in acl["Rules"]
              if "ManagedRuleGroupStatement" in rule["Statement"]}
    assert groups == {"AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"}
    [rate] = [rule for rule in acl["Rules"] if "RateBasedStatement" in rule["Statement"]]
    statement = rate["Statement"]["RateBasedStatement"]
    assert statement["AggregateKeyType"] == "IP" and "Block" in rate["Action"]
    match = statement["ScopeDownStatement"]["ByteMatchStatement"]
    assert (match["FieldToMatch"], match["PositionalConstraint"], match["SearchString"]) == (
        {"UriPath": {}}, "STARTS_WITH", "/api/")


def test_every_api_route_has_its_own_throttle_below_the_stage_wide_one() -> None:
    settings = resources("AWS::Serverless::Api")["Api"]["Properties"]["MethodSettings"]
    throttled = {(s["HttpMethod"], s["ResourcePath"].replace("~1", "/")[1:]) for s in settings
                 if s["ResourcePath"] != "/*"}
    wired = {(e["Properties"]["Method"].upper(), e["Properties"]["Path"])
             for f in resources("AWS::Serverless::Function").values()
             for e in f["Properties"].get("Events", {}).values() if e["Type"] == "Api"}
    assert throttled == wired
    for setting in settings:
        if setting["ResourcePath"] != "/*":
            assert setting["ThrottlingRateLimit"] <= template()["Parameters"]["ApiThrottleRate"]["Default"]


def test_tls_1_2_with_a_certificate_and_access_logs_that_expire() -> None:
    certificate = distribution()["ViewerCertificate"]["Fn::If"]
    assert certificate[1]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    assert distribution()["Logging"]["Bucket"] == {"Fn::GetAtt": ["AccessLogsBucket", "DomainName"]}
    assert distribution()["Logging"]["IncludeCookies"] is False  # session cookies never reach a log
    buckets = resources("AWS::S3::Bucket")
    assert buckets["SiteBucket"]["Properties"]["LoggingConfiguration"]["DestinationBucketName"] == {
        "Ref": "AccessLogsBucket"}
    [rule] = buckets["AccessLogsBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    assert rule["ExpirationInDays"] == {"Ref": "AccessLogRetentionDays"}


def test_the_api_origin_request_policy_forwards_the_viewer_address_and_not_the_host() -> None:
    [behaviour] = [b for b in distribution()["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert behaviour["OriginRequestPolicyId"] == {"Ref": "ApiOriginRequests"}
    policy = resources("AWS::CloudFront::OriginRequestPolicy")["ApiOriginRequests"]["Properties"]
    headers = policy["OriginRequestPolicyConfig"]["HeadersConfig"]
    assert headers["HeaderBehavior"] == "whitelist"
    assert "CloudFront-Viewer-Address" in headers["Headers"] and "Host" not in headers["Headers"]
    assert len(headers["Headers"]) <= 10  # CloudFront's quota of headers per origin request policy


def test_the_viewer_request_function_refuses_the_build_state() -> None:
    [function] = resources("AWS::CloudFront::Function").values()
    code = function["Properties"]["FunctionCode"]
    node = _has_node()
    assert "'/_build/'" in code and "statusCode: 404" in code and "decodeURIComponent" in code
    if node:
        for uri, status in (("/_build/site-index.json", 404), ("/%5Fbuild/site-index.json", 404),
                            ("/_build", 404), ("/institutions/x/", None)):
            script = code + f"\nvar r = handler({{request: {{uri: {uri!r}}}}}); console.log(r.statusCode || '');"
            out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout.strip()
            assert out == (str(status) if status else ""), uri


def _has_node() -> bool:
    import shutil

    return shutil.which("node") is not None


def test_ses_reports_bounces_and_complaints_to_the_suppression_function() -> None:
    [configuration] = resources("AWS::SES::ConfigurationSet").values()
    assert set(configuration["Properties"]["SuppressionOptions"]["SuppressedReasons"]) == {"BOUNCE", "COMPLAINT"}
    [destination] = resources("AWS::SES::ConfigurationSetEventDestination").values()
    event = destination["Properties"]["EventDestination"]
    assert set(event["MatchingEventTypes"]) == {"bounce", "complaint"}
    assert event["SnsDestination"]["TopicARN"] == {"Ref": "MailEventsTopic"}
    function = resources("AWS::Serverless::Function")["SesEventsFunction"]["Properties"]
    assert function["Events"]["MailEvents"]["Properties"]["Topic"] == {"Ref": "MailEventsTopic"}
    assert (ROOT / function["CodeUri"] / "app.py").is_file()
    assert template()["Globals"]["Function"]["Environment"]["Variables"]["SES_CONFIGURATION_SET"] == {
        "Ref": "MailConfigurationSet"}


def test_mail_is_sent_with_send_email_only_from_the_sender_and_no_function_has_ses_crud() -> None:
    for name, function in resources("AWS::Serverless::Function").items():
        policies = function["Properties"].get("Policies", [])
        assert not any("SESCrudPolicy" in policy for policy in policies), name
        for statement in (s for policy in policies for s in policy.get("Statement", [])):
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            if any(action.startswith("ses:") for action in actions):
                assert set(actions) <= {"ses:SendEmail", "ses:SendRawEmail"}, name
                assert statement["Condition"] == {"StringEquals": {"ses:FromAddress": {"Ref": "SenderEmail"}}}

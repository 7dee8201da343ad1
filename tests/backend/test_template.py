"""template.yaml says what the issue and DESIGN.md ask for; the routes it wires are the routes the app serves."""

from __future__ import annotations

from careermitra.api.requests import ORIGIN_HEADER
from careermitra.publish.headers import SECURITY_HEADERS
from tests.backend.template import ROOT, resources, template


def test_every_function_runs_python_3_12_on_arm64_with_a_reserved_concurrency_option() -> None:
    function = template()["Globals"]["Function"]
    assert (function["Runtime"], function["Architectures"]) == ("python3.12", ["arm64"])
    assert "ReservedConcurrentExecutions" in function
    assert function["CodeUri"] == "functions/api/"
    assert (ROOT / "functions" / "api" / "app.py").is_file()


def test_every_table_is_on_demand_with_point_in_time_recovery_and_the_customer_managed_key() -> None:
    for name, table in resources("AWS::DynamoDB::Table").items():
        properties = table["Properties"]
        assert properties["BillingMode"] == "PAY_PER_REQUEST", name
        assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}, name
        assert properties["SSESpecification"]["KMSMasterKeyId"] == {"Ref": "DataKey"}, name


def test_expiring_records_have_ttl_and_reviews_have_a_stream_for_the_rebuild() -> None:
    tables = resources("AWS::DynamoDB::Table")
    for name in ("UsersTable", "RateLimitsTable"):
        assert tables[name]["Properties"]["TimeToLiveSpecification"] == {"AttributeName": "expires_at",
                                                                         "Enabled": True}
    assert tables["ReviewsTable"]["Properties"]["StreamSpecification"] == {"StreamViewType": "NEW_AND_OLD_IMAGES"}


def test_the_api_routes_in_the_template_are_the_routes_the_app_serves(handler: object) -> None:
    # API Gateway writes a path parameter {name}, Powertools <name>.
    wired = {(event["Properties"]["Method"].upper(), event["Properties"]["Path"].replace("{", "<").replace("}", ">"))
             for function in resources("AWS::Serverless::Function").values()
             for event in function["Properties"].get("Events", {}).values() if event["Type"] == "Api"}
    from careermitra.api.app import app

    routes = app._static_routes + app._dynamic_routes
    assert wired == {(route.method, route.path) for route in routes if route.method != "OPTIONS"}


def test_cloudfront_sends_the_same_security_headers_as_the_local_server() -> None:
    [policy] = resources("AWS::CloudFront::ResponseHeadersPolicy").values()
    config = policy["Properties"]["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    sent = {
        "Content-Security-Policy": " ".join(security["ContentSecurityPolicy"]["ContentSecurityPolicy"].split()),
        "Strict-Transport-Security": "max-age={}; includeSubDomains; preload".format(
            security["StrictTransportSecurity"]["AccessControlMaxAgeSec"]),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": security["FrameOptions"]["FrameOption"],
        "Referrer-Policy": security["ReferrerPolicy"]["ReferrerPolicy"],
        **{item["Header"]: item["Value"] for item in config["CustomHeadersConfig"]["Items"]},
    }
    assert sent == SECURITY_HEADERS
    assert "script-src 'self' 'wasm-unsafe-eval';" in sent["Content-Security-Policy"]


def test_api_paths_go_to_api_gateway_and_the_bucket_is_reached_only_through_origin_access_control() -> None:
    [distribution] = resources("AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    [api_behaviour] = config["CacheBehaviors"]
    assert (api_behaviour["PathPattern"], api_behaviour["TargetOriginId"]) == ("/api/*", "api")
    site_origin = next(origin for origin in config["Origins"] if origin["Id"] == "site")
    assert "OriginAccessControlId" in site_origin


def test_only_a_missing_page_gets_the_404_page_so_the_api_s_403_answers_reach_the_browser() -> None:
    [distribution] = resources("AWS::CloudFront::Distribution").values()
    errors = distribution["Properties"]["DistributionConfig"]["CustomErrorResponses"]
    assert [(error["ErrorCode"], error["ResponsePagePath"]) for error in errors] == [(404, "/404.html")]
    policy = resources("AWS::S3::BucketPolicy")["SiteBucketPolicy"]
    allowed = {statement["Action"]: statement for statement in policy["Properties"]["PolicyDocument"]["Statement"]
               if statement["Effect"] == "Allow"}
    assert set(allowed) == {"s3:GetObject", "s3:ListBucket"}  # S3 answers 404, not 403, for a missing page
    assert all(statement["Principal"] == {"Service": "cloudfront.amazonaws.com"} and
               "AWS:SourceArn" in statement["Condition"]["StringEquals"] for statement in allowed.values())


def test_cloudfront_proves_itself_to_the_api_with_a_secret_only_the_api_functions_can_read() -> None:
    [distribution] = resources("AWS::CloudFront::Distribution").values()
    api_origin = next(origin for origin in distribution["Properties"]["DistributionConfig"]["Origins"]
                      if origin["Id"] == "api")
    from_secret = {"Fn::Sub": "{{resolve:secretsmanager:${OriginSecret}:SecretString}}"}
    assert api_origin["OriginCustomHeaders"] == [{"HeaderName": ORIGIN_HEADER, "HeaderValue": from_secret}]
    secret = resources("AWS::SecretsManager::Secret")["OriginSecret"]["Properties"]
    assert secret["KmsKeyId"] == {"Ref": "DataKey"} and secret["GenerateSecretString"]["ExcludePunctuation"] is True
    assert template()["Globals"]["Function"]["Environment"]["Variables"]["ORIGIN_SECRET_ID"] == {"Ref": "OriginSecret"}
    for name, function in resources("AWS::Serverless::Function").items():
        policies = function["Properties"].get("Policies", [])
        readable = [policy["AWSSecretsManagerGetSecretValuePolicy"]["SecretArn"] for policy in policies
                    if "AWSSecretsManagerGetSecretValuePolicy" in policy]
        serves_api = any(event["Type"] == "Api" for event in function["Properties"].get("Events", {}).values())
        # Each API function reads the two secrets by their own ARN, nothing else; the SES events function reads
        # the session secret only (it keys the suppression digest); other functions read none.
        expected = ([{"Ref": "SessionSecret"}, {"Ref": "OriginSecret"}] if serves_api
                    else [{"Ref": "SessionSecret"}] if name == "SesEventsFunction" else [])
        assert readable == expected, name
        assert "secretsmanager" not in str([policy for policy in policies if "Statement" in policy]).lower(), name


def test_analytics_events_expire_and_the_audit_table_is_append_only_for_everyone() -> None:
    tables = resources("AWS::DynamoDB::Table")
    assert tables["AnalyticsTable"]["Properties"]["TimeToLiveSpecification"] == {"AttributeName": "expires_at",
                                                                                 "Enabled": True}
    audit = tables["AuditTable"]["Properties"]
    [deny] = audit["ResourcePolicy"]["PolicyDocument"]["Statement"]
    assert (deny["Effect"], deny["Principal"]) == ("Deny", "*")
    assert {"dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"} <= set(deny["Action"])
    assert "TimeToLiveSpecification" not in audit and audit["DeletionProtectionEnabled"] is True
    # No function may touch it: only the editors' CLI writes, with a condition that refuses an existing id
    functions = str(resources("AWS::Serverless::Function")) + str(template()["Globals"])
    assert "AuditTable" not in functions
    # The beacon's function may only add items to the analytics table
    analytics = resources("AWS::Serverless::Function")["AnalyticsFunction"]["Properties"]["Policies"]
    statements = [s for policy in analytics if "Statement" in policy for s in policy["Statement"]]
    assert [(s["Action"], s["Resource"]) for s in statements] == [("dynamodb:PutItem",
                                                                    {"Fn::GetAtt": ["AnalyticsTable", "Arn"]})]


def test_the_nightly_roll_up_is_scheduled() -> None:
    rollup = resources("AWS::Serverless::Function")["AnalyticsRollupFunction"]["Properties"]
    [event] = rollup["Events"].values()
    assert event["Type"] == "Schedule" and event["Properties"]["Schedule"].startswith("cron(")
    assert (ROOT / rollup["CodeUri"] / "app.py").is_file()

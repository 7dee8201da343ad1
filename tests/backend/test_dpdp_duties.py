"""The DPDP Act 2023 and Rules 2025, duty by duty (issue 15), through the API and the `careermitra` command:
children, correction, nomination, deletion from the account, grievance periods and the overdue alarm, breach
notices and the Board's report."""

from __future__ import annotations

import datetime as dt
import json
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml

from careermitra.cli import build_parser, run, run_dpdp
from careermitra.domain.ticket import TicketRecord, TicketStatus
from careermitra.mail.outbox import OutboxMailer
from careermitra.workflows.moderation import Moderation
from tests.backend.template import resources, template
from tests.support.api import (
    EMAIL,
    OFFICER,
    REGION,
    Api,
    contact_message,
    moto_stores,
    registration,
    review,
    sent_mail,
    sign_in,
)

NOMINEE = "anil.sharma@example.in"
OTHER = "rahul.verma@example.in"


def account(api: Api, cookie: str) -> dict[str, Any]:
    answer = api.request("GET", "/api/account/details", cookie=cookie)
    assert answer.status == 200 and answer.headers.get("Cache-Control") == "no-store"
    data: dict[str, Any] = answer.json()
    return data


def mails_to(address: str) -> list[dict[str, Any]]:
    return [mail for mail in sent_mail() if mail["to"] == [address]]


# --- Children ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("adult", [False, None])
def test_registration_without_confirming_18_or_older_is_refused_naming_the_box(api: Api, adult: bool | None) -> None:
    body = registration(adult=adult) if adult is not None else {k: v for k, v in registration().items() if k != "adult"}
    answer = api.submit("register", "/api/register", body)
    assert answer.status == 422
    why = answer.json()["error"]["fields"]["adult"]
    assert "18 or older" in why and "we do not register children" in why
    assert sent_mail() == []  # nothing stored, nothing sent


def test_a_registered_account_records_when_it_confirmed_18_or_older(api: Api) -> None:
    cookie = sign_in(api)
    assert account(api, cookie)["adult_confirmed"] is True
    user = moto_stores().users.by_email(EMAIL)
    assert user is not None and user.adult_confirmed_at is not None


def test_analytics_stays_off_without_the_18_or_older_confirmation(api: Api) -> None:
    refused = api.request("POST", "/api/consent", json_body={"choice": "accept"})
    assert refused.status == 422 and "18 or older" in refused.json()["error"]["fields"]["adult"]
    assert refused.cookie("cm_consent") is None
    # A consent cookie of the old kind (no age question) no longer lets a beacon through
    from careermitra.api.services import services
    from careermitra.domain.signing import sign

    old = sign(services().key, "consent", "accepted." + "a" * 22)
    beacon = api.request("POST", "/api/events", json_body={"path": "/", "seconds": 3}, cookie=f"cm_consent={old}")
    assert beacon.status == 403
    rejected = api.request("POST", "/api/consent", json_body={"choice": "reject"})
    assert rejected.status == 200  # refusing needs no confirmation


def test_the_review_policy_says_school_reviews_come_from_parents_and_alumni() -> None:
    from tests.support.api import ROOT

    terms = (ROOT / "content/pages/terms.md").read_text(encoding="utf-8")
    policy = (ROOT / "content/pages/privacy-policy.md").read_text(encoding="utf-8")
    assert "Schools are reviewed by parents and alumni" in terms
    assert "Reviews of schools come from parents and alumni" in " ".join(policy.split())


# --- Correction and completion ---------------------------------------------------------------------------------
def test_a_signed_in_user_corrects_name_phone_and_city_and_each_change_is_in_the_history_and_export(
        api: Api) -> None:
    assert api.request("POST", "/api/account/details", json_body={"name": "Priya Iyer", "phone": "9123456780",
                                                                  "city": "Chennai"}).status == 401
    cookie = sign_in(api)
    bad = api.request("POST", "/api/account/details", json_body={"name": "Priya Iyer", "phone": "12345",
                                                                 "city": "Chennai"}, cookie=cookie)
    assert bad.status == 422 and "10-digit Indian mobile" in bad.json()["error"]["fields"]["phone"]
    assert account(api, cookie)["city"] == "Pune"  # a refused correction changes nothing

    saved = api.request("POST", "/api/account/details", json_body={"name": "Priya Iyer", "phone": "91234 56780",
                                                                   "city": "Pune"}, cookie=cookie)
    assert saved.status == 200 and saved.json() == {"status": "saved", "changed": ["name", "phone"]}
    api.clock.advance(minutes=5)
    as_form = api.request("POST", "/api/account/details", form={"name": "Priya Iyer", "phone": "9123456780",
                                                                "city": "Chennai"}, cookie=cookie)
    assert as_form.location == "/account/details-saved/"

    details = account(api, cookie)
    assert (details["name"], details["phone"], details["city"]) == ("Priya Iyer", "+919123456780", "Chennai")
    assert [(change["action"], change["fields"]) for change in details["history"]] == [
        ("corrected", ["name", "phone"]), ("corrected", ["city"])]
    assert "Pune" not in json.dumps(details["history"])  # the history says what changed, not the old values
    assert any("were changed" in mail["text"] for mail in mails_to(EMAIL))  # the account's owner is told

    from careermitra.workflows.privacy import personal_data_export

    stores = moto_stores()
    user = stores.users.by_email(EMAIL)
    assert user is not None
    export = personal_data_export(user, stores.reviews, stores.listings, api.clock.now)
    assert [change["fields"] for change in export["account_history"]] == [["name", "phone"], ["city"]]
    assert export["profile"]["city"] == "Chennai"


def test_saving_unchanged_details_records_nothing_and_mails_no_one(api: Api) -> None:
    cookie = sign_in(api)
    before = len(sent_mail())
    same = api.request("POST", "/api/account/details", json_body={"name": "Priya Sharma", "phone": "98765 43210",
                                                                  "city": "Pune"}, cookie=cookie)
    assert same.json() == {"status": "saved", "changed": []}
    assert account(api, cookie)["history"] == [] and len(sent_mail()) == before


# --- Nomination ---------------------------------------------------------------------------------------------
def test_a_user_names_a_nominee_who_is_told_and_can_withdraw_it(api: Api) -> None:
    cookie = sign_in(api)
    own = api.request("POST", "/api/account/nominee", json_body={"name": "Priya Sharma", "email": EMAIL},
                      cookie=cookie)
    assert own.status == 422 and "your own address" in own.json()["error"]["fields"]["email"]
    saved = api.request("POST", "/api/account/nominee", json_body={"name": "Anil Sharma", "email": NOMINEE},
                        cookie=cookie)
    assert saved.status == 200
    assert account(api, cookie)["nominee"]["email"] == NOMINEE
    [told] = mails_to(NOMINEE)
    assert "named you as their nominee" in told["text"] and EMAIL not in told["text"]

    withdrawn = api.request("POST", "/api/account/nominee/withdraw", json_body={}, cookie=cookie)
    assert withdrawn.status == 200
    details = account(api, cookie)
    assert details["nominee"] is None
    assert [change["action"] for change in details["history"]] == ["nominated", "nomination withdrawn"]


def nominee_ticket(api: Api, **overrides: Any) -> str:
    message = contact_message(**{"name": "Anil Sharma", "email": NOMINEE, "subject": "My sister Priya has died",
                                 "message": "Please erase my sister's account; I can send the death certificate.",
                                 "category": "nominee", "on_behalf_of": EMAIL, **overrides})
    answer = api.submit("contact", "/api/contact", message)
    assert answer.status == 202, answer.body
    ticket: str = answer.json()["ticket"]
    return ticket


def officer_cli(tmp_path: Path, *argv: str, answer: bool = False) -> Any:
    """The command as the officer runs it; `answer` is what they type at the "send now?" prompt."""
    mailer = OutboxMailer(tmp_path / "outbox", "no-reply@careermitra.in")
    return run_dpdp(build_parser().parse_args(list(argv)), moto_stores(), mailer, dt.datetime.now(dt.UTC),
                    lambda question: answer)


def outbox(tmp_path: Path) -> list[str]:
    """Each mail the command wrote as 'To: address', the subject and the decoded text."""
    mails = []
    for path in sorted((tmp_path / "outbox").glob("*.eml")):
        mail = message_from_bytes(path.read_bytes(), policy=policy.default)
        body = mail.get_body(("plain",))
        assert body is not None
        mails.append(f"To: {mail['To']}\nSubject: {mail['Subject']}\n\n{body.get_content()}")
    return mails


def test_a_nominee_request_needs_the_account_s_address(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(category="nominee"))
    assert answer.status == 422
    assert "email address of the account" in answer.json()["error"]["fields"]["on_behalf_of"]


def test_the_officer_checks_a_nominee_request_and_carries_out_an_erasure(api: Api, tmp_path: Path) -> None:
    cookie = sign_in(api)
    api.request("POST", "/api/account/nominee", json_body={"name": "Anil Sharma", "email": NOMINEE}, cookie=cookie)
    review_id = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    stranger = nominee_ticket(api, email=OTHER, name="Rahul Verma")
    genuine = nominee_ticket(api)
    [officer] = [mail for mail in mails_to(OFFICER) if genuine in mail["subject"]]
    assert "nominee" in officer["text"] and f"careermitra nominees check {genuine}" in officer["text"]

    assert officer_cli(tmp_path, "nominees", "check", stranger)["sender_is_nominee"] is False
    from careermitra.domain.problems import Forbidden, InvalidInput

    with pytest.raises(Forbidden):  # someone who is not the nominee gets nothing done
        officer_cli(tmp_path, "nominees", "act", stranger, "--kind", "erasure", "--evidence", "certificate X-1")
    with pytest.raises(InvalidInput):  # the officer must say what evidence they checked
        officer_cli(tmp_path, "nominees", "act", genuine, "--kind", "erasure", "--evidence", "")
    assert moto_stores().users.by_email(EMAIL) is not None

    check = officer_cli(tmp_path, "nominees", "check", genuine)
    assert check["account_found"] is True and check["sender_is_nominee"] is True
    closed = officer_cli(tmp_path, "nominees", "act", genuine, "--kind", "erasure", "--reviews", "delete",
                         "--evidence", "death certificate PMC/2026/1234")
    assert closed.status == TicketStatus.CLOSED and "PMC/2026/1234" in (closed.reply or "")
    assert moto_stores().users.by_email(EMAIL) is None
    assert moto_stores().reviews.get(review_id) is None  # unpublished: deleted with the account
    assert any(f"To: {NOMINEE}" in mail and "deleted too" in mail for mail in outbox(tmp_path))


def test_the_officer_sends_a_nominee_the_data_of_the_person_who_named_them(api: Api, tmp_path: Path) -> None:
    cookie = sign_in(api)
    api.request("POST", "/api/account/nominee", json_body={"name": "Anil Sharma", "email": NOMINEE}, cookie=cookie)
    ticket = nominee_ticket(api)
    officer_cli(tmp_path, "nominees", "act", ticket, "--kind", "access", "--evidence", "disability certificate 77")
    [mail] = [text for text in outbox(tmp_path) if f"To: {NOMINEE}" in text]
    assert '"account_history"' in mail and '"nominee"' in mail
    assert moto_stores().users.by_email(EMAIL) is not None  # access changes nothing


# --- Withdrawal as easy as consent ----------------------------------------------------------------------------
def test_deleting_the_account_is_one_button_after_a_confirmation(api: Api) -> None:
    cookie = sign_in(api)
    review_id = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    unconfirmed = api.request("POST", "/api/account/delete", json_body={"confirm": "yes", "reviews": "delete"},
                              cookie=cookie)
    assert unconfirmed.status == 422 and "type DELETE" in unconfirmed.json()["error"]["fields"]["confirm"]
    assert moto_stores().users.by_email(EMAIL) is not None  # nothing happened

    deleted = api.request("POST", "/api/account/delete", form={"confirm": "delete", "reviews": "delete"},
                          cookie=cookie)
    assert deleted.location == "/privacy/erased/"
    assert "Max-Age=0" in (deleted.cookie("cm_session") or "")
    assert moto_stores().users.by_email(EMAIL) is None
    assert moto_stores().reviews.get(review_id) is None
    # The old cookie signs no one in any more
    assert api.request("GET", "/api/session", cookie=cookie).json()["authenticated"] is False
    assert api.request("POST", "/api/account/delete", json_body={"confirm": "DELETE", "reviews": "delete"},
                       cookie=cookie).status == 401


# --- Grievances: the response period, overdue tickets, the alarm -----------------------------------------------
def moderation(api: Api, tmp_path: Path) -> Moderation:
    from careermitra.api.services import services

    svc = services()
    return Moderation(users=svc.accounts.users, reviews=svc.reviews, listings=svc.listings, tickets=svc.tickets,
                      mailer=OutboxMailer(tmp_path, "no-reply@careermitra.in"), clock=lambda: api.clock.now)


def test_tickets_list_overdue_shows_open_tickets_past_30_days(api: Api, tmp_path: Path) -> None:
    old = api.submit("contact", "/api/contact", contact_message(subject="Old grievance")).json()["ticket"]
    api.clock.advance(days=2)
    recent = api.submit("contact", "/api/contact", contact_message(subject="Recent grievance")).json()["ticket"]
    api.clock.advance(days=29)
    editors = moderation(api, tmp_path)

    def overdue() -> list[str]:
        return [t.id for t in run(build_parser().parse_args(["tickets", "list", "--overdue"]), editors)]

    assert overdue() == [old]  # 31 days; the other is 29 days old
    api.clock.advance(days=2)
    assert overdue() == [old, recent]
    run(build_parser().parse_args(["tickets", "close", old, "--reply", "Corrected, thank you."]), editors)
    assert overdue() == [recent]  # a closed ticket is not overdue
    from careermitra.cli import as_text

    listing = as_text(run(build_parser().parse_args(["tickets", "list"]), editors))
    assert "DUE" in listing and "CATEGORY" in listing


def test_the_published_response_period_is_within_the_rules_90_days() -> None:
    from careermitra.domain.ticket import GRIEVANCE_RESPONSE_DAYS
    from tests.support.api import ROOT

    assert GRIEVANCE_RESPONSE_DAYS <= 90
    policy = (ROOT / "content/pages/privacy-policy.md").read_text(encoding="utf-8")
    assert f"within {GRIEVANCE_RESPONSE_DAYS} days" in policy and "Data Protection Board of India" in policy


def test_the_grievance_watch_emits_the_overdue_count_the_alarm_watches(
        aws: None, capsys: pytest.CaptureFixture[str]) -> None:
    from careermitra.local.functions import load_function
    from tests.support.api import LambdaContext

    now = dt.datetime.now(dt.UTC)
    tickets = moto_stores().tickets
    for ticket_id, age in (("CM-OVERDUE1", 31), ("CM-RECENT01", 3)):
        tickets.add(TicketRecord(id=ticket_id, name="Priya Sharma", email=EMAIL, subject="Grievance",
                                 message="About my data.", status=TicketStatus.OPEN,
                                 created_at=now - dt.timedelta(days=age)))
    watch = load_function("grievance_watch")
    capsys.readouterr()

    assert watch.lambda_handler({}, LambdaContext(function_name="grievance-watch-test")) == {"overdue": 1}

    [emf] = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"_aws"' in line]
    [directive] = emf["_aws"]["CloudWatchMetrics"]
    alarm = resources("AWS::CloudWatch::Alarm")["OverdueTicketsAlarm"]["Properties"]
    assert (directive["Namespace"], emf[alarm["MetricName"]]) == (alarm["Namespace"], [1.0])
    [dimension] = alarm["Dimensions"]
    assert emf[dimension["Name"]] == dimension["Value"]
    assert alarm["Threshold"] == 1 and alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    function = resources("AWS::Serverless::Function")["GrievanceWatchFunction"]["Properties"]
    assert function["CodeUri"] == "functions/grievance_watch/"
    assert function["Environment"]["Variables"]["TICKETS_TABLE"] == {"Ref": "TicketsTable"}
    assert EMAIL not in json.dumps(emf)


def test_a_closed_ticket_expires_a_year_after_it_was_closed(api: Api, tmp_path: Path) -> None:
    ticket = api.submit("contact", "/api/contact", contact_message()).json()["ticket"]
    table = boto3.resource("dynamodb", region_name=REGION).Table("test-TicketsTable")
    assert "expires_at" not in table.get_item(Key={"id": ticket})["Item"]  # open: kept
    run(build_parser().parse_args(["tickets", "close", ticket, "--reply", "Done."]), moderation(api, tmp_path))
    expires = int(table.get_item(Key={"id": ticket})["Item"]["expires_at"])
    assert expires == int((api.clock.now + dt.timedelta(days=365)).timestamp())
    ttl = resources("AWS::DynamoDB::Table")["TicketsTable"]["Properties"]["TimeToLiveSpecification"]
    assert ttl == {"AttributeName": "expires_at", "Enabled": True}


# --- Breach -----------------------------------------------------------------------------------------------------
INCIDENT = {
    "reference": "BR-2026-01",
    "what_happened": "A copy of the users table was readable through a misconfigured backup export for six hours.",
    "extent": "Names, email addresses and cities of registered users could have been read.",
    "occurred_at": "2026-11-30T02:00:00+00:00",
    "discovered_at": "2026-11-30T08:00:00+00:00",
    "location": "The backup export bucket in the Mumbai region of our cloud provider.",
    "data_affected": ["name", "email address", "city"],
    "likely_consequences": "You may receive emails that pretend to come from us and ask you to sign in.",
    "measures_taken": "We closed the export within minutes of finding it and rotated every access key.",
    "what_you_can_do": "Do not follow sign-in links you did not ask for; we never ask for a password.",
    "circumstances": "An engineer exported a backup for a test and left its bucket readable to the account.",
    "cause_findings": "No outside party is known to have read it; the access logs are being examined.",
    "remedial_measures": "Exports now need a second person's approval and are blocked from public access.",
}


def incident_file(tmp_path: Path, **overrides: Any) -> Path:
    path = tmp_path / "incident.yaml"
    path.write_text(yaml.safe_dump({**INCIDENT, **overrides}), encoding="utf-8")
    return path


def test_breach_notify_drafts_first_then_sends_each_person_the_notice_and_writes_the_board_report(
        api: Api, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sign_in(api)
    sign_in(api, email=OTHER)
    report = tmp_path / "board-report.md"
    incident = incident_file(tmp_path)

    drafted = officer_cli(tmp_path, "breach", "notify", str(incident), "--report", str(report))
    assert (drafted["affected"], drafted["sent"]) == (2, 0) and outbox(tmp_path) == []  # nothing without a yes
    assert "What you can do" in capsys.readouterr().err  # the draft is printed
    assert "Not yet sent" in report.read_text(encoding="utf-8")

    sent = officer_cli(tmp_path, "breach", "notify", str(incident), "--report", str(report), "--send")
    assert (sent["affected"], sent["sent"], sent["failed"]) == (2, 2, 0)
    notices = outbox(tmp_path)
    assert sorted(next(line for line in mail.splitlines() if line.startswith("To: ")) for mail in notices) == [
        f"To: {EMAIL}", f"To: {OTHER}"]
    for heading in ("What happened", "Which of your data", "What this may mean for you", "What we have done",
                    "What you can do", "Whom to contact", "Data Protection Contact"):
        assert heading in notices[0]
    text = report.read_text(encoding="utf-8")
    for fact in ("Nature, extent, timing and location", "Likely impact", "circumstances and reasons",
                 "mitigate", "person who caused", "Remedial measures", "Intimations", "Notices sent",
                 "2 of 2", "Detailed report due by 03 December 2026, 08:00 UTC"):
        assert fact in text
    assert report.stat().st_mode & 0o077 == 0  # readable by the officer only
    assert sent["report_due"] == "2026-12-03T08:00:00+00:00"


def test_breach_notify_to_the_listed_addresses_only(api: Api, tmp_path: Path) -> None:
    sign_in(api)
    sign_in(api, email=OTHER)
    result = officer_cli(tmp_path, "breach", "notify", str(incident_file(tmp_path, affected_emails=[OTHER])),
                         "--report", str(tmp_path / "r.md"), "--send")
    assert (result["affected"], result["sent"]) == (1, 1)
    assert [mail for mail in outbox(tmp_path) if f"To: {EMAIL}" in mail] == []


def test_breach_notify_sends_after_a_yes_at_the_prompt(api: Api, tmp_path: Path) -> None:
    sign_in(api)
    result = officer_cli(tmp_path, "breach", "notify", str(incident_file(tmp_path)), "--report",
                         str(tmp_path / "r.md"), answer=True)
    assert (result["affected"], result["sent"]) == (1, 1) and len(outbox(tmp_path)) == 1


def test_an_incomplete_incident_file_is_refused_naming_what_is_missing(aws: None, tmp_path: Path) -> None:
    from careermitra.domain.problems import InvalidInput

    facts = {key: value for key, value in INCIDENT.items() if key != "what_you_can_do"}
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        officer_cli(tmp_path, "breach", "notify", str(path), "--report", str(tmp_path / "r.md"), "--send")
    assert "what_you_can_do" in refused.value.message
    assert not (tmp_path / "r.md").exists() and outbox(tmp_path) == []


# --- Logs -------------------------------------------------------------------------------------------------------
def test_every_log_group_keeps_its_records_at_least_a_year() -> None:
    parameter = template()["Parameters"]["LogRetentionDays"]
    assert parameter["Default"] >= 365 and min(parameter["AllowedValues"]) >= 365
    groups = resources("AWS::Logs::LogGroup")
    for name, group in groups.items():
        retention = group["Properties"]["RetentionInDays"]
        assert retention == {"Ref": "LogRetentionDays"} or retention >= 365, name
    # Every function writes to a log group of the template (so none falls back to a never-expiring default)
    logged = {json.dumps(group["Properties"].get("LogGroupName")) for group in groups.values()}
    for function in resources("AWS::Serverless::Function"):
        assert json.dumps({"Fn::Sub": f"/aws/lambda/${{{function}}}"}) in logged, function

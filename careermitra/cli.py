"""`careermitra`: the editors' command for the moderation queues (reviews, listing requests, tickets), the
analytics report, lawful-request exports of one user's data (audited) and the site's publication.

Against the local moto server by default; against AWS when given a stack name (`--stack` or CAREERMITRA_STACK)
and the usual AWS environment variables (AWS_PROFILE or keys, AWS_REGION).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from pydantic import BaseModel

from careermitra.domain.audit import Disclosure
from careermitra.domain.listing import ListingRecord
from careermitra.domain.moderation_reasons import KEEP_CODE, REASON_BY_CODE
from careermitra.domain.problems import InvalidInput, Problem
from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.ticket import GRIEVANCE_RESPONSE_DAYS, TicketRecord, TicketStatus, overdue_tickets
from careermitra.domain.trust import DecisionRecord, ReportRecord

if TYPE_CHECKING:  # the stores and workflows load after the endpoint is chosen
    from careermitra.mail.messages import Mailer
    from careermitra.wiring import DynamoStores, TableNames
    from careermitra.workflows.moderation import Moderation

LOCAL_ENDPOINT = "http://127.0.0.1:5000"
# `make dev` writes where its moto server listens (a free port each run) and where mail goes.
LOCAL_STACK_FILE = Path(__file__).resolve().parents[1] / ".dev" / "stack.json"
LOCAL_STACK_NAME = "careermitra"
TABLE_AREAS = ("users", "reviews", "listings", "tickets", "rate_limits", "analytics", "audit", "reports")

REASON_CODES = tuple(REASON_BY_CODE)
Record: TypeAlias = ReviewRecord | ListingRecord | TicketRecord | Disclosure | ReportRecord | DecisionRecord


class TextResult(str):
    """Printed as it is, with or without --json."""


Result: TypeAlias = Record | list[Record] | dict[str, Any] | TextResult


# --- the command line -------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careermitra", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stack", default=os.environ.get("CAREERMITRA_STACK"),
                        help="CloudFormation stack to work on in AWS (default: the local moto server)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")
    parser.add_argument("--moderator", default=os.environ.get("CAREERMITRA_MODERATOR"),
                        help="who decides, for the decision log (default: CAREERMITRA_MODERATOR, else the OS user)")
    areas = parser.add_subparsers(dest="area", required=True)
    for add_commands in AREAS:
        add_commands(areas)
    return parser


def add_review_commands(areas: Any) -> None:
    reviews = areas.add_parser("reviews", help="the review moderation queue").add_subparsers(dest="action",
                                                                                              required=True)
    _list(reviews, "reviews, oldest first, with their flags (link, email, phone)",
          ("pending", "approved", "rejected", "removed"))
    _with_id(reviews, "show", "one review in full")
    _with_id(reviews, "approve", "publish a review (the rebuild picks it up)")
    _with_id(reviews, "reject", "reject a review; the author is emailed the reason").add_argument(
        "--reason", required=True, choices=REASON_CODES, help="the code of practice's reason (How reviews work)")
    _with_id(reviews, "remove", "take a published review off the site; the author is emailed the reason").add_argument(
        "--reason", required=True, choices=REASON_CODES, help="the code of practice's reason (How reviews work)")
    _with_id(reviews, "history", "every decision on a review: who, when, what, the reason code")


def add_trust_commands(areas: Any) -> None:
    """Issue 14: reports of published reviews and institutions' replies."""
    reports = areas.add_parser("reports", help="reports of published reviews").add_subparsers(dest="action",
                                                                                              required=True)
    _list(reports, "reports, oldest first", ("open", "kept", "removed"))
    _with_id(reports, "show", "one report, with the review it is about")
    resolve = _with_id(reports, "resolve", "keep the reported review, or remove it (the rebuild takes it off)")
    outcome = resolve.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--keep", action="store_true", help="it breaks no rule (reason no-rule-broken)")
    outcome.add_argument("--remove", action="store_true", help="it breaks a rule (give that rule's code)")
    resolve.add_argument("--reason", required=True, choices=(*REASON_CODES, KEEP_CODE), help="the reason code")
    replies = areas.add_parser("replies", help="institutions' replies to reviews").add_subparsers(dest="action",
                                                                                                  required=True)
    _list(replies, "reviews with a reply, oldest first", ("pending", "approved", "rejected"))
    _with_id(replies, "show", "a review and its reply (the id is the review's)")
    _with_id(replies, "approve", "publish a reply under its review (the rebuild shows it)")
    _with_id(replies, "reject", "refuse a reply").add_argument(
        "--reason", required=True, choices=REASON_CODES, help="the code of practice's reason")


def add_listing_commands(areas: Any) -> None:
    listings = areas.add_parser("listings", help="listing requests").add_subparsers(dest="action", required=True)
    _list(listings, "listing requests, oldest first", ("pending", "approved", "rejected"))
    _with_id(listings, "show", "one listing request in full")
    _with_id(listings, "approve", "accept a listing request (then export it)")
    _with_id(listings, "reject", "reject a listing request; the proposer is emailed the reason").add_argument(
        "--reason", required=True, help="why, in words the proposer understands")
    export = _with_id(listings, "export", "write an approved request as content/institutions/<slug>.md")
    export.add_argument("--content-dir", type=Path, default=Path("content/institutions"),
                        help="where institution files live (default: content/institutions)")
    export.add_argument("--force", action="store_true", help="replace an existing file")


def add_ticket_commands(areas: Any) -> None:
    tickets = areas.add_parser("tickets", help="grievances and questions").add_subparsers(dest="action",
                                                                                          required=True)
    _list(tickets, "tickets, oldest first", ("open", "closed"))
    tickets.choices["list"].add_argument(
        "--overdue", action="store_true",
        help=f"only open tickets past the published response period ({GRIEVANCE_RESPONSE_DAYS} days)")
    _with_id(tickets, "show", "one ticket in full")
    _with_id(tickets, "close", "close a ticket, emailing the reply to its sender").add_argument(
        "--reply", required=True, help="the answer to send")


def add_analytics_commands(areas: Any) -> None:
    analytics = areas.add_parser("analytics", help="first-party analytics").add_subparsers(dest="action",
                                                                                          required=True)
    report = analytics.add_parser("report", help="visits, visitors, pages, referrers, browsers, time, paths",
                                  description="The visit report: a text summary here, optionally an HTML file.")
    report.add_argument("--days", type=int, default=30, help="how many days up to today (IST), default 30")
    report.add_argument("--out", type=Path, help="also write a self-contained HTML report with charts here")
    _json_flag(report)


def add_user_commands(areas: Any) -> None:
    users = areas.add_parser("users", help="lawful requests for one user's data").add_subparsers(dest="action",
                                                                                                 required=True)
    export = users.add_parser("export", help="export one user's data for a lawful request (audited)",
                              description="Writes an audit record (who, when, why, what) before the data; "
                                          "the record can never be changed.")
    export.add_argument("email", help="the user's email address")
    export.add_argument("--reason", required=True,
                        help="the requesting authority, its reference and the legal basis, e.g. 'Pune Police "
                             "case 123/2026, BNSS s.94'")
    export.add_argument("--officer", default=os.environ.get("CAREERMITRA_OFFICER"),
                        help="who is disclosing (default: CAREERMITRA_OFFICER, else the OS user)")
    export.add_argument("--out", type=Path, help="write the JSON export to this file (readable by you only)")
    _json_flag(export)
    _json_flag(users.add_parser("audit-log", help="every disclosure made, oldest first"))




def add_publish_commands(areas: Any) -> None:
    root = Path(__file__).resolve().parents[1]
    publish = areas.add_parser(
        "publish", help="build the production site; with a stack, export its reviews first and upload the changes",
        description="The production build (`make publish`). With a stack (--stack or CAREERMITRA_STACK) and AWS "
                    "credentials, the approved reviews are first exported from DynamoDB (the source of truth), and "
                    "the build is then uploaded: changed files, removals, one CloudFront invalidation. Without a "
                    "stack it only builds into the output folder.")
    publish.add_argument("--settings", type=Path, default=root / "publishconf.py", help="default: publishconf.py")
    publish.add_argument("--output", type=Path, default=root / "output", help="default: output/")
    # SUPPRESS: `careermitra publish --stack X` and `careermitra --stack X publish` both work.
    publish.add_argument("--stack", default=argparse.SUPPRESS, help="the CloudFormation stack to publish to")
    _json_flag(publish)


def add_rebuild_commands(areas: Any) -> None:
    root = Path(__file__).resolve().parents[1]
    rebuild = areas.add_parser("rebuild", help="the rebuild that publishes approved reviews").add_subparsers(
        dest="action", required=True)
    retry = rebuild.add_parser(
        "retry", help="publish again every institution a rebuild failed to publish",
        description="Republishes the institutions whose approved reviews say 'not yet published (reason)' and "
                    "those of the stream batches Lambda gave up on (with a stack: the on-failure queue, whose "
                    "messages are deleted once their institutions are live; locally: the records the stack "
                    "parked); fix the reason first "
                    "(an institution file, say). Prints each institution's outcome.")
    retry.add_argument("--settings", type=Path, default=None,
                       help="default: publishconf.py with a stack, pelicanconf.py locally")
    retry.add_argument("--output", type=Path, default=root / "output", help="locally: the site folder (output/)")
    _json_flag(retry)


def add_dpdp_commands(areas: Any) -> None:
    """The DPDP Act's officer duties: a nominee's request, and a breach."""
    nominees = areas.add_parser("nominees", help="requests of nominees (DPDP Act s.14)").add_subparsers(
        dest="action", required=True)
    _with_id(nominees, "check", "whether a nominee ticket's account names its sender as nominee")
    act = _with_id(nominees, "act", "carry out a nominee's request and close the ticket")
    act.add_argument("--kind", choices=("access", "erasure"), required=True,
                     help="access: email the account's data to the nominee; erasure: erase the account")
    act.add_argument("--reviews", choices=("anonymise", "delete"), default="anonymise",
                     help="on erasure, what becomes of published reviews (default: kept as 'Former student')")
    act.add_argument("--evidence", required=True,
                     help="the evidence of death or incapacity you checked, e.g. 'death certificate PMC/2026/1234'")
    breach = areas.add_parser("breach", help="a personal data breach (DPDP Rules 7)").add_subparsers(
        dest="action", required=True)
    notify = breach.add_parser(
        "notify", help="draft, then send, the notice to each affected person; write the report for the Board",
        description="Reads the incident's facts (YAML or JSON, see docs/breach-runbook.md), prints the notice "
                    "and how many people it goes to, and writes the report for the Data Protection Board. "
                    "Nothing is sent until you confirm: --send, or 'yes' at the prompt.")
    notify.add_argument("incident", type=Path, help="the incident file")
    notify.add_argument("--report", type=Path, required=True, help="where to write the Board's report (Markdown)")
    notify.add_argument("--send", action="store_true", help="send without asking")
    _json_flag(notify)


# One function per area adds its subcommands; a new area is one more function here.
AREAS: tuple[Callable[[Any], None], ...] = (add_review_commands, add_trust_commands, add_listing_commands,
                                            add_ticket_commands,
                                            add_analytics_commands, add_user_commands,
                                            add_publish_commands, add_rebuild_commands, add_dpdp_commands)


def _list(actions: Any, help_text: str, statuses: tuple[str, ...]) -> None:
    command = actions.add_parser("list", help=help_text, description=help_text)
    command.add_argument("--status", choices=statuses, default=statuses[0], help=f"default: {statuses[0]}")
    _json_flag(command)


def _with_id(actions: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = actions.add_parser(name, help=help_text, description=help_text)
    command.add_argument("id", help="the id shown by `list`")
    _json_flag(command)
    return command


def _json_flag(command: argparse.ArgumentParser) -> None:
    # SUPPRESS: given after the subcommand it sets the flag; absent, it leaves the top-level value alone.
    command.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for scripts")


def stack_outputs(stack: str) -> dict[str, str]:
    """The outputs of a deployed CloudFormation stack (table, bucket and distribution names), by key."""
    from careermitra.store.dynamodb import aws_client

    outputs = aws_client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    return {item["OutputKey"]: item["OutputValue"] for item in outputs}


# --- where the command works: the local moto server or a stack in AWS ------------------------------------
def table_names(stack: str | None) -> TableNames:
    """The local tables (each overridable by CAREERMITRA_<AREA>_TABLE), or the stack's, from its outputs."""
    from careermitra.wiring import TableNames

    if not stack:
        return TableNames(**{area: os.environ.get(f"CAREERMITRA_{area.upper()}_TABLE",
                                                  f"{LOCAL_STACK_NAME}-{area.replace('_', '-')}")
                             for area in TABLE_AREAS})
    return TableNames.from_outputs(stack_outputs(stack))


def run_publish(settings_file: Path, output: Path, stack: str | None) -> dict[str, Any]:
    """`careermitra publish`: build (from the stack's approved reviews, with a stack), then upload the changes."""
    import time

    from careermitra.site.build import build, build_with_approved_reviews

    started = time.perf_counter()
    if not stack:
        build(str(settings_file), {"OUTPUT_PATH": str(output)})
        return {"built": str(output), "seconds": round(time.perf_counter() - started, 1),
                "uploaded": "nothing (no stack given: --stack or CAREERMITRA_STACK)"}
    from careermitra.publish.cdn import CloudFrontCdn
    from careermitra.publish.state import S3State
    from careermitra.publish.sync import ContentPublication, publish_site
    from careermitra.publish.targets import S3Target
    from careermitra.site.build import site_build_for
    from careermitra.store.dynamodb import aws_client
    from careermitra.store.publication import DynamoPublicationState
    from careermitra.store.published_reviews import ApprovedSnapshot, DynamoApprovedReviews

    outputs = stack_outputs(stack)
    approved = ApprovedSnapshot(DynamoApprovedReviews(outputs["ReviewsTableName"]).all_approved())
    exported = build_with_approved_reviews(str(settings_file), output, approved)
    seconds = round(time.perf_counter() - started, 1)
    report = publish_site(output, S3Target(aws_client("s3"), outputs["SiteBucketName"]),
                          S3State(aws_client("s3"), outputs["BuildStateBucketName"]),
                          CloudFrontCdn(aws_client("cloudfront"), outputs["DistributionId"]),
                          ContentPublication.of(site_build_for(str(settings_file))))  # what the functions read
    # What the build showed is live now: the moderator sees "approved, live", not "waiting for the rebuild".
    recorded = DynamoPublicationState(outputs["ReviewsTableName"]).mark_reviews_live(
        approved.review_ids(), dt.datetime.now(dt.UTC))
    return {"exported_reviews": exported, "built": str(output), "seconds": seconds,
            "uploaded": len(report.uploaded), "removed": len(report.removed), "invalidated": len(report.invalidated),
            "content_uploaded": report.content.uploaded if report.content else 0,
            "content_removed": report.content.removed if report.content else 0, "recorded_live": recorded}


def run_rebuild_retry(settings_file: Path | None, output: Path, stack: str | None) -> dict[str, Any]:
    """`careermitra rebuild retry`: republish what failed, on the stack (or the local site folder)."""
    from careermitra.local.streams import streams_client
    from careermitra.rebuild.failure_queue import FailureQueue
    from careermitra.rebuild.retry import retry_failed
    from careermitra.rebuild.service import RebuildService
    from careermitra.rebuild.settings import RebuildSettings
    from careermitra.store.dynamodb import aws_client

    root = Path(__file__).resolve().parents[1]
    _use_local_server_unless(stack)
    queue: FailureQueue | None = None  # locally the stack parks the records themselves
    if stack:
        outputs = stack_outputs(stack)
        settings = RebuildSettings(reviews_table=outputs["ReviewsTableName"], site_root=root,
                                   site_settings=str(settings_file or "publishconf.py"),
                                   site_bucket=outputs["SiteBucketName"], distribution_id=outputs["DistributionId"],
                                   state_bucket=outputs["BuildStateBucketName"])
        parked = None
        queue = FailureQueue(aws_client("sqs"), streams_client(), outputs["RebuildFailuresQueueUrl"])
    else:
        local = _local_stack()
        settings = RebuildSettings(reviews_table=table_names(None).reviews, site_root=root,
                                   site_settings=str(settings_file or "pelicanconf.py"),
                                   site_folder=Path(local.get("output", output)))
        parked = Path(local["parked"]) if "parked" in local else None
    outcomes = retry_failed(RebuildService(settings), parked, queue)
    return outcomes or {"retried": "nothing: no approved review is waiting on a failed rebuild"}


def _use_local_server_unless(stack: str | None) -> None:
    """Without a stack, talk to the local moto server (any credentials do there)."""
    if stack:
        return
    local = _local_stack()
    os.environ.setdefault("AWS_ENDPOINT_URL", os.environ.get("CAREERMITRA_ENDPOINT_URL",
                                                             local.get("endpoint", LOCAL_ENDPOINT)))
    if "outbox" in local:
        os.environ.setdefault("CAREERMITRA_OUTBOX", local["outbox"])
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-south-1")


def _local_stack() -> dict[str, Any]:
    """What the running `make dev` wrote about itself, if it is running."""
    path = Path(os.environ.get("CAREERMITRA_LOCAL_STACK", LOCAL_STACK_FILE))
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def stores_for(stack: str | None) -> DynamoStores:
    """The stack's stores (or the local server's)."""
    _use_local_server_unless(stack)
    from careermitra.wiring import DynamoStores

    return DynamoStores(table_names(stack))


def moderation_for(stack: str | None) -> Moderation:
    """The moderation workflow over the stack's tables (or the local ones); mail through SES, or the outbox."""
    from careermitra.wiring import moderation_over

    stores = stores_for(stack)
    # The links of the mails to authors: the local stack's own address, else the site's (CAREERMITRA_SITE_ORIGIN).
    site = os.environ.get("CAREERMITRA_SITE_ORIGIN") or (None if stack else _local_stack().get("site"))
    return moderation_over(stores, mailer_of(stack), site_origin=site or "https://careermitra.in")


def mailer_of(stack: str | None) -> Mailer:
    """SES from the sender address with a stack; the outbox folder locally."""
    from careermitra.wiring import mailer_for

    sender = os.environ.get("CAREERMITRA_SENDER_EMAIL", "no-reply@careermitra.in")
    outbox = None if stack else Path(os.environ.get("CAREERMITRA_OUTBOX", ".dev/outbox"))
    return mailer_for(sender, outbox)


def _aws_identity(stack: str | None) -> str | None:
    if not stack:
        return None
    from careermitra.store.dynamodb import aws_client

    return str(aws_client("sts").get_caller_identity()["Arn"])


# --- carrying a command out ---------------------------------------------------------------------------------
def run(args: argparse.Namespace, moderation: Moderation) -> Result:
    """Carry out one moderation command; returns what to print."""
    match args.area, args.action:
        case "reviews", "list":
            return list(moderation.reviews.by_status(args.status))
        case "listings", "list":
            return list(moderation.listings.by_status(args.status))
        case "tickets", "list" if args.overdue:
            return list[Record](overdue_tickets(moderation.tickets.by_status(TicketStatus.OPEN), moderation.clock()))
        case "tickets", "list":
            return list(moderation.tickets.by_status(args.status))
        case "reviews", "show":
            return moderation.review(args.id)
        case "listings", "show":
            return moderation.listing(args.id)
        case "tickets", "show":
            return moderation.ticket(args.id)
        case "reviews", "approve":
            return moderation.approve_review(args.id)
        case "reviews", "reject":
            return moderation.reject_review(args.id, args.reason)
        case "listings", "approve":
            return moderation.approve_listing(args.id)
        case "listings", "reject":
            return moderation.reject_listing(args.id, args.reason)
        case "listings", "export":
            return {"written": str(moderation.export_listing(args.id, args.content_dir, args.force))}
        case "tickets", "close":
            return moderation.close_ticket(args.id, args.reply)
        case "reviews", "remove":
            return moderation.remove_review(args.id, args.reason)
        case "reviews", "history":
            return list[Record](moderation.history(args.id))
        case "reports", "list":
            return list(moderation.report_queue().by_status(args.status))
        case "reports", "show":
            report = moderation.report(args.id)
            return {**as_data(report), "review": as_data(moderation.review(report.review_id))}
        case "reports", "resolve":
            return moderation.resolve_report(args.id, remove=args.remove, reason=args.reason)
        case "replies", "list":
            return list(moderation.reviews.replies_by_status(args.status))
        case "replies", "show":
            return moderation.review(args.id)
        case "replies", "approve":
            return moderation.decide_reply(args.id, approve=True)
        case "replies", "reject":
            return moderation.decide_reply(args.id, approve=False, reason=args.reason)
    raise AssertionError(f"unhandled command {args.area} {args.action}")


def run_privacy_and_analytics(args: argparse.Namespace, stores: DynamoStores, now: dt.datetime) -> Result:
    """The analytics report and the lawful-request commands, over the given stores."""
    if args.area == "analytics":
        return _analytics_report(args, stores, now)
    if args.action == "audit-log":
        return list(stores.audit.all())
    from careermitra.workflows.privacy import export_for_authorities

    record, export = export_for_authorities(
        args.email, args.officer or getpass.getuser(), _aws_identity(args.stack), args.reason,
        stores.users, stores.reviews, stores.listings, stores.audit, now)
    text = json.dumps(export, indent=2, ensure_ascii=False)
    if args.out:
        args.out.touch(mode=0o600)
        args.out.write_text(text, encoding="utf-8")
        return {"audit_record": record.id, "written": str(args.out), "disclosed": ", ".join(record.disclosed)}
    return {"audit_record": record.id, "export": export} if args.json else TextResult(text)


def run_dpdp(args: argparse.Namespace, stores: DynamoStores, mailer: Mailer, now: dt.datetime,
             confirm: Callable[[str], bool]) -> Result:
    """`nominees check|act` and `breach notify`, over the given stores and mailer."""
    if args.area == "nominees":
        from careermitra.workflows.account_rights import NomineeRequests
        from careermitra.workflows.privacy import PrivacyRequests

        privacy = PrivacyRequests(users=stores.users, reviews=stores.reviews, listings=stores.listings,
                                  pending=stores.privacy_requests, mailer=mailer, link_for=lambda token: token)
        nominees = NomineeRequests(tickets=stores.tickets, users=stores.users, privacy=privacy, mailer=mailer)
        if args.action == "check":
            return nominees.check(args.id, now).as_data()
        from careermitra.domain.privacy import ReviewsOnErasure

        return nominees.act(args.id, args.kind, args.evidence, now, ReviewsOnErasure(args.reviews))
    return _breach_notify(args, stores, mailer, now, confirm)


def _breach_notify(args: argparse.Namespace, stores: DynamoStores, mailer: Mailer, now: dt.datetime,
                   confirm: Callable[[str], bool]) -> Result:
    import yaml
    from pydantic import ValidationError

    from careermitra.domain.breach import BreachIncident
    from careermitra.workflows.breach import affected_people, board_report, breach_notice, send_breach_notices

    try:
        incident = BreachIncident.model_validate(yaml.safe_load(args.incident.read_text(encoding="utf-8")))
    except OSError as error:
        raise InvalidInput(f"Cannot read {args.incident}: {error.strerror}.", {"incident": "unreadable"}) from None
    except (yaml.YAMLError, ValidationError) as error:
        raise InvalidInput(f"{args.incident} is not a complete incident file:\n{error}", {"incident": "invalid"}) \
            from None
    people = affected_people(incident, stores.users,
                             stores.users.all_verified() if incident.affected_emails is None else [])
    draft = breach_notice(incident, "<each person's address>", "<their name>")
    print(f"Draft notice ({len(people)} people):\nSubject: {draft.subject}\n\n{draft.text}", file=sys.stderr)
    send = args.send or confirm(f"Send this notice to {len(people)} people now? Type yes to send: ")
    run = send_breach_notices(incident, people, mailer, now) if send else None
    args.report.touch(mode=0o600)
    args.report.write_text(board_report(incident, len(people), run, now), encoding="utf-8")
    return {"incident": incident.reference, "affected": len(people), "sent": run.sent if run else 0,
            "failed": run.failed if run else 0, "report": str(args.report),
            "report_due": incident.report_due().isoformat()}


def ask_yes(question: str) -> bool:
    """An interactive yes; never yes without a terminal."""
    if not sys.stdin.isatty():
        return False
    return input(question).strip().lower() == "yes"


def _analytics_report(args: argparse.Namespace, stores: DynamoStores, now: dt.datetime) -> Result:
    from careermitra.reports.analytics import html_report, text_summary
    from careermitra.workflows.analytics import analytics_report

    if not 1 <= args.days <= 3660:
        raise InvalidInput("Give --days between 1 and 3660.", {"days": "out of range"})
    report = analytics_report(stores.analytics, args.days, now)
    if args.out:
        args.out.write_text(html_report(report), encoding="utf-8")
    if args.json:
        return report.as_data()
    return TextResult(text_summary(report) + (f"\n\nHTML report written to {args.out}" if args.out else ""))


# --- printing: JSON for scripts, columns and forms for people -------------------------------------------------
def as_data(result: Result) -> Any:
    if isinstance(result, list):
        return [as_data(item) for item in result]
    if isinstance(result, BaseModel):
        return result.model_dump(mode="json", exclude={"fingerprint"})
    return result


def as_text(result: Result) -> str:
    if isinstance(result, TextResult):
        return str(result)
    if isinstance(result, list):
        return columns([row_of(record) for record in result]) if result else "Nothing here."
    if isinstance(result, BaseModel):
        return form(fields_of(result))
    return form([(key, str(value)) for key, value in result.items()])


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def row_of(record: Record) -> dict[str, str]:
    """One line of a `list`: the columns an editor scans a queue by."""
    match record:
        case ReviewRecord():
            return {"ID": record.id, "CREATED": _when(record.created_at), "INSTITUTION": record.institution,
                    "STATUS": record.shown_status(), "RATING": f"{record.rating}★",
                    "FLAGS": ", ".join(record.flags) or "-", "TITLE": record.title}
        case ListingRecord():
            return {"ID": record.id, "CREATED": _when(record.created_at), "SLUG": record.slug,
                    "STATUS": record.status.value, "NAME": record.institution.name}
        case TicketRecord():
            return {"ID": record.id, "CREATED": _when(record.created_at), "DUE": _when(record.due_at),
                    "STATUS": record.status.value, "CATEGORY": record.category.value, "SUBJECT": record.subject}
        case Disclosure():
            return {"ID": record.id, "AT": _when(record.at), "OFFICER": record.officer, "REASON": record.reason}
        case ReportRecord():
            return {"ID": record.id, "CREATED": _when(record.created_at), "REVIEW": record.review_id,
                    "STATUS": record.status, "REASON": record.reason, "NOTE": record.note or "-"}
        case DecisionRecord():
            return {"AT": _when(record.at), "DECISION": record.decision, "MODERATOR": record.moderator,
                    "REASON": record.reason_code or "-", "REPORT": record.report or "-"}


def fields_of(record: Record) -> list[tuple[str, str]]:
    """A record shown by `show`: labelled lines, the long text last."""
    decided = [("Decided", _when(record.decided_at))] \
        if not isinstance(record, Disclosure | DecisionRecord) and record.decided_at else []
    match record:
        case ReviewRecord():
            aspects = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in record.aspects)
            return [("Review", record.id), ("Institution", record.institution), ("Status", record.shown_status()),
                    ("Flags", ", ".join(record.flags) or "none"), ("Author", record.display_name),
                    ("Course", f"{record.course}, graduating {record.graduation_year}"),
                    ("Rating", f"{record.rating} of 5 ({aspects})"), ("Created", _when(record.created_at)), *decided,
                    *_note("Reason", record.reason), *_verification(record), ("Title", record.title),
                    ("Text", record.body), *_reply(record)]
        case ListingRecord():
            return [("Listing request", record.id), ("Slug", record.slug), ("Status", record.status.value),
                    ("Created", _when(record.created_at)), *decided, *_note("Reason", record.reason),
                    ("Institution", record.institution.model_dump_json(indent=2, exclude_none=True))]
        case TicketRecord():
            return [("Ticket", record.id), ("Status", record.status.value), ("Kind", record.category.value),
                    *_note("For", record.on_behalf_of), ("From", f"{record.name} <{record.email}>"),
                    ("Created", _when(record.created_at)), ("Due", _when(record.due_at)), *decided,
                    ("Subject", record.subject),
                    ("Message", record.message), *_note("Reply", record.reply)]
        case Disclosure():
            return [("Disclosure", record.id), ("At", _when(record.at)), ("Officer", record.officer),
                    ("Reason", record.reason), ("Disclosed", ", ".join(record.disclosed))]
        case ReportRecord():
            return [("Report", record.id), ("Review", record.review_id), ("Institution", record.institution),
                    ("Status", record.status), ("Reason", record.reason), ("Created", _when(record.created_at)),
                    *decided, *_note("Resolution", record.resolution), *_note("Note", record.note)]
        case DecisionRecord():
            return [("Decision", record.decision), ("At", _when(record.at)), ("Moderator", record.moderator),
                    *_note("Reason", record.reason_code), *_note("Report", record.report)]


def _verification(record: ReviewRecord) -> list[tuple[str, str]]:
    found = record.verification
    return [("Verified", f"{found.relationship.value} at {found.domain}, {_when(found.at)}")] if found else []


def _reply(record: ReviewRecord) -> list[tuple[str, str]]:
    reply = record.reply
    return [("Reply", f"{reply.status}, {_when(reply.created_at)}"), ("Reply text", reply.body)] if reply else []


def _note(label: str, text: str | None) -> list[tuple[str, str]]:
    return [(label, text)] if text else []


def columns(rows: list[dict[str, str]]) -> str:
    """Rows under a header, each column as wide as its widest cell (the last one is left ragged)."""
    header = list(rows[0])
    widths = [max(len(name), *(len(row[name]) for row in rows)) for name in header]
    lines = [[name for name in header], *([row[name] for name in header] for row in rows)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def form(fields: list[tuple[str, str]]) -> str:
    """Labels in one column, values beside them; a value of several lines is indented under its first."""
    width = max(len(label) for label, _ in fields) + 1
    indent = "\n" + " " * (width + 1)
    return "\n".join(f"{label + ':':<{width}} {value.replace(chr(10), indent)}" for label, value in fields)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # a terminal without UTF-8 gets '?' for an arrow, not a crash
        sys.stdout.reconfigure(errors="replace")
    try:
        result: Result
        if args.area == "publish":
            result = run_publish(args.settings, args.output, args.stack)
        elif args.area == "rebuild":
            result = run_rebuild_retry(args.settings, args.output, args.stack)
        elif args.area in {"analytics", "users"}:
            result = run_privacy_and_analytics(args, stores_for(args.stack), dt.datetime.now(dt.UTC))
        elif args.area in {"nominees", "breach"}:
            result = run_dpdp(args, stores_for(args.stack), mailer_of(args.stack), dt.datetime.now(dt.UTC), ask_yes)
        else:
            moderation = moderation_for(args.stack)
            moderation.moderator = args.moderator or getpass.getuser()  # signs the decision log
            result = run(args, moderation)
    except Problem as problem:
        print(f"careermitra: {problem.message}", file=sys.stderr)
        return 1
    as_json = args.json and not isinstance(result, TextResult)
    print(json.dumps(as_data(result), indent=2, ensure_ascii=False) if as_json else as_text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

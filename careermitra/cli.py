"""`careermitra`: the editors' command for the moderation queues (reviews, listing requests, tickets), the
analytics report, lawful-request exports of one user's data (audited) and the site's publication.

Against the local moto server by default; against AWS when given a stack name (`--stack` or CAREERMITRA_STACK)
and the usual AWS environment variables (AWS_PROFILE or keys, AWS_REGION).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from careermitra.domain.problems import InvalidInput, Problem

LOCAL_ENDPOINT = "http://127.0.0.1:5000"
# `make dev` writes where its moto server listens (a free port each run) and where mail goes.
LOCAL_STACK_FILE = Path(__file__).resolve().parents[1] / ".dev" / "stack.json"
LOCAL_TABLES = {"users": "careermitra-users", "reviews": "careermitra-reviews", "listings": "careermitra-listings",
                "tickets": "careermitra-tickets", "analytics": "careermitra-analytics", "audit": "careermitra-audit"}
STACK_OUTPUTS = {"users": "UsersTableName", "reviews": "ReviewsTableName", "listings": "ListingsTableName",
                 "tickets": "TicketsTableName", "analytics": "AnalyticsTableName", "audit": "AuditTableName"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careermitra", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stack", default=os.environ.get("CAREERMITRA_STACK"),
                        help="CloudFormation stack to work on in AWS (default: the local moto server)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")
    areas = parser.add_subparsers(dest="area", required=True,
                                  metavar="{reviews,listings,tickets,analytics,users,publish}")

    reviews = areas.add_parser("reviews", help="the review moderation queue").add_subparsers(dest="action",
                                                                                              required=True)
    _list(reviews, "reviews, oldest first, with their flags (link, email, phone)", ("pending", "approved", "rejected"))
    _with_id(reviews, "show", "one review in full")
    _with_id(reviews, "approve", "publish a review (the rebuild picks it up)")
    _with_id(reviews, "reject", "reject a review; the author is emailed the reason").add_argument(
        "--reason", required=True, help="why, in words the author understands")

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

    tickets = areas.add_parser("tickets", help="grievances and questions").add_subparsers(dest="action",
                                                                                          required=True)
    _list(tickets, "tickets, oldest first", ("open", "closed"))
    _with_id(tickets, "show", "one ticket in full")
    _with_id(tickets, "close", "close a ticket, emailing the reply to its sender").add_argument(
        "--reply", required=True, help="the answer to send")

    analytics = areas.add_parser("analytics", help="first-party analytics").add_subparsers(dest="action",
                                                                                          required=True)
    report = analytics.add_parser("report", help="visits, visitors, pages, referrers, browsers, time, paths",
                                  description="The visit report: a text summary here, optionally an HTML file.")
    report.add_argument("--days", type=int, default=30, help="how many days up to today (IST), default 30")
    report.add_argument("--out", type=Path, help="also write a self-contained HTML report with charts here")
    _json_flag(report)

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
    audit_log = users.add_parser("audit-log", help="every disclosure made, oldest first")
    _json_flag(audit_log)
    _publish_parser(areas)
    return parser


def _publish_parser(areas: Any) -> None:
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


def _list(actions: Any, help_text: str, statuses: tuple[str, ...]) -> None:
    command = actions.add_parser("list", help=help_text, description=help_text)
    command.add_argument("--status", choices=statuses, default=statuses[0], help=f"default: {statuses[0]}")
    _json_flag(command)


def _with_id(actions: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    command = actions.add_parser(name, help=help_text, description=help_text)
    command.add_argument("id", help="the id shown by `list`")
    _json_flag(command)
    return command


def _json_flag(command: argparse.ArgumentParser) -> None:
    # SUPPRESS: given after the subcommand it sets the flag; absent, it leaves the top-level value alone.
    command.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for scripts")


def stack_outputs(stack: str) -> dict[str, str]:
    """The outputs of a deployed CloudFormation stack (table, bucket and distribution names), by key."""
    import boto3

    outputs = boto3.client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    return {item["OutputKey"]: item["OutputValue"] for item in outputs}


def _table_names(stack: str | None) -> dict[str, str]:
    if not stack:
        return {area: os.environ.get(f"CAREERMITRA_{area.upper()}_TABLE", name) for area, name in LOCAL_TABLES.items()}
    values = stack_outputs(stack)
    return {area: values[key] for area, key in STACK_OUTPUTS.items()}


def run_publish(settings_file: Path, output: Path, stack: str | None) -> dict[str, Any]:
    """`careermitra publish`: build (from the stack's approved reviews, with a stack), then upload the changes."""
    import time

    from careermitra.site.build import build, build_with_approved_reviews

    started = time.perf_counter()
    if not stack:
        build(str(settings_file), {"OUTPUT_PATH": str(output)})
        return {"built": str(output), "seconds": round(time.perf_counter() - started, 1),
                "uploaded": "nothing (no stack given: --stack or CAREERMITRA_STACK)"}
    import boto3

    from careermitra.publish.cdn import CloudFrontCdn
    from careermitra.publish.sync import sync_site
    from careermitra.publish.targets import S3Target
    from careermitra.store.published_reviews import DynamoApprovedReviews

    outputs = stack_outputs(stack)
    exported = build_with_approved_reviews(str(settings_file), output,
                                           DynamoApprovedReviews(outputs["ReviewsTableName"]))
    seconds = round(time.perf_counter() - started, 1)
    report = sync_site(output, S3Target(boto3.client("s3"), outputs["SiteBucketName"]),
                       CloudFrontCdn(boto3.client("cloudfront"), outputs["DistributionId"]))
    return {"exported_reviews": exported, "built": str(output), "seconds": seconds,
            "uploaded": len(report.uploaded), "removed": len(report.removed), "invalidated": len(report.invalidated)}


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


def _mailer(stack: str | None) -> Any:
    sender = os.environ.get("CAREERMITRA_SENDER_EMAIL", "no-reply@careermitra.in")
    if stack:
        from careermitra.mail.ses import SesMailer

        return SesMailer(sender)
    from careermitra.mail.outbox import OutboxMailer

    return OutboxMailer(Path(os.environ.get("CAREERMITRA_OUTBOX", ".dev/outbox")), sender)


def moderation_for(stack: str | None) -> Any:
    """The moderation workflow over the stack's tables (or the local ones)."""
    _use_local_server_unless(stack)
    from careermitra.store.listings import DynamoListingStore
    from careermitra.store.reviews import DynamoReviewStore
    from careermitra.store.tickets import DynamoTicketStore
    from careermitra.store.users import DynamoUserStore
    from careermitra.workflows.moderation import Moderation

    tables = _table_names(stack)
    return Moderation(users=DynamoUserStore(tables["users"]), reviews=DynamoReviewStore(tables["reviews"]),
                      listings=DynamoListingStore(tables["listings"]), tickets=DynamoTicketStore(tables["tickets"]),
                      mailer=_mailer(stack))


def _aws_identity(stack: str | None) -> str | None:
    if not stack:
        return None
    import boto3

    return str(boto3.client("sts").get_caller_identity()["Arn"])


def run_privacy_and_analytics(args: argparse.Namespace, tables: dict[str, str], now: Any) -> Any:
    """The analytics report and the lawful-request commands, over the given tables."""
    from careermitra.store.analytics import DynamoAnalyticsStore
    from careermitra.store.audit import DynamoAuditLog

    if args.area == "analytics":
        from careermitra.reports.analytics import html_report, text_summary
        from careermitra.workflows.analytics import analytics_report

        if not 1 <= args.days <= 3660:
            raise InvalidInput("Give --days between 1 and 3660.", {"days": "out of range"})
        report = analytics_report(DynamoAnalyticsStore(tables["analytics"]), args.days, now)
        if args.out:
            args.out.write_text(html_report(report), encoding="utf-8")
        if args.json:
            return report.as_data()
        return TextResult(text_summary(report) + (f"\n\nHTML report written to {args.out}" if args.out else ""))
    audit = DynamoAuditLog(tables["audit"])
    if args.action == "audit-log":
        return audit.all()
    from careermitra.store.listings import DynamoListingStore
    from careermitra.store.reviews import DynamoReviewStore
    from careermitra.store.users import DynamoUserStore
    from careermitra.workflows.privacy import export_for_authorities

    record, export = export_for_authorities(
        args.email, args.officer or getpass.getuser(), _aws_identity(args.stack), args.reason,
        DynamoUserStore(tables["users"]), DynamoReviewStore(tables["reviews"]), DynamoListingStore(tables["listings"]),
        audit, now)
    text = json.dumps(export, indent=2, ensure_ascii=False)
    if args.out:
        args.out.touch(mode=0o600)
        args.out.write_text(text, encoding="utf-8")
        return {"audit_record": record.id, "written": str(args.out), "disclosed": ", ".join(record.disclosed)}
    return {"audit_record": record.id, "export": export} if args.json else TextResult(text)


class TextResult(str):
    """Printed as it is, with or without --json."""


def run(args: argparse.Namespace, moderation: Any) -> Any:
    """Carry out one command; returns what to print."""
    store = {"reviews": moderation.reviews, "listings": moderation.listings, "tickets": moderation.tickets}[args.area]
    one = {"reviews": moderation.review, "listings": moderation.listing, "tickets": moderation.ticket}[args.area]
    match args.area, args.action:
        case _, "list":
            return store.by_status(args.status)
        case _, "show":
            return one(args.id)
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
    raise AssertionError(f"unhandled command {args.area} {args.action}")


def _as_data(result: Any) -> Any:
    if isinstance(result, list):
        return [_as_data(item) for item in result]
    if isinstance(result, BaseModel):
        return result.model_dump(mode="json", exclude={"fingerprint"})
    return result


def _as_text(result: Any) -> str:
    if isinstance(result, TextResult):
        return str(result)
    if isinstance(result, list):
        return "\n".join(_summary(item) for item in result) or "Nothing here."
    if isinstance(result, BaseModel):
        data = _as_data(result)
        return "\n".join(f"{key}: {value}" for key, value in data.items() if value not in (None, [], ""))
    return "\n".join(f"{key}: {value}" for key, value in result.items())


def _summary(record: BaseModel) -> str:
    data = _as_data(record)
    if "officer" in data:  # a disclosure in the audit log
        return f"{data['id']}  {data['at'][:16].replace('T', ' ')}  {data['officer']}  {data['reason']}"
    created = data["created_at"][:16].replace("T", " ")
    if "institution" in data and "rating" in data:
        flags = f"  [flags: {', '.join(data['flags'])}]" if data["flags"] else ""
        return f"{data['id']}  {created}  {data['institution']}  {data['rating']}★  {data['title']}{flags}"
    if "slug" in data:
        return f"{data['id']}  {created}  {data['slug']}"
    return f"{data['id']}  {created}  {data['subject']}"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # a terminal without UTF-8 gets '?' for an arrow, not a crash
        sys.stdout.reconfigure(errors="replace")
    try:
        if args.area == "publish":
            result = run_publish(args.settings, args.output, args.stack)
        elif args.area in {"analytics", "users"}:
            _use_local_server_unless(args.stack)
            import datetime as dt

            result = run_privacy_and_analytics(args, _table_names(args.stack), dt.datetime.now(dt.UTC))
        else:
            result = run(args, moderation_for(args.stack))
    except Problem as problem:
        print(f"careermitra: {problem.message}", file=sys.stderr)
        return 1
    as_json = args.json and not isinstance(result, TextResult)
    print(json.dumps(_as_data(result), indent=2, ensure_ascii=False) if as_json else _as_text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

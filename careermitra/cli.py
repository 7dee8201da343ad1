"""`careermitra`: the editors' command for the moderation queues (reviews, listing requests, tickets).

Against the local moto server by default; against AWS when given a stack name (`--stack` or CAREERMITRA_STACK)
and the usual AWS environment variables (AWS_PROFILE or keys, AWS_REGION).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from careermitra.domain.problems import Problem

LOCAL_ENDPOINT = "http://127.0.0.1:5000"
# `make dev` writes where its moto server listens (a free port each run) and where mail goes.
LOCAL_STACK_FILE = Path(__file__).resolve().parents[1] / ".dev" / "stack.json"
LOCAL_TABLES = {"users": "careermitra-users", "reviews": "careermitra-reviews", "listings": "careermitra-listings",
                "tickets": "careermitra-tickets"}
STACK_OUTPUTS = {"users": "UsersTableName", "reviews": "ReviewsTableName", "listings": "ListingsTableName",
                 "tickets": "TicketsTableName"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careermitra", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stack", default=os.environ.get("CAREERMITRA_STACK"),
                        help="CloudFormation stack to work on in AWS (default: the local moto server)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")
    areas = parser.add_subparsers(dest="area", required=True, metavar="{reviews,listings,tickets}")

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
    return parser


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


def _table_names(stack: str | None) -> dict[str, str]:
    if not stack:
        return {area: os.environ.get(f"CAREERMITRA_{area.upper()}_TABLE", name) for area, name in LOCAL_TABLES.items()}
    import boto3

    outputs = boto3.client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    values = {item["OutputKey"]: item["OutputValue"] for item in outputs}
    return {area: values[key] for area, key in STACK_OUTPUTS.items()}


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
    if isinstance(result, list):
        return "\n".join(_summary(item) for item in result) or "Nothing here."
    if isinstance(result, BaseModel):
        data = _as_data(result)
        return "\n".join(f"{key}: {value}" for key, value in data.items() if value not in (None, [], ""))
    return "\n".join(f"{key}: {value}" for key, value in result.items())


def _summary(record: BaseModel) -> str:
    data = _as_data(record)
    created = data["created_at"][:16].replace("T", " ")
    if "institution" in data and "rating" in data:
        flags = f"  [flags: {', '.join(data['flags'])}]" if data["flags"] else ""
        return f"{data['id']}  {created}  {data['institution']}  {data['rating']}★  {data['title']}{flags}"
    if "slug" in data:
        return f"{data['id']}  {created}  {data['slug']}"
    return f"{data['id']}  {created}  {data['subject']}"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = run(args, moderation_for(args.stack))
    except Problem as problem:
        print(f"careermitra: {problem.message}", file=sys.stderr)
        return 1
    print(json.dumps(_as_data(result), indent=2, ensure_ascii=False) if args.json else _as_text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

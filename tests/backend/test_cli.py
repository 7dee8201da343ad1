"""The `careermitra` moderation command against the tables the API writes (moto)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careermitra.cli import build_parser, main
from careermitra.domain.problems import Duplicate
from careermitra.site.builder.content import parse_institution
from careermitra.workflows.moderation import Moderation
from tests.support.api import Api, contact_message, listing, review, sign_in
from tests.support.cli import cli, outbox


def test_an_editor_lists_pending_reviews_with_flags_and_approves_one(api: Api, moderation: Moderation) -> None:
    cookie = sign_in(api)
    body = "Ask for the notes at www.example-notes.com, the faculty are good and the labs open late."
    review_id = api.submit("review", "/api/reviews", review(body=body), cookie=cookie).json()["id"]
    [pending] = cli(moderation, "reviews", "list")
    assert (pending.id, pending.flags) == (review_id, ["link"])
    approved = cli(moderation, "reviews", "approve", review_id)
    assert approved.status == "approved"
    assert cli(moderation, "reviews", "list") == []
    assert approved.published().display_name == "Priya S."


def test_rejecting_a_review_tells_the_author_why(api: Api, moderation: Moderation) -> None:
    cookie = sign_in(api)
    review_id = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    rejected = cli(moderation, "reviews", "reject", review_id, "--reason", "personal-data")
    assert rejected.status == "rejected"
    [mail] = outbox(moderation)
    assert "To: priya.sharma@example.in" in mail
    assert "Personal details: It names or identifies a private person" in mail


def test_a_decided_review_cannot_be_decided_again(api: Api, moderation: Moderation) -> None:
    cookie = sign_in(api)
    review_id = api.submit("review", "/api/reviews", review(), cookie=cookie).json()["id"]
    cli(moderation, "reviews", "approve", review_id)
    with pytest.raises(Duplicate, match="approved already"):
        cli(moderation, "reviews", "reject", review_id, "--reason", "off-topic")


def test_an_approved_listing_is_exported_as_a_file_the_site_accepts(
        api: Api, moderation: Moderation, tmp_path: Path) -> None:
    cookie = sign_in(api)
    listing_id = api.submit("listing", "/api/listings", listing(), cookie=cookie).json()["id"]
    with pytest.raises(Duplicate, match="approve it before exporting"):
        cli(moderation, "listings", "export", listing_id, "--content-dir", str(tmp_path))
    cli(moderation, "listings", "approve", listing_id)
    written = cli(moderation, "listings", "export", listing_id, "--content-dir", str(tmp_path))
    path = Path(written["written"])
    assert path.name == "kaveri-college-of-arts.md"
    institution = parse_institution(path.read_text(encoding="utf-8"), str(path), path.stem)
    assert (institution.name, institution.courses[0].fees_inr) == ("Kaveri College of Arts", 24000)


def test_rejecting_a_listing_tells_the_proposer(api: Api, moderation: Moderation) -> None:
    cookie = sign_in(api)
    listing_id = api.submit("listing", "/api/listings", listing(), cookie=cookie).json()["id"]
    cli(moderation, "listings", "reject", listing_id, "--reason", "We could not confirm its approvals.")
    assert "We could not confirm its approvals." in outbox(moderation)[0]


def test_closing_a_ticket_mails_the_reply(api: Api, moderation: Moderation) -> None:
    ticket = api.submit("contact", "/api/contact", contact_message()).json()["ticket"]
    [open_ticket] = cli(moderation, "tickets", "list")
    assert open_ticket.id == ticket
    closed = cli(moderation, "tickets", "close", ticket, "--reply", "Fixed, thank you for telling us.")
    assert closed.status == "closed"
    assert "Fixed, thank you" in outbox(moderation)[0]


def test_json_output_and_a_clear_error_for_an_unknown_id(
        api: Api, moderation: Moderation, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("careermitra.cli.moderation_for", lambda stack: moderation)
    assert main(["reviews", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["reviews", "show", "nope"]) == 1
    assert "No review has the id 'nope'." in capsys.readouterr().err


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["reviews", "--help"], ["listings", "export", "--help"], ["tickets", "close", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            build_parser().parse_args(argv)
        assert exit_.value.code == 0
    assert "content/institutions/<slug>.md" in capsys.readouterr().out


def test_the_queue_reads_as_columns_and_a_review_as_a_form(api: Api, moderation: Moderation) -> None:
    from careermitra.cli import as_text

    cookie = sign_in(api)
    body = "Ask for the notes at www.example-notes.com, the faculty are good and the labs open late."
    review_id = api.submit("review", "/api/reviews", review(body=body), cookie=cookie).json()["id"]
    header, row = as_text(cli(moderation, "reviews", "list")).splitlines()  # type: ignore[arg-type]
    assert header.split() == ["ID", "CREATED", "INSTITUTION", "STATUS", "RATING", "FLAGS", "TITLE"]
    created = api.clock.now.strftime("%Y-%m-%d %H:%M").split()
    assert row.split()[:6] == [review_id, *created, "deccan-institute-of-technology", "pending", "4★"]
    assert row.index("deccan-institute-of-technology") == header.index("INSTITUTION")  # columns line up
    assert row.index("link") == header.index("FLAGS")
    shown = as_text(cli(moderation, "reviews", "show", review_id)).splitlines()  # type: ignore[arg-type]
    labels = {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in shown if not line.startswith(" ")}
    assert labels["Review"] == review_id and labels["Status"] == "pending" and labels["Flags"] == "link"
    assert labels["Institution"] == "deccan-institute-of-technology" and labels["Author"] == "Priya S."
    assert labels["Title"] == "Strong teaching, crowded labs" and labels["Text"] == body
    assert len({len(line) - len(line.split(":", 1)[1].lstrip()) for line in shown}) == 1  # values in one column


def test_an_empty_queue_and_a_ticket_read_plainly(api: Api, moderation: Moderation) -> None:
    from careermitra.cli import as_text

    assert as_text(cli(moderation, "tickets", "list")) == "Nothing here."  # type: ignore[arg-type]
    ticket = api.submit("contact", "/api/contact", contact_message()).json()["ticket"]
    [row] = as_text(cli(moderation, "tickets", "list")).splitlines()[1:]  # type: ignore[arg-type]
    assert row.split()[0] == ticket and row.endswith("Wrong fees listed")
    shown = as_text(cli(moderation, "tickets", "show", ticket))  # type: ignore[arg-type]
    assert f"Ticket:  {ticket}" in shown and "Subject: Wrong fees listed" in shown

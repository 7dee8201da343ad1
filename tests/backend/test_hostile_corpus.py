"""The hostile corpus (tests/fixtures/hostile/) against every field of every form, through the real handler.

Each value replaces one field of an otherwise valid body. Every answer is a 2xx (the value is valid there) or a
4xx in the JSON error shape naming that field (413 for a body over the limit, which names the body); never a 5xx,
and nothing is stored when the answer is a refusal. Every raw body of bodies.txt gets a 4xx on every route.
"""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from tests.support.api import (
    EMAIL,
    INSTITUTIONS,
    REGION,
    Api,
    contact_message,
    listing,
    moto_stores,
    registration,
    review,
    sign_in,
)

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
VALUES: list[tuple[str, Any]] = [(item["name"], item["value"]) for item in
                                 json.loads((HOSTILE / "values.json").read_text(encoding="utf-8"))["values"]]
VALUES.append(("1 MB string", "A" * 1_048_576))  # made here, not stored: the file stays small
BODIES = [bytes.fromhex(line) for line in (HOSTILE / "bodies.txt").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#")]
TABLES = ("UsersTable", "ReviewsTable", "ListingsTable", "TicketsTable", "AnalyticsTable", "ReportsTable")
PUBLISHED = "hostile-published-review"  # the review the report and reply forms are about (seeded)
# A valid body of every form with fields, and whether it needs a signed-in sender.
VALID: dict[str, tuple[str, dict[str, Any], bool]] = {
    "register": ("/api/register", registration(), False),
    "review": ("/api/reviews", review(), True),
    "listing": ("/api/listings", listing(), True),
    "contact": ("/api/contact", contact_message(), False),
    "privacy": ("/api/privacy-requests", {"email": "priya.sharma@example.in", "kind": "access"}, False),
    "policy": ("/api/policy-consent", {"consent": True, "policy_version": registration()["policy_version"]}, True),
    "consent": ("/api/consent", {"choice": "accept", "adult": True}, False),
    # "Your account" (issue 15); a hostile value never confirms a deletion, so the account outlives the loop.
    "details": ("/api/account/details", {"name": "Priya Iyer", "phone": "9123456780", "city": "Chennai"}, True),
    "nominee": ("/api/account/nominee", {"name": "Anil Sharma", "email": "anil.sharma@example.in"}, True),
    "delete-account": ("/api/account/delete", {"confirm": "DELETE", "reviews": "delete"}, True),
    "sign_in": ("/api/sign-in", {"email": "priya.sharma@example.in", "return_to": "/account/reviews/"}, False),
    "report": ("/api/reports", {"review": PUBLISHED, "reason": "abuse", "note": "It insults a teacher."}, False),
    "confirm-address": ("/api/address-confirmations", {"institution": INSTITUTIONS[0], "relationship": "student",
                                                       "email": f"asha@students.{INSTITUTIONS[0]}.example"}, True),
    "reply": ("/api/replies", {"review": PUBLISHED, "body": "Thank you; we have added evening lab hours."}, True),
}
ADDRESSES = count(1)
# An accepted value counts against the per-user and per-address limits, and a second review or listing of the
# same institution is a duplicate: both are forgotten after each acceptance, so every answer is about the value.
FORGOTTEN = ("RateLimitsTable", "ReviewsTable", "ListingsTable", "ReportsTable")


# The forms about a published review, which need it seeded (and the sender as the institution's representative,
# which would make the review form refuse them as connected to the institution).
ABOUT_A_PUBLISHED_REVIEW = {"report", "reply"}


def seed_published_review() -> None:
    """A published review for the report and reply forms, and the signed-in user as a representative of its
    institution (what a followed confirmation link leaves), so that every answer is about the value sent."""
    import datetime as dt

    from careermitra.domain.review_submission import ReviewRecord
    from careermitra.domain.submission import Status
    from careermitra.domain.trust import Relationship, Verification

    stores = moto_stores()
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    fields = {key: value for key, value in review().items() if key != "connection"}
    stores.reviews.add(ReviewRecord(id=PUBLISHED, display_name="Asha K.", **fields, flags=[],
                                    status=Status.APPROVED, fingerprint="seeded", created_at=now))
    user = stores.users.by_email(EMAIL)
    if user is not None:
        stores.confirmations.add_tie(user.id, INSTITUTIONS[0], Verification(
            relationship=Relationship.REPRESENTATIVE, domain=f"students.{INSTITUTIONS[0]}.example", at=now))


def moto_tables() -> Any:
    """moto's in-memory tables of the test's account (read and cleared directly: through boto3, a scan of five
    tables per request and the deletes after each acceptance were most of this module's 106 s)."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    return dynamodb_backends[DEFAULT_ACCOUNT_ID][REGION]


def stored() -> int:
    backend = moto_tables()
    return sum(len(backend.get_table(f"test-{table}")) for table in TABLES)


def forget_accepted(also: tuple[str, ...]) -> None:
    backend = moto_tables()
    for name in FORGOTTEN + also:
        backend.get_table(f"test-{name}").items.clear()


def fresh_ip() -> str:
    """A new documentation address per request, so the per-IP limits never answer for the validation."""
    number = next(ADDRESSES)
    return f"198.18.{number // 250}.{number % 250 + 1}"


def names(field: str, error_fields: dict[str, str]) -> bool:
    return any(name == field or name.startswith((f"{field}.", f"{field}[")) for name in error_fields)


def test_every_form_in_the_table_has_a_valid_body_here() -> None:
    from careermitra.api.form_specs import FORMS, ButtonPress

    # One-button forms (their body is the page's language alone) are walked by tests/backend/test_form_messages.py.
    assert set(VALID) == {name for name, spec in FORMS.items() if spec.model not in (None, ButtonPress)}


@pytest.mark.parametrize("form", sorted(VALID))
def test_the_corpus_in_every_field_and_as_every_body_of_the_form(api: Api, form: str) -> None:
    """One moto account and one sign-in per form (setting them up per check was a third of the module's time)."""
    _, _, signed_in = VALID[form]
    cookie = sign_in(api, ip=fresh_ip()) if signed_in else None
    if form in ABOUT_A_PUBLISHED_REVIEW:
        seed_published_review()
    assert stored() > 0 or not signed_in, "the count must read the tables the handler writes"
    hostile_values_in_every_field_are_refused_by_name_or_accepted(api, form, cookie)
    unknown_fields_are_refused_by_name(api, form, cookie)
    malformed_bodies_are_refused(api, form, cookie)


def hostile_values_in_every_field_are_refused_by_name_or_accepted(api: Api, form: str, cookie: str | None) -> None:
    from careermitra.api.form_specs import FORMS

    path, valid, _ = VALID[form]
    model = FORMS[form].model
    assert model is not None
    # `lang` takes any value (anything but en or hi is English), so on the deletion form every one of them would
    # erase the account this check is signed in to; its hostile values are sent to every other form.
    skipped = {"slug", "lang"} if form == "delete-account" else {"slug"}
    for field in [name for name in model.model_fields if name not in skipped]:
        for label, value in VALUES:
            before = stored()
            answer = api.request("POST", path, json_body={**valid, field: value}, cookie=cookie, ip=fresh_ip())
            where = f"{form}.{field} = {label}: {answer.status} {answer.body[:200]}"
            assert answer.status < 500, where
            if answer.status >= 400:
                error = answer.json()["error"]
                assert names("body" if answer.status == 413 else field, error["fields"]), where
                assert stored() == before, where
            if answer.status < 300:
                forget_accepted(("UsersTable",) if form == "register" else ())
                if form in ABOUT_A_PUBLISHED_REVIEW:
                    seed_published_review()


def unknown_fields_are_refused_by_name(api: Api, form: str, cookie: str | None) -> None:
    path, valid, _ = VALID[form]
    before = stored()
    answer = api.request("POST", path, json_body={**valid, "is_admin": True}, cookie=cookie, ip=fresh_ip())
    assert answer.status == 422 and "is_admin" in answer.json()["error"]["fields"], (form, answer.body[:200])
    assert stored() == before


def malformed_bodies_are_refused(api: Api, form: str, cookie: str | None) -> None:
    path = VALID[form][0]
    before = stored()
    for body in BODIES:
        # As the local gateway and API Gateway hand over a body that is not UTF-8: base64-encoded.
        answer = api.request("POST", path, raw=body, base64_body=True, cookie=cookie, ip=fresh_ip(),
                             content_type="application/json", headers={"Accept": "application/json"})
        where = (form, body[:40], answer.status, answer.body[:200])
        assert 400 <= answer.status < 500, where
        error = answer.json()["error"]
        assert set(error) == {"code", "message", "fields"} and error["fields"], where
    assert stored() == before

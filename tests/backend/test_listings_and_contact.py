"""Listing requests and the contact form."""

from __future__ import annotations

import boto3
import pytest

from tests.support.api import EMAIL, OFFICER, REGION, Api, contact_message, listing, sent_mail, sign_in

pytestmark = pytest.mark.usefixtures("no_personal_data_in_logs")


def items(table: str) -> list[dict]:
    return boto3.resource("dynamodb", region_name=REGION).Table(f"test-{table}").scan()["Items"]


def test_a_signed_in_person_proposes_an_institution_and_it_waits_for_an_editor(api: Api) -> None:
    cookie = sign_in(api)
    answer = api.submit("listing", "/api/listings", listing(), cookie=cookie)
    assert answer.status == 202
    [stored] = items("ListingsTable")
    assert answer.json() == {"id": stored["id"], "status": "pending"}
    assert stored["slug"] == "kaveri-college-of-arts"


def test_a_listing_form_with_course_rows_works_without_javascript(api: Api) -> None:
    cookie = sign_in(api)
    fields = {"name": "Kaveri College of Arts", "type": "college", "city": "Mysuru", "state": "Karnataka",
              "established": "1994", "website": "https://kaveri.example.ac.in/", "approvals.bodies": ["UGC", "NCTE"],
              "approvals.affiliated_to": "University of Mysore", "approvals.naac_grade": "A",
              "approvals.nirf_rank": "", "courses.0.name": "B.A.", "courses.0.specialisation": "History",
              "courses.0.level": "undergraduate", "courses.0.duration": "3 years", "courses.0.fees_inr": "24000",
              "courses.0.seats": "120", "courses.1.name": "", "courses.1.specialisation": "",
              "courses.1.level": "", "courses.1.duration": "", "courses.1.fees_inr": "", "courses.1.seats": "",
              "facilities": "Library", "contact.address": "12 College Road, Mysuru", "contact.pincode": "570001",
              "contact.phone": "", "description": "A small arts college by the river, known for its history."}
    answer = api.submit("listing", "/api/listings", fields, as_form=True, cookie=cookie)
    assert (answer.status, answer.location) == (303, "/listings/thanks/")
    assert len(items("ListingsTable")) == 1


def test_a_listing_request_needs_a_signed_in_person(api: Api) -> None:
    assert api.submit("listing", "/api/listings", listing()).status == 401


def test_an_institution_already_on_the_site_cannot_be_proposed(api: Api) -> None:
    cookie = sign_in(api)
    answer = api.submit("listing", "/api/listings", listing(name="Alpha College"), cookie=cookie)
    assert answer.status == 409
    assert answer.json()["error"]["fields"] == {"name": "an institution with this name is already listed"}


def test_a_listing_with_wrong_facts_names_each_field(api: Api) -> None:
    cookie = sign_in(api)
    answer = api.submit("listing", "/api/listings",
                        listing(established=1700, contact={"address": "12 College Road", "pincode": "0123"}),
                        cookie=cookie)
    assert answer.status == 422
    assert set(answer.json()["error"]["fields"]) == {"established", "contact.pincode"}


def test_the_contact_form_opens_a_ticket_and_mails_the_sender_and_the_grievance_officer(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message())
    assert answer.status == 202
    ticket = answer.json()["ticket"]
    assert ticket.startswith("CM-") and len(ticket) == 11
    recipients = {mail["to"][0]: mail for mail in sent_mail()}
    assert set(recipients) == {EMAIL, OFFICER}
    assert ticket in recipients[EMAIL]["subject"]
    assert "last year's" in recipients[OFFICER]["text"]
    assert [item["id"] for item in items("TicketsTable")] == [ticket]


def test_the_same_message_sent_twice_is_one_ticket_and_one_pair_of_mails(api: Api) -> None:
    first = api.submit("contact", "/api/contact", contact_message())
    again = api.submit("contact", "/api/contact", contact_message())
    assert first.json() == again.json()
    assert len(items("TicketsTable")) == 1
    assert len(sent_mail()) == 2


def test_a_contact_form_without_javascript_lands_on_the_thank_you_page_with_the_ticket(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(), as_form=True)
    assert answer.status == 303
    assert answer.location.startswith("/contact/thanks/?ticket=CM-")

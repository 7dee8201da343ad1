"""The rules that need no AWS: phone numbers, display names, review flags, form values, signatures."""

from __future__ import annotations

import re

import pytest

from careermitra.api.forms import form_values
from careermitra.domain.review_submission import ReviewFlag, ReviewSubmission, review_flags
from careermitra.domain.signing import sign, unsign
from careermitra.domain.user import display_name_of, normalise_indian_mobile


@pytest.mark.parametrize("typed", ["9876543210", "98765 43210", "+91 98765 43210", "+91-98765-43210",
                                   "919876543210", "09876543210", "(+91) 98765-43210"])
def test_indian_mobile_numbers_are_stored_in_e164(typed: str) -> None:
    assert normalise_indian_mobile(typed) == "+919876543210"


@pytest.mark.parametrize("typed", ["5876543210", "98765", "+44 7911 123456", "020 2546 0000", "98765432101"])
def test_numbers_that_are_not_indian_mobiles_are_refused_with_an_example(typed: str) -> None:
    with pytest.raises(ValueError, match=re.escape("e.g. 98765 43210")):
        normalise_indian_mobile(typed)


@pytest.mark.parametrize(("name", "shown"), [("Priya Sharma", "Priya S."), ("Priya", "Priya"),
                                             ("Anil Kumar Reddy", "Anil R."), ("Zoë d'Souza", "Zoë D.")])
def test_reviewers_are_shown_by_first_name_and_initial(name: str, shown: str) -> None:
    assert display_name_of(name) == shown


def test_plain_prose_has_no_flags_but_addresses_in_disguise_are_caught() -> None:
    assert review_flags("Good teachers. The fees rose 8% in 2023 and again in 2024.") == []
    assert review_flags("mail me at priya (at) example.com") == [ReviewFlag.EMAIL]
    assert review_flags("notes on https://example.org/notes") == [ReviewFlag.LINK]
    assert review_flags("call +91 98765 43210") == [ReviewFlag.PHONE]


def test_review_text_is_kept_as_plain_text() -> None:
    submission = ReviewSubmission.model_validate({
        "institution": "alpha-college", "rating": 5,
        "aspects": {"faculty": 5, "infrastructure": 5, "placements": 5, "campus_life": 5, "value_for_money": 5},
        "title": "Good\x00 college", "body": "<b>Bold</b> claims\r\nabout the canteen, which is honestly very good.",
        "course": "B.Sc", "graduation_year": 2022, "connection": "none"})
    assert submission.title == "Good college"
    assert submission.body == "<b>Bold</b> claims\nabout the canteen, which is honestly very good."


def test_form_values_become_numbers_booleans_lists_and_rows_by_the_model() -> None:
    from careermitra.domain.institution import Institution

    values = form_values(Institution, {"established": "1994", "facilities": "Library",
                                       "approvals": {"nirf_rank": "", "bodies": "UGC"},
                                       "courses": {"1": {"name": "M.A.", "seats": "20"}, "0": {"name": "B.A."},
                                                   "2": {"name": "", "seats": ""}}})
    assert values == {"established": 1994, "facilities": ["Library"],
                      "approvals": {"nirf_rank": None, "bodies": ["UGC"]},
                      "courses": [{"name": "B.A."}, {"name": "M.A.", "seats": 20}]}


def test_a_signature_holds_only_for_its_key_and_purpose() -> None:
    signed = sign(b"k" * 32, "session", "abc")
    assert unsign(b"k" * 32, "session", signed) == "abc"
    assert unsign(b"x" * 32, "session", signed) is None
    assert unsign(b"k" * 32, "form-token", signed) is None

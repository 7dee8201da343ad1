"""Issue 12, one address many accounts: RFC-checked addresses and the canonical mailbox the limits count on."""

from __future__ import annotations

import pytest

from careermitra.domain.user import canonical_mailbox, normalise_email


@pytest.mark.parametrize(("typed", "stored"), [
    ("  Priya.Sharma@Example.IN ", "priya.sharma@example.in"),
    ("priya+reviews@example.in", "priya+reviews@example.in"),
    ("u@пример.рф", "u@xn--e1afmkfd.xn--p1ai"),  # an IDN domain in one script, kept in its ASCII (IDNA) form
    ("U@XN--E1AFMKFD.XN--P1AI", "u@xn--e1afmkfd.xn--p1ai"),
])
def test_an_address_is_stored_in_one_normal_form(typed: str, stored: str) -> None:
    assert normalise_email(typed) == stored


@pytest.mark.parametrize("typed", [
    "a..b@example.in",  # two dots in a row
    ".priya@example.in",  # a leading dot
    "priya.@example.in",  # a trailing dot
    '"priya sharma"@example.in',  # a quoted local part
    "प्रिया@example.in",  # a local part SES cannot deliver to
    "priya@gm\u0430il.com",  # Latin and a Cyrillic "a" in one label: a look-alike of gmail.com
    "priya@example",  # no dot in the domain
    "priya@x.test",  # a reserved domain
    "priya@@example.in",
    "priya",
])
def test_an_address_that_is_not_a_deliverable_rfc_address_is_refused_in_plain_words(typed: str) -> None:
    with pytest.raises(ValueError, match=r"email address|alphabets"):
        normalise_email(typed)


@pytest.mark.parametrize(("address", "mailbox"), [
    ("priya@example.in", "priya@example.in"),
    ("priya+reviews@example.in", "priya@example.in"),
    ("p.r.i.y.a+x@gmail.com", "priya@gmail.com"),
    ("priya@googlemail.com", "priya@gmail.com"),
    ("p.riya@outlook.com", "p.riya@outlook.com"),  # dots count at other providers
    ("Priya@Example.in", "priya@example.in"),
])
def test_the_canonical_mailbox_folds_the_spellings_that_reach_one_inbox(address: str, mailbox: str) -> None:
    assert canonical_mailbox(address) == mailbox

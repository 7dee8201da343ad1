"""A registered user: who may write reviews and propose listings, and the rules their details follow."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.return_path import safe_return_path
from careermitra.i18n import N_, Language

NAME_PATTERN = re.compile(r"^[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\.?$", re.UNICODE)
# ASCII digits only: `\d` also matches Devanagari, Arabic-Indic and full-width digits, which would be stored as is.
INDIAN_MOBILE = re.compile(r"^[6-9][0-9]{9}$")


def normalise_email(text: str) -> str:
    """An address in the form we store and send to: RFC-checked, the domain in ASCII (IDNA), all lower-case.

    Refused, with a plain-words ValueError: what email-validator refuses (two dots in a row, a leading or
    trailing dot, quoted local parts, reserved domains such as .test), a local part that is not ASCII (SES
    cannot deliver to it) and a domain label mixing scripts ("gm\u0430il.com" with a Cyrillic "\u0430"), the form of a
    look-alike domain; a domain in one script (пример.рф, भारत) is fine.
    """
    from email_validator import EmailNotValidError, validate_email  # imported on first use: the cold start

    try:
        checked = validate_email(text.strip(), check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as error:
        raise ValueError(f"enter an email address like name@example.com ({_plain(str(error))})") from None
    if any(len(_scripts(label)) > 1 for label in checked.domain.split(".")):
        raise ValueError(N_("the part after the @ mixes alphabets, as look-alike addresses do; type it again"))
    email = checked.ascii_email.lower() if checked.ascii_email else ""
    if not email or len(email) > 254:
        raise ValueError(N_("enter an email address like name@example.com"))
    return email


def _plain(reason: str) -> str:
    """email-validator's reason, first letter lower-cased and without its final stop, to sit in a sentence."""
    return reason[:1].lower() + reason[1:].rstrip(".")


def _scripts(label: str) -> set[str]:
    """The scripts of a domain label's letters, by their Unicode names ('LATIN', 'CYRILLIC', 'DEVANAGARI')."""
    return {unicodedata.name(char, "UNKNOWN").split()[0] for char in label if char.isalpha()}


# Providers that deliver every spelling of a mailbox to one inbox beyond "+tag": dots do not count at Gmail,
# and googlemail.com is the same service. Outlook, Yahoo and the rest treat dots as part of the name.
DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def canonical_mailbox(email: str) -> str:
    """The inbox an address reaches: lower-case, without its "+tag", and for Gmail without dots in the name.

    The key of "one account per mailbox" and of the per-email rate limits, so p.riya+1@gmail.com and
    priya@googlemail.com count as one person.
    """
    local, _, domain = email.strip().lower().rpartition("@")
    local = local.split("+", 1)[0] or local
    if domain in DOTLESS_DOMAINS:
        local, domain = local.replace(".", ""), DOTLESS_DOMAINS[domain]
    return f"{local}@{domain}"


# An address a person types into a form: trimmed, lower-cased and checked (registration, contact, privacy).
EmailAddress = Annotated[str, AfterValidator(normalise_email)]


def normalise_indian_mobile(text: str) -> str:
    """An Indian mobile number in E.164 ('+919876543210'), from '98765 43210', '+91-98765-43210' or '098765…'."""
    digits = re.sub(r"[\s().-]", "", text.strip())
    if digits.startswith("+91"):
        digits = digits[3:]
    elif len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not INDIAN_MOBILE.match(digits):
        raise ValueError(N_("enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9, e.g. 98765 43210"))
    return "+91" + digits


def display_name_of(name: str) -> str:
    """What the site shows for a reviewer: first name and the initial of the last ('Priya S.')."""
    words = name.split()
    first = words[0][:30]
    return f"{first} {words[-1][0].upper()}." if len(words) > 1 else first


PersonName = Annotated[str, Field(min_length=2, max_length=100)]
CityName = Annotated[str, Field(min_length=2, max_length=80)]


def checked_person_name(value: str) -> str:
    """A person's name in letters (any script), with spaces, dots, hyphens or apostrophes between words."""
    if not NAME_PATTERN.match(value):
        raise ValueError(N_("write your name in letters, e.g. 'Priya Sharma'"))
    return value


# A person's own name and mobile number as a form gives them: checked (and the number normalised) by the type,
# so every model that takes them applies the same rules.
CheckedPersonName = Annotated[str, Field(min_length=2, max_length=100), AfterValidator(checked_person_name)]
IndianMobile = Annotated[str, AfterValidator(normalise_indian_mobile)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# The page a sign-in or verification link returns to; anything but a page of this site is dropped, not refused
# (the person did nothing wrong: a crafted link put it there), and the link then leads to the usual page.
ReturnPath = Annotated[str | None, BeforeValidator(safe_return_path),
                       Field(default=None, description="a page of this site to return to, e.g. /account/reviews/")]


class SignInRequest(_Input):
    """The sign-in form: the email alone; a link goes to it (a note to register when no account has it)."""

    email: EmailAddress
    return_to: ReturnPath = None
    lang: PageLanguage = DEFAULT_LANGUAGE


class Registration(_Input):
    """What the register form sends; the same form signs a verified user in again."""

    name: CheckedPersonName
    email: EmailAddress
    phone: IndianMobile
    city: CityName
    consent: bool = Field(strict=True)  # JSON 1 or "yes" is not a tick (forms send "on": api/forms.py)
    policy_version: Annotated[str, Field(min_length=1, max_length=40)]
    # DPDP Act s.9: a child's data needs verifiable parental consent; we do not register children at all.
    # An unticked box is not sent at all: absent is "not confirmed", refused with the same plain message.
    adult: bool = Field(default=False, strict=True, validate_default=True)
    return_to: ReturnPath = None
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("consent")
    @classmethod
    def _consent(cls, value: bool) -> bool:
        if not value:
            raise ValueError(N_("tick the box to agree to the privacy policy; we cannot register you without it"))
        return value

    @field_validator("adult")
    @classmethod
    def _adult(cls, value: bool) -> bool:
        if not value:
            raise ValueError(ADULT_REFUSAL)
        return value


ADULT_REFUSAL = N_("confirm that you are 18 or older; we do not register children (under 18), so if you are "
                   "younger, a parent can write about your school instead")


class AccountChange(BaseModel):
    """One change a person made to their own account: which fields, when. The old values are not kept: a
    correction exists to make wrong data go away, so the history says that it changed, not what it was."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    at: dt.datetime
    action: str  # "corrected", "nominated", "nomination withdrawn"
    fields: list[str] = Field(default_factory=list)


class Nominee(BaseModel):
    """The person a user nominated to exercise their rights on their death or incapacity (DPDP Act s.14)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str
    email: str
    nominated_at: dt.datetime


class PolicyConsent(BaseModel):
    """One acceptance of a version of the privacy policy."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    version: str
    at: dt.datetime


class User(BaseModel):
    """A stored user; the email, phone and city never leave the backend."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    name: str
    # Checked when it was typed; a stored address is read as it is, so a stricter check never locks anyone out.
    email: str
    phone: str
    city: str
    verified: bool = False
    consent_version: str
    consented_at: dt.datetime
    created_at: dt.datetime
    # Every acceptance, oldest first; `consent_version`/`consented_at` are the latest one.
    consent_history: list[PolicyConsent] = Field(default_factory=list)
    # When the person confirmed being 18 or older (None for an account registered before the question existed).
    adult_confirmed_at: dt.datetime | None = None
    # What the person changed in their account, oldest first (careermitra.domain.account_rights).
    history: list[AccountChange] = Field(default_factory=list)
    nominee: Nominee | None = None
    # The language the person registered in; every mail to them is written in it (issue 16). Older records: English.
    language: Language = DEFAULT_LANGUAGE

    @property
    def display_name(self) -> str:
        return display_name_of(self.name)

    @property
    def consents(self) -> list[PolicyConsent]:
        """The history, or (for a record older than the history) the one consent it stored."""
        return self.consent_history or [PolicyConsent(version=self.consent_version, at=self.consented_at)]

    def has_accepted(self, policy_version: str) -> bool:
        return self.consent_version == policy_version

"""Every form of the site, named once: the path it posts to, its model, its rate limits and its result page.

The routes, the abuse guard, the fill-time token endpoint, the error pages and the form contract test all read
this table; the theme's `data-form` and `data-done` attributes are checked against it by
tests/site/test_forms_contract.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from careermitra.domain.abuse import DAY, HOUR, RateLimit
from careermitra.domain.account_rights import AccountDeletion, DetailsCorrection, Nomination
from careermitra.domain.analytics import PageViewBeacon
from careermitra.domain.listing import InstitutionProposal
from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.privacy import PolicyAcceptance, PrivacyRequest
from careermitra.domain.review_submission import ReviewSubmission
from careermitra.domain.ticket import ContactMessage
from careermitra.domain.trust import AddressConfirmation, ReplySubmission, ReportSubmission
from careermitra.domain.user import Registration, SignInRequest
from careermitra.i18n import N_

ANALYTICS_ADULT_REFUSAL = N_("tick 'I am 18 or older' to accept analytics; if you are younger, choose Reject: "
                              "we do not count the visits of children")


class ConsentChoice(BaseModel):
    """The banner's and the cookie settings page's two equal buttons."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    choice: Literal["accept", "reject"]
    # Accepting needs "I am 18 or older" ticked: we do not track children (DPDP Act s.9(3)).
    adult: bool = Field(default=False, validate_default=True)
    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("adult")
    @classmethod
    def _accepting_is_for_adults(cls, value: bool, info: ValidationInfo) -> bool:
        if info.data.get("choice") == "accept" and not value:
            raise ValueError(ANALYTICS_ADULT_REFUSAL)
        return value


class ButtonPress(BaseModel):
    """The body of a form that is one button (sign out, withdraw the nomination, carry out a privacy request):
    only its page's language, so the page it leads to is in it even from a browser that sends no Referer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: PageLanguage = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class FormSpec:
    """One form: `name` is its `data-form` in the theme, the `?form=` of an error page and its token's form."""

    name: str
    path: str
    model: type[BaseModel] | None  # what its fields must satisfy (None: a form without fields)
    done_page: str  # where a form posted without script lands when it worked
    limits: tuple[RateLimit, ...] = ()
    screened: bool = True  # honeypot and fill-time token in front of it (and a token from /api/form-token)
    # Who may send it: anyone; a signed-in user; a signed-in user who accepted the current privacy policy.
    # Checked before the fields are, so a person who is not signed in is asked to sign in first.
    sender: Literal["anyone", "signed_in", "consenting"] = "anyone"
    max_body_bytes: int | None = None  # None: the API's MAX_BODY_BYTES setting

    def limits_per(self, per: str) -> tuple[RateLimit, ...]:
        """The form's limits counted per `per` ("ip", "user", "email")."""
        return tuple(rule for rule in self.limits if rule.per == per)


def _limits(form: str, **per: tuple[int, dt.timedelta]) -> tuple[RateLimit, ...]:
    """`_limits("review", ip=(60, HOUR))`: at most 60 reviews an hour from one address."""
    return tuple(RateLimit(form, subject, limit, window) for subject, (limit, window) in per.items())


SMALL_BODY_BYTES = 2048  # the consent choice and the analytics beacon are a few short fields
# Per-IP limits are generous: a college campus or a mobile carrier puts many people behind one address.
FORMS: dict[str, FormSpec] = {spec.name: spec for spec in (
    FormSpec("register", "/api/register", Registration, "/account/check-email/",
             _limits("register", ip=(20, HOUR), email=(5, HOUR))),
    FormSpec("review", "/api/reviews", ReviewSubmission, "/reviews/thanks/",
             _limits("review", ip=(60, HOUR), user=(20, DAY)), sender="consenting"),
    FormSpec("listing", "/api/listings", InstitutionProposal, "/listings/thanks/",
             _limits("listing", ip=(30, HOUR), user=(10, DAY)), sender="consenting"),
    FormSpec("contact", "/api/contact", ContactMessage, "/contact/thanks/",
             _limits("contact", ip=(10, HOUR), email=(5, HOUR))),
    FormSpec("privacy", "/api/privacy-requests", PrivacyRequest, "/privacy/check-email/",
             _limits("privacy", ip=(10, HOUR), email=(3, HOUR))),
    FormSpec("policy", "/api/policy-consent", PolicyAcceptance, "/account/policy-accepted/",
             _limits("policy", user=(10, DAY)), sender="signed_in"),
    FormSpec("consent", "/api/consent", ConsentChoice, "/cookies/saved/", _limits("consent", ip=(60, HOUR)),
             screened=False, max_body_bytes=SMALL_BODY_BYTES),
    FormSpec("logout", "/api/logout", ButtonPress, "/account/signed-out/", screened=False),
    # "Your account" (DPDP duties): a signed-in person's own details, nominee and deletion; no bot signs in.
    FormSpec("details", "/api/account/details", DetailsCorrection, "/account/details-saved/",
             _limits("details", user=(20, DAY)), screened=False, sender="signed_in"),
    FormSpec("nominee", "/api/account/nominee", Nomination, "/account/nominee-saved/",
             _limits("nominee", user=(10, DAY)), screened=False, sender="signed_in"),
    FormSpec("nominee-withdraw", "/api/account/nominee/withdraw", ButtonPress, "/account/nominee-saved/",
             screened=False, sender="signed_in"),
    FormSpec("delete-account", "/api/account/delete", AccountDeletion, "/privacy/erased/",
             screened=False, sender="signed_in"),
    FormSpec("sign_in", "/api/sign-in", SignInRequest, "/account/check-email/",
             _limits("sign_in", ip=(20, HOUR), email=(5, HOUR))),
    # Issue 14, trust: a report needs no account, so only the per-IP limit holds it back.
    FormSpec("report", "/api/reports", ReportSubmission, "/reviews/reported/", _limits("report", ip=(10, HOUR))),
    FormSpec("confirm-address", "/api/address-confirmations", AddressConfirmation, "/account/check-institution-email/",
             _limits("confirm-address", ip=(20, HOUR), user=(5, DAY)), sender="consenting"),
    FormSpec("reply", "/api/replies", ReplySubmission, "/reviews/reply-sent/",
             _limits("reply", ip=(30, HOUR), user=(50, DAY)), sender="consenting"),
)}
FORM_AT_PATH: dict[str, FormSpec] = {spec.path: spec for spec in FORMS.values()}
# The forms /api/form-token issues a fill-time token for.
SCREENED_FORMS = tuple(name for name, spec in FORMS.items() if spec.screened)


@dataclass(frozen=True)
class BeaconSpec:
    """A body a page's script sends by itself, not a form a person fills in: no honeypot, token or result page."""

    name: str
    path: str
    model: type[BaseModel]
    limits: tuple[RateLimit, ...]
    max_body_bytes: int

    def limits_per(self, per: str) -> tuple[RateLimit, ...]:
        """The beacon's limits counted per `per` ("ip", "visitor")."""
        return tuple(rule for rule in self.limits if rule.per == per)


# One beacon per page view: generous per address (a campus), tighter per visitor id (one person).
BEACON = BeaconSpec("events", "/api/events", PageViewBeacon, _limits("events", ip=(1200, HOUR), visitor=(300, HOUR)),
                    SMALL_BODY_BYTES)
EVENTS_PATH = BEACON.path
# Every rate-limited body the API takes, by the name its limits are counted under.
LIMITED: dict[str, FormSpec | BeaconSpec] = {**FORMS, BEACON.name: BEACON}
BODY_LIMIT_AT_PATH: dict[str, int] = {
    spec.path: spec.max_body_bytes for spec in LIMITED.values() if spec.max_body_bytes}

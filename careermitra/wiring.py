"""The composition root: the one place that turns table names and mail settings into stores, a mailer and the
workflows over them. The API (`careermitra.api.services`), the `careermitra` command and the local stack
(`make dev`) all build what they use here; everything else is handed Protocols (careermitra.store.*).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from careermitra.mail.messages import Mailer
from careermitra.store.analytics import AnalyticsStore, DynamoAnalyticsStore
from careermitra.store.audit import AuditLog, DynamoAuditLog
from careermitra.store.confirmations import ConfirmationStore, DynamoConfirmationStore
from careermitra.store.institutions import Catalogue
from careermitra.store.listings import DynamoListingStore, ListingStore
from careermitra.store.privacy_requests import DynamoPrivacyRequestStore, PrivacyRequestStore
from careermitra.store.published_reviews import DynamoApprovedReviews
from careermitra.store.rate_limits import DynamoRateLimitStore, RateLimitStore
from careermitra.store.reports import DynamoReportStore, ReportStore
from careermitra.store.reviews import DynamoReviewStore, ReviewStore
from careermitra.store.sessions import DynamoSessionStore, SessionStore
from careermitra.store.tickets import DynamoTicketStore, TicketStore
from careermitra.store.users import DynamoUserStore, UserStore
from careermitra.workflows.accounts import Accounts
from careermitra.workflows.moderation import Moderation
from careermitra.workflows.trust import Trust


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class TableNames:
    """The DynamoDB tables of one stack. No function may touch the audit table (template.yaml), so the API has
    none; only the `careermitra` command names it."""

    users: str
    reviews: str
    listings: str
    tickets: str
    rate_limits: str
    analytics: str
    audit: str | None = None
    reports: str = ""  # issue 14: reports of reviews (a stack deployed before it has none)

    @classmethod
    def from_resources(cls, names: Mapping[str, str]) -> TableNames:
        """From the template's logical ids (`UsersTable`: name), as the local stack creates them."""
        return cls(users=names["UsersTable"], reviews=names["ReviewsTable"], listings=names["ListingsTable"],
                   tickets=names["TicketsTable"], rate_limits=names["RateLimitsTable"],
                   analytics=names["AnalyticsTable"], audit=names.get("AuditTable"),
                   reports=names.get("ReportsTable", ""))

    @classmethod
    def from_outputs(cls, outputs: Mapping[str, str]) -> TableNames:
        """From a deployed stack's outputs (`UsersTableName`: name)."""
        return cls.from_resources({key.removesuffix("Name"): value for key, value in outputs.items()})


class DynamoStores:
    """Every store over one stack's tables; each is made on first use, so a route or a command pays for the
    stores it needs only."""

    def __init__(self, tables: TableNames) -> None:
        self.tables = tables

    @cached_property
    def users(self) -> UserStore:
        return DynamoUserStore(self.tables.users)

    @cached_property
    def sessions(self) -> SessionStore:
        return DynamoSessionStore(self.tables.users)

    @cached_property
    def privacy_requests(self) -> PrivacyRequestStore:
        return DynamoPrivacyRequestStore(self.tables.users)

    @cached_property
    def reviews(self) -> ReviewStore:
        return DynamoReviewStore(self.tables.reviews)

    @cached_property
    def approved_reviews(self) -> DynamoApprovedReviews:
        return DynamoApprovedReviews(self.tables.reviews)

    @cached_property
    def listings(self) -> ListingStore:
        return DynamoListingStore(self.tables.listings)

    @cached_property
    def tickets(self) -> TicketStore:
        return DynamoTicketStore(self.tables.tickets)

    @cached_property
    def rate_limits(self) -> RateLimitStore:
        return DynamoRateLimitStore(self.tables.rate_limits)

    @cached_property
    def analytics(self) -> AnalyticsStore:
        return DynamoAnalyticsStore(self.tables.analytics)

    @cached_property
    def reports(self) -> ReportStore:
        return DynamoReportStore(self.tables.reports)

    @cached_property
    def confirmations(self) -> ConfirmationStore:
        return DynamoConfirmationStore(self.tables.users)

    @cached_property
    def audit(self) -> AuditLog:
        if self.tables.audit is None:
            raise RuntimeError("no audit table here: only the careermitra command may append to it")
        return DynamoAuditLog(self.tables.audit)


def mailer_for(sender: str, outbox: Path | None, configuration_set: str = "") -> Mailer:
    """Files in `outbox` locally (make dev, tests), else Amazon SES from the verified `sender`, through the
    configuration set that reports bounces and complaints."""
    if outbox is not None:
        from careermitra.mail.outbox import OutboxMailer

        return OutboxMailer(outbox, sender)
    from careermitra.mail.ses import SesMailer

    return SesMailer(sender, configuration_set=configuration_set)


def moderation_over(stores: DynamoStores, mailer: Mailer, clock: Callable[[], dt.datetime] = utc_now,
                    site_origin: str = "https://careermitra.in", moderator: str = "unknown") -> Moderation:
    """The editors' workflow over the stack's queues; the mails to authors link to `site_origin`, and `moderator`
    signs every decision in the log."""
    return Moderation(users=stores.users, reviews=stores.reviews, listings=stores.listings, tickets=stores.tickets,
                      mailer=mailer, clock=clock, site_origin=site_origin,
                      reports=stores.reports if stores.tables.reports else None, moderator=moderator)


def trust_over(stores: DynamoStores, mailer: Mailer, catalogue: Catalogue, site_origin: str) -> Trust:
    """Reports, address confirmations and replies, with links back to the site's `/api/confirm-address`."""
    confirm_url = f"{site_origin}/api/confirm-address?token="
    return Trust(reviews=stores.reviews, reports=stores.reports, confirmations=stores.confirmations,
                 catalogue=catalogue, mailer=mailer, link_for=lambda token: confirm_url + quote(token))


def accounts_over(stores: DynamoStores, mailer: Mailer, site_origin: str, policy_version: str) -> Accounts:
    """Registration and sign-in, with links back to the site's `/api/verify`."""
    verify_url = f"{site_origin}/api/verify?token="
    return Accounts(users=stores.users, sessions=stores.sessions, mailer=mailer,
                    link_for=lambda token: verify_url + quote(token), policy_version=policy_version,
                    register_page=f"{site_origin}/account/register/")

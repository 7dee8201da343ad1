"""The stores, mailer and secret the routes use, made once per Lambda container (tests clear the cache)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from careermitra.api.settings import Settings, settings
from careermitra.mail.messages import Mailer
from careermitra.store.analytics import AnalyticsStore
from careermitra.store.confirmations import ConfirmationStore
from careermitra.store.dynamodb import aws_client
from careermitra.store.institutions import Catalogue, InstitutionCatalogue
from careermitra.store.listings import ListingStore
from careermitra.store.privacy_requests import PrivacyRequestStore
from careermitra.store.rate_limits import RateLimitStore
from careermitra.store.reviews import ReviewStore
from careermitra.store.tickets import TicketStore
from careermitra.wiring import DynamoStores, TableNames, accounts_over, mailer_for, trust_over, utc_now
from careermitra.workflows.accounts import Accounts
from careermitra.workflows.trust import Trust


@dataclass
class Services:
    settings: Settings
    key: bytes
    accounts: Accounts
    reviews: ReviewStore
    listings: ListingStore
    tickets: TicketStore
    rate_limits: RateLimitStore
    analytics: AnalyticsStore
    privacy_requests: PrivacyRequestStore
    catalogue: Catalogue
    mailer: Mailer
    trust: Trust
    confirmations: ConfirmationStore
    clock: Callable[[], dt.datetime] = utc_now


def secret_bytes(secret_id: str, purpose: str) -> bytes:
    """A secret's value from Secrets Manager; one shorter than 32 characters stops the request (never quoted)."""
    secret = aws_client("secretsmanager").get_secret_value(SecretId=secret_id)["SecretString"]
    if len(secret) < 32:
        raise RuntimeError(f"the {purpose} secret is shorter than 32 characters")
    return secret.encode()


def session_key(secret_id: str) -> bytes:
    """The signing key from Secrets Manager; rotating it signs everyone out, which is its purpose."""
    return secret_bytes(secret_id, "session signing")


@cache
def origin_secret() -> bytes:
    """What CloudFront sends in X-Origin-Verify, read once per container: a changed secret needs a redeploy anyway."""
    return secret_bytes(settings().origin_secret_id, "origin")


def suppressing(mailer: Mailer, users_table: str, key: bytes) -> Mailer:
    """The mailer, refusing every address SES reported as bounced or complaining (counted, never logged)."""
    from careermitra.api.observability import count
    from careermitra.mail.suppressed import SuppressingMailer
    from careermitra.store.suppressions import DynamoSuppressionList

    return SuppressingMailer(mailer, DynamoSuppressionList(users_table, key), count)


@cache
def services() -> Services:
    config = settings()
    stores = DynamoStores(TableNames(
        users=config.users_table, reviews=config.reviews_table, listings=config.listings_table,
        tickets=config.tickets_table, rate_limits=config.rate_limits_table, analytics=config.analytics_table,
        reports=config.reports_table))
    key = session_key(config.session_secret_id)
    mailer = suppressing(mailer_for(config.sender_email, config.mail_outbox_dir, config.ses_configuration_set),
                         config.users_table, key)
    catalogue = InstitutionCatalogue(config.content_dir)
    return Services(
        settings=config, key=key,
        accounts=accounts_over(stores, mailer, config.site_origin, config.policy_version),
        reviews=stores.reviews, listings=stores.listings, tickets=stores.tickets, rate_limits=stores.rate_limits,
        analytics=stores.analytics, privacy_requests=stores.privacy_requests,
        catalogue=catalogue, mailer=mailer, trust=trust_over(stores, mailer, catalogue, config.site_origin),
        confirmations=stores.confirmations)

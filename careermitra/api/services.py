"""The stores, mailer and secret the routes use, made once per Lambda container (tests clear the cache)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

import boto3

from careermitra.api.settings import Settings, settings
from careermitra.mail.messages import Mailer
from careermitra.store.analytics import DynamoAnalyticsStore
from careermitra.store.institutions import InstitutionCatalogue
from careermitra.store.listings import DynamoListingStore
from careermitra.store.privacy_requests import DynamoPrivacyRequestStore
from careermitra.store.rate_limits import DynamoRateLimitStore
from careermitra.store.reviews import DynamoReviewStore
from careermitra.store.sessions import DynamoSessionStore
from careermitra.store.tickets import DynamoTicketStore
from careermitra.store.users import DynamoUserStore
from careermitra.workflows.accounts import Accounts


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Services:
    settings: Settings
    key: bytes
    accounts: Accounts
    reviews: DynamoReviewStore
    listings: DynamoListingStore
    tickets: DynamoTicketStore
    rate_limits: DynamoRateLimitStore
    catalogue: InstitutionCatalogue
    mailer: Mailer
    analytics: DynamoAnalyticsStore
    privacy_requests: DynamoPrivacyRequestStore
    clock: Callable[[], dt.datetime] = utc_now


def _mailer(config: Settings) -> Mailer:
    if config.mail_outbox_dir is not None:
        from careermitra.mail.outbox import OutboxMailer

        return OutboxMailer(config.mail_outbox_dir, config.sender_email)
    from careermitra.mail.ses import SesMailer

    return SesMailer(config.sender_email)


def secret_bytes(secret_id: str, purpose: str) -> bytes:
    """A secret's value from Secrets Manager; one shorter than 32 characters stops the request (never quoted)."""
    secret = boto3.client("secretsmanager").get_secret_value(SecretId=secret_id)["SecretString"]
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


@cache
def services() -> Services:
    config = settings()
    mailer = _mailer(config)
    verify_url = f"{config.site_origin}/api/verify?token="
    return Services(
        settings=config, key=session_key(config.session_secret_id),
        accounts=Accounts(users=DynamoUserStore(config.users_table), sessions=DynamoSessionStore(config.users_table),
                          mailer=mailer, link_for=lambda token: verify_url + quote(token),
                          policy_version=config.policy_version),
        reviews=DynamoReviewStore(config.reviews_table), listings=DynamoListingStore(config.listings_table),
        tickets=DynamoTicketStore(config.tickets_table), rate_limits=DynamoRateLimitStore(config.rate_limits_table),
        catalogue=InstitutionCatalogue(config.content_dir), mailer=mailer,
        analytics=DynamoAnalyticsStore(config.analytics_table),
        privacy_requests=DynamoPrivacyRequestStore(config.users_table))

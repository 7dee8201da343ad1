"""Registration, email links and sessions: the passwordless sign-in."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from careermitra.domain.page_language import link_in_language
from careermitra.domain.problems import InvalidInput, Unavailable
from careermitra.domain.return_path import safe_return_path
from careermitra.domain.signing import new_secret_token
from careermitra.domain.user import PolicyConsent, Registration, SignInRequest, User, canonical_mailbox
from careermitra.i18n import DEFAULT_LANGUAGE, N_, Language, localized_url
from careermitra.mail.messages import Mailer, Message, no_account_message, sign_in_message, verification_message
from careermitra.store.sessions import EmailLink, SessionStore
from careermitra.store.users import UserStore

logger = logging.getLogger(__name__)
VERIFICATION_LINK_LIFETIME = dt.timedelta(hours=24)
SIGN_IN_LINK_LIFETIME = dt.timedelta(hours=1)
SESSION_LIFETIME = dt.timedelta(days=30)
# A double click or a retried request must not send a second mail; a person asking again a minute later may.
MAIL_COOLDOWN = dt.timedelta(seconds=60)
MAIL_NOT_SENT = N_("We could not send you the email just now, so nothing was saved. "
                   "Please try again in a few minutes.")


@dataclass(frozen=True)
class SignedIn:
    """A followed link: the new session, the name the header shows, and the page to return to (if any)."""

    session_id: str
    display_name: str
    return_to: str | None
    language: Language = DEFAULT_LANGUAGE  # the account's: where the link lands when it names no page


@dataclass(frozen=True)
class Accounts:
    users: UserStore
    sessions: SessionStore
    mailer: Mailer
    link_for: Callable[[str], str]
    policy_version: str
    register_page: str = "/account/register/"  # the address the no-account mail of the sign-in form links to

    def register(self, registration: Registration, now: dt.datetime) -> str:
        """Mail a verification link carrying this registration, or a sign-in link to the mailbox's verified
        account; return which was sent.

        Nothing is stored but the link: an unverified registration reserves nothing, and a registration of a
        verified address changes nothing (its policy consent counts once the link is followed). Both paths make
        the same store calls and render and send one mail, so neither the answer nor its time tells whether
        an address is known.
        """
        self.check_policy_version(registration)
        consent = PolicyConsent(version=registration.policy_version, at=now)
        mailbox = canonical_mailbox(registration.email)
        found = self.users.by_email(registration.email, now)
        account = found if found is not None and found.verified else None
        if account is not None:
            link = EmailLink(mailbox=mailbox, user_id=account.id, consent=consent, return_to=registration.return_to)
            to, name, lang, lifetime = account.email, account.name, account.language, SIGN_IN_LINK_LIFETIME
            compose = sign_in_message
        else:
            new = User(id=uuid.uuid4().hex, name=registration.name, email=registration.email,
                       phone=registration.phone, city=registration.city, verified=False,
                       consent_version=consent.version, consented_at=now, created_at=now, consent_history=[consent],
                       adult_confirmed_at=now, language=registration.lang)
            link = EmailLink(mailbox=mailbox, registration=new, consent=consent, return_to=registration.return_to)
            to, name, lang = registration.email, registration.name, registration.lang
            lifetime = VERIFICATION_LINK_LIFETIME
            compose = verification_message
        token = new_secret_token()
        sent = self._send_link(token, link, now + lifetime, now,
                               lambda: compose(to, name, self._link(token, lang), lang))
        return ("sign_in" if account else "verification") if sent else "none"

    def sign_in(self, request: SignInRequest, now: dt.datetime) -> str:
        """Mail a sign-in link to the mailbox's verified account, or a note that no account has this address (with
        the way to register); return which was sent.

        Both paths store a link (one for nobody never signs anyone in) and render and send one mail, so neither
        the answer nor its time tells whether an address is registered.
        """
        mailbox = canonical_mailbox(request.email)
        found = self.users.by_email(request.email, now)
        account = found if found is not None and found.verified else None
        link = EmailLink(mailbox=mailbox, user_id=account.id if account else None, return_to=request.return_to)
        token = new_secret_token()

        def compose() -> Message:
            if account is not None:
                return sign_in_message(account.email, account.name, self._link(token, account.language),
                                       account.language)
            return no_account_message(request.email, localized_url(self.register_page, request.lang), request.lang)

        if not self._send_link(token, link, now + SIGN_IN_LINK_LIFETIME, now, compose):
            return "none"
        return "sign_in" if account else "no_account"

    def _link(self, token: str, lang: Language) -> str:
        """The emailed link; a Hindi mail's link says so, so a used or expired one leads to the Hindi page."""
        return link_in_language(self.link_for(token), lang)

    def _send_link(self, token: str, link: EmailLink, expires: dt.datetime, now: dt.datetime,
                   compose: Callable[[], Message]) -> bool:
        """Store the link and send its mail; False when a mail went to the mailbox moments ago (the cooldown)."""
        if not self.sessions.add_link(token, link, expires, now, MAIL_COOLDOWN):
            return False
        try:
            self.mailer.send(compose())
        except Exception as error:
            # Nothing is accepted without its mail (the link is useless unsent): free the mailbox for a retry
            # and say so in plain words, logged by the error's type only (SES can quote the address).
            self.sessions.release_mailbox(link.mailbox)
            logger.error("mail not sent", extra={"mail_kind": "link", "error_type": type(error).__name__})
            raise Unavailable(MAIL_NOT_SENT) from error
        return True

    def check_policy_version(self, registration: Registration) -> None:
        """422 naming `policy_version` when the form agreed to an older policy; the API calls this before any
        limit counts the request, so a page loaded before the policy changed uses up nothing."""
        if registration.policy_version != self.policy_version:
            raise InvalidInput(N_("The privacy policy has changed since the page was loaded."),
                               {"policy_version": N_(
                                   "the privacy policy has changed; reload the page and agree again")})

    def follow_link(self, token: str, now: dt.datetime) -> SignedIn | None:
        """Sign the link's account in (creating it from the link's registration); the new session, or None for
        a used, replaced, revoked or expired link, or one the sign-in form sent to an address with no account."""
        link = self.sessions.take_link(token, now)
        if link is None:
            return None
        user = self.users.get(link.user_id, now) if link.user_id else self._created(link.registration, now)
        if user is None:
            return None
        if link.consent is not None and not user.has_accepted(link.consent.version):
            self.users.accept_policy(user.id, link.consent)  # signing in again with the form agrees to the new one
        session_id = new_secret_token()
        self.sessions.add_session(session_id, user.id, now + SESSION_LIFETIME)
        return SignedIn(session_id, user.display_name, safe_return_path(link.return_to), user.language)

    def _created(self, registration: User | None, now: dt.datetime) -> User | None:
        """The verified account of a followed registration link: made from that registration only."""
        if registration is None:
            return None
        existing = self.users.by_email(registration.email, now)
        if existing is not None and existing.verified:
            return existing  # the mailbox's owner verified meanwhile: the account keeps its own details
        if existing is not None:
            self.users.delete(existing)  # an unverified registration (stored before issue 12) reserves nothing
        return self.users.add(registration.model_copy(update={"verified": True, "created_at": now}))

    def signed_in_user(self, session_id: str, now: dt.datetime) -> User | None:
        """The verified user of a live session, or None."""
        user_id = self.sessions.session_user(session_id, now)
        user = self.users.get(user_id, now) if user_id else None
        return user if user and user.verified else None

    def accept_policy(self, user: User, now: dt.datetime) -> None:
        """A signed-in user accepts the current privacy policy (after it changed)."""
        if not user.has_accepted(self.policy_version):
            self.users.accept_policy(user.id, PolicyConsent(version=self.policy_version, at=now))

    def sign_out(self, session_id: str, now: dt.datetime) -> None:
        """End the session on the server and revoke the account's emailed links, so neither a copy of the
        cookie nor an old mail signs anyone in afterwards."""
        user_id = self.sessions.session_user(session_id, now)
        user = self.users.get(user_id, now) if user_id else None
        if user is not None:
            self.sessions.revoke_links(canonical_mailbox(user.email))
        self.sessions.end_session(session_id)

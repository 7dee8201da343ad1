"""Registration, email links and sessions: the passwordless sign-in."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from careermitra.domain.problems import InvalidInput
from careermitra.domain.signing import new_secret_token
from careermitra.domain.user import PolicyConsent, Registration, User
from careermitra.mail.messages import Mailer, sign_in_message, verification_message
from careermitra.store.sessions import SessionStore
from careermitra.store.users import UserStore

VERIFICATION_LINK_LIFETIME = dt.timedelta(hours=24)
SIGN_IN_LINK_LIFETIME = dt.timedelta(hours=1)
SESSION_LIFETIME = dt.timedelta(days=30)
# A double click or a retried request must not send a second mail; a person asking again a minute later may.
MAIL_COOLDOWN = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class Accounts:
    users: UserStore
    sessions: SessionStore
    mailer: Mailer
    link_for: Callable[[str], str]
    policy_version: str

    def register(self, registration: Registration, now: dt.datetime) -> str:
        """Mail a verification link to a new address, or a sign-in link to a verified one; return which was sent.

        The caller answers the same in every case, so the answer never tells whether an email is known.
        """
        if registration.policy_version != self.policy_version:
            raise InvalidInput("The privacy policy has changed since the page was loaded.",
                               {"policy_version": "the privacy policy has changed; reload the page and agree again"})
        consent = PolicyConsent(version=registration.policy_version, at=now)
        user = self.users.by_email(registration.email, now)
        if user is None:
            user = self.users.add(User(
                id=uuid.uuid4().hex, name=registration.name, email=registration.email, phone=registration.phone,
                city=registration.city, verified=False, consent_version=consent.version, consented_at=now,
                created_at=now, consent_history=[consent]))
        elif not user.has_accepted(consent.version):
            self.users.accept_policy(user.id, consent)  # signing in again with the form agrees to the new version
        if not self.users.claim_mail_slot(user.id, now, MAIL_COOLDOWN):
            return "none"
        token = new_secret_token()
        lifetime = SIGN_IN_LINK_LIFETIME if user.verified else VERIFICATION_LINK_LIFETIME
        self.sessions.add_link(token, user.id, now + lifetime)
        compose = sign_in_message if user.verified else verification_message
        try:
            self.mailer.send(compose(user.email, user.name, self.link_for(token)))
        except Exception:
            self.users.release_mail_slot(user.id)
            raise
        return "sign_in" if user.verified else "verification"

    def follow_link(self, token: str, now: dt.datetime) -> str | None:
        """Verify the link's user and open a session; the session id, or None for a used or expired link."""
        user_id = self.sessions.take_link(token, now)
        if user_id is None:
            return None
        self.users.mark_verified(user_id)
        session_id = new_secret_token()
        self.sessions.add_session(session_id, user_id, now + SESSION_LIFETIME)
        return session_id

    def signed_in_user(self, session_id: str, now: dt.datetime) -> User | None:
        """The verified user of a live session, or None."""
        user_id = self.sessions.session_user(session_id, now)
        user = self.users.get(user_id, now) if user_id else None
        return user if user and user.verified else None

    def accept_policy(self, user: User, now: dt.datetime) -> None:
        """A signed-in user accepts the current privacy policy (after it changed)."""
        if not user.has_accepted(self.policy_version):
            self.users.accept_policy(user.id, PolicyConsent(version=self.policy_version, at=now))

    def sign_out(self, session_id: str) -> None:
        """End the session on the server, so a copy of the cookie is worthless afterwards."""
        self.sessions.end_session(session_id)

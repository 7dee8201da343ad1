"""Signed values and one-way hashes: session cookies, form tokens, link tokens and hashed IP addresses."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets


def _mac(key: bytes, purpose: str, value: str) -> str:
    digest = hmac.new(key, f"{purpose}\x1f{value}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def sign(key: bytes, purpose: str, value: str) -> str:
    """'value.signature'; the purpose keeps a signature for one use from being valid for another."""
    return f"{value}.{_mac(key, purpose, value)}"


def unsign(key: bytes, purpose: str, signed: str) -> str | None:
    """The value of a signed string, or None when it was not signed with this key for this purpose."""
    value, _, signature = signed.rpartition(".")
    if not value or not hmac.compare_digest(signature, _mac(key, purpose, value)):
        return None
    return value


def new_secret_token() -> str:
    """A random, unguessable token for a link or a session (256 bits)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database keeps instead of a token, so a leaked table cannot be replayed as links or cookies."""
    return hashlib.sha256(token.encode()).hexdigest()


def email_digest(email: str) -> str:
    """The key under which a (normalised) email address or a canonical mailbox is looked up."""
    return hashlib.sha256(email.encode()).hexdigest()


def rate_limit_subject(ip: str) -> str:
    """Who an address stands for: an IPv4 address itself, an IPv6 address its /64 (one subscriber's network,
    in which a client picks any of 2^64 addresses), an IPv4-mapped IPv6 address the IPv4 inside it."""
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def hashed_ip(key: bytes, ip: str) -> str:
    """A keyed hash of an IP address's rate-limit subject: unlike a plain hash, not reversed by trying all IPs."""
    return _mac(key, "ip", rate_limit_subject(ip))[:32]

"""The HTTP headers every page is served with: the same in CloudFront (template.yaml) and locally."""

from __future__ import annotations

import mimetypes

# Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval'; no inline or third-party script anywhere.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'none'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
])

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
                          "browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}


def content_type_for(path: str) -> str:
    """The Content-Type of a built file, by its extension."""
    if path.endswith(".atom.xml"):
        return "application/atom+xml; charset=utf-8"
    for suffix, content_type in _TYPES.items():
        if path.endswith(suffix):
            return content_type
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"  # may be stored, but is checked with its ETag (S3 gives every object one) before each use


def cache_control_for(path: str) -> str:
    """Pages, feeds and the sitemap are revalidated on every use, so an approval shows as soon as it is
    published (a 304 when nothing changed: no body); Pagefind's fragments are named by their content and
    never change, so they are immutable; the theme's unhashed CSS, JS and icons keep a day."""
    if "/pagefind/" in f"/{path}" and not path.endswith(("pagefind.js", "pagefind-entry.json")):
        return IMMUTABLE
    if path.startswith(("images/", "/images/")):  # named by the digest of their source (builder/images.py)
        return IMMUTABLE
    if path.endswith((".css", ".js", ".svg")):
        return "public, max-age=86400"
    return REVALIDATE

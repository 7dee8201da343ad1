"""Where a sign-in link takes a person back to: a page of this site, given as a relative path, and nothing else.

The path travels through a form field and an emailed link, so anything that a browser could read as another
site (`//evil.example`, `/\\evil.example`, `https://…`, the same percent-encoded or with control characters) or
as a script (`javascript:`) is refused: no open redirect.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

MAX_LENGTH = 300
# Path and query characters only: letters, digits and - . _ ~ / ? = & , + % (percent escapes checked below).
ALLOWED = re.compile(r"^/[A-Za-z0-9\-._~/?=&,+%]*$")
# The API's own addresses are never a page to land on (a link back into /api/verify would loop).
NOT_PAGES = ("/api/", "/_build/")


def safe_return_path(value: object) -> str | None:
    """`value` when it is a same-site relative path to a page (`/institutions/x/write-review/`), else None."""
    if not isinstance(value, str) or not value or len(value) > MAX_LENGTH:
        return None
    if not ALLOWED.match(value):
        return None  # a backslash, a colon (a scheme), a space, a control character or anything non-ASCII
    decoded = value
    for _ in range(3):  # decoding twice or thrice catches %252F%252F; a browser decodes at most once
        decoded = unquote(decoded)
    if decoded.startswith(("//", "/\\")) or "\\" in decoded or ":" in decoded.split("?", 1)[0]:
        return None
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in decoded):
        return None
    if value.startswith("//") or decoded.lower().startswith(NOT_PAGES) or value.lower().startswith(NOT_PAGES):
        return None
    if "/../" in decoded or decoded.endswith("/..") or "/./" in decoded:
        return None
    return value

"""The pinned requirements files, read as the packaging tests compare them."""

from __future__ import annotations

from packaging.utils import canonicalize_name

from tests.support.site import ROOT


def pins(requirements: str) -> dict[str, str]:
    """Distribution name -> pinned version of a requirements file, following its `-r` includes."""
    found: dict[str, str] = {}
    for line in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found |= pins(line.removeprefix("-r ").strip())
        elif line:
            name, version = line.split("==")
            found[canonicalize_name(name.split("[")[0])] = version
    return found

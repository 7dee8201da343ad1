"""What a local build read, cheaply: so the next build redoes only what changed.

A build's fingerprint covers everything that shapes every page (the theme, the site's code: builder and Pelican
adapter, the settings, the editorial pages); when it is unchanged, each institution's stamp (size and
modification time of its file and of its reviews file) tells which institutions to render again. Anything else
(an institution's photo or logo included) means a full build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import careermitra.domain
import careermitra.i18n
import careermitra.site
from careermitra.domain.facts import IMAGE_SUFFIXES
from careermitra.domain.geography import PLACES_FILE
from careermitra.i18n import LOCALE_DIR
from careermitra.i18n.names import NAMES_FILE
from careermitra.site.builder.settings import BuildSettings

# The domain modules the pages are made from (the backend's own modules do not change a page).
SITE_DOMAIN = ("institution.py", "facts.py", "geography.py", "review.py", "ratings.py", "slugs.py", "errors.py")


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(path for path in folder.rglob(pattern) if path.is_file() and "__pycache__" not in path.parts)


def build_fingerprint(settings: BuildSettings, content: Path) -> str:
    """A digest of the theme, the site code, the settings and the editorial pages (by content or stamp)."""
    digest = hashlib.sha256()
    domain = Path(careermitra.domain.__file__).parent
    code = [*_files(Path(careermitra.site.__file__).parent, "*.py"), *(domain / name for name in SITE_DOMAIN),
            PLACES_FILE, NAMES_FILE, *_files(Path(careermitra.i18n.__file__).parent, "*.py"),
            *_files(LOCALE_DIR, "*.mo")]
    for path in [*_files(settings.theme), *code]:
        digest.update(f"{path}\0".encode())
        digest.update(path.read_bytes())
    for folder in settings.page_folders:
        for path in _files(content / folder):
            digest.update(f"{path}\0{_stamp(path)}\0".encode())
    # A changed photo or logo is rare and may be shared: a full build (its cache re-encodes only that image).
    for path in _files(content / settings.site.institutions_path):
        if path.suffix.lower() in IMAGE_SUFFIXES:
            digest.update(f"{path}\0{_stamp(path)}\0".encode())
    chosen = dict(settings.template_settings)
    digest.update(json.dumps([settings.site.model_dump(mode="json"), chosen], sort_keys=True, default=str).encode())
    return digest.hexdigest()


def source_stamps(institutions: Path, reviews: Path) -> dict[str, str]:
    """slug -> the stamps of its institution file and reviews file ('-' where there is none)."""
    stamps: dict[str, list[str]] = {}
    for path in institutions.rglob("*.md"):
        stamps.setdefault(path.stem, ["-", "-"])[0] = f"{path.relative_to(institutions)}@{_stamp(path)}"
    if reviews.is_dir():
        for path in reviews.glob("*.yaml"):
            stamps.setdefault(path.stem, ["-", "-"])[1] = _stamp(path)
    return {slug: "|".join(parts) for slug, parts in stamps.items()}


def changed_slugs(before: dict[str, str], now: dict[str, str]) -> set[str]:
    return {slug for slug in before.keys() | now.keys() if before.get(slug) != now.get(slug)}

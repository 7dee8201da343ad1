"""Keeping the Hindi catalogue current with Babel (`make translations`, and the test that it is current).

Babel finds the interface text in the code (gettext calls and `Msg`) and in the theme's templates (Jinja's i18n
extension); the catalogue keeps the translation of every string found, gains the new ones untranslated and
loses the ones no longer used. The files carry no dates or source lines, so they change only when the text
does. Babel is a development tool here: the site, the API and the mail read the compiled `.mo` with gettext.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from careermitra.i18n import DOMAIN, LOCALE_DIR, Language

ROOT = LOCALE_DIR.parents[2]
# The scripts' words too (careermitra/site/script_text.py): _("...") and ngettext("...", "...", n) in theme/static/js.
METHODS = [("careermitra/**.py", "python"), ("theme/templates/**.html", "jinja2"),
           ("theme/static/js/**.js", "javascript")]
OPTIONS = {"theme/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True",
                                       "lstrip_blocks": "True"}}
UNDATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the files carry no dates: they change only with the text
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "Msg": None, "N_": None}


def po_path(lang: Language) -> Path:
    return LOCALE_DIR / lang.value / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: Language) -> Path:
    return po_path(lang).with_suffix(".mo")


def extracted(root: Path = ROOT) -> dict[str | tuple[str, ...], list[str]]:
    """Every string the code and templates translate -> the files it is in."""
    found: dict[str | tuple[str, ...], list[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            root, METHODS, options_map=OPTIONS, keywords=KEYWORDS):
        found.setdefault(message, []).append(filename)
    return found


def read_catalogue(lang: Language) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return Catalog(locale=lang.value, domain=DOMAIN)
    with path.open("rb") as file:
        return read_po(file, locale=lang.value, domain=DOMAIN)


def updated(lang: Language, found: dict[str | tuple[str, ...], list[str]]) -> Catalog:
    """The catalogue with exactly the strings found: known translations kept, new strings empty."""
    old = read_catalogue(lang)
    new = Catalog(locale=lang.value, domain=DOMAIN, project="Career Mitra", version="1",
                  copyright_holder="Career Mitra", msgid_bugs_address="the editors (see /contact/)",
                  last_translator="Career Mitra editors", language_team="Career Mitra editors", fuzzy=False,
                  creation_date=UNDATED, revision_date=UNDATED)
    for message in sorted(found, key=lambda m: m if isinstance(m, str) else m[0]):
        before = old.get(message if isinstance(message, str) else message[0])
        string = before.string if before is not None else ("" if isinstance(message, str) else ("", ""))
        new.add(message, string)
    return new


def po_text(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=116, no_location=True, omit_header=False, sort_output=True,
             ignore_obsolete=True)
    return _without_dates(buffer.getvalue())


def mo_bytes(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def _without_dates(text: bytes) -> bytes:
    lines = text.split(b"\n")
    return b"\n".join(line for line in lines
                      if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date', b"# FIRST AUTHOR",
                                              b'"Generated-By')))


def untranslated(catalogue: Catalog) -> list[str]:
    """The strings of a catalogue without a translation (or with one only marked fuzzy)."""
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main() -> int:
    found = extracted()
    for lang in Language:
        if lang is Language.EN:
            continue
        catalogue = updated(lang, found)
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        po_path(lang).write_bytes(po_text(catalogue))
        mo_path(lang).write_bytes(mo_bytes(catalogue))
        missing = untranslated(catalogue)
        print(f"{lang.value}: {len(found) - len(missing)} of {len(found)} strings translated"
              + (f"; to translate in {po_path(lang).relative_to(ROOT)}: {len(missing)}" if missing else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Hindi names of the things the site names: states, cities, types, courses, aspects and facilities (issue 16).

One content file holds them all, content/data/names.hi.yaml, so an editor adds a Hindi name in one place and
the Hindi pages, the Hindi search records and the search's aliases all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import yaml

from careermitra.i18n import Language, Msg

NAMES_FILE = Path(__file__).resolve().parents[2] / "content" / "data" / "names.hi.yaml"
NAMES_NAME = "content/data/names.hi.yaml"

Kind = Literal["state", "city", "type", "course", "aspect", "facility"]
KINDS: tuple[Kind, ...] = get_args(Kind)


class NamesFileError(ValueError):
    """The names file itself is wrong; the message says which entry and what to do."""


@dataclass(frozen=True)
class HindiNames:
    """kind -> English name -> (the Hindi name shown, then other Hindi words search finds it by)."""

    names: dict[str, dict[str, tuple[str, ...]]]

    def shown(self, kind: Kind, english: str) -> str | None:
        """The Hindi name a Hindi page shows, None when the file gives none."""
        words = self.names[kind].get(english)
        return words[0] if words else None

    def words(self, kind: Kind, english: str) -> tuple[str, ...]:
        """Every Hindi name of a thing (shown and searched), empty when the file gives none."""
        return self.names[kind].get(english, ())


def parse_names(data: object) -> HindiNames:
    """Check the file's content: the known kinds only, each a mapping of English name to a name or a list."""
    if not isinstance(data, dict) or not set(data) <= set(KINDS):
        raise NamesFileError(f"{NAMES_NAME}: expected the sections {', '.join(KINDS)}")
    names: dict[str, dict[str, tuple[str, ...]]] = {kind: {} for kind in KINDS}
    for kind, entries in data.items():
        for english, value in (entries or {}).items():
            words = [value] if isinstance(value, str) else value
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise NamesFileError(f"{NAMES_NAME}: {kind}: {english}: give a Hindi name, or a list of them with "
                                     "the one to show first")
            names[kind][str(english)] = tuple(word.strip() for word in words)
    return HindiNames(names)


@cache
def hindi_names(path: Path = NAMES_FILE) -> HindiNames:
    return parse_names(yaml.safe_load(path.read_text(encoding="utf-8")))


def name_in(lang: Language, kind: Kind, english: str) -> str:
    """A thing's name as a page in `lang` shows it: its Hindi name on Hindi pages when there is one, else English."""
    if lang is Language.EN:
        return english
    return hindi_names().shown(kind, english) or english


def is_shown_in_english(lang: Language, kind: Kind, english: str) -> bool:
    """True when a page in `lang` shows the English name (so the element needs lang="en-IN")."""
    return lang is not Language.EN and hindi_names().shown(kind, english) is None


class Name(Msg):
    """A thing's name chosen before the page's language is known (a title, a breadcrumb), shown in that
    language when the page is rendered: Name("city", "Pune") is 'पुणे' on a Hindi page. An institution's name
    gives its own Hindi name: Name("institution", inst.name, inst.name_hi)."""

    __slots__ = ()

    def __init__(self, kind: str, english: str, hindi: str | None = None) -> None:
        super().__init__(english, kind=kind, hindi=hindi)

    def in_language(self, lang: Language) -> str:
        if lang is Language.EN:
            return self.text
        kind = self.values["kind"]
        if kind in KINDS:
            return name_in(lang, kind, self.text)
        return self.values["hindi"] or self.text

"""The scripts' words in the page's language (issue 16).

A script writes its words in English inside `_("...")` and `ngettext("...", "...", n)` (theme/static/js/ui-text.js
defines both), as the templates do; `make translations` finds them there. A Hindi page carries the Hindi of
the words its scripts use, as JSON in `<script type="application/json" id="ui-text">` (no inline script: the
CSP allows none); an English page carries nothing, and a word without a translation stays English. The scripts
a page needs words for are the ones its `scripts` block loads (base.html reads them with `script_names`), and
`page_scripts` for a script every page loads that only some pages use (picks.js, where cards or an institution
page have its buttons).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from careermitra import i18n
from careermitra.i18n import Language

SCRIPTS = Path(__file__).resolve().parents[2] / "theme" / "static" / "js"

_SCRIPT = re.compile(r"/theme/js/([\w-]+?)(?:\.[0-9a-f]{6,})?\.js\b")
_STRING = r'"((?:[^"\\]|\\.)*)"'
_SINGULAR = re.compile(r"(?<![\w$.])_\(\s*" + _STRING)
_PLURAL = re.compile(r"(?<![\w$.])ngettext\(\s*" + _STRING + r"\s*,\s*" + _STRING)


@cache
def script_messages(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The words a script translates: its `_()` messages and its `ngettext()` (singular, plural) pairs."""
    source = (SCRIPTS / name).read_text(encoding="utf-8")
    singular = tuple(dict.fromkeys(json.loads(f'"{text}"') for text in _SINGULAR.findall(source)))
    plural = tuple(dict.fromkeys((json.loads(f'"{one}"'), json.loads(f'"{many}"'))
                                 for one, many in _PLURAL.findall(source)))
    return singular, plural


@cache
def _script_text(lang: Language, names: tuple[str, ...]) -> dict[str, str | list[str]]:
    words: dict[str, str | list[str]] = {}
    for name in names:
        singular, plural = script_messages(name)
        for message in singular:
            translated = i18n.gettext(lang, message)
            if translated != message:
                words[message] = translated
        for one, many in plural:
            forms = [i18n.ngettext(lang, one, many, 1), i18n.ngettext(lang, one, many, 2)]
            if forms != [one, many]:
                words[one] = forms
    return words


def script_text(lang: Language, names: Iterable[str]) -> dict[str, str | list[str]]:
    """English -> the page's words for the scripts `names` ('forms.js'); empty on English pages."""
    if lang is i18n.DEFAULT_LANGUAGE:
        return {}
    return _script_text(lang, tuple(dict.fromkeys(names)))


def script_names(html: str) -> list[str]:
    """The theme's scripts a piece of HTML loads ('filters.js', also from its fingerprinted copy's URL)."""
    return [f"{name}.js" for name in _SCRIPT.findall(html)]

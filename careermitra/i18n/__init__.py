"""The site's two languages and its one catalogue of interface text (issue 16).

English is served at `/`, Hindi under `/hi/`. Interface text is written in English in the code and the
templates and translated through gettext: `careermitra/i18n/locale/hi/LC_MESSAGES/messages.po` (Babel
extracts, updates and compiles it: `make translations`). The site builder, the Pelican pages, the API's error
messages and the mail all read the same compiled catalogue with the standard library's gettext, so the API
and the rebuild need no more than the `.mo` file beside this module.
"""

from __future__ import annotations

import datetime as dt
import gettext as stdlib_gettext
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


class Language(StrEnum):
    """A language the site is written in. The value is the language's code in URLs, catalogues and `lang`."""

    EN = "en"
    HI = "hi"

    @property
    def url_prefix(self) -> str:
        """'' for English (the site's root), '/hi' for Hindi."""
        return "" if self is Language.EN else f"/{self.value}"

    @property
    def html_lang(self) -> str:
        """The `lang` attribute of a page in this language."""
        return {Language.EN: "en-IN", Language.HI: "hi-IN"}[self]

    @property
    def og_locale(self) -> str:
        return {Language.EN: "en_IN", Language.HI: "hi_IN"}[self]

    @property
    def own_name(self) -> str:
        """The language's name in itself, for the language switch."""
        return {Language.EN: "English", Language.HI: "हिन्दी"}[self]


DEFAULT_LANGUAGE = Language.EN
LANGUAGES = tuple(Language)


def language(value: object) -> Language:
    """The Language of a code ('hi', 'hi-IN', Language.HI); anything else is the default language."""
    code = str(value or "").split("-")[0].split("_")[0].lower()
    return Language(code) if code in {lang.value for lang in Language} else DEFAULT_LANGUAGE


def language_of_url(url: str) -> Language:
    """The language of a site-relative URL: '/hi/...' is Hindi, everything else English."""
    for lang in LANGUAGES:
        if lang.url_prefix and (url == lang.url_prefix or url.startswith(lang.url_prefix + "/")):
            return lang
    return DEFAULT_LANGUAGE


def neutral_url(url: str) -> str:
    """A site-relative URL without its language prefix: '/hi/cities/pune/' -> '/cities/pune/'."""
    prefix = language_of_url(url).url_prefix
    return (url[len(prefix):] or "/") if prefix else url


def localized_url(url: str, lang: Language) -> str:
    """The same page in `lang`: '/cities/pune/' -> '/hi/cities/pune/'. Only the site's own pages move: the
    API, the feed, theme files, data files and other origins stay where they are."""
    if not url.startswith("/") or url.startswith("//") or not is_page_url(url):
        return url
    return lang.url_prefix + neutral_url(url)


# Paths under these are served once for every language (not pages).
SHARED_PREFIXES = ("/api/", "/theme/", "/feeds/", "/pagefind/", "/compare/data/", "/search/names", "/images/",
                   "/sitemap", "/robots.txt", "/favicon")


def is_page_url(url: str) -> bool:
    path = url.split("?")[0].split("#")[0]
    if any(path.startswith(prefix) for prefix in SHARED_PREFIXES):
        return False
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last


def localized_path(path: str, lang: Language) -> str:
    """An output file's path for `lang`: 'cities/pune/index.html' -> 'hi/cities/pune/index.html'."""
    return path if lang is DEFAULT_LANGUAGE else f"{lang.value}/{path}"


def text_language(text: str) -> Language:
    """The language a student wrote in: Hindi when most of the letters are Devanagari (U+0900 to U+097F), else
    English. Reviews are shown in the language they were written in, marked with it (issue 16)."""
    devanagari = sum(1 for char in text if "\u0900" <= char <= "\u097f")
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    return Language.HI if devanagari > latin else Language.EN


@cache
def translations(lang: Language) -> stdlib_gettext.NullTranslations:
    """The compiled catalogue of `lang` (English is the source language: no catalogue)."""
    if lang is DEFAULT_LANGUAGE:
        return stdlib_gettext.NullTranslations()
    with (LOCALE_DIR / lang.value / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        return stdlib_gettext.GNUTranslations(file)


def gettext(lang: Language, message: str) -> str:
    return translations(lang).gettext(message)


def N_(message: str) -> str:
    """Marks English text for the catalogue where it must stay a plain str (a rule's reason, an API refusal);
    it is translated where the language is known, with `gettext(lang, text)`."""
    return message


def ngettext(lang: Language, singular: str, plural: str, count: int) -> str:
    return translations(lang).ngettext(singular, plural, count)


class Msg:
    """Interface text chosen where no language is known yet (a page's title, a breadcrumb), translated when the
    page is rendered in its language: `Msg("Write a review of %(name)s", name=inst.name)`."""

    __slots__ = ("text", "values")

    def __init__(self, text: str, **values: Any) -> None:
        self.text = text
        self.values = values

    def in_language(self, lang: Language) -> str:
        translated = gettext(lang, self.text)
        if not self.values:
            return translated
        # A value may itself be lazy (a place's name): it is put in the page's language too.
        return translated % {name: localize(value, lang) for name, value in self.values.items()}

    def __str__(self) -> str:
        return self.in_language(DEFAULT_LANGUAGE)

    def __repr__(self) -> str:
        return f"Msg({self.text!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.text, self.values) == (other.text, other.values)

    def __hash__(self) -> int:
        return hash((self.text, tuple(sorted(self.values.items()))))


def localize(value: Any, lang: Language) -> Any:
    """A page's context value with its Msgs translated (also inside lists and tuples, as breadcrumbs hold them)."""
    if isinstance(value, Msg):
        return value.in_language(lang)
    if type(value) in (list, tuple) and any(isinstance(item, Msg) or type(item) in (list, tuple) for item in value):
        return type(value)(localize(item, lang) for item in value)
    return value


# Month names go through the catalogue like every other word (extracted from here by `make translations`).
MONTHS = (Msg("January"), Msg("February"), Msg("March"), Msg("April"), Msg("May"), Msg("June"), Msg("July"),
          Msg("August"), Msg("September"), Msg("October"), Msg("November"), Msg("December"))


def long_date(value: dt.date, lang: Language = DEFAULT_LANGUAGE) -> str:
    """'14 July 2025' / '14 जुलाई 2025': dates written out, day first, as they read in India in both languages."""
    return f"{value.day} {MONTHS[value.month - 1].in_language(lang)} {value.year}"

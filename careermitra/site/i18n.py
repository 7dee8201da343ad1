"""The two languages in the theme's templates: Jinja's i18n extension over the one catalogue (careermitra.i18n).

A page's language is the `lang` of its template context (the builder sets it from the PageSpec; an editorial
page's template sets it from the page's `lang`), so one Jinja environment renders both languages: gettext,
links and dates all look at the context they are rendered in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from careermitra import i18n
from careermitra.domain import trust
from careermitra.i18n import LANGUAGES, Language
from careermitra.i18n.names import KINDS, Kind, name_in
from careermitra.site.script_text import script_names, script_text


def context_language(context: Context) -> Language:
    value = context.get("lang")
    # Every filter asks this: the builder's context holds a Language already (Pelican's may hold a code).
    return value if isinstance(value, Language) else i18n.language(value)


@pass_context
def _gettext(context: Context, message: str) -> str:
    return i18n.gettext(context_language(context), message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return i18n.ngettext(context_language(context), singular, plural, count)


@pass_context
def href(context: Context, url: str) -> str:
    """A link to one of the site's pages, in the language of the page it is on ('/about/' -> '/hi/about/')."""
    return i18n.localized_url(url, context_language(context))


# A link in an editorial page's HTML (Markdown written by the editors): its address is the second group.
SITE_LINK = re.compile(r'(<a\b[^>]*?\bhref=")(/[^"]*)(")')


@pass_context
def links_in_language(context: Context, content: str) -> Markup:
    """An editorial page's HTML with its links to the site's pages in the language of the page it is shown on:
    the Hindi copy of a page not yet translated keeps its English words, but its links stay on the Hindi site."""
    lang = context_language(context)
    return Markup(SITE_LINK.sub(lambda link: link[1] + i18n.localized_url(link[2], lang) + link[3], content))


@pass_context
def long_date(context: Context, value: dt.date) -> str:
    return i18n.long_date(value, context_language(context))


@pass_context
def hindi_name(context: Context, english: str, kind: Kind) -> str:
    """A city's, state's, type's, course's, aspect's or facility's name in the page's language (names.hi.yaml);
    the English name where no Hindi one is given. For attributes and plain text; `named` marks the language."""
    assert kind in KINDS, kind
    return name_in(context_language(context), kind, english)


@pass_context
def institution_name(context: Context, institution: Any) -> str:
    """An institution's (or a card's) name in the page's language: its `name_hi` on Hindi pages, when given."""
    if context_language(context) is Language.HI and institution.name_hi:
        return str(institution.name_hi)
    return str(institution.name)


_DEVANAGARI = re.compile("[\u0900-\u097f]")
_LANG_ATTRS = {lang: Markup(' lang="%s"') % lang.html_lang for lang in LANGUAGES}
_NO_ATTR = Markup("")


@pass_context
def lang_attr(context: Context, text: str) -> Markup:
    """` lang="en-IN"` for an element whose text is not in the page's language (an English name on a Hindi
    page), else nothing: `<h1{{ name|lang_attr }}>`."""
    # A name with any Devanagari in it is Hindi ('B.Sc नर्सिंग'); one without is English. (Reviews, whose
    # language is that of most of their letters, carry their own: review.language.)
    written = Language.HI if _DEVANAGARI.search(str(text)) else Language.EN
    return _LANG_ATTRS[written] if written is not context_language(context) else _NO_ATTR


@pass_context
def named(context: Context, english: str, kind: Kind) -> Markup:
    """A name for the page's text: in the page's language, or wrapped in a span marking it as English."""
    return marked(context, hindi_name(context, english, kind))


@pass_context
def named_institution(context: Context, institution: Any) -> Markup:
    return marked(context, institution_name(context, institution))


@pass_context
def marked(context: Context, text: str) -> Markup:
    """Text for the page, wrapped in a span marking its language when that is not the page's."""
    attr = lang_attr(context, text)
    return Markup("<span%s>%s</span>") % (attr, text) if attr else escape(text)


@pass_context
def collection_period(context: Context, dates: Sequence[dt.date]) -> str:
    """When the reviews behind a rating were written, in the page's language: 'Sep 2025 to Nov 2026' (en dash) (as
    trust.collection_period writes it), 'सितंबर 2025 to नवंबर 2026'."""
    lang = context_language(context)
    if lang is i18n.DEFAULT_LANGUAGE or not dates:
        return trust.collection_period(dates)
    first, last = min(dates), max(dates)
    start, end = (f"{i18n.MONTHS[day.month - 1].in_language(lang)} {day.year}" for day in (first, last))
    return start if start == end else f"{start} {trust.EN_DASH} {end}"


@pass_context
def localized(context: Context, value: Any) -> Any:
    """Interface text chosen in Python (a Msg) in the page's language: `{{ p.prefix|localized }}`."""
    return i18n.localize(value, context_language(context))


def alternates(page_url: str) -> list[tuple[Language, str]]:
    """The page at `page_url` in every language, for the language switch and hreflang links."""
    return [(lang, i18n.localized_url(page_url, lang)) for lang in LANGUAGES]


def install(env: Environment) -> None:
    """Give an environment the i18n extension, with translations that follow each page's language."""
    env.add_extension("jinja2.ext.i18n")
    # Hindi in the scripts' words (tojson) as UTF-8, not \u escapes: a third of the bytes.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(href=href, long_date=long_date, hindi_name=hindi_name, institution_name=institution_name,
                       lang_attr=lang_attr, named=named, named_institution=named_institution,
                       localized=localized, marked=marked,
                       collection_period=collection_period, links_in_language=links_in_language)
    env.globals.update(LANGUAGES=LANGUAGES, alternates=alternates, neutral_url=i18n.neutral_url,
                       as_language=i18n.language, localized_url=i18n.localized_url,
                       script_text=script_text, script_names=script_names)
    env.globals.setdefault("lang", i18n.DEFAULT_LANGUAGE)


"""The two languages in the theme's templates: Jinja's i18n extension over the one catalogue (careermitra.i18n).

A page's language is the `lang` of its template context (the builder sets it from the PageSpec; an editorial
page's template sets it from the page's `lang`), so one Jinja environment renders both languages: gettext,
links and dates all look at the context they are rendered in.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from careermitra import i18n
from careermitra.i18n import LANGUAGES, Language


def context_language(context: Context) -> Language:
    return i18n.language(context.get("lang"))


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


def alternates(page_url: str) -> list[tuple[Language, str]]:
    """The page at `page_url` in every language, for the language switch and hreflang links."""
    return [(lang, i18n.localized_url(page_url, lang)) for lang in LANGUAGES]


def install(env: Environment) -> None:
    """Give an environment the i18n extension, with translations that follow each page's language."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(href=href, long_date=long_date, links_in_language=links_in_language)
    env.globals.update(LANGUAGES=LANGUAGES, alternates=alternates, neutral_url=i18n.neutral_url,
                       as_language=i18n.language)
    env.globals.setdefault("lang", i18n.DEFAULT_LANGUAGE)


def template_context(lang: Language, page_url: str) -> dict[str, Any]:
    """What every builder page's template sees about its language."""
    return {"lang": lang, "page_url": page_url}

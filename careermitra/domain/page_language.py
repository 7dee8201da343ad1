"""The language of the page a form was sent from (issue 16): the API answers, redirects and mails in it."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from careermitra.i18n import DEFAULT_LANGUAGE, Language, language

# Every form posts its page's language as `lang`; an unknown or missing value is the default, never an error
# (a person cannot fix a hidden field).
PageLanguage = Annotated[Language, BeforeValidator(language), Field(
    description="the language of the page the form is on (en or hi); anything else is read as en")]
LANG_FIELD = "lang"
NOT_SUBMITTED = {LANG_FIELD}  # fields about the page, not what the person sent (fingerprints leave them out)


def link_in_language(link: str, lang: Language) -> str:
    """An emailed link to the API that says the mail's language ('...?token=x&lang=hi'), so the page it leads to,
    and the page saying a used or expired link is no good, are in the language the person read the mail in."""
    if lang is DEFAULT_LANGUAGE:
        return link
    return f"{link}{'&' if '?' in link else '?'}{LANG_FIELD}={lang.value}"


__all__ = ["DEFAULT_LANGUAGE", "LANG_FIELD", "NOT_SUBMITTED", "PageLanguage", "link_in_language"]

"""Why a submission is refused: one exception per kind, each with a stable code the API and the forms share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from careermitra.domain.errors import field_name
from careermitra.domain.form_messages import FieldText
from careermitra.i18n import DEFAULT_LANGUAGE, N_, Language, gettext

if TYPE_CHECKING:  # types only: the API's cold start imports this module without pydantic (issue 7)
    from pydantic import BaseModel, ValidationError


class Translatable(Protocol):
    """Text chosen before the language is known (careermitra.i18n.Msg, a field's FieldText)."""

    def in_language(self, lang: Language) -> str: ...


# What a person is told: English text from the catalogue (marked with N_ or Msg), or text that renders itself.
Text = str | Translatable


def in_language(text: Text, lang: Language) -> str:
    """The text in `lang`: a catalogue string translated, text that renders itself rendered."""
    return gettext(lang, text) if isinstance(text, str) else text.in_language(lang)


class Problem(Exception):
    """A request that cannot be carried out as sent; `code` names the kind, `fields` says what to fix.

    `message` and `fields` are the English (logs, tests, the CLI); the API answers in the request's language
    with `message_in` and `fields_in` (issue 16)."""

    code = "bad_request"

    def __init__(self, message: Text, fields: Mapping[str, Text] | None = None) -> None:
        self._text = message
        self._field_texts = dict(fields or {})
        self.message = in_language(message, DEFAULT_LANGUAGE)
        self.fields = {name: in_language(why, DEFAULT_LANGUAGE) for name, why in self._field_texts.items()}
        super().__init__(self.message)

    def message_in(self, lang: Language) -> str:
        return in_language(self._text, lang)

    def fields_in(self, lang: Language) -> dict[str, str]:
        return {name: in_language(why, lang) for name, why in self._field_texts.items()}


SOME_FIELDS = N_("Some fields need fixing.")


class BadRequest(Problem):
    code = "bad_request"


class InvalidInput(Problem):
    code = "invalid"

    @classmethod
    def from_validation(cls, error: ValidationError, fields: dict[str, str] | None = None,
                        model: type[BaseModel] | None = None) -> InvalidInput:
        """Name every field pydantic refused, in the words of the form messages' catalogue (never the input)."""
        found: dict[str, Text] = {}
        for item in error.errors():
            found.setdefault(field_name(tuple(item["loc"])), FieldText(item, model))
        found.update(fields or {})
        return cls(SOME_FIELDS, {name or "body": why for name, why in found.items()})


class NotSignedIn(Problem):
    code = "not_signed_in"


class Forbidden(Problem):
    code = "forbidden"


class PolicyNotAccepted(Problem):
    """The privacy policy changed since the signed-in user last accepted it: they accept the new version first."""

    code = "policy_not_accepted"


class NotFound(Problem):
    code = "not_found"


class Duplicate(Problem):
    code = "duplicate"


class TooLarge(Problem):
    code = "too_large"


class UnsupportedMediaType(Problem):
    code = "unsupported_media_type"


class RateLimited(Problem):
    code = "rate_limited"

    def __init__(self, message: Text, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class Unavailable(Problem):
    """Our failure, not the sender's: answered as 500 and logged."""

    code = "internal"

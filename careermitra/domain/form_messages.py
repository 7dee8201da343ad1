"""The one catalogue of what a person is told when a form field is refused, keyed by message id.

Every validation error of every form (careermitra.api.form_specs) is worded here: the message names the field
by the label the form shows and says what to do, in plain words, never the framework's ("Input should be…").
The ids are stable and the texts are `str.format` templates over `label`, `min`, `max` and `reason`, in the
gettext catalogue (careermitra/i18n): a message is written in the request's language, its label too (issue 16).
The rules of the models themselves (a name in letters, an Indian mobile number) raise their own plain words
(marked with N_ for the catalogue), kept as `reason`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, get_args, get_origin

from careermitra.i18n import DEFAULT_LANGUAGE, N_, Language, gettext

if TYPE_CHECKING:  # types only: the API's cold start imports this module without pydantic's validators
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

MESSAGES: dict[str, str] = {
    "missing": N_("{label}: this is needed; fill it in."),
    "unknown_field": N_("{label}: this form has no such field; reload the page and send the form again."),
    "too_short": N_("{label}: write at least {min} characters."),
    "too_long": N_("{label}: write at most {max} characters."),
    "too_few": N_("{label}: give at least {min}."),
    "too_many": N_("{label}: give at most {max}."),
    "not_text": N_("{label}: write it as text."),
    "not_a_number": N_("{label}: enter a whole number, in digits."),
    "not_a_rating": N_("{label}: choose a rating from {min} to {max}."),
    "number_in_range": N_("{label}: enter a number from {min} to {max}."),
    "number_too_small": N_("{label}: enter a number of at least {min}."),
    "number_too_large": N_("{label}: enter a number of at most {max}."),
    "not_a_choice": N_("{label}: choose one of the options the form offers."),
    "not_ticked": N_("{label}: tick the box or leave it empty; nothing else is accepted."),
    "not_a_list": N_("{label}: give a list of entries."),
    "not_a_group": N_("{label}: fill in the fields of this part of the form."),
    "not_a_date": N_("{label}: enter a date as YYYY-MM-DD, e.g. 2026-03-09."),
    "not_a_web_address": N_("{label}: enter a web address starting with https://"),
    "rule": N_("{label}: {reason}."),
    "invalid": N_("{label}: this is not in a form we can accept; check it and send it again."),
}

# The form's label for each field (the last part of its location); fields not named here get their name in words.
FIELD_LABELS: dict[str, str] = {
    "institution": N_("Institution"), "rating": N_("Overall rating"), "faculty": N_("Faculty"),
    "infrastructure": N_("Infrastructure"), "placements": N_("Placements"), "campus_life": N_("Campus life"),
    "value_for_money": N_("Value for money"), "aspects": N_("Ratings of each aspect"),
    "title": N_("Title"), "body": N_("Your review"), "course": N_("Course you studied"),
    "graduation_year": N_("Year you graduated (or will)"), "name": N_("Name"), "email": N_("Email"),
    "phone": N_("Mobile number"), "city": N_("City"), "consent": N_("Agreement to the privacy policy"),
    "policy_version": N_("Privacy policy version"), "subject": N_("Subject"), "message": N_("Message"),
    "kind": N_("Request"), "reviews": N_("What happens to your reviews"), "choice": N_("Your choice"),
    "return_to": N_("Page to return to"), "fees_inr": N_("Fees (₹ a year)"), "seats": N_("Seats"),
    "established": N_("Year established"), "naac_grade": N_("NAAC grade"),
    "nirf_rank": N_("NIRF rank"), "website": N_("Website"), "pincode": N_("PIN code"),
}

# The other fields, named as their words read, in the catalogue too (so a Hindi form names them in Hindi).
OTHER_LABELS: dict[str, str] = {
    "adult": N_("Adult"), "connection": N_("Connection"), "type": N_("Type"), "state": N_("State"),
    "ownership": N_("Ownership"), "approvals": N_("Approvals"), "bodies": N_("Bodies"),
    "affiliated_to": N_("Affiliated to"), "courses": N_("Courses"), "specialisation": N_("Specialisation"),
    "level": N_("Level"), "duration": N_("Duration"), "admissions": N_("Admissions"), "source": N_("Source"),
    "source_url": N_("Source url"), "as_of": N_("As of"), "basis": N_("Basis"), "exams": N_("Exams"),
    "application": N_("Application"), "opens": N_("Opens"), "closes": N_("Closes"),
    "closing_ranks": N_("Closing ranks"), "year": N_("Year"), "exam": N_("Exam"), "round": N_("Round"),
    "category": N_("Category"), "rank": N_("Rank"), "facilities": N_("Facilities"), "contact": N_("Contact"),
    "address": N_("Address"), "eligible": N_("Eligible"), "placed": N_("Placed"),
    "median_package_inr": N_("Median package (₹)"), "highest_package_inr": N_("Highest package (₹)"),
    "top_recruiters": N_("Top recruiters"), "cost_of_attendance": N_("Cost of attendance"),
    "hostel_inr": N_("Hostel (₹)"), "mess_inr": N_("Mess (₹)"), "other_fees_inr": N_("Other fees (₹)"),
    "description": N_("Description"), "on_behalf_of": N_("On behalf of"), "confirm": N_("Confirm"),
    "review": N_("Review"), "reason": N_("Reason"), "note": N_("Note"), "relationship": N_("Relationship"),
}

THIS_FORM = N_("This form")
NOT_ACCEPTABLE = N_("this is not in a form we can accept; check it and send it again")

TYPE_NAMES = frozenset({"str", "int", "float", "bool", "date", "datetime", "list", "dict", "url", "none"})

# pydantic's error types, by what the person has to do about them.
_KIND_OF_TYPE: dict[str, str] = {
    "missing": "missing", "extra_forbidden": "unknown_field",
    "string_too_short": "too_short", "string_too_long": "too_long",
    "too_short": "too_few", "too_long": "too_many",
    "string_type": "not_text", "string_sub_type": "not_text", "string_unicode": "not_text",
    "int_type": "number", "int_parsing": "number", "int_from_float": "number", "float_type": "number",
    "float_parsing": "number", "int_parsing_size": "number", "finite_number": "number",
    "greater_than": "number", "greater_than_equal": "number", "less_than": "number", "less_than_equal": "number",
    "multiple_of": "number",
    "literal_error": "not_a_choice", "enum": "not_a_choice",
    "bool_type": "not_ticked", "bool_parsing": "not_ticked",
    "list_type": "not_a_list", "tuple_type": "not_a_list", "set_type": "not_a_list",
    "model_type": "not_a_group", "model_attributes_type": "not_a_group", "dict_type": "not_a_group",
    "date_type": "not_a_date", "date_parsing": "not_a_date", "date_from_datetime_parsing": "not_a_date",
    "date_from_datetime_inexact": "not_a_date", "date_past": "not_a_date", "date_future": "not_a_date",
    "datetime_type": "not_a_date", "datetime_parsing": "not_a_date",
    "url_type": "not_a_web_address", "url_parsing": "not_a_web_address", "url_scheme": "not_a_web_address",
    "url_syntax_violation": "not_a_web_address", "url_too_long": "not_a_web_address",
    "value_error": "rule", "assertion_error": "rule",
}


def field_label(location: Sequence[str | int], lang: Language = DEFAULT_LANGUAGE) -> str:
    """The label the form shows for a field: its entry in FIELD_LABELS, else its name in words."""
    # A union's branch ("int", "constrained-int", "function-after[…]") is not a field of the form.
    names = [part for part in location if isinstance(part, str) and part.isidentifier() and part not in TYPE_NAMES]
    if not names:
        return gettext(lang, THIS_FORM)
    last = names[-1]
    if last in FIELD_LABELS or last in OTHER_LABELS:
        return gettext(lang, FIELD_LABELS.get(last) or OTHER_LABELS[last])
    words = last.removesuffix("_inr").replace("_", " ").capitalize()
    return f"{words} (₹)" if last.endswith("_inr") else words


def message(message_id: str, lang: Language = DEFAULT_LANGUAGE, **values: Any) -> str:
    """One message of the catalogue in `lang`, filled in."""
    return gettext(lang, MESSAGES[message_id]).format(**values)


class FieldText:
    """One field's message, written when the language is known (a Problem's field, answered by the API)."""

    __slots__ = ("error", "model")

    def __init__(self, error: ErrorDetails | Mapping[str, Any], model: type[BaseModel] | None = None) -> None:
        self.error = error
        self.model = model

    def in_language(self, lang: Language) -> str:
        return field_message(self.error, self.model, lang)

    def __str__(self) -> str:
        return self.in_language(DEFAULT_LANGUAGE)


def field_message(error: ErrorDetails | Mapping[str, Any], model: type[BaseModel] | None = None,
                  lang: Language = DEFAULT_LANGUAGE) -> str:
    """What a person reads for one of pydantic's errors: the field's label and what to do, from the catalogue.

    `model` lets a number's allowed range be named even when the value was not a number at all (an empty
    select, "five"): that is where pydantic says only "Input should be a valid integer".
    """
    location = tuple(error["loc"])
    label = field_label(location, lang)
    kind = _KIND_OF_TYPE.get(str(error["type"]), "invalid")
    context: Mapping[str, Any] = error.get("ctx") or {}
    if kind == "rule":
        return message("rule", lang, label=label, reason=_own_reason(str(error.get("msg", "")), lang))
    if kind in ("too_short", "too_few"):
        shortest = context.get("min_length", 1)
        return (message(kind, lang, label=label, min=shortest) if shortest > 1
                else message("missing", lang, label=label))
    if kind in ("too_long", "too_many"):
        return message(kind, lang, label=label, max=context.get("max_length", ""))
    if kind == "number":
        return _number_message(label, lang, *_bounds(model, location, context))
    return message(kind, lang, label=label)


def _number_message(label: str, lang: Language, low: Any, high: Any) -> str:
    if low is not None and high is not None:
        kind = "not_a_rating" if (low, high) == (1, 5) else "number_in_range"
        return message(kind, lang, label=label, min=low, max=high)
    if low is not None:
        return message("number_too_small", lang, label=label, min=low)
    if high is not None:
        return message("number_too_large", lang, label=label, max=high)
    return message("not_a_number", lang, label=label)


FRAMEWORK_WORDING = re.compile(r"(?i)input should|string should|field required|value is not a valid|"
                               r"value error|validation error|type=|pydantic|extra inputs are not permitted|"
                               r"list should|dictionary should|object has no attribute")


def _own_reason(text: str, lang: Language) -> str:
    """A model's own rule, worded by us already ("write your name in letters"), without pydantic's prefix, in
    `lang` when the catalogue has it (the rules mark their reasons with N_). A reason with a detail we did not
    word ("enter an email address like … (the part after the @ …)") keeps only our words in another language."""
    reason = text.removeprefix("Value error, ").removeprefix("Assertion failed, ").strip().rstrip(".")
    if not reason or FRAMEWORK_WORDING.search(reason):
        return gettext(lang, NOT_ACCEPTABLE)
    translated = gettext(lang, reason)
    if translated != reason or lang is DEFAULT_LANGUAGE or " (" not in reason:
        return translated
    return gettext(lang, reason.split(" (", 1)[0])


def _bounds(model: type[BaseModel] | None, location: tuple[str | int, ...],
            context: Mapping[str, Any]) -> tuple[Any, Any]:
    """(lowest, highest) allowed for a number field: from the error, else from the model's declaration."""
    low = context.get("ge", context.get("gt"))
    high = context.get("le", context.get("lt"))
    if low is None and high is None and model is not None:
        low, high = _declared_bounds(model, location)
    return low, high


def _declared_bounds(model: type[BaseModel], location: tuple[str | int, ...]) -> tuple[Any, Any]:
    """The ge/le constraints of the field at `location`, walking nested models and lists."""
    current: Any = model
    field = None
    for part in location:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not isinstance(fields, dict) or part not in fields:
            return None, None
        field = fields[part]
        current = _inner_model(field.annotation)
    if field is None:
        return None, None
    low = next((getattr(meta, "ge", None) for meta in field.metadata if getattr(meta, "ge", None) is not None), None)
    high = next((getattr(meta, "le", None) for meta in field.metadata if getattr(meta, "le", None) is not None), None)
    return low, high


def _inner_model(annotation: Any) -> Any:
    """The model inside `list[Course]`, `Course | None` or `Annotated[Course, …]`; the annotation otherwise."""
    if hasattr(annotation, "model_fields"):
        return annotation
    for argument in get_args(annotation) if get_origin(annotation) is not None else ():
        inner = _inner_model(argument)
        if hasattr(inner, "model_fields"):
            return inner
    return annotation

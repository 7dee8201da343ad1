"""A listing request: a signed-in user proposes an institution; an editor approves it and commits the file."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from careermitra.domain.institution import Institution, InstitutionFacts
from careermitra.domain.page_language import DEFAULT_LANGUAGE, PageLanguage
from careermitra.domain.problems import InvalidInput
from careermitra.domain.slugs import slugify
from careermitra.domain.submission import Status, plain_text
from careermitra.i18n import N_

# Backslash-escaped in an exported description, so a proposer's text is shown as they wrote it, never as markup
# (emphasis, links, images, raw HTML, entities, tables, headings, lists).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~&=])")
ORDERED_LIST_MARK = re.compile(r"^([0-9]+)([.)])", re.MULTILINE)
FRONT_MATTER_ORDER = ("name", "type", "ownership", "city", "state", "established", "website", "approvals",
                      "courses", "facilities", "contact", "placements", "cost_of_attendance")


class InstitutionProposal(InstitutionFacts):
    """What the listing form sends: an institution's facts by the editors' rules, without a slug (it comes from
    the name, so the name must have letters) and without images (only an editor adds files to content/).

    The same model is the route's body, the OpenAPI document's schema of it and what the CLI's export writes."""

    lang: PageLanguage = DEFAULT_LANGUAGE

    @field_validator("name")
    @classmethod
    def _name_gives_a_slug(cls, value: str) -> str:
        if not slugify(value):
            raise ValueError(N_("write the institution's name in letters"))
        return value


def proposed_institution(proposal: InstitutionProposal | dict[str, Any]) -> Institution:
    """The institution a proposal makes: its slug from its name, its description as plain text (never markup)."""
    if not isinstance(proposal, InstitutionProposal):
        if not isinstance(proposal, dict):
            raise InvalidInput("Send the institution's facts as fields.", {"body": "expected an object of fields"})
        try:
            proposal = InstitutionProposal.model_validate(proposal)
        except ValidationError as error:
            raise InvalidInput.from_validation(error) from None
    facts = {name: getattr(proposal, name) for name in InstitutionFacts.model_fields}
    try:
        return Institution.model_validate({**facts, "slug": slugify(proposal.name),
                                           "description": plain_text(proposal.description)})
    except ValidationError as error:
        raise InvalidInput.from_validation(error, model=Institution) from None


def markdown_escaped(text: str) -> str:
    """Plain text as Markdown that renders back to the same text: every markup character escaped, lines unindented
    (four spaces would make a code block)."""
    unindented = "\n".join(line.strip() for line in text.splitlines())
    return ORDERED_LIST_MARK.sub(r"\1\\\2", MARKDOWN_SPECIAL.sub(r"\\\1", unindented))


def institution_file_text(institution: InstitutionFacts) -> str:
    """The institution as `content/institutions/<slug>.md`: YAML front matter, then the description as plain text
    (a proposer's description is theirs, not the editors': nothing in it may reach a page as markup)."""
    import yaml  # only the CLI export needs YAML; the API never calls this

    data = institution.model_dump(mode="json", exclude_none=True, exclude={"slug", "description"})
    ordered = {key: data[key] for key in FRONT_MATTER_ORDER if key in data}
    if "approvals" in ordered and not ordered["approvals"].get("bodies"):
        ordered["approvals"].pop("bodies", None)
    front = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=110)
    return f"---\n{front}---\n{markdown_escaped(institution.description)}\n"


class ListingRecord(BaseModel):
    """A stored listing request with the moderator's decision."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    user_id: str | None = None  # None once the author's account was erased
    slug: str
    institution_json: str
    status: Status
    fingerprint: str
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    reason: str | None = None

    @property
    def institution(self) -> Institution:
        return Institution.model_validate(json.loads(self.institution_json))

"""Structured data for search engines, computed here and handed to the templates as JSON, written out in the
language of the page it is on (issue 16)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from careermitra.domain.institution import InstitutionType
from careermitra.i18n import DEFAULT_LANGUAGE, Language, Msg, localized_url
from careermitra.site.builder.model import Entry

SCHEMA_TYPES = {
    InstitutionType.UNIVERSITY: "CollegeOrUniversity",
    InstitutionType.COLLEGE: "CollegeOrUniversity",
    InstitutionType.SCHOOL: "School",
    InstitutionType.COACHING: "EducationalOrganization",
}


def _rating(value: float | int) -> dict[str, Any]:
    return {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1}


def institution_jsonld(entry: Entry, origin: str) -> StructuredData:
    """schema.org data for an institution page, with its aggregate rating (and its Hindi name for the Hindi page)."""
    inst = entry.institution
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[inst.type],
        "@id": f"{origin}{inst.url}#institution",
        "name": inst.name,
        "url": f"{origin}{inst.url}",
        # The page about the institution, in the language it is read in (StructuredData.in_language).
        "mainEntityOfPage": {"@type": "WebPage", "@id": f"{origin}{inst.url}",
                             "inLanguage": DEFAULT_LANGUAGE.html_lang},
        "sameAs": str(inst.website),
        "foundingDate": str(inst.established),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": inst.contact.address,
            "addressLocality": inst.city,
            "addressRegion": inst.state,
            "postalCode": inst.contact.pincode,
            "addressCountry": "IN",
        },
    }
    if inst.contact.phone:
        data["telephone"] = inst.contact.phone
    if entry.summary.count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": entry.summary.average,
            "reviewCount": entry.summary.count,
            "bestRating": 5,
            "worstRating": 1,
        }
        # No `review` list: each review's title, author, date and rating are in the page already, and repeating
        # them here weighed 2 KB of every institution page (issue 13's budget of 40 KB as files).
    # Only the Hindi page says the Hindi name, so a new name_hi changes the Hindi pages alone (test_incremental).
    return StructuredData(data, hindi_name=inst.name_hi)


def breadcrumbs_jsonld(trail: Sequence[tuple[Msg, str]], origin: str) -> StructuredData:
    """A BreadcrumbList from (name, url) pairs; each name is said in the language of the page it is on."""
    return StructuredData({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": str(name), "item": f"{origin}{url}"}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }, names=tuple(name for name, _ in trail))


def in_language(data: dict[str, Any], lang: Language, hindi_name: str | None = None,
                names: Sequence[Msg] = ()) -> dict[str, Any]:
    """A block of the English page as its copy in `lang` says it: the page it describes is that language's (its
    `inLanguage` too), the breadcrumbs lead to that language's pages under their names in it (`names`, one per
    item), and on a Hindi page an institution's Hindi name, where it has one, is its `name`, the English one kept
    as `alternateName`."""
    if lang is DEFAULT_LANGUAGE:
        return data
    block = dict(data)
    if "mainEntityOfPage" in block:
        block["mainEntityOfPage"] = {**block["mainEntityOfPage"], "@id": _localized(block["mainEntityOfPage"]["@id"],
                                                                                   lang), "inLanguage": lang.html_lang}
    if "itemListElement" in block:
        items = block["itemListElement"]
        said = [name.in_language(lang) for name in names] if names else [item["name"] for item in items]
        block["itemListElement"] = [{**item, "name": name, "item": _localized(item["item"], lang)}
                                    for item, name in zip(items, said, strict=True)]
    if lang is Language.HI and hindi_name:
        block["name"], block["alternateName"] = hindi_name, block["name"]
    return block


def _localized(url: str, lang: Language) -> str:
    parts = urlsplit(url)
    path = parts.path + (f"#{parts.fragment}" if parts.fragment else "")
    return f"{parts.scheme}://{parts.netloc}{localized_url(path, lang)}"


class StructuredData(Msg):
    """One JSON-LD block of a page, written out when the page is rendered in its language: the renderer puts every
    Msg of a page's context in the page's language, so the one page spec serves the English page and its Hindi
    copy (like a Name)."""

    __slots__ = ("data", "hindi_name", "names")

    def __init__(self, data: dict[str, Any], hindi_name: str | None = None, names: tuple[Msg, ...] = ()) -> None:
        super().__init__("")
        self.data = data
        self.hindi_name = hindi_name
        self.names = names

    def in_language(self, lang: Language) -> str:
        return embeddable(in_language(self.data, lang, self.hindi_name, self.names))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StructuredData) and (self.data, self.hindi_name, self.names) == (
            other.data, other.hindi_name, other.names)

    def __hash__(self) -> int:
        return hash((embeddable(self.data), self.hindi_name, self.names))

    def __repr__(self) -> str:
        return f"StructuredData({self.data!r}, hindi_name={self.hindi_name!r}, names={self.names!r})"


def dumps(block: StructuredData) -> StructuredData:
    """A block as a page's `jsonld` holds it: written out (as JSON safe to embed) when each page is rendered."""
    return block


def embeddable(data: Any) -> str:
    """JSON safe to embed in a <script type="application/ld+json"> block (no '</script>' break-out)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

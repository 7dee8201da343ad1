"""Structured data for search engines, computed here and handed to the templates as a JSON string."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from careermitra.domain.institution import InstitutionType
from careermitra.site.builder.model import Entry

SCHEMA_TYPES = {
    InstitutionType.UNIVERSITY: "CollegeOrUniversity",
    InstitutionType.COLLEGE: "CollegeOrUniversity",
    InstitutionType.SCHOOL: "School",
    InstitutionType.COACHING: "EducationalOrganization",
}


def _rating(value: float | int) -> dict[str, Any]:
    return {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1}


def institution_jsonld(entry: Entry, origin: str) -> dict[str, Any]:
    """schema.org data for an institution page, with its aggregate rating."""
    inst = entry.institution
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[inst.type],
        "@id": f"{origin}{inst.url}#institution",
        "name": inst.name,
        "url": f"{origin}{inst.url}",
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
    return data


def breadcrumbs_jsonld(trail: Sequence[tuple[str, str]], origin: str) -> dict[str, Any]:
    """A BreadcrumbList from (name, url) pairs."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": f"{origin}{url}"}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def dumps(data: Any) -> str:
    """JSON safe to embed in a <script type="application/ld+json"> block (no '</script>' break-out)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

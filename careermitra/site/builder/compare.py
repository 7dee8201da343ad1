"""The compare page's data: one small JSON file per institution, `/compare/data/<slug>.json`, written by the build.

The compare and shortlist pages are static; their script fetches these files (never the API), so comparing
costs a few kilobytes per institution and works from any copy of the site. Figures come with their display text
(Indian digit grouping, provenance lines) made by the same functions the institution page uses.
"""

from __future__ import annotations

import json
from typing import Any

from careermitra.domain.facts import Sourced
from careermitra.i18n.names import Kind
from careermitra.site.builder.facts_view import Provenance, provenance, rank_tables, ratings_provenance
from careermitra.site.builder.formatting import grouped, inr, long_date
from careermitra.site.builder.listing_data import hindi_names_of
from careermitra.site.builder.model import Entry

COMPARE_FOLDER = "compare/data"


def compare_data_path(slug: str) -> str:
    return f"{COMPARE_FOLDER}/{slug}.json"


def _source(block: Sourced) -> dict[str, str | None]:
    return _source_of(provenance(block))


def _source_of(p: Provenance) -> dict[str, str | None]:
    return {"prefix": str(p.prefix), "source": p.source, "url": p.url, "suffix": p.suffix, "text": p.text}


def _maybe_source(block: Sourced | None) -> dict[str, str | None] | None:
    return None if block is None else _source(block)


def _money(amount: int | None) -> dict[str, Any] | None:
    return None if amount is None else {"value": amount, "text": inr(amount)}


def compare_record(entry: Entry) -> dict[str, Any]:
    """What the compare page shows of one institution; no personal data (reviews are counted, not copied)."""
    inst, summary = entry.institution, entry.summary
    ap = inst.approvals
    cost = inst.cost_of_attendance
    courses = []
    for course in inst.courses:
        adm = course.admissions
        tables = rank_tables(adm) if adm else []
        latest_rank = None
        if tables:
            # The newest year's last round for the first category listed (General where given).
            table = tables[0]
            category, ranks = table.rows[0]
            last_round, rank = [(r, rank) for r, rank in zip(table.rounds, ranks, strict=True) if rank][-1]
            latest_rank = f"{table.exam} {table.year}, {category}, round {last_round}: {grouped(rank)}"
        courses.append({
            "title": course.title,
            "name": course.name,
            "fee": _money(course.fees_inr),
            "total": _money(course.fees_inr + cost.besides_tuition if cost else None),
            "seats": course.seats,
            "exams": adm.exams if adm else [],
            "application": (f"{long_date(adm.application.opens)} to {long_date(adm.application.closes)}"
                            if adm and adm.application else None),
            "closing_rank": latest_rank,
            "admissions_source": _source(adm) if adm else None,
        })
    latest = inst.latest_placements
    record: dict[str, Any] = {
        "slug": inst.slug,
        "name": inst.name,
        "url": inst.url,
        "type": inst.type.label,
        "city": inst.city,
        "state": inst.state,
        "established": inst.established,
        "ownership": inst.ownership.label if inst.ownership else None,
        "approvals": {"bodies": ap.bodies, "affiliated_to": ap.affiliated_to, "source": _maybe_source(ap.provenance),
                      "naac_grade": ap.naac_grade, "naac_source": _maybe_source(ap.naac_provenance),
                      "nirf_rank": ap.nirf_rank, "nirf_source": _maybe_source(ap.nirf_provenance)},
        "rating": {"average": summary.average, "count": summary.count,
                   "source": _source_of(ratings_provenance(summary)),
                   "aspects": [{"label": a.label, "average": a.average} for a in summary.aspects]},
        "courses": courses,
        "cost": None if cost is None else {
            "hostel": _money(cost.hostel_inr), "mess": _money(cost.mess_inr), "other": _money(cost.other_fees_inr),
            "besides_tuition": _money(cost.besides_tuition), "source": _source(cost)},
        "placements": None if latest is None else {
            "year": latest.year, "placed": latest.placed, "eligible": latest.eligible,
            "percent": round(100 * latest.placed_share), "median": _money(latest.median_package_inr),
            "highest": _money(latest.highest_package_inr), "recruiters": latest.top_recruiters,
            "source": _source(latest)},
    }
    hindi = _hindi(record, inst.name_hi)
    if hindi:
        record["hi"] = hindi
    return record


def _hindi(record: dict[str, Any], name_hi: str | None) -> dict[str, Any]:
    """The Hindi a Hindi compare page shows (issue 16): the institution's own Hindi name, and the Hindi of its
    type, city, state, courses and rated aspects (hindi_names_of: only names whose Hindi differs), so one file
    still serves both languages."""
    named: list[tuple[Kind, str]] = [("type", record["type"]), ("city", record["city"]), ("state", record["state"])]
    named += [("course", course["name"]) for course in record["courses"]]
    named += [("aspect", aspect["label"]) for aspect in record["rating"]["aspects"]]
    hindi: dict[str, Any] = {"name": name_hi, "names": hindi_names_of(named)}
    return {key: value for key, value in hindi.items() if value}


def compare_data(entry: Entry) -> tuple[str, str]:
    """(path, JSON text) of an institution's compare file: sorted keys, so builds are repeatable."""
    text = json.dumps(compare_record(entry), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return compare_data_path(entry.slug), text + "\n"

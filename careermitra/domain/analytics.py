"""First-party analytics: what one page view records, the consent cookie, and the daily totals of a report.

No IP address, no User-Agent string and no account link is ever part of an event: a browser family, paths
of this site, the origin of an external referrer, the seconds on the page and a random visitor id from the
consent cookie (it only exists after the visitor accepted analytics).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careermitra.domain.signing import sign, unsign

# India has one time zone and no daylight saving: a day of the report is a day in IST.
IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
EVENT_LIFETIME = dt.timedelta(days=90)
MAX_SECONDS_ON_PAGE = 6 * 3600  # a tab left open all afternoon is not six hours of reading; longer is refused
SITE_PATH = re.compile(r"^/[A-Za-z0-9/._~%-]{0,299}$")
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?$")
VISITOR_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")

CONSENT_COOKIE = "cm_consent"
CONSENT_PURPOSE = "consent"
CONSENT_LIFETIME = dt.timedelta(days=180)
# The word of a consent given by someone who confirmed being 18 or older (DPDP Act s.9(3): no tracking of
# children). Consent cookies from before that question said "accepted": no longer ours, so asked again.
ACCEPTED = "accepted-adult"
REJECTED = "rejected"

# Browser families, most specific first: Edge and Opera and Samsung Internet say "Chrome" too, Chrome says "Safari".
BROWSER_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Edge", re.compile(r"\bEdg(?:e|A|iOS)?/")),
    ("Opera", re.compile(r"\b(?:OPR|Opera)/")),
    ("Samsung Internet", re.compile(r"\bSamsungBrowser/")),
    ("Firefox", re.compile(r"\b(?:Firefox|FxiOS)/")),
    ("Chrome", re.compile(r"\b(?:Chrome|CriOS|HeadlessChrome|Chromium)/")),
    ("Safari", re.compile(r"\bVersion/[\d.]+.*\bSafari/")),
)
BROWSERS = (*(name for name, _ in BROWSER_FAMILIES), "Other")


def browser_family(user_agent: str | None) -> str:
    """One of BROWSERS for a User-Agent header; the header itself is never stored."""
    for name, pattern in BROWSER_FAMILIES:
        if user_agent and pattern.search(user_agent):
            return name
    return "Other"


def new_visitor_id() -> str:
    """A random id with no meaning outside this site's consent cookie (128 bits)."""
    return secrets.token_urlsafe(16)


def consent_cookie_value(key: bytes, accepted: bool) -> str:
    """'accepted-adult.<visitor id>.<signature>' or 'rejected': a refusal needs no id, so it gets none.

    The id is signed with the session key so that a script cannot make up visitor ids (one per beacon) to
    inflate the counts or slip past the per-visitor limit; the page's script reads only the word before the dot.
    """
    return sign(key, CONSENT_PURPOSE, f"{ACCEPTED}.{new_visitor_id()}") if accepted else REJECTED


def visitor_of(key: bytes, cookie_value: str | None) -> str | None:
    """The visitor id of a consent cookie we signed that accepts analytics; None for anything else."""
    choice, _, visitor = (unsign(key, CONSENT_PURPOSE, cookie_value or "") or "").partition(".")
    return visitor if choice == ACCEPTED and VISITOR_ID.match(visitor) else None


def report_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(IST).date()


class PageViewBeacon(BaseModel):
    """What the page's script sends when the visitor leaves a page (only after consent)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    path: Annotated[str, Field(min_length=1, max_length=300)]
    previous: Annotated[str | None, Field(max_length=300)] = None
    referrer: Annotated[str | None, Field(max_length=270)] = None
    seconds: int = Field(ge=0, le=MAX_SECONDS_ON_PAGE, strict=True)

    @field_validator("path", "previous")
    @classmethod
    def _site_path(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not SITE_PATH.match(value):
            raise ValueError("give a path of this site like /institutions/x/, without the query string or host")
        return value

    @field_validator("referrer")
    @classmethod
    def _origin_only(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not ORIGIN.match(value):
            raise ValueError("give only the referring site's origin, like https://example.com, without a path")
        return value.lower()


class PageView(BaseModel):
    """A stored event: a beacon plus the browser family, the visitor id and when; nothing else."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    path: str
    previous: str | None = None
    referrer: str | None = None
    seconds: int
    browser: str
    visitor: str
    at: dt.datetime

    @property
    def day(self) -> dt.date:
        return report_day(self.at)


def page_view(beacon: PageViewBeacon, visitor: str, user_agent: str | None, site_origin: str,
              now: dt.datetime) -> PageView:
    """The event to store; a 'referrer' that is this site itself counts as the previous page, not a referrer."""
    referrer = beacon.referrer
    if referrer and referrer == urlsplit(site_origin)._replace(path="").geturl().lower():
        referrer = None
    return PageView(path=beacon.path, previous=beacon.previous, referrer=referrer, seconds=beacon.seconds,
                    browser=browser_family(user_agent), visitor=visitor, at=now)


DIRECT = "(direct)"


@dataclass
class DailyTotals:
    """One day's analytics as counts only (no visitor ids), which is what the daily roll-up keeps.

    A visit starts with a page view that has no previous page of this site (arriving from elsewhere or
    typing the address). `seconds` counts page views by whole seconds on the page, so medians stay exact
    when days are combined.
    """

    day: dt.date
    page_views: int = 0
    visits: int = 0
    visitors: int = 0
    pages: Counter[str] = field(default_factory=Counter)
    referrers: Counter[str] = field(default_factory=Counter)
    browsers: Counter[str] = field(default_factory=Counter)
    seconds: Counter[int] = field(default_factory=Counter)
    paths: Counter[str] = field(default_factory=Counter)

    def to_item(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "page_views": self.page_views, "visits": self.visits,
                "visitors": self.visitors, "pages": dict(self.pages), "referrers": dict(self.referrers),
                "browsers": dict(self.browsers), "seconds": {str(k): v for k, v in self.seconds.items()},
                "paths": dict(self.paths)}

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> DailyTotals:
        return cls(day=dt.date.fromisoformat(item["day"]), page_views=int(item["page_views"]),
                   visits=int(item["visits"]), visitors=int(item["visitors"]),
                   pages=Counter({k: int(v) for k, v in item.get("pages", {}).items()}),
                   referrers=Counter({k: int(v) for k, v in item.get("referrers", {}).items()}),
                   browsers=Counter({k: int(v) for k, v in item.get("browsers", {}).items()}),
                   seconds=Counter({int(k): int(v) for k, v in item.get("seconds", {}).items()}),
                   paths=Counter({k: int(v) for k, v in item.get("paths", {}).items()}))


PATH_ARROW = " → "


def daily_totals(day: dt.date, views: list[PageView]) -> DailyTotals:
    """Count one day's page views."""
    totals = DailyTotals(day=day)
    for view in views:
        totals.page_views += 1
        totals.pages[view.path] += 1
        totals.browsers[view.browser] += 1
        totals.seconds[view.seconds] += 1
        if view.previous is None:
            totals.visits += 1
            totals.referrers[view.referrer or DIRECT] += 1
        else:
            totals.paths[f"{view.previous}{PATH_ARROW}{view.path}"] += 1
    totals.visitors = len({view.visitor for view in views})
    return totals


def median_of(histogram: Counter[int]) -> float | None:
    """The median of values given as value -> how often; None when there are none."""
    total = sum(histogram.values())
    if not total:
        return None
    ordered = sorted(histogram.items())

    def nth(n: int) -> int:  # the n-th value (0-based) in sorted order
        seen = 0
        for value, times in ordered:
            seen += times
            if n < seen:
                return value
        raise AssertionError("unreachable")

    middle = total // 2
    return float(nth(middle)) if total % 2 else (nth(middle - 1) + nth(middle)) / 2

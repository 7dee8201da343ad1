"""Analytics from the beacon to the report: store a page view, roll a day up, assemble the report.

Why a daily roll-up *and* raw events: the scheduled function (AnalyticsRollupFunction, each night in IST)
turns yesterday's events into one item of counts, so a report over months reads one item per day and still
works after the events themselves expire (90 days). A day without a roll-up (today, or a night the schedule
failed) is counted from its events at report time, so a report is always complete while the events live.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from careermitra.domain.analytics import DailyTotals, daily_totals, median_of, report_day
from careermitra.store.analytics import AnalyticsStore


def roll_up(store: AnalyticsStore, day: dt.date) -> DailyTotals:
    """Count a finished day's page views and keep the totals."""
    totals = daily_totals(day, store.views_on(day))
    store.put_totals(totals)
    return totals


def roll_up_yesterday(store: AnalyticsStore, now: dt.datetime) -> DailyTotals:
    """What the nightly schedule runs: the day before `now`, in IST."""
    return roll_up(store, report_day(now) - dt.timedelta(days=1))


@dataclass
class AnalyticsReport:
    """The report the privacy policy mentions, over `days` days ending today (IST)."""

    first_day: dt.date
    last_day: dt.date
    days: list[DailyTotals]
    pages: Counter[str] = field(default_factory=Counter)
    referrers: Counter[str] = field(default_factory=Counter)
    browsers: Counter[str] = field(default_factory=Counter)
    paths: Counter[str] = field(default_factory=Counter)
    seconds: Counter[int] = field(default_factory=Counter)

    @property
    def page_views(self) -> int:
        return sum(day.page_views for day in self.days)

    @property
    def visits(self) -> int:
        return sum(day.visits for day in self.days)

    @property
    def median_seconds(self) -> float | None:
        return median_of(self.seconds)

    def as_data(self, top: int = 10) -> dict[str, object]:
        return {
            "from": self.first_day.isoformat(), "to": self.last_day.isoformat(),
            "page_views": self.page_views, "visits": self.visits, "median_seconds_on_page": self.median_seconds,
            "per_day": [{"day": d.day.isoformat(), "visits": d.visits, "visitors": d.visitors,
                         "page_views": d.page_views} for d in self.days],
            "top_pages": self.pages.most_common(top), "top_referrers": self.referrers.most_common(top),
            "browsers": self.browsers.most_common(), "top_paths": self.paths.most_common(top),
        }


def analytics_report(store: AnalyticsStore, days: int, now: dt.datetime) -> AnalyticsReport:
    """Totals for each of the last `days` days: the roll-up when there is one, else counted from the events."""
    last = report_day(now)
    first = last - dt.timedelta(days=days - 1)
    per_day = []
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        stored = store.totals_on(day) if day < last else None  # today is still going on
        per_day.append(stored or daily_totals(day, store.views_on(day)))
    report = AnalyticsReport(first_day=first, last_day=last, days=per_day)
    for totals in per_day:
        report.pages.update(totals.pages)
        report.referrers.update(totals.referrers)
        report.browsers.update(totals.browsers)
        report.paths.update(totals.paths)
        report.seconds.update(totals.seconds)
    return report

"""First-party analytics: the consent cookie, the beacon handler, the daily roll-up and the report."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import boto3
import pytest

from careermitra.domain.analytics import IST, PageView, browser_family, daily_totals
from careermitra.reports.analytics import html_report, text_summary
from careermitra.store.analytics import DynamoAnalyticsStore
from careermitra.workflows.analytics import analytics_report, roll_up, roll_up_yesterday
from tests.support.api import IP, REGION, SITE, Api, moto_stores

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def consent(api: Api, choice: str = "accept", headers: dict[str, str] | None = None) -> str:
    answer = api.request("POST", "/api/consent", json_body={"choice": choice, "adult": choice == "accept"},
                         headers=headers)
    assert answer.status == 200
    set_cookie = answer.cookie("cm_consent")
    assert set_cookie and "Secure" in set_cookie and "SameSite=Lax" in set_cookie and "HttpOnly" not in set_cookie
    return set_cookie.split(";", 1)[0]


def beacon(api: Api, cookie: str | None, body: object, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return api.request("POST", "/api/events", json_body=body, cookie=cookie,
                       headers={"User-Agent": CHROME, **(headers or {})})


def stored_items() -> list[dict[str, object]]:
    table = boto3.resource("dynamodb", region_name=REGION).Table("test-AnalyticsTable")
    return table.scan()["Items"]


def test_accepting_sets_a_cookie_with_a_random_visitor_id_and_rejecting_sets_none(api: Api) -> None:
    first, second = consent(api), consent(api)
    assert re.fullmatch(r"cm_consent=accepted-adult\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", first)
    assert first != second
    assert consent(api, "reject") == "cm_consent=rejected"


def test_a_browser_privacy_signal_turns_an_accept_into_a_refusal(api: Api) -> None:
    assert consent(api, headers={"Sec-GPC": "1"}) == "cm_consent=rejected"


def test_a_page_view_is_stored_with_the_browser_family_and_without_ip_or_user_agent(api: Api) -> None:
    cookie = consent(api)
    answer = beacon(api, cookie, {"path": "/institutions/x/", "previous": "/", "seconds": 42})
    assert (answer.status, answer.body) == (204, "")
    [item] = stored_items()
    assert item["path"] == "/institutions/x/" and item["previous"] == "/" and item["browser"] == "Chrome"
    assert item["visitor"] == cookie.split(".")[1]  # accepted-adult.<visitor id>.<signature>
    text = json.dumps(item, default=str)
    assert IP not in text and "Mozilla" not in text and "203.0.113" not in text
    assert int(item["expires_at"]) == int((api.clock.now + dt.timedelta(days=90)).timestamp())


def test_no_event_is_accepted_without_consent(api: Api) -> None:
    for cookie in (None, "cm_consent=rejected", "cm_consent=accepted.short"):
        answer = beacon(api, cookie, {"path": "/", "seconds": 1})
        assert answer.status == 403 and "cm_consent" in answer.json()["error"]["fields"]
    assert stored_items() == []


@pytest.mark.parametrize("header", [{"Sec-GPC": "1"}, {"DNT": "1"}])
def test_global_privacy_control_or_do_not_track_on_the_beacon_stores_nothing(api: Api, header: dict[str, str]) -> None:
    cookie = consent(api)
    assert beacon(api, cookie, {"path": "/", "seconds": 3}, headers=header).status == 204
    assert stored_items() == []


@pytest.mark.parametrize(("body", "field", "why"), [
    ({"path": "/a/?q=priya", "seconds": 1}, "path", "without the query string"),
    ({"path": "https://careermitra.in/a/", "seconds": 1}, "path", "path of this site"),
    ({"path": "/", "referrer": "https://example.com/some/page", "seconds": 1}, "referrer", "origin"),
    ({"path": "/", "seconds": -1}, "seconds", "at least 0"),
    ({"path": "/", "seconds": "12"}, "seconds", "whole number"),
    ({"path": "/", "seconds": 99999}, "seconds", "at most"),
    ({"path": "/", "seconds": 1, "ip": "1.2.3.4"}, "ip", "no such field"),
    ({"seconds": 1}, "path", "this is needed"),
])
def test_a_bad_event_is_refused_naming_the_field_and_why(api: Api, body: dict[str, object], field: str,
                                                          why: str) -> None:
    answer = beacon(api, consent(api), body)
    assert answer.status == 422
    assert why in answer.json()["error"]["fields"][field]
    assert stored_items() == []


def test_a_beacon_that_is_not_json_or_too_long_is_refused(api: Api) -> None:
    cookie = consent(api)
    assert api.request("POST", "/api/events", raw="x", content_type="text/plain", cookie=cookie).status == 415
    assert beacon(api, cookie, {"path": "/" + "a" * 3000, "seconds": 1}).status == 413


def test_the_beacon_is_rate_limited_per_visitor(api: Api) -> None:
    cookie = consent(api)
    statuses = Counter(beacon(api, cookie, {"path": "/", "seconds": 1}).status for _ in range(301))
    assert statuses == {204: 300, 429: 1}


def test_a_beacon_from_another_site_is_refused(api: Api) -> None:
    answer = beacon(api, consent(api), {"path": "/", "seconds": 1}, headers={"Origin": "https://evil.example"})
    assert answer.status == 403


@pytest.mark.parametrize(("agent", "family"), [
    (CHROME, "Chrome"), (FIREFOX, "Firefox"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
     "Safari/605.1.15", "Safari"),
    (CHROME + " Edg/131.0.0.0", "Edge"), (CHROME + " OPR/114.0.0.0", "Opera"),
    ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 "
     "Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet"),
    ("curl/8.5.0", "Other"), (None, "Other"),
])
def test_browser_families(agent: str | None, family: str) -> None:
    assert browser_family(agent) == family


# --- the report, on a generated set of events whose answers are known ---------------------------------------
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=IST)


def _view(day: int, visitor: str, path: str, seconds: int, previous: str | None = None,
          referrer: str | None = None, browser: str = "Chrome") -> PageView:
    at = dt.datetime(2026, 3, day, 10, 0, tzinfo=IST)
    return PageView(path=path, previous=previous, referrer=referrer, seconds=seconds, browser=browser,
                    visitor=visitor, at=at)


GENERATED = [
    # 8 March: visitor a arrives from Google and reads two pages; visitor b types the address.
    _view(8, "a" * 22, "/", 10, referrer="https://www.google.com"),
    _view(8, "a" * 22, "/institutions/x/", 30, previous="/"),
    _view(8, "b" * 22, "/", 20, browser="Firefox"),
    # 9 March: a comes back twice (two visits), c arrives from Bing.
    _view(9, "a" * 22, "/", 40),
    _view(9, "a" * 22, "/institutions/x/", 50, previous="/"),
    _view(9, "a" * 22, "/cities/pune/", 60, referrer="https://www.google.com"),
    _view(9, "c" * 22, "/institutions/x/", 70, referrer="https://www.bing.com", browser="Safari"),
    # 10 March (today): one view.
    _view(10, "b" * 22, "/", 5, browser="Firefox"),
]


@pytest.fixture
def generated(aws: None) -> DynamoAnalyticsStore:
    store = DynamoAnalyticsStore("test-AnalyticsTable")
    for view in GENERATED:
        store.add(view)
    return store


def test_the_report_counts_visits_visitors_pages_referrers_browsers_time_and_paths(
        generated: DynamoAnalyticsStore) -> None:
    report = analytics_report(generated, 3, NOW)
    per_day = [(d.day.day, d.visits, d.visitors, d.page_views) for d in report.days]
    assert per_day == [(8, 2, 2, 3), (9, 3, 2, 4), (10, 1, 1, 1)]
    assert report.pages.most_common(1) == [("/", 4)] and report.pages["/institutions/x/"] == 3
    assert report.referrers == Counter({"https://www.google.com": 2, "(direct)": 3, "https://www.bing.com": 1})
    assert report.browsers == Counter({"Chrome": 5, "Firefox": 2, "Safari": 1})
    assert report.paths == Counter({"/ → /institutions/x/": 2})
    assert report.median_seconds == 35.0  # 5 10 20 30 | 40 50 60 70
    assert report.as_data()["per_day"][1] == {"day": "2026-03-09", "visits": 3, "visitors": 2, "page_views": 4}


def test_the_nightly_roll_up_keeps_counts_only_and_the_report_reads_it(generated: DynamoAnalyticsStore) -> None:
    totals = roll_up_yesterday(generated, NOW)
    assert (totals.day, totals.visits, totals.visitors) == (dt.date(2026, 3, 9), 3, 2)
    stored = generated.totals_on(dt.date(2026, 3, 9))
    assert stored == totals
    assert "a" * 22 not in json.dumps(stored.to_item())  # no visitor ids in the totals
    # The report uses the stored totals for a finished day: change them and the report follows.
    roll_up(generated, dt.date(2026, 3, 8))
    generated.put_totals(daily_totals(dt.date(2026, 3, 8), GENERATED[:1]))
    assert analytics_report(generated, 3, NOW).days[0].page_views == 1


def test_the_scheduled_roll_up_function_totals_yesterday_in_the_table_it_is_given(aws: None) -> None:
    from careermitra.local.functions import load_function
    from tests.support.api import LambdaContext

    yesterday = dt.datetime.now(IST) - dt.timedelta(days=1)
    DynamoAnalyticsStore("test-AnalyticsTable").add(PageView(path="/", previous=None, referrer=None, seconds=9,
                                                             browser="Chrome", visitor="d" * 22, at=yesterday))
    rollup = load_function("analytics_rollup")  # ANALYTICS_TABLE is test-AnalyticsTable, as the template wires it

    answer = rollup.lambda_handler({}, LambdaContext(function_name="analytics-rollup-test"))

    assert answer == {"day": yesterday.date().isoformat(), "page_views": 1}
    assert DynamoAnalyticsStore("test-AnalyticsTable").totals_on(yesterday.date()).page_views == 1


def test_the_html_report_is_self_contained_with_inline_svg_charts(generated: DynamoAnalyticsStore) -> None:
    report = analytics_report(generated, 3, NOW)
    html = html_report(report)
    assert html.count("<svg") == 5
    assert not re.search(r"(src|href)=", html) and "<script" not in html
    assert "/institutions/x/" in html and "https://www.bing.com" in html
    summary = text_summary(report)
    assert "page views 8 · visits 6" in summary and "median time on page 35 s" in summary


def test_the_command_writes_the_html_report_and_prints_the_summary(
        generated: DynamoAnalyticsStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from careermitra.cli import build_parser, run_privacy_and_analytics

    out = tmp_path / "report.html"
    args = build_parser().parse_args(["analytics", "report", "--days", "3", "--out", str(out)])
    result = run_privacy_and_analytics(args, moto_stores(), NOW)
    assert "visits 6" in result and str(out) in result
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    args = build_parser().parse_args(["analytics", "report", "--days", "3", "--json"])
    data = run_privacy_and_analytics(args, moto_stores(), NOW)
    assert data["visits"] == 6 and data["top_paths"] == [("/ → /institutions/x/", 2)]


def test_the_same_site_as_referrer_is_not_counted_as_an_external_referrer(api: Api) -> None:
    cookie = consent(api)
    beacon(api, cookie, {"path": "/", "referrer": SITE, "seconds": 2})
    [item] = stored_items()
    assert "referrer" not in item

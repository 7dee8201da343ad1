"""The analytics report as console text and as one self-contained HTML file with inline SVG charts."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from careermitra.workflows.analytics import AnalyticsReport

BAR = "#1f5fa8"
LINE = "#b3401d"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "none"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def text_summary(report: AnalyticsReport, top: int = 5) -> str:
    """What the console shows: totals, then the first few of each ranking."""
    lines = [f"Analytics {report.first_day} to {report.last_day} (IST)",
             f"  page views {report.page_views} · visits {report.visits} · "
             f"median time on page {_duration(report.median_seconds)}", "", "  day          visits  visitors  views"]
    lines += [f"  {d.day}  {d.visits:>6}  {d.visitors:>8}  {d.page_views:>5}" for d in report.days]
    for title, counter in (("Top pages", report.pages), ("Top referrers", report.referrers),
                           ("Browsers", report.browsers), ("Navigation paths", report.paths)):
        lines += ["", f"  {title}:"]
        lines += [f"    {count:>5}  {name}" for name, count in counter.most_common(top)] or ["    none"]
    return "\n".join(lines)


def _daily_chart(report: AnalyticsReport) -> str:
    """Visits as bars and visitors as a line, one column per day."""
    width, height, pad = 720, 220, 30
    days = report.days
    peak = max([1, *(d.visits for d in days), *(d.visitors for d in days)])
    step = (width - 2 * pad) / max(1, len(days))
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="daily-title" width="100%">',
             '<title id="daily-title">Visits (bars) and visitors (line) per day</title>',
             f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#999"/>',
             f'<text x="4" y="{pad - 8}" font-size="11">{peak}</text>']
    points = []
    for index, day in enumerate(days):
        x = pad + index * step
        bar = (height - 2 * pad) * day.visits / peak
        parts.append(f'<rect x="{x + step * 0.15:.1f}" y="{height - pad - bar:.1f}" width="{step * 0.7:.1f}" '
                     f'height="{bar:.1f}" fill="{BAR}"><title>{day.day}: {day.visits} visits, '
                     f'{day.visitors} visitors</title></rect>')
        points.append(f"{x + step / 2:.1f},{height - pad - (height - 2 * pad) * day.visitors / peak:.1f}")
        if len(days) <= 14 or index % max(1, len(days) // 7) == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{height - 10}" font-size="10" '
                         f'text-anchor="middle">{day.day:%d %b}</text>')
    parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _ranking(title: str, rows: Sequence[tuple[str, int]]) -> str:
    """A horizontal bar per row, with the name and the count as text too (readable without the chart)."""
    if not rows:
        return f"<h2>{escape(title)}</h2><p>None in this period.</p>"
    peak = max(count for _, count in rows)
    row_height, width, label = 22, 720, 330
    svg = [f'<svg viewBox="0 0 {width} {row_height * len(rows)}" role="img" aria-label="{escape(title)}" '
           'width="100%">']
    for index, (name, count) in enumerate(rows):
        y = index * row_height
        bar = (width - label - 60) * count / peak
        svg.append(f'<text x="0" y="{y + 15}" font-size="12">{escape(name[:55])}</text>'
                   f'<rect x="{label}" y="{y + 4}" width="{bar:.1f}" height="14" fill="{BAR}"/>'
                   f'<text x="{label + bar + 6:.1f}" y="{y + 15}" font-size="12">{count}</text>')
    svg.append("</svg>")
    return f"<h2>{escape(title)}</h2>{''.join(svg)}"


def html_report(report: AnalyticsReport, top: int = 10) -> str:
    """One HTML file: no script, no external request; charts are inline SVG drawn here."""
    table = "".join(f"<tr><td>{d.day}</td><td>{d.visits}</td><td>{d.visitors}</td><td>{d.page_views}</td></tr>"
                    for d in report.days)
    sections = [_ranking("Top pages", report.pages.most_common(top)),
                _ranking("Top referrers", report.referrers.most_common(top)),
                _ranking("Browsers", report.browsers.most_common()),
                _ranking("Most common navigation paths", report.paths.most_common(top))]
    return f"""<!doctype html>
<html lang="en-IN">
<head><meta charset="utf-8"><title>Career Mitra analytics {report.first_day} to {report.last_day}</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#222}}
table{{border-collapse:collapse}}td,th{{padding:.2rem .8rem;border-bottom:1px solid #ddd;text-align:right}}
td:first-child,th:first-child{{text-align:left}}svg{{display:block;margin:.5rem 0 1.5rem}}</style></head>
<body>
<h1>Career Mitra analytics</h1>
<p>{report.first_day} to {report.last_day} (days in IST). First-party analytics of visitors who accepted it.</p>
<ul><li>Page views: <strong>{report.page_views}</strong></li><li>Visits: <strong>{report.visits}</strong></li>
<li>Median time on page: <strong>{_duration(report.median_seconds)}</strong></li></ul>
<h2>Visits and visitors per day</h2>
{_daily_chart(report)}
<table><thead><tr><th>Day</th><th>Visits</th><th>Visitors</th><th>Page views</th></tr></thead>
<tbody>{table}</tbody></table>
{"".join(sections)}
</body>
</html>
"""

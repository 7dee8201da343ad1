"""Issue 14 on the built fixture site: the code of practice lists the domain's reason codes, every page links it,
every review form asks the disclosure question, and reviews show their badge, their reply and a Report link."""

from __future__ import annotations

from pathlib import Path

from careermitra.domain.moderation_reasons import KEEP_CODE, REASONS
from careermitra.i18n import Language
from tests.site.html import language_of, site_link


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_code_of_practice_lists_every_reason_code_of_the_domain(fixture_site: Path) -> None:
    page = html(fixture_site, "how-reviews-work/index.html")
    for reason in REASONS:
        assert f"<code>{reason.code}</code>" in page and reason.explanation.replace("'", "&#39;") in page
    assert f"<code>{KEEP_CODE}</code>" in page
    for promise in ("We never pay for reviews", "never let an institution remove", "never sell or share",
                    "kept for one year"):
        assert promise in page
    report = html(fixture_site, "reviews/report/index.html")
    assert [f'value="{reason.code}"' in report for reason in REASONS] == [True] * len(REASONS)


def test_the_hindi_code_of_practice_and_report_form_give_each_reason_in_hindi_with_its_code(
        fixture_site: Path) -> None:
    page = html(fixture_site, "hi/how-reviews-work/index.html")
    report = html(fixture_site, "hi/reviews/report/index.html")
    for reason in REASONS:
        hindi = reason.in_language(Language.HI)
        assert hindi.code == reason.code and hindi.title != reason.title and "\u0900" <= hindi.title[0] <= "\u097f"
        assert f"<dt>{hindi.title} <code>{reason.code}</code></dt>" in page and hindi.explanation in page
        assert f'value="{reason.code}"' in report and f"{hindi.title}: {hindi.explanation}</label>" in report
        assert reason.explanation.replace("'", "&#39;") not in page + report
    assert f"<code>{KEEP_CODE}</code>" in page


def test_every_page_links_the_code_of_practice_from_its_footer(fixture_site: Path) -> None:
    pages = list(fixture_site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        link = site_link(language_of(fixture_site, page), "/how-reviews-work/", "How reviews work")
        assert link in page.read_text(encoding="utf-8"), page


def test_every_review_form_asks_the_disclosure_question_and_links_the_code(fixture_site: Path) -> None:
    # The institution page's fold reads the review page's form when opened (review-fold.js), so the review
    # pages hold every review form there is.
    for path in ("institutions/alpha-college/write-review/index.html",
                 "institutions/gamma-classes/write-review/index.html"):
        page = html(fixture_site, path)
        form = page[page.index('action="/api/reviews"'):]
        form = form[:form.index("</form>")]
        assert 'name="connection" value="none"' in form and 'name="connection" value="connected"' in form
        assert 'href="/how-reviews-work/"' in form


def test_the_ratings_block_shows_the_verified_count_and_the_collection_period(fixture_site: Path) -> None:
    page = html(fixture_site, "institutions/alpha-college/index.html")
    summary = page[page.index('<section class="summary"'):page.index("</section>", page.index('class="summary"'))]
    # Hand-computed: alpha-college's three reviews are from Jan 2025 to Jun 2025; fx-a-2 is an alumnus's.
    assert "3 reviews, Jan 2025 \u2013 Jun 2025 · 1 verified" in summary
    assert 'href="/how-reviews-work/"' in summary


def test_a_review_shows_its_badge_its_reply_and_a_report_link(fixture_site: Path) -> None:
    page = html(fixture_site, "institutions/alpha-college/index.html")
    start = page.index('id="review-fx-a-2"')
    review = page[start:page.index("</article>", start)]
    assert '<strong class="badge">Verified alumnus</strong>' in review
    assert "<strong>Reply from Alpha College" in review and "Placement support now covers every branch." in review
    assert 'href="/reviews/report/?review=fx-a-2"' in review
    assert "/reviews/reply/?review=fx-a-2" not in review  # one reply per review
    other = page[page.index('id="review-fx-a-3"'):]
    other = other[:other.index("</article>")]
    assert "badge" not in other and "/reviews/reply/?review=fx-a-3" in other

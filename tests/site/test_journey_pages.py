"""Issue 14 on the built pages: the header's two states, the sign-in page, "Your reviews" and the review form's
note, all static (no name or address of anyone in a built page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGES = ("index.html", "institutions/alpha-college/index.html", "account/index.html", "sign-in/index.html",
         "account/reviews/index.html", "institutions/alpha-college/write-review/index.html")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_both_header_states_and_the_script_that_picks_one(fixture_site: Path, page: str) -> None:
    html = (fixture_site / page).read_text(encoding="utf-8")
    # (the institution page leaves out the </li> the next <li> implies: render.compact_html)
    assert re.search(r'<li data-signed-out><a href="/sign-in/" data-return-here>Sign in</a>(?:</li>)?\n?<li ', html)
    assert '<li class="signed-in" data-signed-in hidden><span data-display-name></span> · ' in html
    assert '<a href="/account/">Your account</a>' in html
    assert '<form class="inline" action="/api/logout" method="post"' in html  # sign out is a POST
    # Pelican's pages link session.js?v=<digest>, the builder's its compacted copy session.<digest>.js.
    assert re.search(r'<script src="/theme/js/session(?:\.js\?v=[0-9a-f]{12}|\.[0-9a-f]{12}\.js)" '
                     r'data-consent="/theme/js/consent(?:\.[0-9a-f]{12})?\.js" defer></script>', html)


def test_the_sign_in_page_asks_for_the_email_alone(fixture_site: Path) -> None:
    html = (fixture_site / "sign-in/index.html").read_text(encoding="utf-8")
    assert 'action="/api/sign-in"' in html and 'name="email"' in html
    assert 'name="phone"' not in html and 'name="name"' not in html
    assert '<input type="hidden" name="return_to" value="" data-return-to>' in html


def test_your_reviews_is_a_static_page_whose_script_reads_the_api(fixture_site: Path) -> None:
    html = (fixture_site / "account/reviews/index.html").read_text(encoding="utf-8")
    assert '<script src="/theme/js/your-reviews.js" defer></script>' in html and "data-your-reviews" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "/api/account/reviews" in (fixture_site / "theme/js/your-reviews.js").read_text(encoding="utf-8")


def test_a_signed_out_visitor_is_told_the_review_form_will_ask_them_to_sign_in(fixture_site: Path) -> None:
    html = (fixture_site / "institutions/alpha-college/write-review/index.html").read_text(encoding="utf-8")
    assert '<p class="note" data-signed-out>Not signed in? Write your review all the same' in html
    # The institution page's fold reads that note and form from the review page when opened (review-fold.js)
    folded = (fixture_site / "institutions/alpha-college/index.html").read_text(encoding="utf-8")
    assert 'data-form-from="/institutions/alpha-college/write-review/"' in folded
    assert 'data-form="review"' not in folded


def test_the_session_scripts_address_carries_the_digest_of_its_content(fixture_site: Path) -> None:
    import hashlib

    from careermitra.site.builder.render import compact_script

    script = (fixture_site / "theme/js/session.js").read_bytes()
    digest = hashlib.sha256(script).hexdigest()[:12]
    assert f'<script src="/theme/js/session.js?v={digest}" ' in (  # a page Pelican renders
        fixture_site / "sign-in/index.html").read_text(encoding="utf-8")
    # The builder's pages link the compacted copy, named by the digest of what it holds.
    compacted = compact_script(script)
    copy = f"theme/js/session.{hashlib.sha256(compacted).hexdigest()[:12]}.js"
    assert f'<script src="/{copy}" ' in (fixture_site / "index.html").read_text(encoding="utf-8")
    assert (fixture_site / copy).read_bytes() == compacted

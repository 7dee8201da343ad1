"""'Best rated' ranks by a confidence-adjusted score (ratings.confidence_score), with hand-computed values."""

from __future__ import annotations

import pytest

from careermitra.domain.institution import InstitutionType
from careermitra.domain.ratings import PRIOR_RATING, PRIOR_REVIEWS, confidence_score
from careermitra.site.builder.model import Card, Listing


def test_the_prior_is_five_reviews_of_three_stars() -> None:
    assert (PRIOR_REVIEWS, PRIOR_RATING) == (5, 3.0)


@pytest.mark.parametrize(("rating_sum", "count", "expected"), [
    (12, 3, 3.375),        # 3 at 4.0: (15 + 12) / 8
    (97.2, 27, 3.506),     # 27 at 3.6: (15 + 97.2) / 32 = 3.50625
    (5, 1, 3.333),         # one 5-star review: (15 + 5) / 6
    (1, 1, 2.667),         # one 1-star review: (15 + 1) / 6
    (500, 100, 4.905),     # a hundred 5-star reviews: (15 + 500) / 105 = 4.9047...
])
def test_score_by_hand(rating_sum: float, count: int, expected: float) -> None:
    assert confidence_score(rating_sum, count) == expected


def test_no_reviews_no_score() -> None:
    assert confidence_score(0, 0) is None


def card(slug: str, average: float | None, count: int) -> Card:
    score = confidence_score(average * count, count) if average is not None else None
    return Card(slug, slug.title(), InstitutionType.COLLEGE, "Pune", "Maharashtra", ("B.Tech",), 1, 1, None,
                average, count, score)


def test_three_at_four_do_not_outrank_twenty_seven_at_three_point_six() -> None:
    few, many, unrated = card("few", 4.0, 3), card("many", 3.6, 27), card("unrated", None, 0)
    assert [c.slug for c in sorted([few, unrated, many], key=Card.sort_key)] == ["many", "few", "unrated"]
    # The plain average would have put "few" first.
    assert few.average is not None and many.average is not None and few.average > many.average


def test_a_listing_that_fits_on_one_page_has_no_best_rated_block() -> None:
    cards = tuple(card(f"c{n}", 4.0, 5) for n in range(4))
    listing = Listing("city", "pune", "Pune", cards)
    assert listing.best_rated(limit=5, min_reviews=3, page_size=4) == []
    assert [c.slug for c in listing.best_rated(limit=2, min_reviews=3, page_size=3)] == ["c0", "c1"]

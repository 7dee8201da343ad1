"""Rating aggregates: what the ratings summary, listings and JSON-LD show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careermitra.domain.review import ASPECT_LABELS, ASPECTS, PublishedReview
from careermitra.domain.trust import collection_period


@dataclass(frozen=True)
class AspectAverage:
    aspect: str
    label: str
    average: float

    @property
    def percent(self) -> int:
        """Width of the aspect's bar: the average as a share of 5 stars."""
        return round(self.average / 5 * 100)


@dataclass(frozen=True)
class StarBucket:
    stars: int
    count: int
    percent: int


@dataclass(frozen=True)
class RatingSummary:
    """Average, count, per-aspect averages and the star distribution of a set of reviews."""

    count: int
    average: float | None
    aspects: tuple[AspectAverage, ...]
    distribution: tuple[StarBucket, ...]
    verified: int = 0  # reviews whose author confirmed an address at the institution (issue 14)
    period: str = ""  # the collection period, 'Sep 2025 - Nov 2026' (IS 19000)

    @property
    def has_reviews(self) -> bool:
        return self.count > 0


def _mean(values: Sequence[int]) -> float:
    return round(sum(values) / len(values), 1)


def summarise(reviews: Sequence[PublishedReview]) -> RatingSummary:
    """Aggregate approved reviews; averages are rounded to one decimal, as shown on the page."""
    count = len(reviews)
    if not count:
        empty = tuple(StarBucket(stars, 0, 0) for stars in range(5, 0, -1))
        return RatingSummary(0, None, (), empty)
    aspects = tuple(
        AspectAverage(aspect, ASPECT_LABELS[aspect], _mean([getattr(r.aspects, aspect) for r in reviews]))
        for aspect in ASPECTS
    )
    distribution = tuple(
        StarBucket(stars, n, round(n / count * 100))
        for stars in range(5, 0, -1)
        for n in [sum(1 for r in reviews if r.rating == stars)]
    )
    return RatingSummary(count, _mean([r.rating for r in reviews]), aspects, distribution,
                         verified=sum(1 for r in reviews if r.verified),
                         period=collection_period([r.published for r in reviews]))


# "Best rated" ranks by a confidence-adjusted score, not the plain average: every institution starts as if it
# had PRIOR_REVIEWS reviews of PRIOR_RATING stars (the middle of the scale), and its own reviews pull the score
# away from there. Three reviews at 4.0 score (5 * 3 + 12) / 8 = 3.38; twenty-seven at 3.6 score
# (5 * 3 + 97.2) / 32 = 3.51, so the many reviews rank first. The prior is a fixed, stated number rather than the
# site-wide mean: one approval then changes the score of one institution only (and the pages that show it).
PRIOR_REVIEWS = 5
PRIOR_RATING = 3.0


def confidence_score(rating_sum: float, count: int) -> float | None:
    """The Bayesian average of `count` ratings adding up to `rating_sum`; None without reviews.

    Rounded to three decimals so that the same reviews always give the same order, whatever the float path.
    """
    if count <= 0:
        return None
    return round((PRIOR_REVIEWS * PRIOR_RATING + rating_sum) / (PRIOR_REVIEWS + count), 3)

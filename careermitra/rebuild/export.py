"""Approved reviews as the site reads them: `content/reviews/<slug>.yaml`, with no personal data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from careermitra.domain.review import PublishedReview


def reviews_yaml(reviews: Sequence[PublishedReview]) -> str:
    """The YAML of one institution's approved reviews, newest first; stable for the same reviews."""
    ordered = sorted(reviews, key=lambda r: (r.published, r.id), reverse=True)
    data = [review.model_dump(mode="json") for review in ordered]
    for item in data:
        item["published"] = PublishedReview.model_validate(item).published  # a date, written unquoted
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100) if data else "[]\n"


def write_reviews(folder: Path, slug: str, reviews: Sequence[PublishedReview]) -> Path:
    """Write (or, with no approved reviews left, remove) one institution's reviews file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yaml"
    if reviews:
        path.write_text(reviews_yaml(reviews), encoding="utf-8")
    elif path.exists():
        path.unlink()
    return path

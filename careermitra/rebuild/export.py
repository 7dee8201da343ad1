"""Approved reviews as the site reads them: `content/reviews/<slug>.yaml`, with no personal data.

The rebuild writes these files, not people, so they use YAML's JSON-compatible flow style, one review a line:
still YAML (any YAML tool reads them, and a diff shows one line per review), and read by the build with the
JSON parser, many times faster than a YAML constructor at a hundred thousand reviews.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from careermitra.domain.review import PublishedReview


def reviews_yaml(reviews: Sequence[PublishedReview]) -> str:
    """The file of one institution's approved reviews, newest first; the same reviews give the same text."""
    ordered = sorted(reviews, key=lambda r: (r.published, r.id), reverse=True)
    rows = [json.dumps(review.model_dump(mode="json"), ensure_ascii=False, separators=(", ", ": "))
            for review in ordered]
    return "[\n" + ",\n".join(rows) + "\n]\n" if rows else "[]\n"


def write_reviews(folder: Path, slug: str, reviews: Sequence[PublishedReview]) -> Path:
    """Write (or, with no approved reviews left, remove) one institution's reviews file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yaml"
    if reviews:
        path.write_text(reviews_yaml(reviews), encoding="utf-8")
    elif path.exists():
        path.unlink()
    return path

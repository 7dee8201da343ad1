"""The published-reviews file, `<reviews folder>/<slug>.yaml`: its writer and its reader, one home for the format.

Approved reviews as the site shows them (display name, ratings, text, dates; no personal data). Files the rebuild
or a publish writes use YAML's JSON-compatible flow style, one review a line: still YAML (any YAML tool reads
them, and a diff shows one line per review), and read back with the JSON parser, many times faster than a YAML
constructor at a hundred thousand reviews. Editors may write them in any YAML style.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from pydantic import TypeAdapter, ValidationError

from careermitra.domain.errors import ContentError, problems_of
from careermitra.domain.review import PublishedReview
from careermitra.site.builder.yaml_text import load_yaml

_REVIEWS = TypeAdapter(list[PublishedReview])


class ApprovedReviews(Protocol):
    """Where approved reviews are kept (DynamoDB): the source of truth the site is exported from."""

    def approved_for(self, slug: str) -> list[PublishedReview]: ...

    def all_approved(self) -> dict[str, list[PublishedReview]]: ...


def newest_first(reviews: Iterable[PublishedReview]) -> list[PublishedReview]:
    """The order of a reviews file and of an institution's pages: newest first, then by id."""
    return sorted(reviews, key=lambda r: (r.published, r.id), reverse=True)


def reviews_yaml(reviews: Sequence[PublishedReview]) -> str:
    """The file of one institution's approved reviews, newest first; the same reviews give the same text."""
    rows = [json.dumps(review.model_dump(mode="json", exclude_none=True), ensure_ascii=False, separators=(", ", ": "))
            for review in newest_first(reviews)]
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


def write_all_reviews(folder: Path, approved: Mapping[str, Sequence[PublishedReview]]) -> int:
    """Write every institution's reviews file into folder; returns how many reviews were written."""
    for slug, reviews in approved.items():
        write_reviews(folder, slug, reviews)
    return sum(len(reviews) for reviews in approved.values())


def _json_flow(text: str) -> Any:
    """Files written by reviews_yaml are YAML in JSON syntax: read those with the (much faster) JSON parser."""
    if not text.lstrip().startswith("["):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None  # flow-style YAML that is not JSON: the YAML parser reads it (or says where it is wrong)


def parse_reviews(text: str, path: str) -> list[PublishedReview]:
    """Validate one reviews file: a YAML list of approved reviews."""
    data = _json_flow(text)
    if data is None:
        data = load_yaml(text, path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ContentError(path, [("", "a reviews file is a YAML list of reviews")])
    try:
        return _REVIEWS.validate_python(data)
    except ValidationError as error:
        raise ContentError(path, problems_of(error, ("reviews",))) from None


def read_reviews(path: Path) -> list[PublishedReview]:
    """One reviews file, newest first; a missing file means no approved reviews yet."""
    if not path.is_file():
        return []
    return newest_first(parse_reviews(path.read_text(encoding="utf-8"), str(path)))

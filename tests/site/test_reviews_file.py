"""The published-reviews file: what its writer writes is YAML (in JSON syntax) that its reader reads back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from careermitra.domain.review import AspectRatings, PublishedReview
from careermitra.site.builder.reviews_file import parse_reviews, read_reviews, reviews_yaml, write_reviews

TRICKY = PublishedReview(
    id="r-x-1", display_name="Zoë D'Souza", rating=2,
    aspects=AspectRatings(faculty=1, infrastructure=2, placements=3, campus_life=4, value_for_money=5),
    title='"Fees: ₹1,50,000" # not a comment', body="Line one: a colon.\n\nLine two — with \\ and \"quotes\".",
    course="B.Tech: CSE", graduation_year=2024, published=dt.date(2025, 1, 2))


def test_export_reads_back_identically_as_yaml_and_through_the_site_loader() -> None:
    older = TRICKY.model_copy(update={"id": "r-x-0", "published": dt.date(2024, 12, 1)})
    text = reviews_yaml([older, TRICKY])
    assert yaml.safe_load(text)[0]["title"] == TRICKY.title  # any YAML tool reads it
    assert parse_reviews(text, "x.yaml") == [TRICKY, older]  # newest first
    assert text.count("\n") == 4  # one review a line, between the brackets


def test_same_reviews_give_the_same_bytes(tmp_path: Path) -> None:
    write_reviews(tmp_path, "alpha", [TRICKY])
    first = (tmp_path / "alpha.yaml").read_bytes()
    write_reviews(tmp_path, "alpha", [TRICKY])
    assert (tmp_path / "alpha.yaml").read_bytes() == first
    assert read_reviews(tmp_path / "alpha.yaml") == [TRICKY]


def test_no_reviews_left_removes_the_file(tmp_path: Path) -> None:
    write_reviews(tmp_path, "alpha", [TRICKY])
    write_reviews(tmp_path, "alpha", [])
    assert not (tmp_path / "alpha.yaml").exists()


def test_hand_written_flow_yaml_still_reads(tmp_path: Path) -> None:
    text = reviews_yaml([TRICKY]).replace('"rating": 2', "rating: 2")  # flow YAML that is not JSON
    assert parse_reviews(text, "x.yaml") == [TRICKY]

"""Changes an editor or a moderator makes to a copy of the fixture content, each returning the institutions it
changed, and the small page sizes that make pagination and the latest-reviews merge show in a fixture build."""

from __future__ import annotations

from pathlib import Path

# Small page sizes and a short "latest" list so that pagination and the merge of latest reviews are exercised.
SETTINGS = {"reviews_per_page": 2, "listing_page_size": 1, "search_index": False, "feed_size": 2,
            "home_latest_reviews": 1}

NEW_REVIEW = """- id: fx-g-2
  display_name: Neha T.
  rating: 1
  aspects: {faculty: 1, infrastructure: 2, placements: 1, campus_life: 1, value_for_money: 1}
  title: Crowded batches
  body: Two hundred students in one room, and the teachers never learnt our names in a whole year.
  course: JEE Main & Advanced
  graduation_year: 2025
  published: 2026-11-24
"""


def approve_new_review(tree: Path) -> set[str]:
    path = tree / "reviews/gamma-classes.yaml"
    path.write_text(NEW_REVIEW + path.read_text(encoding="utf-8"), encoding="utf-8")
    return {"gamma-classes"}


def first_review_of_unrated(tree: Path) -> set[str]:
    (tree / "reviews/beta-university.yaml").write_text(
        NEW_REVIEW.replace("fx-g-2", "fx-b-1").replace("JEE Main & Advanced", "MBA").replace("rating: 1", "rating: 5"),
        encoding="utf-8")
    return {"beta-university"}


def reject_after_approval(tree: Path) -> set[str]:
    # Alpha loses two of its three reviews: its second page of reviews disappears.
    path = tree / "reviews/alpha-college.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- id: fx-a-2")], encoding="utf-8")
    return {"alpha-college"}


def erase_every_review(tree: Path) -> set[str]:
    (tree / "reviews/alpha-college.yaml").unlink()
    (tree / "reviews/gamma-classes.yaml").unlink()
    return {"alpha-college", "gamma-classes"}


def edit_institution_and_review(tree: Path) -> set[str]:
    path = tree / "institutions/gamma-classes.md"
    path.write_text(path.read_text(encoding="utf-8").replace("city: Jaipur", "city: Kota"), encoding="utf-8")
    reviews = tree / "reviews/gamma-classes.yaml"
    reviews.write_text(reviews.read_text(encoding="utf-8").replace("Helpful doubt", "Very helpful doubt"),
                       encoding="utf-8")
    return {"gamma-classes"}


def give_hindi_name(tree: Path) -> set[str]:
    """An editor gives Gamma a Hindi name and description: only Hindi pages change."""
    path = tree / "institutions/gamma-classes.md"
    text = path.read_text(encoding="utf-8").replace(
        "name: Gamma Classes\n", "name: Gamma Classes\nname_hi: गामा क्लासेस\n").replace(
        "contact:\n", "description_hi: |\n  गामा क्लासेस इंजीनियरिंग प्रवेश परीक्षाओं की तैयारी कराता है।\ncontact:\n")
    path.write_text(text, encoding="utf-8")
    return {"gamma-classes"}

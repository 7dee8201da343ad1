"""Each kind of bad content fails the build with a message that names the file and the field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from tests.support.site import FIXTURE_SITE, ROOT, build_site, copy_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_tree(FIXTURE_SITE, tmp_path / "content")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_error(tree: Path, tmp_path: Path) -> str:
    with pytest.raises(ContentError) as caught:
        build_site(tree, tmp_path / "out", search_index=False)
    return str(caught.value)


def test_missing_field(tree: Path, tmp_path: Path) -> None:
    edit(tree / "institutions/alpha-college.md", "city: Pune\n", "")
    message = build_error(tree, tmp_path)
    assert "institutions/alpha-college.md: city: this required field is missing" in message


def test_wrong_type(tree: Path, tmp_path: Path) -> None:
    edit(tree / "institutions/alpha-college.md", "fees_inr: 150000", "fees_inr: one lakh")
    message = build_error(tree, tmp_path)
    assert "institutions/alpha-college.md: courses[0].fees_inr:" in message
    assert "integer" in message


def test_unknown_field_is_not_silently_dropped(tree: Path, tmp_path: Path) -> None:
    edit(tree / "institutions/alpha-college.md", "city: Pune\n", "city: Pune\ncitty: Pune\n")
    assert "alpha-college.md: citty: unknown field (check its spelling)" in build_error(tree, tmp_path)


def test_unknown_institution_in_reviews(tree: Path, tmp_path: Path) -> None:
    (tree / "reviews/alpha-college.yaml").rename(tree / "reviews/omega-college.yaml")
    message = build_error(tree, tmp_path)
    assert "reviews/omega-college.yaml: no institution has the slug 'omega-college'" in message


def test_rating_out_of_range(tree: Path, tmp_path: Path) -> None:
    edit(tree / "reviews/gamma-classes.yaml", "  rating: 4\n", "  rating: 6\n")
    message = build_error(tree, tmp_path)
    assert "reviews/gamma-classes.yaml: reviews[0].rating: Input should be less than or equal to 5" in message


def test_aspect_rating_out_of_range(tree: Path, tmp_path: Path) -> None:
    edit(tree / "reviews/gamma-classes.yaml", "faculty: 5", "faculty: 0")
    assert "reviews[0].aspects.faculty: Input should be greater than or equal to 1" in build_error(tree, tmp_path)


def test_duplicate_slug(tree: Path, tmp_path: Path) -> None:
    (tree / "institutions/maharashtra").mkdir()
    (tree / "institutions/maharashtra/alpha-college.md").write_text(
        (tree / "institutions/alpha-college.md").read_text(encoding="utf-8"), encoding="utf-8")
    message = build_error(tree, tmp_path)
    assert "alpha-college.md: slug: duplicate slug 'alpha-college'" in message


def test_duplicate_review_id(tree: Path, tmp_path: Path) -> None:
    edit(tree / "reviews/gamma-classes.yaml", "id: fx-g-1", "id: fx-a-1")
    assert "reviews/gamma-classes.yaml: reviews[0].id: duplicate review id" in build_error(tree, tmp_path)


def test_invalid_yaml(tree: Path, tmp_path: Path) -> None:
    edit(tree / "institutions/gamma-classes.md", "city: Jaipur", "city: [Jaipur")
    message = build_error(tree, tmp_path)
    assert "institutions/gamma-classes.md: invalid YAML: line" in message


def test_invalid_yaml_in_reviews(tree: Path, tmp_path: Path) -> None:
    edit(tree / "reviews/gamma-classes.yaml", "title: Helpful doubt sessions", "title: : : [")
    assert "reviews/gamma-classes.yaml: invalid YAML: line" in build_error(tree, tmp_path)


def test_personal_data_field_is_rejected_in_reviews(tree: Path, tmp_path: Path) -> None:
    edit(tree / "reviews/gamma-classes.yaml", "  display_name: Imran S.\n",
         "  display_name: Imran S.\n  email: imran@example.com\n")
    assert "reviews[0].email: unknown field" in build_error(tree, tmp_path)


def test_every_problem_is_reported_at_once(tree: Path, tmp_path: Path) -> None:
    edit(tree / "institutions/alpha-college.md", "city: Pune\n", "")
    edit(tree / "institutions/gamma-classes.md", "established: 2010", "established: next year")
    message = build_error(tree, tmp_path)
    assert "alpha-college.md: city" in message and "gamma-classes.md: established" in message


def test_command_exits_non_zero_and_names_file_and_field(tree: Path, tmp_path: Path) -> None:
    edit(tree / "reviews/gamma-classes.yaml", "  rating: 4\n", "  rating: 6\n")
    result = subprocess.run(
        [sys.executable, "-m", "careermitra.site.build", "--content", str(tree), "--output", str(tmp_path / "o")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "gamma-classes.yaml: reviews[0].rating" in result.stderr
    assert not (tmp_path / "o" / "index.html").exists()


def test_bad_plugin_setting_is_named(tree: Path, tmp_path: Path) -> None:
    from careermitra.site.builder.settings import SettingsError

    with pytest.raises(SettingsError, match=r"CAREERMITRA\['reviews_per_pag'\]: unknown field"):
        build_site(tree, tmp_path / "out", reviews_per_pag=5)

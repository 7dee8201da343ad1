"""The benchmark's generator: repeatable, accepted by the real loader, and skewed as asked. No timings here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.generate import MANIFEST, generate
from careermitra.site.builder.content import load_institutions, load_reviews

INSTITUTIONS, REVIEWS, HEAVY, SAMPLE = 60, 900, 300, 20


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "content"
    generate(out, INSTITUTIONS, REVIEWS, seed=11, heavy=HEAVY, sample=SAMPLE)
    return out


def test_same_seed_writes_the_same_bytes(generated: Path, tmp_path: Path) -> None:
    # Given the tree generated with seed 11, when it is generated again with seed 11 and with seed 12
    generate(tmp_path / "again", INSTITUTIONS, REVIEWS, seed=11, heavy=HEAVY, sample=SAMPLE)
    generate(tmp_path / "other", INSTITUTIONS, REVIEWS, seed=12, heavy=HEAVY, sample=SAMPLE)
    # Then the same seed gives identical files, and another seed different ones
    assert tree_bytes(tmp_path / "again") == tree_bytes(generated)
    assert tree_bytes(tmp_path / "other") != tree_bytes(generated)


def test_regenerating_into_the_same_folder_leaves_no_stale_files(tmp_path: Path) -> None:
    generate(tmp_path, 40, 600, seed=3, heavy=HEAVY, sample=SAMPLE)
    generate(tmp_path, 20, 400, seed=4, heavy=HEAVY, sample=SAMPLE)
    assert len(list((tmp_path / "institutions").glob("*.md"))) == 20


def test_every_file_passes_the_real_loader(generated: Path) -> None:
    institutions, _sources = load_institutions(generated / "institutions")
    reviews = load_reviews(generated / "reviews", institutions)
    assert len(institutions) == INSTITUTIONS
    assert sum(len(items) for items in reviews.values()) == REVIEWS
    assert {inst.type.value for inst in institutions.values()} == {"university", "college", "school", "coaching"}
    assert all(150 <= len(inst.description.split()) <= 400 for inst in institutions.values())
    # The editorial pages travel with the tree so the footer links of a build resolve.
    assert (generated / "pages" / "privacy-policy.md").is_file()


def test_reviews_are_skewed_with_the_requested_extremes(generated: Path) -> None:
    manifest = json.loads((generated / MANIFEST).read_text(encoding="utf-8"))
    institutions, _sources = load_institutions(generated / "institutions")
    counts = {slug: len(items) for slug, items in load_reviews(generated / "reviews", institutions).items()}

    assert counts[manifest["sample_institution"]["slug"]] == SAMPLE
    heavy = manifest["heavy_institution"]
    assert counts[heavy["slug"]] == heavy["reviews"] == max(counts.values()) >= HEAVY
    # Most institutions have a few: the median is far below the mean.
    assert sorted(counts.values())[len(counts) // 2] < REVIEWS / INSTITUTIONS / 2


def test_a_national_tree_spreads_over_all_states_and_300_cities(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 600, 2_000, seed=5, heavy=HEAVY, sample=SAMPLE)
    assert manifest["cities"] == 300
    assert manifest["states"] == 36

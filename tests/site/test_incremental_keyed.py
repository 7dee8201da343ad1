"""The rebuild from the keyed build state (state.py) writes exactly the files a full build of the same content
changes, byte for byte in both languages, and leaves the state a full build of that content writes."""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from careermitra.site.build import site_build_for
from careermitra.site.builder.incremental import KeyedRebuild
from careermitra.site.builder.index import INDEX_NAME, state_folder
from careermitra.site.builder.site_build import SiteBuild
from careermitra.site.builder.state import (
    META,
    FolderStore,
    NoBuildState,
    OldBuildState,
    card_key,
    read_meta,
    read_whole,
)
from tests.support.site import FIXTURE_SITE, ROOT, build_site, copy_tree
from tests.support.site_changes import (
    SETTINGS,
    approve_new_review,
    edit_institution_and_review,
    erase_every_review,
    first_review_of_unrated,
    give_hindi_name,
    reject_after_approval,
)


def add_institution_first_a_to_z(tree: Path) -> set[str]:
    """A new institution whose name sorts first: every later page of its listings and of the A to Z moves."""
    text = (tree / "institutions/alpha-college.md").read_text(encoding="utf-8")
    (tree / "institutions/aardvark-institute.md").write_text(
        text.replace("name: Alpha College", "name: Aardvark Institute"), encoding="utf-8")
    return {"aardvark-institute"}


def remove_institution(tree: Path) -> set[str]:
    (tree / "institutions/beta-university.md").unlink()
    (tree / "reviews/beta-university.yaml").unlink(missing_ok=True)
    return {"beta-university"}


CHANGES = [approve_new_review, first_review_of_unrated, reject_after_approval, erase_every_review,
           edit_institution_and_review, give_hindi_name, add_institution_first_a_to_z, remove_institution]


def site_build(tree: Path) -> SiteBuild:
    return site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(tree)}, SETTINGS)


def files_of(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def apply_state(store: FolderStore, result: KeyedRebuild) -> None:
    for name, data in result.state.items():
        store.write(name, data)
    for name in result.forget:
        store.delete(name)


@pytest.mark.parametrize("change", CHANGES)
def test_rebuild_from_keyed_state_equals_full_build(tmp_path: Path, change: Callable[[Path], set[str]]) -> None:
    # Given a full build and its state, and the same content after a change, built in full too
    before_tree = copy_tree(FIXTURE_SITE, tmp_path / "before")
    before = build_site(before_tree, tmp_path / "out-before", **SETTINGS)
    after_tree = copy_tree(FIXTURE_SITE, tmp_path / "after")
    slugs = change(after_tree)
    after = build_site(after_tree, tmp_path / "out-after", **SETTINGS)
    store = FolderStore(shutil.copytree(state_folder(before), tmp_path / "state"))
    # When the rebuild runs from the state
    result = site_build(after_tree).incremental_from_state(store, slugs)
    # Then it writes the full build's bytes, every file the full build changed, and removes what it removed
    for path, text in result.files.items():
        assert text == (after / path).read_text(encoding="utf-8"), f"{path} differs from the full build"
    changed = {p for p in files_of(after) & files_of(before) if not filecmp.cmp(before / p, after / p, shallow=False)}
    changed |= files_of(after) - files_of(before)
    assert changed <= set(result.files), f"the rebuild missed {sorted(changed - set(result.files))}"
    assert result.removed == files_of(before) - files_of(after)
    assert any(path.startswith("hi/") for path in result.files), "the Hindi pages were not rendered"
    # And the state it leaves is the full build's (the kept best rated may be shorter, never different in order)
    apply_state(store, result)
    full = FolderStore.beside(after)
    mine, theirs = read_whole(store), read_whole(full)
    assert (mine.cards, mine.latest, mine.page_urls, mine.sources) == (theirs.cards, theirs.latest,
                                                                       theirs.page_urls, theirs.sources)
    for name in set(full.names()) | set(store.names()):
        if name != META and not name.endswith("stamps.json"):
            assert store.read(name) == full.read(name), f"state key {name} differs from the full build's"
    meta, full_meta = read_meta(store), read_meta(full)
    assert (meta.institutions, meta.reviews, meta.latest, meta.listings) == (
        full_meta.institutions, full_meta.reviews, full_meta.latest, full_meta.listings)
    assert meta.best == full_meta.best[: len(meta.best)]


def test_an_approval_reads_and_writes_only_the_keys_it_touches(tmp_path: Path) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    out = build_site(tree, tmp_path / "out", **SETTINGS)
    slugs = approve_new_review(tree)
    read: list[str] = []

    class Watched(FolderStore):
        def read(self, name: str) -> bytes | None:
            read.append(name)
            return super().read(name)

    result = site_build(tree).incremental_from_state(Watched(state_folder(out)), slugs)
    assert not result.whole
    its_bucket = card_key("gamma-classes", read_meta(FolderStore.beside(out)).card_buckets)
    assert [name for name in read if "/cards/" in name] == [its_bucket]
    assert not [name for name in read if name.endswith(("sources.json", "stamps.json"))]
    assert {name for name in result.state if "/cards/" in name} == {its_bucket}


def test_an_earlier_builders_state_asks_for_a_full_build(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "state")
    with pytest.raises(NoBuildState, match="publish a full build first"):
        read_meta(store)
    store.write(INDEX_NAME, b'{"format": 4}')
    with pytest.raises(OldBuildState, match="run a full build"):
        read_meta(store)
    store.write(META, b'{"format": 4}')
    with pytest.raises(OldBuildState, match="run a full build"):
        read_meta(store)

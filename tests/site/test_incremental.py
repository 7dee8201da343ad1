"""An incremental rebuild writes exactly the files a full build of the same content changes, byte for byte."""

from __future__ import annotations

import filecmp
from collections.abc import Callable
from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from careermitra.site.build import site_build_for
from careermitra.site.builder.incremental import Rebuild
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.reviews_file import read_reviews
from careermitra.site.builder.site_build import SiteBuild
from careermitra.site.builder.state import FolderStore, read_whole
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


def same_site(one: SiteIndex, other: SiteIndex) -> bool:
    return (one.cards, one.latest, one.page_urls, one.sources) == (other.cards, other.latest, other.page_urls,
                                                                   other.sources)


def index_of(output: Path) -> SiteIndex:
    """The index a build into output kept in its state folder, beside the site."""
    return read_whole(FolderStore.beside(output))


def files_of(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("change", [approve_new_review, first_review_of_unrated, reject_after_approval,
                                    erase_every_review, edit_institution_and_review, give_hindi_name])
def test_incremental_equals_full_build(tmp_path: Path, change: Callable[[Path], set[str]]) -> None:
    before_tree = copy_tree(FIXTURE_SITE, tmp_path / "before")
    before = build_site(before_tree, tmp_path / "out-before", **SETTINGS)
    after_tree = copy_tree(FIXTURE_SITE, tmp_path / "after")
    slugs = change(after_tree)
    after = build_site(after_tree, tmp_path / "out-after", **SETTINGS)

    index = index_of(before)
    result = site_build(after_tree).incremental(index, slugs)

    assert_same_as_full_build(result, before, after)


def test_incremental_equals_full_build_in_both_languages(tmp_path: Path) -> None:
    """A new review changes both languages of the page; a Hindi name only the Hindi pages (and the shared data)."""
    before_tree = copy_tree(FIXTURE_SITE, tmp_path / "before")
    before = build_site(before_tree, tmp_path / "out-before", **SETTINGS)
    for name, change in (("review", approve_new_review), ("hindi", give_hindi_name)):
        after_tree = copy_tree(before_tree, tmp_path / f"after-{name}")
        slugs = change(after_tree)
        after = build_site(after_tree, tmp_path / f"out-{name}", **SETTINGS)
        result = site_build(after_tree).incremental(index_of(before), slugs)
        assert_same_as_full_build(result, before, after)
        page = "institutions/gamma-classes/index.html"
        if name == "review":
            assert {page, f"hi/{page}"} <= set(result.files)
        else:
            assert f"hi/{page}" in result.files and "गामा क्लासेस" in result.files[f"hi/{page}"]
            english = [path for path in result.files if path.endswith(".html") and not path.startswith("hi/")]
            assert all(result.files[path] == (before / path).read_text(encoding="utf-8") for path in english)


def site_build(tree: Path) -> SiteBuild:
    """The SiteBuild of the real settings (with the test's page sizes) over a content tree."""
    return site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(tree)}, SETTINGS)


def assert_same_as_full_build(result: Rebuild, before: Path, after: Path) -> None:
    for path, text in result.files.items():
        assert text == (after / path).read_text(encoding="utf-8"), f"{path} differs from the full build"
    # the index carries what each build read (stamps): compared by meaning
    assert same_site(result.index, index_of(after))
    changed_by_full_build = {p for p in files_of(after) & files_of(before)
                             if not filecmp.cmp(before / p, after / p, shallow=False)}
    changed_by_full_build |= files_of(after) - files_of(before)
    assert changed_by_full_build <= set(result.files), "the rebuild missed files the full build changed"
    assert result.removed == files_of(before) - files_of(after)


def test_rebuild_of_unchanged_content_reproduces_the_same_files(tmp_path: Path) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    out = build_site(tree, tmp_path / "out", **SETTINGS)
    result = site_build(tree).incremental(index_of(out),
                                          {"alpha-college"})
    assert all(text == (out / path).read_text(encoding="utf-8") for path, text in result.files.items())
    assert not result.removed


@pytest.mark.parametrize("change", [approve_new_review, reject_after_approval, erase_every_review])
def test_reviews_handed_over_in_memory_are_the_ones_rendered(tmp_path: Path,
                                                             change: Callable[[Path], set[str]]) -> None:
    # Given a full build, and the same content after a moderation changed reviews
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    before = build_site(tree, tmp_path / "out-before", **SETTINGS)
    after_tree = copy_tree(FIXTURE_SITE, tmp_path / "after")
    slugs = change(after_tree)
    after = build_site(after_tree, tmp_path / "out-after", **SETTINGS)
    # When the rebuild hands the new reviews over in memory, over the content whose reviews files are the old ones
    approved = {slug: read_reviews(after_tree / "reviews" / f"{slug}.yaml") for slug in slugs}
    index = index_of(before)
    result = site_build(tree).incremental(index, slugs, reviews=approved)
    # Then the pages are those of a full build of the new reviews: the old files were not read
    assert_same_as_full_build(result, before, after)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and not str(p.relative_to(root)).startswith(("pagefind/", "_build/"))}


@pytest.mark.parametrize("change", [approve_new_review, reject_after_approval, edit_institution_and_review])
def test_a_second_build_redoes_only_what_changed_and_equals_a_full_build(
        tmp_path: Path, change: Callable[[Path], set[str]]) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    output = build_site(tree, tmp_path / "out", **SETTINGS)
    untouched = output / "institutions/beta-university/index.html"
    before = untouched.stat().st_mtime_ns
    change(tree)
    build_site(tree, output, **SETTINGS)  # incremental: the output holds the previous build's index
    fresh = build_site(tree, tmp_path / "fresh", **SETTINGS, incremental=False)
    assert snapshot(output) == snapshot(fresh)
    assert untouched.stat().st_mtime_ns == before, "an unchanged page was written again"


def test_a_second_build_of_unchanged_content_writes_nothing(tmp_path: Path) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    output = build_site(tree, tmp_path / "out", **SETTINGS)
    ours = ("index.html", "institutions/", "cities/", "states/", "types/", "courses/", "feeds/", "sitemap.xml")

    def times() -> dict[str, int]:  # the plugin's files (Pelican writes its few editorial pages every time)
        return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.rglob("*")
                if str(p.relative_to(output)).startswith(ours)}

    first = times()
    build_site(tree, output, **SETTINGS)
    assert times() == first


def test_an_incremental_build_still_refuses_bad_content(tmp_path: Path) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    output = build_site(tree, tmp_path / "out", **SETTINGS)
    path = tree / "reviews/gamma-classes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  rating: 4\n", "  rating: 6\n"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"gamma-classes.yaml: reviews\[0\].rating"):
        build_site(tree, output, **SETTINGS)
    (tree / "reviews/omega.yaml").write_text("[]\n", encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("  rating: 6\n", "  rating: 4\n"), encoding="utf-8")
    with pytest.raises(ContentError, match="no institution has the slug 'omega'"):
        build_site(tree, output, **SETTINGS)


def test_a_change_to_the_theme_makes_a_full_build(tmp_path: Path) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    theme = copy_tree(ROOT / "theme", tmp_path / "theme")
    output = tmp_path / "out"
    from careermitra.site.build import build

    overrides = {"PATH": str(tree), "OUTPUT_PATH": str(output), "THEME": str(theme)}
    build(str(ROOT / "pelicanconf.py"), overrides)
    footer = theme / "templates/base.html"
    footer.write_text(footer.read_text(encoding="utf-8").replace("fictional sample content", "made-up examples"),
                      encoding="utf-8")
    build(str(ROOT / "pelicanconf.py"), overrides)
    assert "made-up examples" in (output / "institutions/beta-university/index.html").read_text(encoding="utf-8")

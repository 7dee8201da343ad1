"""Search indexes one small record per institution, and a build redoes the index only when a record changes."""

from __future__ import annotations

from pathlib import Path

from careermitra.site.build import site_build_for
from careermitra.site.builder.pages import search_records
from careermitra.site.builder.state import FolderStore, read_whole
from tests.support.site import FIXTURE_SITE, ROOT, build_site, copy_tree
from tests.support.site_changes import SETTINGS, approve_new_review, edit_institution_and_review

WITH_SEARCH = {**SETTINGS, "search_index": True}


def test_every_institution_has_a_record_at_its_url_with_its_filters(fixture_site: Path) -> None:
    cards = read_whole(FolderStore.beside(fixture_site)).cards
    renderer = site_build_for(str(ROOT / "pelicanconf.py")).renderer
    records = {spec.url: renderer.render(spec) for spec in search_records(cards.values())}

    assert set(records) == {card.url for card in cards.values()}
    gamma = records["/institutions/gamma-classes/"]
    assert "<h1>Gamma Classes</h1>" in gamma
    assert '<span data-pagefind-filter="type">Coaching institute</span>' in gamma
    assert '<span data-pagefind-filter="city">Jaipur</span>, Rajasthan' in gamma
    assert "<p>Courses: JEE Main &amp; Advanced</p>" in gamma  # a course filters in the browser, not in Pagefind
    assert "data-pagefind" not in (fixture_site / "institutions/gamma-classes/index.html").read_text(encoding="utf-8")


def test_the_search_index_is_redone_only_when_a_record_changes(tmp_path: Path) -> None:
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    output = build_site(tree, tmp_path / "out", **WITH_SEARCH)
    entry = output / "pagefind/pagefind-entry.json"
    built = entry.stat().st_mtime_ns

    approve_new_review(tree)  # a new rating: nothing that search shows has changed
    build_site(tree, output, **WITH_SEARCH)
    assert entry.stat().st_mtime_ns == built

    edit_institution_and_review(tree)  # Gamma moves from Jaipur to Kota: its city filter changes
    build_site(tree, output, **WITH_SEARCH)
    assert entry.stat().st_mtime_ns != built
    assert sorted(path.name for path in (output / "pagefind/fragment").iterdir()) == sorted(
        path.name for path in (build_site(tree, tmp_path / "fresh", **WITH_SEARCH, incremental=False)
                               / "pagefind/fragment").iterdir())

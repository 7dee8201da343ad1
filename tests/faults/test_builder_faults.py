"""The incremental build with broken or missing institution files: every problem named, nothing unpublished."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from careermitra.site.build import site_build_for
from tests.support.site import FIXTURE_SITE, ROOT, copy_tree


def _build_of(tmp_path: Path):  # type: ignore[no-untyped-def]
    content = copy_tree(FIXTURE_SITE, tmp_path / "content")
    build = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(content)})
    index = build.full(tmp_path / "output")
    return build, index, content


def test_an_incremental_build_names_every_broken_file(tmp_path: Path) -> None:
    # Given a built site, when two institution files are broken at once
    build, index, content = _build_of(tmp_path)
    (content / "institutions/alpha-college.md").write_text("no front matter\n", encoding="utf-8")
    (content / "institutions/beta-university.md").write_text("---\nname: Beta\n---\n", encoding="utf-8")
    # Then the incremental build names both files, as a full build would
    with pytest.raises(ContentError) as raised:
        build.incremental(index, {"alpha-college", "beta-university"})
    assert "alpha-college.md" in str(raised.value) and "beta-university.md" in str(raised.value)


def test_the_rebuild_refuses_a_missing_institution_file_instead_of_removing_its_pages(tmp_path: Path) -> None:
    # Given a built site whose Alpha file has gone missing from the package
    build, index, content = _build_of(tmp_path)
    (content / "institutions/alpha-college.md").unlink()
    # When the rebuild (keep_missing) is asked to rebuild Alpha after an approval, it refuses, naming the file
    with pytest.raises(ContentError, match=r"alpha-college\.md"):
        build.incremental(index, {"alpha-college"}, reviews={}, keep_missing=True)
    # (An editor's local build of the same change still takes the institution off the site.)
    assert "institutions/alpha-college/index.html" in build.incremental(index, {"alpha-college"}).removed

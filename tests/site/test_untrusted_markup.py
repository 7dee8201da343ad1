"""Nothing in a content file reaches a page as raw HTML, and no file in content/institutions is silently skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from tests.support.site import FIXTURE_SITE, build_site, copy_tree

REDIRECT = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
SCRIPT = "<script>alert(document.cookie)</script>"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_tree(FIXTURE_SITE, tmp_path / "content")


def test_raw_html_in_an_institution_description_is_shown_as_text(tree: Path, tmp_path: Path) -> None:
    path = tree / "institutions/alpha-college.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{REDIRECT}\n\n{SCRIPT} <b>bold</b>\n", encoding="utf-8")
    out = build_site(tree, tmp_path / "out", search_index=False)
    page = (out / "institutions/alpha-college/index.html").read_text(encoding="utf-8")
    assert "http-equiv" in page  # the text is there, so the check below is about markup
    assert 'http-equiv="refresh"' not in page and "<script>alert" not in page and "<b>bold</b>" not in page
    assert "&lt;meta http-equiv=&quot;refresh&quot;" in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_raw_html_in_an_editorial_page_is_shown_as_text(tree: Path, tmp_path: Path) -> None:
    path = tree / "pages/about.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{REDIRECT}\n", encoding="utf-8")
    out = build_site(tree, tmp_path / "out", search_index=False)
    page = (out / "about/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in page and "&lt;meta http-equiv=&quot;refresh&quot;" in page


@pytest.mark.parametrize("name", [".md", "Omega.md", "omega.markdown", "omega.md.bak", "notes.txt"])
def test_a_file_among_the_institutions_that_cannot_become_a_page_fails_the_build(tree: Path, tmp_path: Path,
                                                                                  name: str) -> None:
    (tree / "institutions" / name).write_text((tree / "institutions/alpha-college.md").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(tree, tmp_path / "out", search_index=False)
    assert f"institutions/{name}: " in str(caught.value)

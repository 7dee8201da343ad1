"""Past the protocol's 50,000 URLs a file, sitemap.xml becomes a sitemap index of parts (tested with a small limit),
and an incremental build writes and removes parts exactly as a full build of the same content does."""

from __future__ import annotations

import re
from pathlib import Path

from careermitra.site.build import site_build_for
from careermitra.site.builder.state import FolderStore, read_whole
from tests.support.site import FIXTURE_SITE, ROOT, build_site, copy_tree

SETTINGS = {"reviews_per_page": 2, "listing_page_size": 1, "search_index": False}


def locations(xml: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def sitemap_urls_of(output: Path) -> list[str]:
    """Every page URL the sitemap (or the parts its index names) lists."""
    top = (output / "sitemap.xml").read_text(encoding="utf-8")
    if "<sitemapindex" not in top:
        return locations(top)
    urls = []
    for part in locations(top):
        urls += locations((output / part.split("/", 3)[3]).read_text(encoding="utf-8"))
    return urls


def test_past_the_limit_the_sitemap_is_an_index_of_parts_holding_every_url(tmp_path: Path) -> None:
    # Given the fixture site's sitemap as one file
    whole = build_site(FIXTURE_SITE, tmp_path / "whole", **SETTINGS)
    urls = locations((whole / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(urls) > 10
    # When the limit is 10 URLs a file
    split = build_site(FIXTURE_SITE, tmp_path / "split", **SETTINGS, sitemap_max_urls=10)
    # Then sitemap.xml is a sitemap index, each part holds at most 10 URLs, and together exactly the same URLs
    top = (split / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" in top
    parts = sorted((split / "sitemaps").glob("sitemap-*.xml"))
    assert len(parts) == -(-len(urls) // 10) == len(locations(top))
    assert all(len(locations(part.read_text(encoding="utf-8"))) <= 10 for part in parts)
    assert sorted(sitemap_urls_of(split)) == sorted(urls)
    # And robots.txt still names sitemap.xml, which crawlers follow to the parts
    assert "Sitemap: " in (split / "robots.txt").read_text(encoding="utf-8")


def test_an_incremental_build_removes_the_parts_a_smaller_site_no_longer_needs(tmp_path: Path) -> None:
    # Given a limit just below the fixture site's URL count: two parts
    probe = build_site(FIXTURE_SITE, tmp_path / "probe", **SETTINGS)
    count = len(locations((probe / "sitemap.xml").read_text(encoding="utf-8")))
    settings = {**SETTINGS, "sitemap_max_urls": count - 1}
    before = build_site(FIXTURE_SITE, tmp_path / "before", **settings)
    assert (before / "sitemaps/sitemap-2.xml").is_file()
    # When Alpha loses two reviews (its second page of reviews goes: one URL fewer) and the site is rebuilt
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    reviews = tree / "reviews/alpha-college.yaml"
    text = reviews.read_text(encoding="utf-8")
    reviews.write_text(text[: text.index("- id: fx-a-2")], encoding="utf-8")
    after = build_site(tree, tmp_path / "after", **settings)
    index = read_whole(FolderStore.beside(before))
    result = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(tree)}, settings).incremental(
        index, {"alpha-college"})
    # Then the full build has one sitemap again, and the incremental one writes it and removes both parts
    assert not (after / "sitemaps").exists()
    assert result.files["sitemap.xml"] == (after / "sitemap.xml").read_text(encoding="utf-8")
    assert {"sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml"} <= result.removed

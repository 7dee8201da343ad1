"""Invalidations name only the changed paths, and switch to folder wildcards (then one "/*") only where the
count would pass CloudFront's limits."""

from __future__ import annotations

from fnmatch import fnmatchcase

from careermitra.publish.cdn import MAX_PATHS, MAX_WILDCARDS, invalidation_paths, url_paths


def covered(url: str, paths: list[str]) -> bool:
    return any(fnmatchcase(url, path) if path.endswith("*") else url == path for path in paths)


def test_a_rebuild_invalidates_exactly_its_changed_urls() -> None:
    files = ["institutions/alpha-college/index.html", "cities/pune/index.html", "feeds/reviews.atom.xml"]
    assert invalidation_paths(url_paths(files)) == [
        "/cities/pune/", "/cities/pune/index.html", "/feeds/reviews.atom.xml", "/institutions/alpha-college/",
        "/institutions/alpha-college/index.html"]


def test_many_changed_pages_become_folder_wildcards_that_cover_each_of_them() -> None:
    # Given a change to 600 institutions' pages (1,200 URLs with their index.html) and a few others
    files = [f"institutions/college-{n}/{page}" for n in range(600) for page in ("index.html", "reviews/2/index.html")]
    files += ["index.html", "sitemap.xml", "cities/pune/index.html"]
    urls = url_paths(files)
    assert len(urls) > MAX_PATHS
    paths = invalidation_paths(urls)
    # Then the paths are within CloudFront's limits and every changed URL is still invalidated
    assert len(paths) <= MAX_PATHS and sum(p.endswith("*") for p in paths) <= MAX_WILDCARDS
    assert "/institutions/*" in paths and "/index.html" in paths and "/*" not in paths
    assert all(covered(url, paths) for url in urls)
    # And a page nobody changed in another folder is not invalidated
    assert not covered("/states/kerala/", paths)


def test_past_every_limit_one_wildcard_invalidates_everything() -> None:
    urls = [f"/folder-{n}/page-{k}/" for n in range(MAX_WILDCARDS + 1) for k in range(MAX_PATHS // MAX_WILDCARDS + 5)]
    assert invalidation_paths(urls) == ["/*"]

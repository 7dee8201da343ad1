"""Issue 14: a sign-in link returns only to a page of this site (no open redirect)."""

from __future__ import annotations

import pytest

from careermitra.domain.return_path import safe_return_path


@pytest.mark.parametrize("path", [
    "/", "/institutions/deccan-institute-of-technology/write-review/", "/account/reviews/",
    "/search/?q=pune&course=b-tech", "/compare/?i=alpha-college,beta-university", "/hi/institutions/x/",
])
def test_a_page_of_the_site_is_a_place_to_return_to(path: str) -> None:
    assert safe_return_path(path) == path


@pytest.mark.parametrize("path", [
    "//evil.example", "//evil.example/institutions/", "/\\evil.example", "\\\\evil.example", "/\\/evil.example",
    "https://evil.example/", "http://careermitra.in/", "javascript:alert(1)", "evil.example", "institutions/x/",
    "/%2F/evil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/%5cevil.example",
    "/%252F%252Fevil.example", "/%25252F%25252Fevil.example", "/%09/evil.example", "/\t/evil.example",
    "/\n/evil.example", "/ /evil.example", "/%0d%0aSet-Cookie:x=1", "/javascript%3Aalert(1)", "/api/verify?token=x",
    "/API/logout", "/_build/index.json", "/institutions/../api/verify", "/%2e%2e/api/", "/\uff45vil", "/é",
    "", None, 42, ["/"], "/" + "a" * 400,
])
def test_anything_else_is_refused(path: object) -> None:
    assert safe_return_path(path) is None

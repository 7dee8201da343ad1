"""The local server serves the built site with the same security headers as CloudFront."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest


def test_pages_carry_security_headers(sample_server: str) -> None:
    with urllib.request.urlopen(sample_server + "/") as response:
        headers = response.headers
        assert response.status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert "camera=()" in headers["Permissions-Policy"]


def test_unknown_page_gets_the_site_404(sample_server: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(sample_server + "/no-such-page/")
    assert caught.value.code == 404
    assert "We could not find that page" in caught.value.read().decode()


def test_an_unknown_hindi_page_gets_the_hindi_404(sample_server: str, sample_site: Path) -> None:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(sample_server + "/hi/no-such-page/")
    assert caught.value.code == 404
    assert caught.value.read() == (sample_site / "hi" / "404.html").read_bytes()


def test_feed_and_sitemap_have_their_types(sample_server: str) -> None:
    with urllib.request.urlopen(sample_server + "/feeds/reviews.atom.xml") as response:
        assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    with urllib.request.urlopen(sample_server + "/sitemap.xml") as response:
        assert response.headers["Content-Type"] == "application/xml; charset=utf-8"


@pytest.mark.parametrize("path", ["/_build/", "/_build/site-index.json", "/pagefind/", "/theme/", "/feeds/"])
def test_no_directory_listings_and_no_build_state(sample_server: str, sample_site: Path, path: str) -> None:
    # the folders are there and still not listed; the build state is not in the site at all (_state/, beside it)
    assert (sample_site / path.strip("/")).exists() != path.startswith("/_build")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(sample_server + path)
    assert caught.value.code == 404
    assert "We could not find that page" in caught.value.read().decode()

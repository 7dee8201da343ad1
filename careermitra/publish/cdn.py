"""Tell CloudFront which paths changed, so visitors get the new pages within seconds."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from typing import Any, Protocol

logger = logging.getLogger(__name__)
# CloudFront allows 3,000 file paths and 15 wildcard paths in invalidation at once per distribution, and charges
# each path past 1,000 a month: a rebuild names its few changed URLs exactly; a change past MAX_PATHS URLs is
# named by folder wildcards (/institutions/x/* ...), and past MAX_WILDCARDS of those by one "/*".
MAX_PATHS = 1000
MAX_WILDCARDS = 15


class Cdn(Protocol):
    def invalidate(self, paths: Iterable[str]) -> list[str]:
        """Invalidate the URLs of these site files; return the URL paths sent."""


def url_paths(paths: Iterable[str]) -> list[str]:
    """Site files to the URLs visitors use: 'a/index.html' is both '/a/' and '/a/index.html'."""
    urls: set[str] = set()
    for path in paths:
        urls.add("/" + path)
        if path.endswith("index.html"):
            urls.add("/" + path.removesuffix("index.html"))
    return sorted(urls)


def invalidation_paths(urls: Iterable[str], max_paths: int = MAX_PATHS,
                       max_wildcards: int = MAX_WILDCARDS) -> list[str]:
    """The paths to invalidate for these URLs: the URLs themselves when they are few, else the narrowest folder
    wildcards within CloudFront's limits (each URL stays covered), else everything."""
    exact = sorted(set(urls))
    if len(exact) <= max_paths:
        return exact
    for depth in (2, 1):
        paths = {_covering(url, depth) for url in exact}
        wildcards = sum(path.endswith("/*") for path in paths)
        if len(paths) <= max_paths and wildcards <= max_wildcards:
            return sorted(paths)
    return ["/*"]


def _covering(url: str, depth: int) -> str:
    """The wildcard of the folder `depth` levels deep that holds the URL ('/a/b/*'), or the URL when it is
    not that deep. A '*' matches nothing too, so '/a/b/*' covers '/a/b/' itself."""
    parts = url.strip("/").split("/")
    if url == "/" or len(parts) < depth or (len(parts) == depth and not url.endswith("/")):
        return url
    return "/" + "/".join(parts[:depth]) + "/*"


class CloudFrontCdn:
    def __init__(self, cloudfront: Any, distribution_id: str) -> None:
        self.cloudfront = cloudfront
        self.distribution_id = distribution_id

    def invalidate(self, paths: Iterable[str]) -> list[str]:
        urls = invalidation_paths(url_paths(paths))
        if not urls:
            return []
        reference = f"{time.time_ns()}-{hashlib.sha256(chr(10).join(urls).encode()).hexdigest()[:16]}"
        self.cloudfront.create_invalidation(DistributionId=self.distribution_id, InvalidationBatch={
            "Paths": {"Quantity": len(urls), "Items": urls}, "CallerReference": reference})
        logger.info("Invalidated %d paths", len(urls))
        return urls


class NoCdn:
    """The local stack: the server reads files as they are, nothing to invalidate."""

    def invalidate(self, paths: Iterable[str]) -> list[str]:
        return url_paths(paths)

"""Tell CloudFront which paths changed, so visitors get the new pages within seconds."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from typing import Any, Protocol

logger = logging.getLogger(__name__)
MAX_PATHS = 1000  # beyond this one wildcard is cheaper than listing every path


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


class CloudFrontCdn:
    def __init__(self, cloudfront: Any, distribution_id: str) -> None:
        self.cloudfront = cloudfront
        self.distribution_id = distribution_id

    def invalidate(self, paths: Iterable[str]) -> list[str]:
        urls = url_paths(paths)
        if not urls:
            return []
        if len(urls) > MAX_PATHS:
            urls = ["/*"]
        reference = f"{time.time_ns()}-{hashlib.sha256(chr(10).join(urls).encode()).hexdigest()[:16]}"
        self.cloudfront.create_invalidation(DistributionId=self.distribution_id, InvalidationBatch={
            "Paths": {"Quantity": len(urls), "Items": urls}, "CallerReference": reference})
        logger.info("Invalidated %d paths", len(urls))
        return urls


class NoCdn:
    """The local stack: the server reads files as they are, nothing to invalidate."""

    def invalidate(self, paths: Iterable[str]) -> list[str]:
        return url_paths(paths)

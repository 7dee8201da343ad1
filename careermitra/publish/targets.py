"""Where a built site is published: an S3 bucket (AWS, or moto locally) or a folder the local server serves.

Both upload only what changed (compared by SHA-256 of the content), so a replayed rebuild writes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from careermitra.publish.headers import cache_control_for, content_type_for

logger = logging.getLogger(__name__)
SHA_METADATA = "sha256"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Target(Protocol):
    """A place the site lives."""

    def read(self, path: str) -> bytes | None:
        """A published file's bytes, or None when it does not exist."""

    def publish(self, files: Mapping[str, bytes]) -> list[str]:
        """Write the files whose content differs from what is published; return their paths, sorted."""

    def remove(self, paths: Iterable[str]) -> list[str]:
        """Delete the files that exist; return the paths actually deleted, sorted."""

    def paths(self) -> set[str]:
        """Every published path."""


class FolderTarget:
    """The site folder of the local stack; files are replaced atomically so the server never serves half."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, path: str) -> bytes | None:
        target = self.root / path
        return target.read_bytes() if target.is_file() else None

    def publish(self, files: Mapping[str, bytes]) -> list[str]:
        written = []
        for path, data in sorted(files.items()):
            if self.read(path) == data:
                continue
            target = self.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".publish-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
            written.append(path)
        return written

    def remove(self, paths: Iterable[str]) -> list[str]:
        removed = []
        for path in sorted(set(paths)):
            target = self.root / path
            if target.is_file():
                target.unlink()
                removed.append(path)
        return removed

    def paths(self) -> set[str]:
        return {str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file()}


class S3Target:
    """A bucket behind CloudFront; each object carries its SHA-256, Content-Type and Cache-Control."""

    def __init__(self, s3: Any, bucket: str, workers: int = 16) -> None:
        self.s3 = s3
        self.bucket = bucket
        self.workers = workers

    def read(self, path: str) -> bytes | None:
        try:
            return self.s3.get_object(Bucket=self.bucket, Key=path)["Body"].read()
        except self.s3.exceptions.NoSuchKey:
            return None

    def _head(self, path: str) -> dict[str, Any] | None:
        try:
            return self.s3.head_object(Bucket=self.bucket, Key=path)
        except self.s3.exceptions.ClientError as error:
            if error.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def _published_sha(self, path: str) -> str | None:
        head = self._head(path)
        return head.get("Metadata", {}).get(SHA_METADATA) if head else None

    def publish(self, files: Mapping[str, bytes]) -> list[str]:
        paths = sorted(files)
        with ThreadPoolExecutor(self.workers) as pool:
            published = dict(zip(paths, pool.map(self._published_sha, paths), strict=True))
            changed = [path for path in paths if published[path] != sha256(files[path])]
            list(pool.map(lambda path: self._put(path, files[path]), changed))
        return changed

    def _put(self, path: str, data: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=path, Body=data, ContentType=content_type_for(path),
                           CacheControl=cache_control_for(path), Metadata={SHA_METADATA: sha256(data)})

    def remove(self, paths: Iterable[str]) -> list[str]:
        wanted = sorted(set(paths))
        with ThreadPoolExecutor(self.workers) as pool:
            existing = [path for path, head in zip(wanted, pool.map(self._head, wanted), strict=True) if head]
        for start in range(0, len(existing), 1000):
            chunk = existing[start : start + 1000]
            self.s3.delete_objects(Bucket=self.bucket, Delete={"Objects": [{"Key": key} for key in chunk],
                                                               "Quiet": True})
        return existing

    def paths(self) -> set[str]:
        found: set[str] = set()
        for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket):
            found.update(item["Key"] for item in page.get("Contents", []))
        return found

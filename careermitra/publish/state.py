"""Where the builder's state (the site index) is kept between builds: never among the files visitors can fetch.

Locally it is the build's state folder beside the output (`_state/<output>/`); in AWS it is `BuildStateBucket`
(template.yaml), a bucket of its own that CloudFront has no origin for and no policy on. The rebuild,
`careermitra publish`, `make dev` and the benchmark all read and write it through this module.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any, Protocol

from careermitra.site.builder.index import INDEX_NAME, state_folder

logger = logging.getLogger(__name__)


class BuildState(Protocol):
    """Named blobs of build state, private to the builders."""

    def read(self, name: str) -> bytes | None:
        """The state called `name`, or None when no build has written it."""

    def write(self, name: str, data: bytes) -> None:
        """Replace the state called `name`."""


class FolderState:
    """A folder on disk; a file is replaced atomically so a crash never leaves half an index."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def beside(cls, output: Path) -> FolderState:
        """The state folder of builds into `output` (the one SiteBuild writes)."""
        return cls(state_folder(output))

    def read(self, name: str) -> bytes | None:
        path = self.root / name
        return path.read_bytes() if path.is_file() else None

    def write(self, name: str, data: bytes) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".state-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, self.root / name)


class S3State:
    """Objects in the private build-state bucket (encrypted with the data key; no public or CloudFront access)."""

    def __init__(self, s3: Any, bucket: str) -> None:
        self.s3 = s3
        self.bucket = bucket

    def read(self, name: str) -> bytes | None:
        try:
            return self.s3.get_object(Bucket=self.bucket, Key=name)["Body"].read()
        except self.s3.exceptions.NoSuchKey:
            return None

    def write(self, name: str, data: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=name, Body=data, ContentType="application/json")


def publish_build_state(output: Path, state: BuildState) -> bool:
    """Copy the state a local build into `output` wrote to where rebuilds read it; True when it changed."""
    data = FolderState.beside(output).read(INDEX_NAME)
    if data is None:
        raise FileNotFoundError(f"{state_folder(output) / INDEX_NAME} is missing: build the site first")
    if state.read(INDEX_NAME) == data:
        return False
    state.write(INDEX_NAME, data)
    logger.info("Published the site index (%d bytes) to the build state", len(data))
    return True

"""Where the builder's state is kept between builds: never among the files visitors can fetch.

Locally it is the build's state folder beside the output (`_state/<output>/`); in AWS it is `BuildStateBucket`
(template.yaml), a bucket of its own that CloudFront has no origin for and no policy on. The rebuild,
`careermitra publish`, `make dev` and the benchmark all read and write it through the store of
careermitra/site/builder/state.py, which also says what is kept under which key.
"""

from __future__ import annotations

import logging
from pathlib import Path

from careermitra.site.builder.state import FolderStore, S3Store, Store, copy_state

logger = logging.getLogger(__name__)

# The names the rest of the code knows them by: one store interface, a folder and a bucket.
BuildState = Store
FolderState = FolderStore
S3State = S3Store


def publish_build_state(output: Path, state: BuildState) -> bool:
    """Copy the state a local build into `output` wrote to where rebuilds read it; True when it changed."""
    written = copy_state(FolderStore.beside(output), state)
    if written:
        logger.info("Published the build state: %d keys changed", written)
    return written > 0

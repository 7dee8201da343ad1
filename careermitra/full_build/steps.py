"""The three steps of a full build on AWS, as plain functions over the builder, the bucket and the build state.

plan: list the institutions, cut them into shards (a sorted contiguous range of slugs each), write the shard
manifest to the private build state. shard (one Lambda invocation per shard, from a Distributed Map): read the
shard's approved reviews, render its institutions' pages (shards.build_shard, the function a local build runs in
its process pool), upload them to the site bucket and write the shard's small result to the build state.
finish: read every shard's result, render the pages that span institutions (spanning.render_spanning), upload
them, write the build state the rebuild reads, invalidate.

Everything under `full-builds/<build>/` in the build-state bucket belongs to one run (the execution's name);
template.yaml expires it after a week.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from careermitra.publish.cdn import Cdn, invalidation_paths, url_paths
from careermitra.publish.content_store import ContentSource
from careermitra.publish.state import BuildState
from careermitra.publish.targets import Target
from careermitra.site.builder.content import institution_files, raise_all
from careermitra.site.builder.full_build import fewer_collections
from careermitra.site.builder.reviews_file import ApprovedReviews, write_reviews
from careermitra.site.builder.shards import (
    Shard,
    ShardJob,
    ShardResult,
    build_shard,
    forget_made_folders,
    merge_shards,
    plan_shards,
)
from careermitra.site.builder.site_build import SiteBuild
from careermitra.site.builder.spanning import render_spanning
from careermitra.site.builder.state import NoBuildState, OldBuildState, read_meta

logger = logging.getLogger(__name__)
BUILDS_PREFIX = "full-builds"
# A Step Functions execution name (letters, digits, '-' and '_', at most 80): it names the run's state objects.
BUILD_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
UPLOAD_BATCH = 500  # files read into memory at once while uploading a folder


class BuildRunError(RuntimeError):
    """A step cannot go on: a bad build name, or a shard that has not written its result."""


def build_prefix(build_id: str) -> str:
    if not BUILD_ID.match(build_id):
        raise BuildRunError(f"the build name {build_id!r} must be 1 to 80 letters, digits, '-' or '_'")
    return f"{BUILDS_PREFIX}/{build_id}"


def manifest_key(build_id: str) -> str:
    return f"{build_prefix(build_id)}/manifest.json"


def result_key(build_id: str, shard: int) -> str:
    return f"{build_prefix(build_id)}/shards/{shard:05d}.json"


def invalidation_key(build_id: str, shard: int) -> str:
    return f"{build_prefix(build_id)}/shards/{shard:05d}.invalidate.json"


@dataclass(frozen=True)
class Plan:
    build: str
    manifest_key: str
    shards: int
    institutions: int


@dataclass(frozen=True)
class ShardReport:
    shard: int
    institutions: int
    pages: int
    uploaded: int


@dataclass(frozen=True)
class FinishReport:
    institutions: int
    pages: int
    uploaded: int
    invalidated: tuple[str, ...]


def plan_build(content: ContentSource, state: BuildState, build_id: str, shard_size: int) -> Plan:
    """Cut the institutions into shards and write the manifest (a JSON array, one item per shard)."""
    files = content.institution_slugs()
    shards = plan_shards(files, shard_size)
    key = manifest_key(build_id)
    state.write(key, json.dumps([shard.to_item() for shard in shards], separators=(",", ":")).encode("utf-8"))
    logger.info("Planned %d shards of at most %d institutions (%d in all)", len(shards), shard_size, len(files))
    return Plan(build_id, key, len(shards), len(files))


def render_shard(build: SiteBuild, content: ContentSource, build_id: str, shard: Shard, *, reviews: ApprovedReviews,
                 target: Target, state: BuildState, work: Path) -> ShardReport:
    """Render one shard into the site; a content problem fails the shard (and so the run), naming file and
    field, before any of its pages is uploaded. Run twice, it uploads nothing the second time."""
    content.prepare_range(shard.first, shard.last)  # only this shard's institutions are read from the bucket
    institutions_dir = build.content / build.site.institutions_path
    files = {slug: path for slug, path in institution_files(institutions_dir)[0].items() if shard.holds(slug)}
    with tempfile.TemporaryDirectory(dir=work, prefix="shard-") as folder, fewer_collections():
        root = Path(folder)
        # The approved reviews, from the source of truth, in the file format a local build reads.
        for slug in sorted(files):
            write_reviews(root / "reviews", slug, reviews.approved_for(slug))
        forget_made_folders()
        job = ShardJob(files, institutions_dir, root / "reviews", build.site, build.renderer, root / "site",
                       work / "image-cache")
        result = build_shard(job, shard)
        raise_all(result.errors)
        uploaded = upload_folder(root / "site", target)
    state.write(result_key(build_id, shard.number), result.to_json().encode("utf-8"))
    # At most CloudFront's 1,000 paths (folder wildcards past that): the finish step merges every shard's.
    state.write(invalidation_key(build_id, shard.number),
                json.dumps(invalidation_paths(url_paths(uploaded))).encode("utf-8"))
    logger.info("Shard %d: %d institutions, %d pages, %d files uploaded", shard.number, len(files), result.pages,
                len(uploaded))
    return ShardReport(shard.number, len(files), result.pages, len(uploaded))


def finish_build(build: SiteBuild, build_id: str, shards: int, *, target: Target, state: BuildState, cdn: Cdn,
                 work: Path) -> FinishReport:
    """Render the pages that span institutions from every shard's result, upload them, write the build state
    (after the pages are up, as `make publish` does), invalidate what changed."""
    with fewer_collections():
        results = [ShardResult.from_json(_read(state, result_key(build_id, n)).decode("utf-8"))
                   for n in range(shards)]
        model, sources, pages = merge_shards(results, build.site)
        index = build.index_of(model, sources, _editorial_urls(state))
        with tempfile.TemporaryDirectory(dir=work, prefix="finish-") as folder:
            forget_made_folders()
            # One process: Lambda has no /dev/shm, which multiprocessing's pools need for their locks (Pagefind,
            # a separate program, still uses every vCPU the function has).
            pages += render_spanning(model, index, build.site, build.renderer, Path(folder), workers=1)
            uploaded = upload_folder(Path(folder), target)
        build.write_state(state, index, model)
    urls = set(url_paths(uploaded))
    for n in range(shards):
        urls.update(json.loads(_read(state, invalidation_key(build_id, n))))
    # Cdn.invalidate takes site paths and makes URLs of them; a URL without its leading '/' is such a path
    # ('institutions/x/' stays '/institutions/x/', a wildcard 'institutions/*' stays '/institutions/*').
    invalidated = cdn.invalidate(sorted(url.removeprefix("/") for url in urls))
    logger.info("Finished: %d institutions, %d pages, %d files uploaded by the finish step, %d paths invalidated",
                len(model.cards), pages, len(uploaded), len(invalidated))
    return FinishReport(len(model.cards), pages, len(uploaded), tuple(invalidated))


def _read(state: BuildState, key: str) -> bytes:
    data = state.read(key)
    if data is None:
        raise BuildRunError(f"{key} is missing from the build state: its shard did not finish")
    return data


def _editorial_urls(state: BuildState) -> tuple[str, ...]:
    """The editorial pages in the sitemap: Pelican renders them (make publish), so the last state names them."""
    try:
        return read_meta(state).page_urls
    except (NoBuildState, OldBuildState, ValueError, KeyError):
        return ()


def upload_folder(folder: Path, target: Target) -> list[str]:
    """Publish every file below folder (only those that differ from the bucket's), a batch at a time."""
    uploaded: list[str] = []
    for batch in _batches(sorted(p for p in folder.rglob("*") if p.is_file()), UPLOAD_BATCH):
        uploaded += target.publish({str(path.relative_to(folder)): path.read_bytes() for path in batch})
    return uploaded


def _batches(paths: list[Path], size: int) -> Iterator[list[Path]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


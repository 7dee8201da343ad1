"""`python -m bench.child`: one measured build or publish in a fresh process, reporting JSON on stdout.

Each measurement runs in its own process so that its peak memory is its own: `ru_maxrss` of RUSAGE_SELF here,
and of RUSAGE_CHILDREN for what it started (Pagefind). The parent also samples the whole process tree's RSS,
because a child that forks from this process inherits its high-water mark and the two cannot simply be added.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import logging
import os
import resource
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careermitra.publish.targets import Target

KIB = 1024
REGION = "ap-south-1"
BUCKET = "bench-site"
STATE_BUCKET = "bench-build-state"
NEW_REVIEW = {
    "id": "bench-new-review", "display_name": "Bench R.", "rating": 5, "title": "Approved during the benchmark",
    "aspects": {"faculty": 5, "infrastructure": 4, "placements": 5, "campus_life": 4, "value_for_money": 4},
    "body": "This review was approved while the benchmark measured the incremental publish.",
    "course": "Benchmark", "graduation_year": 2026, "published": "2026-11-01",
}


def cpu_seconds() -> float:
    """User plus system CPU seconds of this process and of every child it has waited for.

    The build's pool processes and Pagefind are waited for before the build returns, so the difference across a
    build is all the work it did, which wall time on 2 cores can hide.
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build(settings: Path, content: Path, output: Path, cache: Path, profile: Path | None) -> dict[str, Any]:
    """One full Pelican build of `content` into `output`, with Pelican's cache folder at `cache`."""
    from pelican.log import init as init_logging

    from careermitra.site.build import build as build_site

    init_logging(level=logging.WARNING, fatal="errors", name="pelican")
    overrides: dict[str, object] = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache)}
    load_before = os.getloadavg()[0]  # the machine is shared: a busy one makes the same build slower
    started, cpu_started = time.perf_counter(), cpu_seconds()
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(build_site, str(settings), overrides)
        profiler.dump_stats(profile)
    else:
        build_site(str(settings), overrides)
    return {"seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu_started,
            "load_before": load_before}


def incremental_publish(settings: Path, content: Path, output: Path, slug: str) -> dict[str, Any]:
    """Approve one more review of `slug` and publish it through the rebuild's path into a moto S3 bucket.

    The rebuild handler's path is `careermitra.rebuild.pipeline.publish_changes`; imported lazily so the
    benchmark still runs (and says "not available yet") on a tree where it has not landed. Approved reviews
    come from the generated YAML plus the new one, not from DynamoDB: the query is the same one either way and
    seeding 100,000 reviews into moto would dominate the run. The bucket is seeded with the full build first,
    through moto's backend (50 times faster than put_object; untimed), so only changed files count as uploads.
    """
    try:
        from careermitra.rebuild.pipeline import publish_changes
    except ModuleNotFoundError as error:
        if error.name not in {"careermitra.rebuild", "careermitra.rebuild.pipeline"}:
            raise
        return {"status": "not available yet", "reason": "careermitra.rebuild.pipeline does not exist yet"}
    import boto3
    from moto import mock_aws

    from careermitra.publish.cdn import NoCdn
    from careermitra.publish.state import S3State, publish_build_state
    from careermitra.publish.targets import S3Target
    from careermitra.site.build import site_build_for

    site_build = site_build_for(str(settings), {"PATH": str(content), "OUTPUT_PATH": str(output)})
    reviews = GeneratedReviews(content / site_build.site.reviews_path, slug)
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        seeded = seed_bucket(output)
        s3.create_bucket(Bucket=STATE_BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        state = S3State(s3, STATE_BUCKET)
        publish_build_state(output, state)  # as `careermitra publish` does after the upload (untimed)
        # moto keeps the 40,000 seeded objects as Python objects, which a Lambda's S3 does not; freezing them
        # keeps Python's cyclic collector from walking them during the timed call.
        gc.collect()
        gc.freeze()
        target = RecordingTarget(S3Target(s3, BUCKET))
        started, cpu_started = time.perf_counter(), time.process_time()
        report = publish_changes({slug}, reviews=reviews, target=target, state=state, cdn=NoCdn(), build=site_build)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    uploaded = list(report.uploaded)
    return {"seconds": seconds, "cpu_seconds": cpu, "render_seconds": target.offered_at - started,
            "upload_seconds": target.upload_seconds, "uploaded": len(uploaded), "removed": len(report.removed),
            "uploaded_paths": uploaded, "uploaded_hindi": sum(1 for path in uploaded if is_hindi(path)),
            "rendered": len(target.offered), "rendered_hindi": sum(1 for path in target.offered if is_hindi(path)),
            "bucket_objects": seeded}


def is_hindi(path: str) -> bool:
    """Whether a site path is of the Hindi edition (issue 16: English at the root, Hindi under /hi/)."""
    return path.startswith("hi/")


class RecordingTarget:
    """A Target that passes everything on, keeping what the rebuild handed it to publish (the pages it rendered,
    changed or not) and when, so the publish's time splits into rendering and uploading."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.offered: list[str] = []
        self.offered_at = 0.0
        self.upload_seconds = 0.0

    def read(self, path: str) -> bytes | None:
        return self.target.read(path)

    def publish(self, files: Mapping[str, bytes]) -> list[str]:
        self.offered_at = time.perf_counter()
        self.offered.extend(files)
        uploaded = self.target.publish(files)
        self.upload_seconds += time.perf_counter() - self.offered_at
        return uploaded

    def remove(self, paths: Iterable[str]) -> list[str]:
        return self.target.remove(paths)

    def paths(self) -> set[str]:
        return self.target.paths()


class GeneratedReviews:
    """Approved reviews read from the generated tree, with one more approved for `slug`."""

    def __init__(self, folder: Path, slug: str) -> None:
        from careermitra.domain.review import PublishedReview
        from careermitra.site.builder.reviews_file import read_reviews

        self._read = read_reviews
        self.folder, self.slug = folder, slug
        self.new = PublishedReview.model_validate(NEW_REVIEW)

    def approved_for(self, slug: str) -> list[Any]:
        found = self._read(self.folder / f"{slug}.yaml")
        if slug != self.slug:
            return found
        return [self.new, *(review for review in found if review.id != self.new.id)]  # a rerun approves it again

    def all_approved(self) -> dict[str, list[Any]]:
        return {path.stem: self.approved_for(path.stem) for path in sorted(self.folder.glob("*.yaml"))}


def seed_bucket(output: Path) -> int:
    """Put the full build into the moto bucket as S3Target would (with each object's SHA-256)."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.s3.models import s3_backends

    from careermitra.publish.targets import SHA_METADATA, sha256

    backend = s3_backends[DEFAULT_ACCOUNT_ID]["global"]
    count = 0
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            key = backend.put_object(BUCKET, str(path.relative_to(output)), data)
            key.set_metadata({f"x-amz-meta-{SHA_METADATA}": sha256(data)})
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One measured step of the benchmark, in its own process.")
    parser.add_argument("step", choices=["build", "incremental"])
    parser.add_argument("--settings", type=Path)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--cache", type=Path, help="Pelican's cache folder (build)")
    parser.add_argument("--slug", help="the institution that gets a new review (incremental)")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the build here")
    args = parser.parse_args(argv)
    try:
        if args.step == "build":
            report = build(args.settings, args.content, args.output, args.cache, args.profile)
        else:
            report = incremental_publish(args.settings, args.content, args.output, args.slug)
        report.setdefault("status", "ok")
    except Exception as error:  # the parent records the failure in its table instead of stopping
        report = {"status": "failed", "reason": f"{type(error).__name__}: {error}"[:2000]}
    report["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KIB
    report["maxrss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / KIB
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure one approval's incremental publish by phase (state read, render, compare and upload, state write), at
the size of a built benchmark site and at larger sizes from a generated index-only state.

    PYTHONPATH=. .venv/bin/python -m tools.measure_incremental CONTENT SITE [--scale 100000] [--runs 3]

CONTENT is a tree from bench/generate.py and SITE its full build (`make bench` leaves both in bench/out/). The
built size is measured as `make bench` measures it: the full build seeded into a moto bucket (untimed), one more
review of the sample institution approved and published through the rebuild's path (careermitra.rebuild.pipeline).

`--scale N` stands in for a directory of N institutions without building N pages: the build state is enlarged
with copies of every card under new names and slugs (the same cities, states, types and courses, so each listing
grows N/size times), the bucket is seeded by an untimed publish of the same institution before the new review,
and then the approval is timed. Each run is a fresh process with its own moto, as a Lambda's batch would be.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.child import BUCKET, REGION, STATE_BUCKET  # the bucket the benchmark seeds

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
PHASES = ("reviews read", "state read", "content read", "render", "compare and upload", "state write")


def one_run(content: Path, site: Path, scale: int | None, slug: str | None = None) -> dict[str, Any]:
    """One timed approval in this process (see the module's docstring)."""
    import boto3
    from moto import mock_aws

    from bench.child import GeneratedReviews, seed_bucket
    from careermitra.publish.cdn import NoCdn
    from careermitra.publish.state import S3State, publish_build_state
    from careermitra.publish.targets import S3Target
    from careermitra.rebuild.pipeline import publish_changes
    from careermitra.site.build import site_build_for

    build = site_build_for(str(SETTINGS), {"PATH": str(content), "OUTPUT_PATH": str(site)})
    slug = slug or json.loads((content / "bench-manifest.json").read_text())["sample_institution"]["slug"]
    reviews = GeneratedReviews(content / build.site.reviews_path, slug)
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        for bucket in (BUCKET, STATE_BUCKET):
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        state, target = S3State(s3, STATE_BUCKET), S3Target(s3, BUCKET)
        if scale is None:
            objects = seed_bucket(site)
            publish_build_state(site, state)
        else:
            objects = 0
            enlarge_state(site, state, scale, build)
            publish_changes({slug}, reviews=BeforeApproval(reviews), target=target, state=state, cdn=NoCdn(),
                            build=build)
        gc.collect()
        gc.freeze()
        started = time.perf_counter()
        report = publish_changes({slug}, reviews=reviews, target=target, state=state, cdn=NoCdn(), build=build)
        seconds = time.perf_counter() - started
        stored = state_bytes(s3)
    return {"seconds": seconds, "phases": report.phases, "uploaded": len(report.uploaded),
            "removed": len(report.removed), "bucket_objects": objects, "state_bytes": stored}


class BeforeApproval:
    """The generated reviews without the one the timed run approves."""

    def __init__(self, reviews: Any) -> None:
        self.reviews = reviews

    def approved_for(self, slug: str) -> list[Any]:
        return [review for review in self.reviews.approved_for(slug) if review.id != self.reviews.new.id]

    def all_approved(self) -> dict[str, list[Any]]:
        return {slug: [r for r in found if r.id != self.reviews.new.id]
                for slug, found in self.reviews.all_approved().items()}


def enlarge_state(site: Path, state: Any, institutions: int, build: Any) -> None:
    """Write into `state` the build state of `site` with its cards copied until there are `institutions`."""
    from careermitra.site.builder.index import SiteIndex

    try:
        from careermitra.site.builder import state as keyed
    except ModuleNotFoundError:  # a tree from before the keyed state: one site index (the "before" figures)
        keyed = None
    if keyed is None:
        index = SiteIndex.from_json((site.parent / "_state" / site.name / "site-index.json").read_text())
    else:
        index = keyed.read_whole(keyed.FolderStore.beside(site))
    cards, sources = dict(index.cards), dict(index.sources)
    originals = list(index.cards.values())
    copy = 1
    while len(cards) < institutions:
        for card in originals[: institutions - len(cards)]:
            slug = f"{card.slug}-copy-{copy}"
            cards[slug] = card._replace(slug=slug, name=f"{card.name} {copy}")
            sources[slug] = index.sources[card.slug]
        copy += 1
    enlarged = SiteIndex(cards, index.latest, index.page_urls, sources, index.fingerprint, index.stamps)
    if keyed is None:
        state.write("site-index.json", enlarged.to_json().encode("utf-8"))
    else:
        build.write_state(state, enlarged)


def state_bytes(s3: Any) -> int:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=STATE_BUCKET)
    return sum(item["Size"] for page in pages for item in page.get("Contents", []))


def measure(content: Path, site: Path, scale: int | None, runs: int, slug: str | None) -> dict[str, Any]:
    """The median of `runs` fresh processes."""
    reports = []
    for _ in range(runs):
        command = [sys.executable, "-m", "tools.measure_incremental", str(content), str(site), "--one"]
        if scale is not None:
            command += ["--scale", str(scale)]
        if slug is not None:
            command += ["--slug", slug]
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        reports.append(json.loads(done.stdout.strip().splitlines()[-1]))
    median = statistics.median(report["seconds"] for report in reports)
    chosen = min(reports, key=lambda report: abs(report["seconds"] - median))
    return {**chosen, "runs": [round(report["seconds"], 3) for report in reports]}


def table_row(label: str, report: dict[str, Any]) -> str:
    phases = " | ".join(f"{report['phases'].get(name, 0.0):.3f} s" for name in PHASES)
    return (f"| {label} | {report['seconds']:.3f} s | {phases} | {report['uploaded']} | "
            f"{report['state_bytes'] / 1e6:.1f} MB |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--scale", type=int, action="append", default=[],
                        help="also measure an index-only state of this many institutions (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slug", help="the institution approved (default: the benchmark's sample, whose 21st "
                        "review starts a new page of reviews, so its sitemap entry changes)")
    parser.add_argument("--only-scaled", action="store_true", help="skip the built size")
    parser.add_argument("--one", action="store_true", help="one run in this process; prints its JSON")
    args = parser.parse_args(argv)
    content, site = args.content.resolve(), args.site.resolve()
    if args.one:
        print(json.dumps(one_run(content, site, args.scale[0] if args.scale else None, args.slug)))
        return 0
    header = " | ".join(PHASES)
    print(f"| institutions | publish (median of {args.runs}) | {header} | files uploaded | build state |")
    print("|" + " --- |" * (len(PHASES) + 4))
    built = sum(1 for _ in (content / "institutions").rglob("*.md"))
    if not args.only_scaled:
        print(table_row(f"{built:,} (built)", measure(content, site, None, args.runs, args.slug)), flush=True)
    for scale in args.scale:
        print(table_row(f"{scale:,} (index only)", measure(content, site, scale, args.runs, args.slug)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Measure the full build's shard path on a generated directory (`make bench` writes one to bench/out/content):
one shard rendered as a Lambda function would (one process), its files, bytes and result, and a whole build
through the process pool with its phases. Figures for README "The full build at national size".

    .venv/bin/python tools/measure_shards.py bench/out/content [--shard-size 2000]
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import shutil
import tempfile
import time
from pathlib import Path

from careermitra.site.build import site_build_for
from careermitra.site.builder.content import institution_files
from careermitra.site.builder.full_build import fewer_collections
from careermitra.site.builder.shards import ShardJob, build_shard, forget_made_folders, plan_shards

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--shard-size", type=int, default=2000)
    args = parser.parse_args()
    build = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(args.content.resolve())})
    institutions = args.content / build.site.institutions_path
    files, _ = institution_files(institutions)
    shards = plan_shards(files, args.shard_size)
    work = Path(tempfile.mkdtemp(prefix="measure-shards-"))
    try:
        with fewer_collections():
            build.renderer  # noqa: B018  # templates loaded before timing, as in a warm Lambda container
            forget_made_folders()
            job = ShardJob(files, institutions, args.content / build.site.reviews_path, build.site, build.renderer,
                           work / "shard", work / "images")
            started = time.perf_counter()
            result = build_shard(job, shards[0])
            seconds = time.perf_counter() - started
        written = [path for path in (work / "shard").rglob("*") if path.is_file()]
        report = {
            "institutions": len(files), "shards": len(shards), "shard_institutions": shards[0].count,
            "shard_seconds": round(seconds, 2), "shard_pages": result.pages, "shard_files": len(written),
            "shard_bytes": sum(path.stat().st_size for path in written),
            "shard_result_bytes": len(result.to_json().encode("utf-8")),
            "shard_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        logging.basicConfig(level=logging.INFO, format="%(relativeCreated)8.0f ms %(message)s")
        started = time.perf_counter()
        build.full(work / "site")
        report["pool_full_build_seconds"] = round(time.perf_counter() - started, 2)
        print(json.dumps(report, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

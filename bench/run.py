"""`python -m bench.run`: generate a national-size directory, build and publish it, and measure against issue 7.

Prints a table and writes bench/results.json. Each build and the incremental publish run in a fresh process
(bench.child); their peak memory is the highest total RSS of that process and everything it started
(Pagefind), sampled every 50 ms from /proc, beside the process's own ru_maxrss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.generate import generate
from bench.lambdas import import_times, package_sizes
from bench.page_weight import browser_search_bytes, page_weights

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results.json"
SITE_SETTINGS = ROOT / "pelicanconf.py"
SPEEDUPS_OFF_SETTINGS = ROOT / "bench" / "speedups_off_pelicanconf.py"
ENGLISH_ONLY_SETTINGS = ROOT / "bench" / "english_only_pelicanconf.py"
FULL_SIZE = (10_000, 100_000)  # issue 7's targets are set at this size
QUICK_SIZE = (1_000, 10_000)
MB = 1024 * 1024
KB = 1000
NONE = "-"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TARGETS = {
    "cold_seconds": 45.0, "warm_seconds": 15.0, "peak_mb": 1536.0, "incremental_seconds": 1.0,
    "institution_20_bytes": 40 * KB, "institution_500_bytes": 80 * KB, "import_ratio": 1.5,
    "images_above_fold_bytes": 60 * KB,
    "package_unzipped_bytes": 250 * MB,  # Lambda's limit for a function with its layers
    "languages_ratio": 2.2,  # issue 16: both languages' cold build at most 2.2 times the English-only one
}


class SetAside:
    """Folders a step replaces: renamed into one place at once, and deleted only after every measurement.

    Deleting a 40,000-file site just before timing the next build would time the deletion's after-effect too:
    for a minute or more after many deletions, an ext4 file system without a journal (as on this VM) skips each
    recently freed inode one by one when it creates a file (`recently_deleted` in fs/ext4/ialloc.c), which made
    a cold build 10-20 s slower. A rename frees nothing, so the build starts from an empty folder, as a build in
    a fresh clone does.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def move(self, path: Path) -> None:
        if path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            self.count += 1
            path.rename(self.folder / f"{self.count}-{path.name}")

    def delete(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class TreeMemory(threading.Thread):
    """The peak total RSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, self._tree_rss())
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak

    def _tree_rss(self) -> int:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
        total, pending = 0, [self.pid]
        while pending:
            pid = pending.pop()
            pending.extend(children.get(pid, []))
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
            except (OSError, IndexError, ValueError):
                continue
        return total


def run_child(*arguments: str) -> dict[str, Any]:
    """Run `python -m bench.child ...` and return its report, with the sampled peak of its process tree."""
    process = subprocess.Popen([sys.executable, "-m", "bench.child", *arguments], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeMemory(process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    peak = sampler.stop()
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"status": "failed", "reason": (stderr or stdout).strip()[-2000:] or f"exit {process.returncode}"}
    return {**json.loads(lines[-1]), "peak_tree_mb": peak / MB}


def measure_build(settings: Path, content: Path, output: Path, cache: Path, fresh: bool, trash: SetAside,
                  profile: Path | None = None) -> dict[str, Any]:
    """One full build in a fresh process; `fresh` sets the output and cache folders aside first (a cold start)."""
    if fresh:
        trash.move(output)
        trash.move(cache)
    arguments = ["build", "--settings", str(settings), "--content", str(content), "--output", str(output),
                 "--cache", str(cache)]
    report = run_child(*arguments, *(["--profile", str(profile)] if profile else []))
    if report["status"] == "ok":
        report["html_pages"] = sum(1 for _ in output.rglob("*.html"))
        report["pages_per_second"] = report["html_pages"] / report["seconds"]
    return report


def measure_incremental(content: Path, output: Path, slug: str, runs: int) -> dict[str, Any]:
    """One approval published through the rebuild's path into moto S3 (see bench.child.incremental_publish).

    Each run is a fresh process with a fresh bucket. A single run varies by about ±0.3 s on this VM, as much as
    the whole target allows, so the table gives the median of `runs` beside the fastest and slowest.
    """
    reports = [run_child("incremental", "--settings", str(SITE_SETTINGS), "--content", str(content),
                         "--output", str(output), "--slug", slug) for _ in range(runs)]
    failed = [report for report in reports if report.get("status") != "ok"]
    if failed:
        return failed[0]
    fastest_first = sorted(reports, key=lambda report: report["seconds"])
    return {**fastest_first[len(reports) // 2], "runs": [report["seconds"] for report in fastest_first],
            "peak_tree_mb": max(report["peak_tree_mb"] for report in reports)}


def machine() -> dict[str, Any]:
    return {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}


def hotspots(profile: Path, limit: int = 25) -> list[dict[str, Any]]:
    """The functions with the most cumulative time in a cProfile dump, from the project, Pelican and libraries."""
    stats = pstats.Stats(str(profile))
    rows = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(filename)}:{line}({name})", "calls": calls, "own_s": round(own, 2),
                     "cumulative_s": round(cumulative, 2)})
    return sorted(rows, key=lambda row: row["cumulative_s"], reverse=True)[:limit]


def _short(filename: str) -> str:
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def run(institutions: int, reviews: int, seed: int, quick: bool, profile: bool) -> dict[str, Any]:
    """Generate the directory into bench/out/content, then measure everything (`measure`)."""
    trash = SetAside(OUT / "set-aside")
    trash.delete()  # what an interrupted run left
    started = time.perf_counter()
    content = OUT / "content"
    for folder in ("institutions", "reviews", "pages"):
        trash.move(content / folder)
    manifest = generate(content, institutions, reviews, seed)
    generated = time.perf_counter() - started
    print(f"Generated {institutions} institutions and {reviews} reviews in {generated:.1f} s", flush=True)
    results: dict[str, Any] = {"machine": machine(), "parameters": {
        "institutions": institutions, "reviews": reviews, "seed": seed, "quick": quick,
        "import_runs": 3 if quick else 5}, "manifest": manifest, "generate_seconds": generated}
    measure(results, content, OUT, trash, profile=profile)
    results["total_seconds"] = time.perf_counter() - started
    trash.delete()
    return results


def measure(results: dict[str, Any], content: Path, out: Path, trash: SetAside, profile: bool = False,
            only: Collection[str] | None = None) -> None:
    """Run each step over the generated `content` (building into `out`) and put its report in `results`.

    `only` names the steps to run (the tests run a few on a tiny site); the others are left out of `results`.
    """
    quick, import_runs, manifest = results["parameters"]["quick"], results["parameters"]["import_runs"], \
        results["manifest"]
    sample_slug = str(manifest["sample_institution"]["slug"])
    site, cache = out / "site", out / "cache"
    slow_site, slow_cache = out / "speedups-off-site", out / "speedups-off-cache"
    steps = [
        ("cold", lambda: measure_build(SITE_SETTINGS, content, site, cache, fresh=True, trash=trash)),
        # Right after the cold build, on the same content: issue 16's budget is the ratio of the two.
        ("english_only", lambda: measure_build(ENGLISH_ONLY_SETTINGS, content, out / "english-only-site",
                                               out / "english-only-cache", fresh=True, trash=trash)),
        ("warm", lambda: measure_build(SITE_SETTINGS, content, site, cache, fresh=False, trash=trash)),
        ("page_weights", lambda: page_weights(site, manifest)),
        ("search_downloads", lambda: browser_search_bytes(site)),
        ("speedups_off", lambda: measure_build(SPEEDUPS_OFF_SETTINGS, content, slow_site, slow_cache, fresh=True,
                                               trash=trash)),
        ("incremental", lambda: measure_incremental(content, site, sample_slug, runs=1 if quick else 3)),
        ("imports", lambda: import_times(import_runs)),
    ]
    if quick:  # a second full build, one process: make bench measures it
        steps = [step for step in steps if step[0] != "speedups_off"]
    # The rebuild imports the site code on its first batch (not at import), so it is named here.
    steps.append(("packages", lambda: package_sizes(renders_site={"rebuild"} | {
        name for name, report in results.get("imports", {}).get("handlers", {}).items()
        if {"pelican", "careermitra.site"} & set(report.get("heavy_modules", []))})))
    if profile:
        stats = out / "cold-build.pstats"
        steps.append(("profile", lambda: {
            **measure_build(SITE_SETTINGS, content, out / "profile-site", out / "profile-cache", fresh=True,
                            trash=trash, profile=stats),
            "hotspots": hotspots(stats), "stats": str(stats.relative_to(ROOT))}))
    if only is not None:
        steps = [step for step in steps if step[0] in only]
    for name, step in steps:
        print(f"Measuring {name} ...", flush=True)
        step_started = time.perf_counter()
        try:
            results[name] = step()
        except Exception as error:  # one broken step must not hide the others' numbers
            results[name] = {"status": "failed", "reason": f"{type(error).__name__}: {error}"}
        print(f"  done in {time.perf_counter() - step_started:.1f} s", flush=True)


Row = tuple[str, str, str, str]


def table(results: dict[str, Any]) -> list[Row]:
    """(measure, value, target, met?) rows; size-bound targets are only judged at the full size."""
    judge = Judge(tuple(results["parameters"][key] for key in ("institutions", "reviews")) == FULL_SIZE)
    return [*build_rows(results, judge), *incremental_rows(results, judge), *speedup_rows(results),
            *memory_rows(results, judge), *weight_rows(results, judge), *import_rows(results, judge),
            *cold_start_rows(results), *package_rows(results, judge), *language_rows(results, judge)]


@dataclass(frozen=True)
class Judge:
    """Whether a value meets its target; a size-bound target is judged only on a run at the full size."""

    full_size: bool

    def __call__(self, value: float | None, target: float, size_bound: bool = True) -> str:
        if value is None:
            return NONE
        if size_bound and not self.full_size:
            return "n/a (size)"
        return "yes" if value <= target else "NO"


def build_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Rows 1, 2 and 4: the full builds, cold, warm and with the speed-ups off."""
    rows: list[Row] = []
    for name, label, target_key in (("cold", "1. full build, cold", "cold_seconds"),
                                    ("warm", "2. full build, warm caches", "warm_seconds"),
                                    ("speedups_off", "4. same build, speed-ups off (1 process)", None)):
        report = results.get(name, {})
        if name == "speedups_off" and results["parameters"].get("quick"):
            rows.append((label, "skipped in --quick (make bench measures it)", NONE, NONE))
        elif report.get("status") != "ok":
            rows.append((label, _failure(report), "", ""))
        else:
            value = (f"{report['seconds']:.1f} s{_cpu(report)}, {report['html_pages']} pages, "
                     f"{report['pages_per_second']:.0f} pages/s")
            target = TARGETS[target_key] if target_key else None
            rows.append((label, value, f"< {target:.0f} s" if target else NONE,
                         judged(report["seconds"], target) if target else NONE))
    return rows


def incremental_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Row 3: one approval published to moto's S3."""
    label, incremental = "3. incremental publish (moto S3)", results.get("incremental", {})
    if incremental.get("status") != "ok":
        return [(label, _failure(incremental), "< 1 s", NONE)]
    hindi = f" ({incremental['uploaded_hindi']} under /hi/)" if "uploaded_hindi" in incremental else ""
    return [(label, f"{incremental['seconds']:.2f} s{_spread(incremental)}, {incremental['uploaded']} files{hindi} "
                    f"uploaded of {incremental['bucket_objects']}",
             f"< {TARGETS['incremental_seconds']:.0f} s, affected only",
             judged(incremental["seconds"], TARGETS["incremental_seconds"]))]


def language_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Issue 16's budgets: both languages' cold build against English only, and a rebuild renders both."""
    rows: list[Row] = []
    label = "16. full build, cold, English only"
    english, both = results.get("english_only", {}), results.get("cold", {})
    if english.get("status") != "ok":
        rows.append((label, _failure(english), "", ""))
    else:
        rows.append((label, f"{english['seconds']:.1f} s{_cpu(english)}, {english['html_pages']} pages", NONE, NONE))
        if both.get("status") == "ok":
            ratio = both["seconds"] / english["seconds"]
            cpu = (f"; CPU {both['cpu_seconds']:.0f} / {english['cpu_seconds']:.0f} s = "
                   f"{both['cpu_seconds'] / english['cpu_seconds']:.2f}" if "cpu_seconds" in english else "")
            load = (f"; load {both['load_before']:.1f} / {english['load_before']:.1f} before"
                    if "load_before" in english else "")
            rows.append(("16. full build, cold, both languages / English only",
                         f"{ratio:.2f} ({both['seconds']:.1f} s / {english['seconds']:.1f} s{cpu}{load})",
                         f"<= {TARGETS['languages_ratio']}", judged(ratio, TARGETS["languages_ratio"])))
    label = "16. incremental: both languages rendered and uploaded"
    incremental = results.get("incremental", {})
    if incremental.get("status") != "ok":
        return [*rows, (label, _failure(incremental), "", "")]
    if "rendered_hindi" not in incremental:  # a results.json from before issue 16's rows
        return [*rows, (label, "not measured", "", "")]
    english_uploaded = incremental["uploaded"] - incremental["uploaded_hindi"]
    both_languages = incremental["rendered_hindi"] > 0 and incremental["uploaded_hindi"] > 0 and english_uploaded > 0
    seconds = incremental["seconds"]
    rows.append((label, f"rendered {incremental['rendered']} files ({incremental['rendered_hindi']} under /hi/), "
                        f"uploaded {incremental['uploaded']} ({incremental['uploaded_hindi']} under /hi/); work "
                        f"{seconds:.2f} s (render {incremental['render_seconds']:.2f} s, upload "
                        f"{incremental['upload_seconds']:.2f} s; CPU {incremental['cpu_seconds']:.2f} s)",
                 f"both languages, < {TARGETS['incremental_seconds']:.0f} s",
                 judged(seconds, TARGETS["incremental_seconds"]) if both_languages else "NO"))
    return rows


def _cpu(report: dict[str, Any]) -> str:
    """A build's CPU seconds, its pool processes and Pagefind included, when the report has them."""
    return f" (CPU {report['cpu_seconds']:.0f} s)" if "cpu_seconds" in report else ""


def speedup_rows(results: dict[str, Any]) -> list[Row]:
    """Row 4's ratios: the cold and the incremental build against the same build with the speed-ups off."""
    slow_report = results.get("speedups_off", {})
    slow = slow_report.get("seconds") if slow_report.get("status") == "ok" else None
    if not slow:
        return []
    rows: list[Row] = []
    for name, label in (("cold", "4. cold / speed-ups off"), ("incremental", "4. incremental / speed-ups off")):
        seconds = results.get(name, {}).get("seconds")
        rows.append((label, f"{seconds / slow:.3f}" if seconds else NONE, "< 1", NONE))
    return rows


def memory_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Row 5: the peak memory of each build's process tree."""
    rows: list[Row] = []
    for name, label in (("cold", "5. peak memory, cold build"), ("warm", "5. peak memory, warm build"),
                        ("speedups_off", "5. peak memory, speed-ups off"),
                        ("incremental", "5. peak memory, incremental")):
        report = results.get(name, {})
        if "peak_tree_mb" in report:
            rows.append((label, f"{report['peak_tree_mb']:.0f} MB (process alone {report['maxrss_self_mb']:.0f} MB)",
                         f"< {TARGETS['peak_mb']:.0f} MB", judged(report["peak_tree_mb"], TARGETS["peak_mb"])))
    return rows


def weight_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Row 6: what a visitor downloads for the home, a listing, institution pages and one search."""
    weights = results.get("page_weights", {})
    if "home" not in weights:
        return [("6. page weights", _failure(weights), "", "")]
    rows: list[Row] = []
    for key, label, target_key in (("home", "6. home page", None),
                                   ("listing", "6. listing page (largest city)", None),
                                   ("institution_20", "6. institution, 20 reviews", "institution_20_bytes"),
                                   ("institution_500", "6. institution, 500+ reviews (heaviest page)",
                                    "institution_500_bytes")):
        weight = weights[key]
        # Judged as files, uncompressed HTML plus the CSS and JS the page links, as issue 13 counts it.
        sent = weight.get("transfer", weight["total"])
        value = (f"files {weight['total'] / KB:.1f} KB (HTML {weight['html'] / KB:.1f} KB), "
                 f"{sent / KB:.1f} KB sent")
        if "pages" in weight:
            value += f", {weight['pages']} pages"
        target = TARGETS[target_key] if target_key else None
        rows.append((label, value, f"< {target / KB:.0f} KB as files" if target else NONE,
                     judged(weight["total"], target, size_bound=False) if target else NONE))
        if key.startswith("institution") and "images_above_fold" in weight:
            images = weight["images_above_fold"]
            rows.append((f"{label}: images above the fold", f"{images / KB:.1f} KB (widest variants)",
                         f"< {TARGETS['images_above_fold_bytes'] / KB:.0f} KB",
                         judged(images, TARGETS["images_above_fold_bytes"], size_bound=False)))
    search = weights["search"]
    rows.append(("6. Pagefind payload of one search", f"{search['total'] / KB:.0f} KB (estimate)", NONE, NONE))
    rows.extend(search_rows(weights, judged, results.get("search_downloads", {})))
    return rows


def import_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Row 7: importing boto3, then each Lambda entry point measured against it."""
    imports = results.get("imports", {})
    boto3 = imports.get("boto3", {}).get("seconds")
    if not boto3:
        return []
    rows: list[Row] = [("7. import boto3", f"{boto3 * 1000:.0f} ms", NONE, NONE)]
    for name, report in imports.get("handlers", {}).items():
        label = f"7. import functions/{name}/app.py"
        if report.get("status") != "ok":
            rows.append((label, _failure(report), "", ""))
            continue
        ratio = report["seconds"] / boto3
        heavy = f", pulls in {'+'.join(report['heavy_modules'])}" if report["heavy_modules"] else ""
        # Beside the judged import: what the handler leaves to its first invocation, loaded as well.
        deferred = report.get("with_deferred_seconds")
        loaded = "all routes loaded" if name == "api" else "first invocation's imports loaded"
        later = f"; {loaded} {deferred * 1000:.0f} ms" if deferred else ""
        rows.append((label, f"{report['seconds'] * 1000:.0f} ms = {ratio:.1f}x boto3{heavy}{later}",
                     f"<= {TARGETS['import_ratio']}x", judged(ratio, TARGETS["import_ratio"], size_bound=False)))
    return rows


def cold_start_rows(results: dict[str, Any]) -> list[Row]:
    """Row 7: each API route's cold start (init plus its first request, in a fresh process) against boto3."""
    imports = results.get("imports", {})
    boto3 = imports.get("boto3", {}).get("seconds")
    if not boto3:
        return []
    rows: list[Row] = []
    for route, report in imports.get("api_routes", {}).items():
        label = f"7. API cold start, {route}"
        if report.get("status") != "ok":
            rows.append((label, _failure(report), "", ""))
            continue
        init, request = report["init_seconds"], report["request_seconds"]
        rows.append((label, f"init {init * 1000:.0f} ms + first request {request * 1000:.0f} ms ({report['answer']})"
                            f" = {(init + request) / boto3:.1f}x boto3", NONE, NONE))
    return rows


def package_rows(results: dict[str, Any], judged: Judge) -> list[Row]:
    """Row 7: each function's package with the shared layer, against Lambda's 250 MB unzipped limit."""
    packages = results.get("packages", {})
    rows: list[Row] = []
    for name, report in packages.get("functions", {}).items():
        own = f"{report['zip'] / KB:.0f} KB zip" + (" with the site" if report["includes_site"] else "")
        rows.append((f"7. package functions/{name}",
                     f"{own}, layer {packages['layer']['zip'] / MB:.1f} MB zip "
                     f"({report['with_layer_unzipped'] / MB:.0f} MB unzipped)", "< 250 MB unzipped",
                     judged(report["with_layer_unzipped"], TARGETS["package_unzipped_bytes"], size_bound=False)))
    return rows


def _spread(report: dict[str, Any]) -> str:
    runs = report.get("runs", [])
    return f" (median of {len(runs)}: {runs[0]:.2f}-{runs[-1]:.2f} s)" if len(runs) > 1 else ""


def search_rows(weights: dict[str, Any], judged: Callable[[float | None, float], str],
                downloads: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Rows 6 of the filters and search: one search's whole download, and the listings' data files."""
    rows = []
    for query, report in downloads.get("queries", {}).items():
        rows.append((f"6. search '{query}' in Chromium, all it downloads", f"{report['bytes'] / KB:.0f} KB in "
                     f"{report['requests']} requests", "< 300 KB", judged(report["bytes"], 300 * KB)))
    search = weights.get("search_all")
    if search:
        rows.append(("6. one search, all it downloads (Pagefind, scripts, names index, 75 matches' data)",
                     f"{search['total'] / KB:.0f} KB (Pagefind {search['pagefind'] / KB:.0f}, names "
                     f"{search['names_index'] / KB:.1f}, rows {search['result_rows'] / KB:.1f})", "< 300 KB",
                     judged(search["total"], 300 * KB)))
    data = weights.get("listing_data")
    if data and data.get("files"):
        rows.append(("6. listing data file (filters): largest / median",
                     f"{data['largest_bytes'] / KB:.0f} KB ({data['largest_gzip'] / KB:.0f} KB gzipped, "
                     f"{data['largest']}) / {data['median_bytes'] / KB:.1f} KB", NONE, NONE))
        if "largest_download_gzip" in data:
            rows.append(("6. most one filtered listing downloads (data.json, or manifest + largest part)",
                         f"{data['largest_download_gzip'] / KB:.0f} KB gzipped ({data['largest_download']}/, "
                         f"{data.get('parts', 0)} parts in all)", NONE, NONE))
    return rows


def _failure(report: dict[str, Any]) -> str:
    status = report.get("status", "missing")
    return f"{status}: {report['reason']}"[:150] if "reason" in report else status


def print_table(rows: list[Row], results: dict[str, Any]) -> None:
    parameters, computer = results["parameters"], results["machine"]
    print(f"\nCareer Mitra benchmark: {parameters['institutions']} institutions, {parameters['reviews']} reviews, "
          f"seed {parameters['seed']}; {computer['nproc']} cores, Python {computer['python']}, {computer['date']}")
    widths = [max(len(row[i]) for row in [("measure", "value", "target", "met?"), *rows]) for i in range(4)]
    for row in [("measure", "value", "target", "met?"), tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if "profile" in results and results["profile"].get("hotspots"):
        print("\nCold build profile (cumulative seconds):")
        for row in results["profile"]["hotspots"]:
            print(f"  {row['cumulative_s']:8.2f}  {row['own_s']:8.2f}  {row['calls']:>9}  {row['function']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate, build, publish and measure the Career Mitra site.")
    parser.add_argument("--institutions", type=int)
    parser.add_argument("--reviews", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true",
                        help="1,000 / 10,000 unless given; no speed-ups-off build, 3 import runs")
    parser.add_argument("--profile", action="store_true", help="also profile one cold build with cProfile")
    args = parser.parse_args(argv)
    default_institutions, default_reviews = QUICK_SIZE if args.quick else FULL_SIZE
    results = run(args.institutions or default_institutions, args.reviews or default_reviews, args.seed,
                  quick=args.quick, profile=args.profile)
    rows = table(results)
    results["table"] = [dict(zip(("measure", "value", "target", "met"), row, strict=True)) for row in rows]
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print_table(rows, results)
    print(f"\nWritten {RESULTS.relative_to(ROOT)} ({results['total_seconds']:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

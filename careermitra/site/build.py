"""`python -m careermitra.site.build` (`make build`): build the site, failing with a clear message on bad content.

Also the library functions the other entry points build with: a Pelican build, the SiteBuild a settings file
describes (for builds without Pelican: the rebuild, the benchmark) and "export approved reviews, then build"
(`careermitra publish` and `make dev`).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from pelican import Pelican
from pelican.log import init as init_logging

from careermitra.domain.errors import ContentError
from careermitra.site.builder.reviews_file import ApprovedReviews, write_all_reviews
from careermitra.site.builder.settings import SettingsError
from careermitra.site.builder.site_build import SiteBuild
from careermitra.site.settings import build_settings, read_pelican_settings


def build(settings_file: str, overrides: Mapping[str, object] | None = None,
          plugin_overrides: Mapping[str, object] | None = None) -> None:
    """Run the full Pelican build with the given settings file (and optional overrides)."""
    Pelican(read_pelican_settings(settings_file, overrides, plugin_overrides)).run()


def site_build_for(settings_file: str, overrides: Mapping[str, object] | None = None,
                   plugin_overrides: Mapping[str, object] | None = None) -> SiteBuild:
    """The SiteBuild a Pelican build with these settings runs (for building without Pelican)."""
    settings = read_pelican_settings(settings_file, overrides, plugin_overrides)
    return SiteBuild(build_settings(settings), Path(settings["PATH"]))


def build_with_approved_reviews(settings_file: str, output: Path, approved: ApprovedReviews,
                                overrides: Mapping[str, object] | None = None) -> int:
    """Export every approved review from the source of truth, then build the whole site with them.

    The content folder's own reviews are left out: DynamoDB holds every review moderators approved. Returns
    how many reviews were exported.
    """
    with tempfile.TemporaryDirectory(prefix="careermitra-reviews-") as folder:
        count = write_all_reviews(Path(folder), approved.all_approved())
        build(settings_file, {**(overrides or {}), "OUTPUT_PATH": str(output)}, {"reviews_path": folder})
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Career Mitra site into the output folder.")
    parser.add_argument("--settings", default="pelicanconf.py", help="pelicanconf.py or publishconf.py")
    parser.add_argument("--output", help="output folder (default: OUTPUT_PATH of the settings)")
    parser.add_argument("--content", help="content folder (default: PATH of the settings)")
    parser.add_argument("--verbose", action="store_true", help="say what the build does and how long it takes")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, fatal="errors", name="pelican")
    if args.verbose:
        logging.getLogger("careermitra").setLevel(logging.INFO)
    overrides: dict[str, object] = {}
    if args.output:
        overrides["OUTPUT_PATH"] = args.output
    if args.content:
        overrides["PATH"] = args.content
    started = time.perf_counter()
    try:
        build(args.settings, overrides)
    except (ContentError, SettingsError) as error:
        print(f"Build failed: the content has problems.\n{error}", file=sys.stderr)
        return 2
    print(f"Built the site in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

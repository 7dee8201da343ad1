"""`python -m careermitra.site.build`: build the site, failing with a clear message on bad content."""

from __future__ import annotations

import argparse
import logging
import sys
import time

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

from careermitra.domain.errors import ContentError
from careermitra.site.render import Renderer
from careermitra.site.settings import SettingsError, SiteSettings, site_settings


def build(settings_file: str, overrides: dict[str, object] | None = None) -> None:
    """Run the full Pelican build with the given settings file (and optional overrides)."""
    settings = read_settings(settings_file, override=overrides or {})
    Pelican(settings).run()


def renderer_for(settings_file: str, overrides: dict[str, object] | None = None,
                 plugin_overrides: dict[str, object] | None = None) -> tuple[Renderer, SiteSettings]:
    """The renderer and plugin settings a full build with these settings would use (for incremental builds)."""
    settings = read_settings(settings_file, override=overrides or {})
    settings["CAREERMITRA"] = {**settings["CAREERMITRA"], **(plugin_overrides or {})}
    site = site_settings(settings)
    return Renderer(settings, site), site


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

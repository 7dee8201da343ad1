"""The builder's settings read from Pelican's: `CAREERMITRA`, the theme and the few settings its templates use."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from careermitra.site.builder.settings import TEMPLATE_SETTINGS, BuildSettings, site_settings


def build_settings(settings: Mapping[str, Any]) -> BuildSettings:
    """BuildSettings from a Pelican settings dict (CAREERMITRA checked, each bad key named)."""
    return BuildSettings(
        site=site_settings(settings),
        theme=Path(settings["THEME"]),
        jinja_options=dict(settings["JINJA_ENVIRONMENT"]),
        template_settings={name: settings[name] for name in TEMPLATE_SETTINGS},
        page_folders=tuple(settings.get("PAGE_PATHS", [])),
    )


def read_pelican_settings(settings_file: str, overrides: Mapping[str, object] | None = None,
                          plugin_overrides: Mapping[str, object] | None = None) -> dict[str, Any]:
    """A settings file read as Pelican reads it (paths made absolute), with overrides and CAREERMITRA overrides."""
    settings = read_settings(settings_file, override=dict(overrides or {}))
    if plugin_overrides:
        settings["CAREERMITRA"] = {**settings["CAREERMITRA"], **plugin_overrides}
    return settings

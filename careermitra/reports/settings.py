"""The nightly analytics roll-up's settings: one model read from the environment and checked at cold start."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from careermitra.function_settings import FunctionSettings, settings_from_environment


class RollupSettings(FunctionSettings):
    """ANALYTICS_TABLE: the table of page views and of the daily totals the roll-up writes."""

    analytics_table: str = Field(min_length=3)


def load_rollup_settings(environ: Mapping[str, str] | None = None) -> RollupSettings:
    """The settings from environment variables; a FunctionSettingsError names every missing or wrong one."""
    return settings_from_environment(RollupSettings, "the analytics roll-up", environ)

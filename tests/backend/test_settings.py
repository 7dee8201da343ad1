"""The API's settings: read from the environment at cold start; a wrong one stops it, naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from careermitra.api.settings import SettingsError, load_settings


def test_the_settings_come_from_the_environment_with_the_origin_tidied_and_defaults_filled(
        settings_env: dict[str, str], content_dir: Path) -> None:
    settings = load_settings({**settings_env, "SITE_ORIGIN": "https://careermitra.in/"})

    assert settings.site_origin == "https://careermitra.in"
    assert settings.content_dir == content_dir and settings.users_table == settings_env["USERS_TABLE"]
    assert (settings.min_fill_seconds, settings.max_body_bytes, settings.mail_outbox_dir) == (3, 32_768, None)
    with pytest.raises(ValidationError, match="frozen"):
        settings.site_origin = "https://elsewhere.example"  # type: ignore[misc]


def test_numbers_and_the_outbox_folder_are_read_when_given(settings_env: dict[str, str], tmp_path: Path) -> None:
    settings = load_settings({**settings_env, "MIN_FILL_SECONDS": "0", "MAX_BODY_BYTES": "1048576",
                              "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")})

    assert (settings.min_fill_seconds, settings.max_body_bytes) == (0, 1_048_576)
    assert settings.mail_outbox_dir == tmp_path / "outbox"


def test_every_missing_variable_is_named_at_once() -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings({})

    message = str(refused.value)
    for variable in ("USERS_TABLE", "REVIEWS_TABLE", "LISTINGS_TABLE", "TICKETS_TABLE", "RATE_LIMITS_TABLE",
                     "ANALYTICS_TABLE", "REPORTS_TABLE", "SITE_ORIGIN", "SENDER_EMAIL", "GRIEVANCE_EMAIL",
                     "SESSION_SECRET_ID",
                     "ORIGIN_SECRET_ID", "CONTENT_DIR", "POLICY_VERSION"):
        assert f"{variable}: this required field is missing" in message
    assert "MIN_FILL_SECONDS" not in message and "MAIL_OUTBOX_DIR" not in message


@pytest.mark.parametrize(("variable", "value"), [
    ("USERS_TABLE", "ab"), ("SESSION_SECRET_ID", ""), ("ORIGIN_SECRET_ID", ""), ("POLICY_VERSION", ""),
    ("SITE_ORIGIN", "www.example.in"), ("SITE_ORIGIN", "ftp://example.in"),
    ("SITE_ORIGIN", "https://example.in/reviews/"),
    ("CONTENT_DIR", "/no/such/folder/of/institutions"),
    ("MIN_FILL_SECONDS", "61"), ("MIN_FILL_SECONDS", "-1"), ("MIN_FILL_SECONDS", "three"),
    ("MAX_BODY_BYTES", "1023"), ("MAX_BODY_BYTES", "2000000"),
])
def test_a_wrong_value_is_named_by_its_variable_and_never_quoted(settings_env: dict[str, str], variable: str,
                                                                 value: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings({**settings_env, variable: value})

    message = str(refused.value)
    assert message.startswith(f"the API cannot start: {variable}: ") and ";" not in message
    assert not value or value not in message


def test_every_function_reads_its_settings_the_same_way_and_names_what_is_wrong(tmp_path: Path) -> None:
    from careermitra.function_settings import FunctionSettingsError
    from careermitra.rebuild.settings import load_rebuild_settings
    from careermitra.reports.settings import load_rollup_settings

    with pytest.raises(FunctionSettingsError) as rollup:
        load_rollup_settings({"ANALYTICS_TABLE": "ab"})
    with pytest.raises(FunctionSettingsError) as rebuild:
        load_rebuild_settings({"SITE_ROOT": str(tmp_path), "SITE_BUCKET": "site"})

    assert str(rollup.value).startswith("the analytics roll-up cannot start: ANALYTICS_TABLE: ")
    assert str(rebuild.value) == "the rebuild cannot start: REVIEWS_TABLE: this required field is missing"
    assert load_rollup_settings({"ANALYTICS_TABLE": "test-AnalyticsTable"}).analytics_table == "test-AnalyticsTable"

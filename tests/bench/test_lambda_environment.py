"""The benchmark imports each handler with the environment its own function has in template.yaml."""

from __future__ import annotations

from bench.lambdas import FUNCTIONS, handler_folders, lambda_environment
from careermitra.rebuild.settings import load_rebuild_settings


def test_the_rebuild_gets_its_own_settings_not_the_apis() -> None:
    # The rebuild is packaged from the repository root and ignores the Globals' environment
    environment = lambda_environment(FUNCTIONS / "rebuild")
    settings = load_rebuild_settings(environment)  # what its import checks at cold start
    assert settings.site_bucket and settings.state_bucket and settings.site_settings == "publishconf.py"
    assert "USERS_TABLE" not in environment and environment["POWERTOOLS_SERVICE_NAME"] == "careermitra-rebuild"


def test_every_handler_folder_has_its_template_function() -> None:
    services = {folder.name: lambda_environment(folder).get("POWERTOOLS_SERVICE_NAME") for folder in handler_folders()}
    assert services["api"] == "careermitra-api" and services["full_build_shard"] == "careermitra-full-build"

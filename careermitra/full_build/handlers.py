"""The full build's three Lambda handlers, one per step of the state machine (functions/full_build_*/app.py
name theirs): each a thin call of `FullBuildService` with the step's event.

Each function imports this module in its own runtime, so the settings are read (and a wrong one stops the cold
start) and the service made once per container, as for the other functions.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from careermitra.full_build.service import FullBuildService
from careermitra.full_build.settings import load_full_build_settings

logger = Logger()  # the service name is POWERTOOLS_SERVICE_NAME, from template.yaml
settings = load_full_build_settings()  # a missing or wrong setting stops the cold start here


@cache
def service() -> FullBuildService:
    return FullBuildService(settings)


@logger.inject_lambda_context(log_event=False)
def plan(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """The institutions cut into shards, the manifest written."""
    return service().plan(event)


@logger.inject_lambda_context(log_event=False)
def shard(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """One shard of institutions rendered into the site bucket."""
    return service().shard(event)


@logger.inject_lambda_context(log_event=False)
def finish(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """The pages that span shards, search, the index."""
    return service().finish(event)

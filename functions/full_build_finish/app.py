"""Lambda entry point for the full build's finish step: the pages that span shards, search, the index."""

from __future__ import annotations

from functools import cache

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
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return service().finish(event)

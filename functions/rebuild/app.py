"""Lambda entry point for the rebuild: the reviews table's stream in, changed pages published."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger

from careermitra.rebuild.settings import load_rebuild_settings
from careermitra.rebuild.stream import process_batch

if TYPE_CHECKING:
    from careermitra.rebuild.service import RebuildService

logger = Logger()  # the service name is POWERTOOLS_SERVICE_NAME, from template.yaml
settings = load_rebuild_settings()  # a missing or wrong setting still stops the cold start here


@cache
def service() -> RebuildService:
    """The rebuild's parts, made on the first invocation and kept for the container's life.

    They need Pelican, Jinja and the site code, so the first stream batch after a cold start pays for those
    imports instead of the import of this module: fine for a stream consumer that no user waits on.
    """
    from careermitra.rebuild.service import RebuildService

    return RebuildService(settings)


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict, context: object) -> dict:
    return process_batch(event.get("Records", []), service().publish)

"""Lambda entry point for the rebuild: the reviews table's stream in, changed pages published."""

from aws_lambda_powertools import Logger

from careermitra.rebuild.service import RebuildService
from careermitra.rebuild.settings import load_rebuild_settings
from careermitra.rebuild.stream import process_batch

logger = Logger(service="rebuild")
service = RebuildService(load_rebuild_settings())


@logger.inject_lambda_context(log_event=False)
def lambda_handler(event: dict, context: object) -> dict:
    return process_batch(event.get("Records", []), service.publish)

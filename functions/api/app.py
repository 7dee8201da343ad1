"""Lambda entry point for the API: decorators and app.resolve; everything else is in careermitra.api."""

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from careermitra.api.app import app
from careermitra.api.observability import logger, metrics, traced


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, log_event=False)
@traced  # the X-Ray SDK loads on the first invocation; why traces stay whole: observability.tracer
@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    response = app.resolve(event, context)
    # The route's template and the status only: paths, query strings and bodies can carry personal data.
    logger.info("answered", extra={"route": event.get("resource"), "method": event.get("httpMethod"),
                                   "status": response["statusCode"]})
    return response

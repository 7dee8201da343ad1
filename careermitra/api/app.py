"""The API's resolver: every route of careermitra.api.routes, one place that turns refusals into answers.

Importing this module loads Powertools and the settings check only: each route's module (with pydantic, the
stores and the workflows) is imported on that route's first request, and the AWS clients are made then too.
"""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import APIGatewayRestResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers

from careermitra.api.answers import refused
from careermitra.api.observability import count, logger
from careermitra.api.requests import answers_with_redirect, origin_header_problem, refuse_foreign_origin
from careermitra.api.routes import ROUTES, Route, RouteFunction, function_of
from careermitra.api.settings import settings
from careermitra.domain.problems import Forbidden, NotFound, Problem, Unavailable

# The form each route serves, to send a refused form post to the right error page.
FORM_OF_PATH = {route.path: route.form for route in ROUTES if route.form}
UNAVAILABLE = Unavailable("Something went wrong on our side; please try again in a minute.")
NOT_THROUGH_SITE = "Requests must come through the Career Mitra site."

config = settings()  # a missing or wrong setting stops the cold start here, with the variable's name
# Library modules log through `logging`; give them the same JSON format (and the same rule: no personal data).
copy_config_to_registered_loggers(source_logger=logger, include={"careermitra"})

app = APIGatewayRestResolver(cors=CORSConfig(allow_origin=config.site_origin, allow_headers=["Content-Type"],
                                             max_age=600, allow_credentials=True))


def through_cloudfront(app: APIGatewayRestResolver, next_middleware):
    """Only CloudFront knows the origin secret: without it, a request reached the execute-api URL directly and
    could carry a forged CloudFront-Viewer-Address (the key of the per-IP limits), so no route runs for it."""
    from careermitra.api.services import origin_secret  # boto3 loads on the first request, not at cold start

    problem = origin_header_problem(app.current_event, origin_secret())
    if problem:
        # Whether the header was missing or wrong, never its value.
        logger.warning("request not through CloudFront", extra={"origin_header": problem})
        count("NotThroughCloudFront")
        raise Forbidden(NOT_THROUGH_SITE)
    return next_middleware(app)


def same_origin_posts(app: APIGatewayRestResolver, next_middleware):
    """Every state-changing request must come from the site itself (the cookie is SameSite=Lax as well)."""
    if app.current_event.http_method == "POST":
        refuse_foreign_origin(app.current_event, config.site_origin)
    return next_middleware(app)


def answering(route: Route) -> RouteFunction:
    """What the resolver calls for `route`: its function, imported on the first request, given the event."""

    def answer(**path_parameters: str) -> Response:
        return function_of(route)(app.current_event, **path_parameters)

    return answer


app.use(middlewares=[through_cloudfront, same_origin_posts])
for route in ROUTES:
    app.route(route.path, route.method)(answering(route))


def _form_and_redirect() -> tuple[str | None, bool]:
    event = app.current_event
    return FORM_OF_PATH.get(event.path), answers_with_redirect(event)


@app.exception_handler(Problem)
def answer_problem(problem: Problem) -> Response:
    """Every refusal of every route: the JSON error shape, or a 303 to the site's error page for a form post."""
    logger.info("request refused", extra={"code": problem.code, "fields": sorted(problem.fields)})
    count(f"Refused_{problem.code}")
    return refused(problem, *_form_and_redirect())


@app.not_found
def answer_not_found(_: NotFoundError) -> Response:
    count("NotFound")
    return refused(NotFound("There is no such address in the API."), None, False)


@app.exception_handler(Exception)
def answer_failure(error: Exception) -> Response:
    """An unexpected failure: logged by type only (messages can quote personal data), counted, answered as 500."""
    logger.error("unhandled error", extra={"error_type": type(error).__name__})
    count("UnhandledError")
    return refused(UNAVAILABLE, *_form_and_redirect())

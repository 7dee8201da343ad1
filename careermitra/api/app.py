"""The API's resolver: routes from careermitra.api.routes, one place that turns refusals into answers."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import APIGatewayRestResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers

from careermitra.api.answers import refused
from careermitra.api.observability import count, logger
from careermitra.api.requests import answers_with_redirect, refuse_foreign_origin
from careermitra.api.routes import accounts, analytics, contact, listings, policy, privacy, reviews
from careermitra.api.services import settings
from careermitra.domain.problems import NotFound, Problem, Unavailable

# The form each route serves, to send a refused form post to the right error page.
FORM_OF_PATH = {"/api/register": "register", "/api/reviews": "review", "/api/listings": "listing",
                "/api/contact": "contact", "/api/privacy-requests": "privacy", "/api/policy-consent": "policy",
                "/api/consent": "consent"}
UNAVAILABLE = Unavailable("Something went wrong on our side; please try again in a minute.")

config = settings()  # a missing or wrong setting stops the cold start here, with the variable's name
# Library modules log through `logging`; give them the same JSON format (and the same rule: no personal data).
copy_config_to_registered_loggers(source_logger=logger, include={"careermitra"})

app = APIGatewayRestResolver(cors=CORSConfig(allow_origin=config.site_origin, allow_headers=["Content-Type"],
                                             max_age=600, allow_credentials=True))


def same_origin_posts(app: APIGatewayRestResolver, next_middleware):
    """Every state-changing request must come from the site itself (the cookie is SameSite=Lax as well)."""
    if app.current_event.http_method == "POST":
        refuse_foreign_origin(app.current_event, config.site_origin)
    return next_middleware(app)


app.use(middlewares=[same_origin_posts])
for area in (accounts, reviews, listings, contact, privacy, policy, analytics):
    app.include_router(area.router)


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

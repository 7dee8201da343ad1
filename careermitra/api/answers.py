"""The two ways the API answers: JSON for scripts, a 303 to a page of the site for a form posted without script."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.shared.cookies import Cookie

from careermitra.api.form_specs import FormSpec
from careermitra.domain.problems import Problem, RateLimited

# The site's page for each kind of refusal: /form-error/<code>/?form=review&fields=title,body
ERROR_PAGE = "/form-error/{code}/"
STATUS_OF = {
    "bad_request": 400, "not_signed_in": 401, "forbidden": 403, "policy_not_accepted": 403, "not_found": 404,
    "duplicate": 409, "too_large": 413, "unsupported_media_type": 415, "invalid": 422, "rate_limited": 429,
    "internal": 500,
}
NO_STORE = {"Cache-Control": "no-store"}


def json_answer(status: int, body: dict[str, Any], headers: dict[str, str] | None = None,
                cookies: list[Cookie] | None = None) -> Response[Any]:
    return Response(status_code=status, content_type="application/json", body=json.dumps(body),
                    headers={**NO_STORE, **(headers or {})}, cookies=cookies)


def see_other(location: str, cookies: list[Cookie] | None = None) -> Response[Any]:
    return Response(status_code=303, headers={**NO_STORE, "Location": location}, body="", cookies=cookies)


def accepted(form: FormSpec, body: dict[str, Any], redirect: bool, page_query: dict[str, str] | None = None,
             cookies: list[Cookie] | None = None, status: int = 202) -> Response[Any]:
    """202 (or `status`) with the JSON body, or a 303 to the form's result page."""
    if redirect:
        query = f"?{urlencode(page_query)}" if page_query else ""
        return see_other(form.done_page + query, cookies)
    return json_answer(status, body, cookies=cookies)


def refused(problem: Problem, form: FormSpec | None, redirect: bool) -> Response[Any]:
    """The error shape of DESIGN.md, or a 303 to the site's page for this kind of error naming the fields."""
    headers = {"Retry-After": str(problem.retry_after)} if isinstance(problem, RateLimited) else {}
    if redirect and form:
        query = {"form": form.name, **({"fields": ",".join(problem.fields)} if problem.fields else {})}
        page = ERROR_PAGE.format(code=problem.code.replace("_", "-"))
        return Response(status_code=303, headers={**NO_STORE, **headers, "Location": f"{page}?{urlencode(query)}"},
                        body="")
    error = {"code": problem.code, "message": problem.message, "fields": problem.fields}
    return json_answer(STATUS_OF[problem.code], {"error": error}, headers)

"""The two ways the API answers: JSON for scripts, a 303 to a page of the site for a form posted without script."""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlencode, urlsplit

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.shared.cookies import Cookie

from careermitra.api.form_specs import FormSpec
from careermitra.domain.problems import Problem, RateLimited
from careermitra.domain.return_path import safe_return_path
from careermitra.i18n import DEFAULT_LANGUAGE, N_, Language, gettext, localized_url

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


def refused(problem: Problem, form: FormSpec | None, redirect: bool, back: str | None = None,
            lang: Language = DEFAULT_LANGUAGE) -> Response[Any]:
    """The error shape of DESIGN.md, its words in `lang`; for a form posted without script, a page listing the
    fields to fix with a link `back` to the form (invalid fields), or a 303 to the site's page for this kind of
    error, in `lang`."""
    headers = {"Retry-After": str(problem.retry_after)} if isinstance(problem, RateLimited) else {}
    if redirect and form and problem.code == "invalid" and problem.fields:
        return fields_to_fix_page(problem, back or localized_url(FORM_PAGES.get(form.name, "/"), lang), lang)
    if redirect and form:
        query = {"form": form.name, **({"fields": ",".join(problem.fields)} if problem.fields else {})}
        page = localized_url(ERROR_PAGE.format(code=problem.code.replace("_", "-")), lang)
        return Response(status_code=303, headers={**NO_STORE, **headers, "Location": f"{page}?{urlencode(query)}"},
                        body="")
    error = {"code": problem.code, "message": problem.message_in(lang), "fields": problem.fields_in(lang)}
    return json_answer(STATUS_OF[problem.code], {"error": error}, headers)


# Where each form is, for the link back when the browser sent no usable Referer (the review form is on every
# institution's page: the list of institutions leads back to it).
FORM_PAGES = {"register": "/account/register/", "sign_in": "/sign-in/", "review": "/institutions/",
              "listing": "/listings/new/", "contact": "/contact/", "privacy": "/privacy/request/",
              "policy": "/account/accept-policy/"}
FIELDS_PAGE = """<!doctype html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title} · Career Mitra</title>
<link rel="stylesheet" href="/theme/css/site.css">
</head>
<body>
<main id="main" class="wrap">
<article class="prose message">
<h1>{title}</h1>
<p>{fix_these}</p>
<ul class="fields-to-fix">
{items}
</ul>
<p><a href="{back}">{go_back}</a>. {back_button}</p>
</article>
</main>
</body>
</html>
"""
FIELDS_PAGE_TEXT = {"title": N_("Some answers need another look"),
                    "fix_these": N_("Nothing was saved. Fix these, then send the form again:"),
                    "go_back": N_("Go back to the form"),
                    "back_button": N_("Your browser's Back button keeps what you typed.")}


def back_to_form(referer: str | None, site_origin: str) -> str | None:
    """The page the form was sent from, when the browser said so and it is a page of this site."""
    if not referer:
        return None
    parts = urlsplit(referer)
    if f"{parts.scheme}://{parts.netloc}" != site_origin:
        return None
    return safe_return_path(parts.path + (f"?{parts.query}" if parts.query else ""))


def fields_to_fix_page(problem: Problem, back: str, lang: Language = DEFAULT_LANGUAGE) -> Response[Any]:
    """A form posted without script that needs fixing: the catalogue's message for each field, and the way back
    (a static page cannot read which fields those were without script), in `lang`."""
    items = "\n".join(f"<li>{html.escape(why)}</li>" for why in problem.fields_in(lang).values())
    words = {name: html.escape(gettext(lang, text)) for name, text in FIELDS_PAGE_TEXT.items()}
    page = FIELDS_PAGE.format(items=items, back=html.escape(back, quote=True), html_lang=lang.html_lang, **words)
    return Response(status_code=422, content_type="text/html; charset=utf-8", body=page, headers=NO_STORE)

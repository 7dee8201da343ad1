"""The resolver serves every path of DESIGN.md's HTTP API from the areas' Routers, and the OpenAPI document
Powertools generates from them lists every route with the schema of its body."""

from __future__ import annotations

from typing import Any

import pytest

# DESIGN.md's HTTP API, plus the fill-time token the forms' script fetches and the consent choice.
EXPECTED_ROUTES = {
    ("POST", "/api/register"), ("GET", "/api/verify"), ("GET", "/api/session"), ("POST", "/api/logout"),
    ("GET", "/api/form-token"), ("POST", "/api/reviews"), ("POST", "/api/listings"), ("POST", "/api/contact"),
    ("POST", "/api/privacy-requests"), ("GET", "/api/privacy-requests/confirm"),
    ("POST", "/api/privacy-requests/confirm"), ("POST", "/api/policy-consent"), ("POST", "/api/consent"),
    ("POST", "/api/events"), ("POST", "/api/sign-in"), ("GET", "/api/account/reviews"),
    ("POST", "/api/reviews/<review_id>/withdraw"),
    # issue 14, trust
    ("POST", "/api/reports"), ("POST", "/api/replies"), ("POST", "/api/address-confirmations"),
    ("GET", "/api/confirm-address"),
}
# The body each posting route validates, by the name of its model in the document's components.
BODY_MODELS = {
    "/api/register": "Registration", "/api/reviews": "ReviewSubmission", "/api/contact": "ContactMessage",
    "/api/privacy-requests": "PrivacyRequest", "/api/policy-consent": "PolicyAcceptance",
    "/api/consent": "ConsentChoice", "/api/events": "PageViewBeacon", "/api/sign-in": "SignInRequest",
    "/api/reports": "ReportSubmission", "/api/replies": "ReplySubmission",
    "/api/address-confirmations": "AddressConfirmation",
}
# "Your account" (issue 15, the DPDP duties): correction, nomination, deletion.
EXPECTED_ROUTES |= {("GET", "/api/account/details"), ("POST", "/api/account/details"),
                    ("POST", "/api/account/nominee"), ("POST", "/api/account/nominee/withdraw"),
                    ("POST", "/api/account/delete")}
BODY_MODELS |= {"/api/account/details": "DetailsCorrection", "/api/account/nominee": "Nomination",
                "/api/account/delete": "AccountDeletion"}


def test_every_route_of_the_api_is_registered_once_from_its_area_s_router(settings_env: dict[str, str],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in settings_env.items():
        monkeypatch.setenv(name, value)
    from careermitra.api.app import app
    from careermitra.api.routes import ROUTERS

    registered = [(route.method, route.path) for route in app._static_routes + app._dynamic_routes]
    from_routers = [(method, rule) for router in ROUTERS for rule, methods, *_ in router._routes for method in methods]

    assert sorted(registered) == sorted(EXPECTED_ROUTES) == sorted(from_routers)


def test_the_openapi_document_lists_every_route(openapi: dict[str, Any]) -> None:
    documented = {(method.upper(), path.replace("{", "<").replace("}", ">"))
                  for path, operations in openapi["paths"].items() for method in operations}

    assert documented == EXPECTED_ROUTES


@pytest.mark.parametrize(("path", "model"), sorted(BODY_MODELS.items()))
def test_the_openapi_document_gives_each_body_its_model_s_schema(openapi: dict[str, Any], path: str,
                                                                  model: str) -> None:
    from careermitra.api.form_specs import FORM_AT_PATH, ConsentChoice
    from careermitra.domain.analytics import PageViewBeacon

    body = openapi["paths"][path]["post"]["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == {"$ref": f"#/components/schemas/{model}"}
    declared = FORM_AT_PATH[path].model if path in FORM_AT_PATH else PageViewBeacon
    assert declared is not None and declared.__name__ == model and (declared is not ConsentChoice or
                                                                    path == "/api/consent")
    assert set(openapi["components"]["schemas"][model]["properties"]) == set(declared.model_fields)


def test_the_listing_body_is_documented_as_its_model_and_the_queries_as_parameters(openapi: dict[str, Any]) -> None:
    listing = openapi["paths"]["/api/listings"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert listing == {"$ref": "#/components/schemas/InstitutionProposal"}
    proposal = openapi["components"]["schemas"]["InstitutionProposal"]
    # The editors' facts of an institution, without the slug (it comes from the name)
    assert {"name", "type", "city", "state", "courses", "contact", "description"} <= set(proposal["required"])
    assert "slug" not in proposal["properties"] and proposal["additionalProperties"] is False
    for path, names in (("/api/verify", ["token", "lang"]), ("/api/form-token", ["form", "renew"]),
                        ("/api/privacy-requests/confirm", ["token", "lang"]),
                        ("/api/confirm-address", ["token", "lang"])):
        parameters = openapi["paths"][path]["get"]["parameters"]
        assert [(parameter["name"], parameter["in"]) for parameter in parameters] == [
            (name, "query") for name in names]


def test_the_site_s_gates_run_before_powertools_validation(settings_env: dict[str, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Powertools validates before any middleware; the gates ride on its validation middleware instead."""
    for name, value in settings_env.items():
        monkeypatch.setenv(name, value)
    from careermitra.api.app import app
    from careermitra.api.validation import GatedRequestValidation

    assert isinstance(app._request_validation_middleware, GatedRequestValidation)
    assert app._enable_validation is True

"""'Your account' for a signed-in person: see and correct their details, name a nominee, delete the account
with one button (DPDP Act 2023 ss.6(4), 11-14). Other account routes (sign-in, reviews) live beside it."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body

from careermitra.api.answers import accepted, json_answer
from careermitra.api.documented import (
    AccountErased,
    AccountView,
    DetailsSaved,
    NomineeSaved,
    NomineeWithdrawn,
    answers,
    form_answers,
)
from careermitra.api.form_specs import FORMS, ButtonPress
from careermitra.api.guard import enforce_limits
from careermitra.api.observability import count
from careermitra.api.requests import answers_with_redirect, request_of
from careermitra.api.routes.privacy import privacy_requests_of
from careermitra.api.services import services
from careermitra.api.session_cookie import cleared_session_cookie, session_id_from
from careermitra.api.signed_in import sender, signed_in_user
from careermitra.domain.account_rights import AccountDeletion, DetailsCorrection, Nomination
from careermitra.domain.user import User
from careermitra.workflows.account_rights import correct_details, nominate, withdraw_nomination

router = Router()
DETAILS = FORMS["details"]
NOMINEE = FORMS["nominee"]
WITHDRAW = FORMS["nominee-withdraw"]
DELETE = FORMS["delete-account"]


def account_view(user: User) -> dict[str, Any]:
    """What 'Your account' shows its owner (never cached: it holds their email and phone)."""
    return {"name": user.name, "email": user.email, "phone": user.phone, "city": user.city,
            "adult_confirmed": user.adult_confirmed_at is not None,
            "nominee": {"name": user.nominee.name, "email": user.nominee.email,
                        "nominated_at": user.nominee.nominated_at.isoformat()} if user.nominee else None,
            "history": [change.model_dump(mode="json") for change in user.history]}


@router.get(DETAILS.path, summary="The signed-in person's details, nominee and account history",
            responses=answers(200, AccountView, 401))
def show_details() -> Response[Any]:
    svc = services()
    user = signed_in_user(request_of(router), svc)
    count("AccountDetailsShown")
    return json_answer(200, account_view(user))


@router.post(DETAILS.path, summary="Correct one's name, phone and city",
             responses=form_answers(DETAILS, 200, DetailsSaved))
def correct(correction: Annotated[DetailsCorrection, Body()]) -> Response[Any]:
    """Store the corrections (each recorded in the account's history) and mail the account's address."""
    svc = services()
    event = request_of(router)
    user = sender(router)
    enforce_limits(DETAILS.limits_per("user"), user.id, svc)
    changed = correct_details(svc.accounts.users, svc.mailer, user, correction, svc.clock())
    count("DetailsCorrected" if changed else "DetailsUnchanged")
    return accepted(DETAILS, {"status": "saved", "changed": changed}, answers_with_redirect(event), status=200)


@router.post(NOMINEE.path, summary="Name the person who may exercise one's rights on death or incapacity",
             responses=form_answers(NOMINEE, 200, NomineeSaved))
def name_nominee(nomination: Annotated[Nomination, Body()]) -> Response[Any]:
    svc = services()
    event = request_of(router)
    user = sender(router)
    enforce_limits(NOMINEE.limits_per("user"), user.id, svc)
    nominate(svc.accounts.users, svc.mailer, user, nomination, svc.clock())
    count("NomineeNamed")
    return accepted(NOMINEE, {"status": "saved"}, answers_with_redirect(event), status=200)


@router.post(WITHDRAW.path, summary="Withdraw one's nomination",
             responses=form_answers(WITHDRAW, 200, NomineeWithdrawn))
def withdraw_nominee(button: Annotated[ButtonPress, Body()]) -> Response[Any]:
    svc = services()
    event = request_of(router)
    withdraw_nomination(svc.accounts.users, sender(router), svc.clock())
    count("NomineeWithdrawn")
    return accepted(WITHDRAW, {"status": "withdrawn"}, answers_with_redirect(event), status=200)


@router.post(DELETE.path, summary="Delete one's account (signed in, after the confirmation step)",
             responses=form_answers(DELETE, 200, AccountErased))
def delete_account(deletion: Annotated[AccountDeletion, Body()]) -> Response[Any]:
    """The same erasure as a confirmed emailed request, at once: withdrawing is as easy as registering."""
    svc = services()
    event = request_of(router)
    user = sender(router)
    privacy_requests_of(svc).erase(user, deletion.reviews)
    session_id = session_id_from(event, svc.key)
    if session_id:
        svc.accounts.sessions.end_session(session_id)
    count("AccountDeleted")
    return accepted(DELETE, {"status": "erased"}, answers_with_redirect(event), status=200,
                    cookies=[cleared_session_cookie()])

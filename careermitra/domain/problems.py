"""Why a submission is refused: one exception per kind, each with a stable code the API and the forms share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careermitra.domain.errors import field_name
from careermitra.domain.form_messages import field_message

if TYPE_CHECKING:  # types only: the API's cold start imports this module without pydantic (issue 7)
    from pydantic import BaseModel, ValidationError


class Problem(Exception):
    """A request that cannot be carried out as sent; `code` names the kind, `fields` says what to fix."""

    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class BadRequest(Problem):
    code = "bad_request"


class InvalidInput(Problem):
    code = "invalid"

    @classmethod
    def from_validation(cls, error: ValidationError, fields: dict[str, str] | None = None,
                        model: type[BaseModel] | None = None) -> InvalidInput:
        """Name every field pydantic refused, in the words of the form messages' catalogue (never the input)."""
        found: dict[str, str] = {}
        for item in error.errors():
            found.setdefault(field_name(tuple(item["loc"])), field_message(item, model))
        found.update(fields or {})
        return cls("Some fields need fixing.", {name or "body": why for name, why in found.items()})


class NotSignedIn(Problem):
    code = "not_signed_in"


class Forbidden(Problem):
    code = "forbidden"


class PolicyNotAccepted(Problem):
    """The privacy policy changed since the signed-in user last accepted it: they accept the new version first."""

    code = "policy_not_accepted"


class NotFound(Problem):
    code = "not_found"


class Duplicate(Problem):
    code = "duplicate"


class TooLarge(Problem):
    code = "too_large"


class UnsupportedMediaType(Problem):
    code = "unsupported_media_type"


class RateLimited(Problem):
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class Unavailable(Problem):
    """Our failure, not the sender's: answered as 500 and logged."""

    code = "internal"

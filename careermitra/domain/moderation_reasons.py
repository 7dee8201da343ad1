"""The fixed list of reasons a moderator may reject or remove a review for, and the one reason to keep a reported
review. The `careermitra` command accepts only these codes; the "How reviews work" page lists them from here.

The same rules apply to one star and to five: none of them is about the rating or whether the review praises or
criticises the institution.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from careermitra.domain.problems import InvalidInput


class ReasonCode(StrEnum):
    """Why a review is refused (rejected before publication, or removed after it)."""

    PERSONAL_DATA = "personal-data"
    ABUSE = "abuse"
    CONFLICT_OF_INTEREST = "conflict-of-interest"
    NOT_FIRST_HAND = "not-first-hand"
    OFF_TOPIC = "off-topic"
    ADVERTISING = "advertising"
    DUPLICATE = "duplicate"
    UNLAWFUL = "unlawful"


# A reported review a moderator keeps: it breaks none of the rules above.
KEEP_CODE = "no-rule-broken"


@dataclass(frozen=True)
class Reason:
    code: str
    title: str
    explanation: str  # what the author is told, and what the policy page says


REASONS: tuple[Reason, ...] = (
    Reason(ReasonCode.PERSONAL_DATA, "Personal details",
           "It names or identifies a private person (a student, a teacher by name with an accusation, anyone's "
           "phone number, email or address)."),
    Reason(ReasonCode.ABUSE, "Abuse",
           "It insults, threatens or demeans someone, or attacks a group for who they are."),
    Reason(ReasonCode.CONFLICT_OF_INTEREST, "Conflict of interest",
           "It was written by someone who works for, is paid by or received something from the institution or a "
           "competitor of it, or for a reward."),
    Reason(ReasonCode.NOT_FIRST_HAND, "Not first-hand",
           "It is not about the author's own time at the institution (hearsay, or about a place they did not "
           "study at)."),
    Reason(ReasonCode.OFF_TOPIC, "Off topic",
           "It is not about studying at the institution (politics, other institutions, the site itself)."),
    Reason(ReasonCode.ADVERTISING, "Advertising or links",
           "It promotes a product, a coaching service or another site, or carries links."),
    Reason(ReasonCode.DUPLICATE, "Duplicate",
           "The same person reviewed the same institution already, or the text is copied from elsewhere."),
    Reason(ReasonCode.UNLAWFUL, "Unlawful",
           "It breaks the law in India, for example by stating as fact a crime nobody has been found guilty of."),
)
REASON_BY_CODE: dict[str, Reason] = {reason.code: reason for reason in REASONS}
KEEP_REASON = Reason(KEEP_CODE, "No rule broken", "The review breaks none of the rules, so it stays up.")


def reason_for(code: str, keeping: bool = False) -> Reason:
    """The reason of a code; anything else is refused, naming the codes that exist."""
    code = code.strip().lower()
    if keeping:
        if code != KEEP_CODE:
            raise InvalidInput(f"A kept review's reason is {KEEP_CODE!r}.", {"reason": f"use {KEEP_CODE}"})
        return KEEP_REASON
    if code not in REASON_BY_CODE:
        codes = ", ".join(REASON_BY_CODE)
        raise InvalidInput(f"{code!r} is not one of the reasons of our code of practice: {codes}.",
                           {"reason": f"one of {codes}"})
    return REASON_BY_CODE[code]

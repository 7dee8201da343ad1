"""The fixed list of reasons a moderator may reject or remove a review for, and the one reason to keep a reported
review. The `careermitra` command accepts only these codes; the "How reviews work" page lists them from here.

The same rules apply to one star and to five: none of them is about the rating or whether the review praises or
criticises the institution.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from careermitra.domain.problems import InvalidInput
from careermitra.i18n import Language, gettext


def _(text: str) -> str:
    """Marks a reason's words for the catalogue (`make translations`); they stay English here, because the
    command, the records and the author's mail use them as they are, and `Reason.in_language` translates them."""
    return text


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

    def in_language(self, lang: Language) -> Reason:
        """The same reason with its title and explanation in `lang` (the code stays), for a page in `lang`."""
        return Reason(self.code, gettext(lang, self.title), gettext(lang, self.explanation))


REASONS: tuple[Reason, ...] = (
    Reason(ReasonCode.PERSONAL_DATA, _("Personal details"),
           _("It names or identifies a private person (a student, a teacher by name with an accusation, anyone's "
            "phone number, email or address).")),
    Reason(ReasonCode.ABUSE, _("Abuse"),
           _("It insults, threatens or demeans someone, or attacks a group for who they are.")),
    Reason(ReasonCode.CONFLICT_OF_INTEREST, _("Conflict of interest"),
           _("It was written by someone who works for, is paid by or received something from the institution or a "
            "competitor of it, or for a reward.")),
    Reason(ReasonCode.NOT_FIRST_HAND, _("Not first-hand"),
           _("It is not about the author's own time at the institution (hearsay, or about a place they did not "
            "study at).")),
    Reason(ReasonCode.OFF_TOPIC, _("Off topic"),
           _("It is not about studying at the institution (politics, other institutions, the site itself).")),
    Reason(ReasonCode.ADVERTISING, _("Advertising or links"),
           _("It promotes a product, a coaching service or another site, or carries links.")),
    Reason(ReasonCode.DUPLICATE, _("Duplicate"),
           _("The same person reviewed the same institution already, or the text is copied from elsewhere.")),
    Reason(ReasonCode.UNLAWFUL, _("Unlawful"),
           _("It breaks the law in India, for example by stating as fact a crime nobody has been found guilty of.")),
)
REASON_BY_CODE: dict[str, Reason] = {reason.code: reason for reason in REASONS}
KEEP_REASON = Reason(KEEP_CODE, _("No rule broken"), _("The review breaks none of the rules, so it stays up."))


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

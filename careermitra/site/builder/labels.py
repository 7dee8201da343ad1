"""The words the pages print for the domain's values (an ownership, a course's level, a review's badge), in the
page's language: the domain keeps its English labels for the API and the feed; the pages translate these."""

from __future__ import annotations

from careermitra.domain.facts import Ownership
from careermitra.domain.institution import CourseLevel
from careermitra.i18n import Msg

OWNERSHIP_LABELS: dict[Ownership, Msg] = {
    Ownership.CENTRAL: Msg("Central"),
    Ownership.STATE: Msg("State"),
    Ownership.DEEMED: Msg("Deemed to be university"),
    Ownership.PRIVATE: Msg("Private"),
    Ownership.GOVERNMENT_AIDED: Msg("Government-aided"),
    Ownership.GOVERNMENT: Msg("Government"),
}

LEVEL_LABELS: dict[CourseLevel, Msg] = {
    CourseLevel.SCHOOL: Msg("School"),
    CourseLevel.CERTIFICATE: Msg("Certificate"),
    CourseLevel.DIPLOMA: Msg("Diploma"),
    CourseLevel.UNDERGRADUATE: Msg("Undergraduate"),
    CourseLevel.POSTGRADUATE: Msg("Postgraduate"),
    CourseLevel.DOCTORAL: Msg("Doctoral"),
    CourseLevel.COACHING: Msg("Coaching"),
}

# PublishedReview.badge's English words -> the page's words.
BADGE_LABELS: dict[str, Msg] = {"Verified student": Msg("Verified student"),
                                "Verified alumnus": Msg("Verified alumnus")}


def label(value: Ownership | CourseLevel | str) -> Msg:
    """The page's word for an ownership, a course level or a review's badge (translated when rendered)."""
    if isinstance(value, Ownership):
        return OWNERSHIP_LABELS[value]
    if isinstance(value, CourseLevel):
        return LEVEL_LABELS[value]
    return BADGE_LABELS[value]


# Admission categories (facts.CATEGORIES): the abbreviations (EWS, OBC-NCL, SC, ST) read the same in Hindi.
CATEGORY_LABELS: dict[str, Msg] = {"General": Msg("General"), "General-PwD": Msg("General-PwD"),
                                   "State quota": Msg("State quota"), "Management quota": Msg("Management quota")}


def category(value: str) -> Msg | str:
    """The page's word for an admission category."""
    return CATEGORY_LABELS.get(value, value)

# pelicanconf's SITE_TAGLINE, found here by `make translations` so that base.html's _(SITE_TAGLINE) has its Hindi.
SITE_TAGLINE = Msg("Honest reviews of Indian colleges, universities, schools and coaching institutes")

"""What people type, turned into words the search index holds.

Pagefind matches the words of a record and their beginnings. A record carries, besides the name, place and
courses, only their abbreviations (`search_words`: 'btech' for B.Tech, 'DIT' for Deccan Institute of Technology).
Everything else people type is rewritten in the browser before Pagefind runs, from the names index
(`names_index`, /search/names.json): other and Hindi names of cities and states (Bangalore -> bengaluru,
पुणे -> pune), Hindi names of types and courses, and course families (engineering -> btech, mtech), each
searched as well as the words typed; and a word one typo away from a known word is corrected ("Decan").
Keeping these words out of the records keeps Pagefind's index as small as the names themselves need (the
Hindi words of ten thousand records made one index chunk of 150 KB that every Hindi query loaded).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from careermitra.domain import geography
from careermitra.domain.institution import InstitutionType
from careermitra.domain.slugs import slugify
from careermitra.i18n.names import hindi_names
from careermitra.site.builder.model import Card

NAMES_INDEX_PATH = "search/names.json"

# Course families: the words people search by, for each course name (by its slug) that belongs to the family.
FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # family: (words and Hindi words, course slugs)
    "engineering": (("engineering", "engineer", "technology", "BE", "इंजीनियरिंग", "अभियांत्रिकी"),
                    ("b-tech", "m-tech", "be", "me", "b-e", "m-e")),
    "medical": (("medical", "medicine", "doctor", "मेडिकल", "चिकित्सा", "डॉक्टर"),
                ("mbbs", "bds", "md", "ms", "bams", "bhms", "b-sc-nursing")),
    "nursing": (("nursing", "nurse", "नर्सिंग"), ("b-sc-nursing", "gnm", "m-sc-nursing")),
    "law": (("law", "legal", "advocate", "कानून", "विधि"), ("llb", "ba-llb", "bba-llb", "llm")),
    "management": (("management", "business", "प्रबंधन", "मैनेजमेंट"),
                   ("mba", "pgdm", "bba", "bms", "cat", "gmat", "ipmat")),
    "pharmacy": (("pharmacy", "pharmacist", "फार्मेसी"), ("b-pharm", "m-pharm", "d-pharm", "pharm-d")),
    "architecture": (("architecture", "architect", "वास्तुकला"), ("b-arch", "m-arch")),
    "design": (("design", "designer", "डिज़ाइन"), ("b-des", "m-des")),
    "commerce": (("commerce", "accounts", "वाणिज्य", "कॉमर्स"),
                 ("b-com", "m-com", "class-11-12-commerce")),
    "science": (("science", "विज्ञान", "साइंस"), ("b-sc", "m-sc", "class-11-12-science")),
    "arts": (("arts", "humanities", "कला"), ("ba", "ma", "class-11-12-humanities")),
    "computers": (("computer", "computers", "IT", "कंप्यूटर"), ("bca", "mca")),
    "research": (("research", "doctorate", "PhD", "पीएचडी"), ("ph-d",)),
    "civil services": (("civil services", "IAS", "government jobs", "सिविल सेवा"),
                       ("upsc-civil-services", "mpsc-state-services", "apsc-combined-competitive-examination")),
    "school": (("school", "स्कूल", "विद्यालय"),
               ("class-1-5", "class-6-10", "class-11-12-science", "class-11-12-commerce", "class-11-12-humanities")),
}

# The English words a type is searched by (its Hindi names come from the names file).
TYPE_WORDS = {
    InstitutionType.UNIVERSITY: "university universities",
    InstitutionType.COLLEGE: "college colleges",
    InstitutionType.SCHOOL: "school schools",
    InstitutionType.COACHING: "coaching classes tuition",
}

_SMALL_WORDS = {"of", "and", "the", "for", "in", "at", "&"}


def abbreviations(name: str) -> list[str]:
    """A course written without its dots and spaces ('B.Tech' -> 'btech'), and an institution's initials
    ('Deccan Institute of Technology' -> 'DIT')."""
    found = []
    squashed = re.sub(r"[^0-9A-Za-z]", "", name)
    if squashed and squashed.lower() != name.lower():
        found.append(squashed.lower())
    words = [word for word in re.split(r"[\s\-]+", name) if word and word.lower() not in _SMALL_WORDS]
    initials = "".join(word[0] for word in words if word[0].isalpha() and word[0].isupper())
    if len(initials) >= 2 and len(words) >= 2:
        found.append(initials)
    return found


def search_words(card: Card) -> list[str]:
    """The abbreviations of the name and courses, the words a record carries besides its own text."""
    terms = [*abbreviations(card.name), *(word for course in card.course_names for word in abbreviations(course))]
    return list(dict.fromkeys(terms))


def course_word(slug: str) -> str:
    """The one word a course is found by in the records: 'b-tech' -> 'btech' (its abbreviation, or 'mba')."""
    return slug.replace("-", "")


@lru_cache(maxsize=1)
def _place_aliases() -> dict[str, str]:
    """Every other name and Hindi name of a city or state (lower case) -> the name the records hold."""
    known = geography.places()
    hindi = hindi_names()
    aliases: dict[str, str] = {}
    for state in known.states.values():
        for other in (*state.other_names, *hindi.words("state", state.name)):
            aliases[other.casefold()] = state.name.casefold()
    for city in known.cities:
        for other in (*city.other_names, *hindi.words("city", city.name)):
            aliases.setdefault(other.casefold(), city.name.casefold())
    return aliases


def query_aliases(cards: Iterable[Card]) -> dict[str, list[str]]:
    """What a typed word or phrase is searched as instead: a place's name for its other names, a type or course
    for its Hindi names, and a course family's word and its courses, only those the site has (so a query loads
    no index chunk for nothing). Other names are replaced, not searched as typed: Pagefind's partial matches of
    'Bangalore' found six institutions, none in Bengaluru."""
    offered = {course.slug for card in cards for course in card.courses}
    hindi = hindi_names()
    aliases: dict[str, list[str]] = {key: [name] for key, name in _place_aliases().items()}
    for english, words in hindi.names["course"].items():
        slug = slugify(english)
        if slug in offered:
            for word in (word for phrase in words for word in phrase.split() if not word.isascii()):
                aliases.setdefault(word.casefold(), []).append(course_word(slug))
    for words, slugs in FAMILIES.values():
        courses = [course_word(slug) for slug in slugs if slug in offered]
        for word in words:
            if courses:  # the family's word itself is searched too (names such as "College of Engineering")
                aliases.setdefault(word.casefold(), [word.casefold()] if word.isascii() else []).extend(courses)
    for kind in InstitutionType:
        for word in (*hindi.words("type", kind.label), *hindi.words("type", kind.plural)):
            aliases[word.casefold()] = [kind.label.split()[0].casefold()]
    return {key: list(dict.fromkeys(value)) for key, value in sorted(aliases.items())}


_WORD = re.compile(r"[^\W\d_]{4,}")


def names_index(cards: Sequence[Card]) -> str:
    """The names index as compact JSON: `words`, what a query is corrected against (one typo), every word of
    four letters or more in the names, cities, states and courses and in the aliases, lower case and sorted;
    and `aliases` (query_aliases)."""
    aliases = query_aliases(cards)
    words: set[str] = set()
    for card in cards:
        text = " ".join([card.name, card.city, card.state, *card.course_names])
        words.update(word.casefold() for word in _WORD.findall(text))
    words.update(word for key in aliases for word in _WORD.findall(key) if word.isascii())
    return json.dumps({"words": sorted(words), "aliases": aliases}, ensure_ascii=False, separators=(",", ":"))

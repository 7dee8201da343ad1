"""What people type, as words the search records carry: other names of places, course families, abbreviations
and Hindi names. Pagefind matches the words of a record (and their beginnings), so each institution's record
lists the words that should find it; the search script corrects one typo against the names index
(`names_index`) before Pagefind runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache

from careermitra.domain import geography
from careermitra.domain.institution import InstitutionType
from careermitra.domain.slugs import slugify
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

# Hindi names of the courses that have one in common use (the rest are written in Latin letters in Hindi too).
COURSE_HINDI = {
    "b-tech": "बी.टेक बीटेक", "m-tech": "एम.टेक एमटेक", "mba": "एमबीए", "bba": "बीबीए", "mbbs": "एमबीबीएस",
    "llb": "एलएलबी", "ba-llb": "बीए एलएलबी", "b-com": "बी.कॉम बीकॉम", "b-sc": "बी.एससी बीएससी", "ba": "बीए",
    "ma": "एमए", "bca": "बीसीए", "mca": "एमसीए", "b-pharm": "बी.फार्म", "ph-d": "पीएचडी", "md": "एमडी",
    "b-arch": "बी.आर्क",
}

TYPE_WORDS = {
    InstitutionType.UNIVERSITY: "university universities विश्वविद्यालय यूनिवर्सिटी",
    InstitutionType.COLLEGE: "college colleges कॉलेज महाविद्यालय",
    InstitutionType.SCHOOL: "school schools स्कूल विद्यालय",
    InstitutionType.COACHING: "coaching classes tuition कोचिंग",
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


@lru_cache(maxsize=4096)
def _course_terms(name: str) -> tuple[str, ...]:
    slug = slugify(name)
    terms = [*abbreviations(name), *COURSE_HINDI.get(slug, "").split()]
    for words, slugs in FAMILIES.values():
        if slug in slugs:
            terms.extend(words)
    return tuple(terms)


@lru_cache(maxsize=1)
def _place_terms() -> tuple[dict[tuple[str, str], tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Other names and Hindi names of each city (by name and state) and each state."""
    known = geography.places()
    cities = {(city.name, city.state): (*city.other_names, *([city.hi] if city.hi else [])) for city in known.cities}
    states = {state.name: (*state.other_names, *([state.hi] if state.hi else [])) for state in known.states.values()}
    return cities, states


def search_words(card: Card) -> list[str]:
    """The words besides the name, place and courses that should find this institution, each once."""
    cities, states = _place_terms()
    terms = [*abbreviations(card.name), *cities.get((card.city, card.state), ()), *states.get(card.state, ()),
             *TYPE_WORDS[card.type].split()]
    for course in card.course_names:
        terms.extend(_course_terms(course))
    shown = {card.name.casefold(), card.city.casefold(), card.state.casefold()}
    return [term for term in dict.fromkeys(terms) if term.casefold() not in shown]


_WORD = re.compile(r"[^\W\d_]{4,}")


def names_index(cards: Iterable[Card]) -> str:
    """The words a query is corrected against (one typo): every word of four letters or more in the names,
    cities, states and courses, with the other names of places; lower case, sorted, as compact JSON."""
    cities, states = _place_terms()
    words: set[str] = set()
    for card in cards:
        text = " ".join([card.name, card.city, card.state, *card.course_names])
        words.update(word.casefold() for word in _WORD.findall(text))
    for names in [*cities.values(), *states.values()]:
        for name in names:
            words.update(word.casefold() for word in _WORD.findall(name) if word.isascii())
    for family, (terms, _) in FAMILIES.items():
        words.update(word.casefold() for word in _WORD.findall(" ".join([family, *terms])) if word.isascii())
    return json.dumps({"words": sorted(words)}, ensure_ascii=False, separators=(",", ":"))

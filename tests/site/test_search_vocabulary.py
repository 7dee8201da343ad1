"""The words a search record carries besides the name, and the names index typos are corrected against."""

from __future__ import annotations

import json

from careermitra.domain.institution import InstitutionType
from careermitra.domain.slugs import slugify
from careermitra.site.builder.model import Card, CourseFacts
from careermitra.site.builder.search_vocabulary import abbreviations, names_index, search_words


def card(name: str, city: str, state: str, kind: InstitutionType, *courses: str) -> Card:
    return Card("x", name, kind, city, state, courses, 1, 1, None, None, 0, None, None, None, False, None,
                tuple(CourseFacts(slugify(c), 1, ()) for c in courses))


def test_abbreviations_of_courses_and_names() -> None:
    assert abbreviations("B.Tech") == ["btech"]
    assert abbreviations("Ph.D") == ["phd"]
    assert abbreviations("BA LLB") == ["ballb", "BL"]
    assert abbreviations("Deccan Institute of Technology") == ["deccaninstituteoftechnology", "DIT"]
    assert abbreviations("MBA") == []


def test_a_record_carries_the_abbreviations_of_its_name_and_courses() -> None:
    words = search_words(card("Nandi Hills College of Engineering", "Bengaluru", "Karnataka",
                              InstitutionType.COLLEGE, "B.Tech", "MBA", "Ph.D"))
    assert words == ["nandihillscollegeofengineering", "NHCE", "btech", "phd"]


def aliases_of(*cards: Card) -> dict[str, list[str]]:
    return json.loads(names_index(list(cards)))["aliases"]


def test_other_and_hindi_names_of_cities_and_states_lead_to_the_names_records_hold() -> None:
    aliases = aliases_of(card("Test Academy", "Pune", "Maharashtra", InstitutionType.SCHOOL, "Class 1-5"))
    for other, name in [("bangalore", "bengaluru"), ("bombay", "mumbai"), ("madras", "chennai"),
                        ("calcutta", "kolkata"), ("poona", "pune"), ("gurgaon", "gurugram"), ("पुणे", "pune"),
                        ("बेंगलुरु", "bengaluru"), ("orissa", "odisha"), ("महाराष्ट्र", "maharashtra"),
                        ("नई दिल्ली", "new delhi"), ("nasik", "nashik")]:
        assert aliases[other] == [name], other


def test_course_families_hindi_courses_and_types_lead_to_the_courses_the_site_has() -> None:
    aliases = aliases_of(card("A College", "Pune", "Maharashtra", InstitutionType.COLLEGE, "B.Tech", "MBA", "BA LLB"),
                         card("B College", "Pune", "Maharashtra", InstitutionType.COLLEGE, "MBBS", "B.Pharm"))
    assert aliases["engineering"] == ["engineering", "btech"]  # no M.Tech on this site: no search for it
    assert aliases["इंजीनियरिंग"] == ["btech"]  # no record holds Hindi words: not searched as typed
    assert aliases["medical"] == ["medical", "mbbs"]
    assert aliases["law"] == ["law", "ballb"]
    assert aliases["management"] == ["management", "mba"]
    assert aliases["pharmacy"] == ["pharmacy", "bpharm"]
    assert aliases["एमबीए"] == ["mba"] and aliases["बीटेक"] == ["btech"]
    assert aliases["कॉलेज"] == ["college"] and aliases["विश्वविद्यालय"] == ["university"]
    assert "architecture" not in aliases  # no architecture course here


def test_names_index_holds_the_words_of_names_places_and_families() -> None:
    words = json.loads(names_index([card("Deccan Institute of Technology", "Pune", "Maharashtra",
                                         InstitutionType.COLLEGE, "B.Tech")]))["words"]
    assert words == sorted(words)
    for expected in ["deccan", "institute", "technology", "pune", "maharashtra", "bangalore", "engineering"]:
        assert expected in words, expected
    assert "of" not in words and all(len(word) >= 4 for word in words)

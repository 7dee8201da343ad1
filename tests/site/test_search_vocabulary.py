"""The words a search record carries besides the name, and the names index typos are corrected against."""

from __future__ import annotations

import json

from careermitra.domain.institution import InstitutionType
from careermitra.site.builder.model import Card, CourseFacts
from careermitra.site.builder.search_vocabulary import abbreviations, names_index, search_words


def card(name: str, city: str, state: str, kind: InstitutionType, *courses: str) -> Card:
    return Card("x", name, kind, city, state, courses, 1, 1, None, None, 0, None, None, None, False, None,
                tuple(CourseFacts(c.lower(), 1, ()) for c in courses))


def test_abbreviations_of_courses_and_names() -> None:
    assert abbreviations("B.Tech") == ["btech"]
    assert abbreviations("Ph.D") == ["phd"]
    assert abbreviations("BA LLB") == ["ballb", "BL"]
    assert abbreviations("Deccan Institute of Technology") == ["deccaninstituteoftechnology", "DIT"]
    assert abbreviations("MBA") == []


def test_a_bengaluru_college_is_found_by_old_and_hindi_names_and_by_family() -> None:
    words = search_words(card("Nandi Hills College of Engineering", "Bengaluru", "Karnataka",
                              InstitutionType.COLLEGE, "B.Tech", "MBA"))
    for expected in ["Bangalore", "बेंगलुरु", "कर्नाटक", "कॉलेज", "engineering", "इंजीनियरिंग", "btech", "बीटेक",
                     "management", "एमबीए", "NHCE"]:
        assert expected in words, expected
    assert "Bengaluru" not in words  # already in the record
    assert len(words) == len(set(words))


def test_other_names_of_cities_and_states_from_the_places_file() -> None:
    for city, state, other in [("Mumbai", "Maharashtra", "Bombay"), ("Chennai", "Tamil Nadu", "Madras"),
                               ("Kolkata", "West Bengal", "Calcutta"), ("Pune", "Maharashtra", "Poona"),
                               ("Pune", "Maharashtra", "पुणे"), ("Gurugram", "Haryana", "Gurgaon")]:
        assert other in search_words(card("Test Academy", city, state, InstitutionType.SCHOOL, "Class 1-5")), other
    assert "Orissa" in search_words(card("Test Academy", "Bhubaneswar", "Odisha", InstitutionType.SCHOOL, "BA"))


def test_course_families() -> None:
    def words(course: str) -> list[str]:
        return search_words(card("Test Academy", "Pune", "Maharashtra", InstitutionType.COLLEGE, course))

    assert "medical" in words("MBBS") and "law" in words("BA LLB") and "pharmacy" in words("B.Pharm")
    assert "management" in words("PGDM") and "engineering" in words("M.Tech")
    assert "engineering" not in words("MBA")


def test_names_index_holds_the_words_of_names_places_and_families() -> None:
    words = json.loads(names_index([card("Deccan Institute of Technology", "Pune", "Maharashtra",
                                         InstitutionType.COLLEGE, "B.Tech")]))["words"]
    assert words == sorted(words)
    for expected in ["deccan", "institute", "technology", "pune", "maharashtra", "bangalore", "engineering"]:
        assert expected in words, expected
    assert "of" not in words and all(len(word) >= 4 for word in words)

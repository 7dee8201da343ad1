"""The checks of where an institution is: states, cities and PIN codes, and the places file itself."""

from __future__ import annotations

from typing import Any

import pytest

from careermitra.domain import geography
from careermitra.domain.geography import PlacesFileError, check_city, check_pincode, check_state, parse_places


def test_the_36_states_and_union_territories_are_all_in_the_places_file() -> None:
    places = geography.places()
    assert len(geography.STATES) == 28 and len(geography.UNION_TERRITORIES) == 8
    assert set(places.states) == set(geography.STATES_AND_UNION_TERRITORIES)
    assert places.states["Ladakh"].kind == "union territory"


@pytest.mark.parametrize(("written", "expected"), [
    ("Maharastra", "'Maharastra' is not a state or union territory of India; did you mean 'Maharashtra'?"),
    ("Tamil Nadoo", "did you mean 'Tamil Nadu'?"),
    ("Orissa", "write 'Odisha'; 'Orissa' is kept as a search alias"),
    ("Pondicherry", "write 'Puducherry'; 'Pondicherry' is kept as a search alias"),
    ("maharashtra", "write 'Maharashtra'"),
    ("Atlantis", "'Atlantis' is not a state or union territory of India; write one of the 36"),
])
def test_a_state_not_spelled_as_the_constitution_does_is_refused_with_the_right_spelling(written: str,
                                                                                         expected: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_state(written)
    assert expected in str(caught.value)


def test_a_real_state_passes() -> None:
    assert check_state("Dadra and Nagar Haveli and Daman and Diu") == "Dadra and Nagar Haveli and Daman and Diu"


@pytest.mark.parametrize(("city", "state", "expected"), [
    ("Bangalore", "Karnataka", "write 'Bengaluru'; 'Bangalore' is kept as a search alias"),
    ("Bombay", "Maharashtra", "write 'Mumbai'; 'Bombay' is kept as a search alias"),
    ("Gurgaon", "Haryana", "write 'Gurugram'"),
    ("Trivandrum", "Kerala", "write 'Thiruvananthapuram'"),
    ("pune", "Maharashtra", "write 'Pune' (one spelling per city)"),
    ("Pune", "Karnataka", "'Pune' is in Maharashtra in content/data/places.yaml, not in Karnataka"),
    ("Punee", "Maharashtra", "did you mean 'Pune'? If not, add it there"),
    ("Lonavala", "Maharashtra", "'Lonavala' is not a city of Maharashtra in content/data/places.yaml; add it there"),
])
def test_a_city_has_one_spelling_and_its_own_state(city: str, state: str, expected: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_city(city, state)
    assert expected in str(caught.value)


def test_every_city_of_the_file_passes_in_its_state_and_its_other_names_are_search_aliases() -> None:
    places = geography.places()
    assert len(places.cities) >= 300
    assert all(check_city(city.name, city.state) == city.name for city in places.cities)
    aliases = geography.search_aliases()
    assert aliases["Bangalore"] == "Bengaluru" and aliases["Madras"] == "Chennai"
    assert aliases["Calcutta"] == "Kolkata" and aliases["Poona"] == "Pune" and aliases["Orissa"] == "Odisha"
    assert aliases["Baroda"] == "Vadodara" and aliases["Mysore"] == "Mysuru"


def test_a_pin_code_must_exist_and_belong_to_the_state() -> None:
    assert check_pincode("411052", "Maharashtra") == "411052"
    with pytest.raises(ValueError, match="is a PIN code of Maharashtra, not of Karnataka"):
        check_pincode("411052", "Karnataka")
    with pytest.raises(ValueError, match="'462013' is not in India Post's PIN code directory"):
        check_pincode("462013", "Madhya Pradesh")


def test_a_pin_code_of_the_merged_union_territory_maps_to_its_name() -> None:
    pins = geography.pincodes_of("Dadra and Nagar Haveli and Daman and Diu")
    assert pins and check_pincode(pins[0], "Dadra and Nagar Haveli and Daman and Diu") == pins[0]


def _file(**changes: Any) -> dict[str, Any]:
    states = [{"name": name, "kind": "state" if name in geography.STATES else "union territory"}
              for name in geography.STATES_AND_UNION_TERRITORIES]
    data: dict[str, Any] = {"states": states, "cities": [{"name": "Pune", "state": "Maharashtra",
                                                          "other_names": ["Poona"]}]}
    data.update(changes)
    return data


def test_the_places_file_is_checked_too() -> None:
    assert parse_places(_file()).cities[0].other_names == ("Poona",)
    with pytest.raises(PlacesFileError, match="'Maharastra' is not a state or union territory"):
        parse_places(_file(states=[{"name": "Maharastra", "kind": "state"}]))
    with pytest.raises(PlacesFileError, match="states: add"):
        parse_places(_file(states=[{"name": "Goa", "kind": "state"}]))
    with pytest.raises(PlacesFileError, match="each city needs a name and one of the states"):
        parse_places(_file(cities=[{"name": "Pune", "state": "Maharastra"}]))
    with pytest.raises(PlacesFileError, match="Pune, Maharashtra is listed twice"):
        parse_places(_file(cities=[{"name": "Pune", "state": "Maharashtra"}] * 2))
    with pytest.raises(PlacesFileError, match="the other name 'pune' is a city's name"):
        parse_places(_file(cities=[{"name": "Pune", "state": "Maharashtra"},
                                   {"name": "Pimpri", "state": "Maharashtra", "other_names": ["Pune"]}]))

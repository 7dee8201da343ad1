"""Where an institution is: the 36 states and union territories, one spelling per city, PIN codes by state.

States and union territories are a fixed fact (they change by Act of Parliament), so their names live here.
Their other spellings, and the cities with their states and other names, are editors' data in
content/data/places.yaml. PIN codes are checked against India Post's directory as shipped, offline, by the
`indian-pincode` package (data: India Post via data.gov.in, Government Open Data License - India).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

PLACES_FILE = Path(__file__).resolve().parents[2] / "content" / "data" / "places.yaml"
PLACES_NAME = "content/data/places.yaml"

STATES = (
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana",
    "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur",
    "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana",
    "Tripura", "Uttar Pradesh", "Uttarakhand", "West Bengal",
)
UNION_TERRITORIES = (
    "Andaman and Nicobar Islands", "Chandigarh", "Dadra and Nagar Haveli and Daman and Diu", "Delhi",
    "Jammu and Kashmir", "Ladakh", "Lakshadweep", "Puducherry",
)
STATES_AND_UNION_TERRITORIES = STATES + UNION_TERRITORIES


@dataclass(frozen=True)
class State:
    """A state or union territory as the places file describes it."""

    name: str
    kind: str  # "state" or "union territory"
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class City:
    """A city under its one spelling, with the names people also search for."""

    name: str
    state: str
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Places:
    """The states and cities of the places file, indexed for the checks."""

    states: dict[str, State]
    cities: tuple[City, ...]

    @property
    def state_aliases(self) -> dict[str, str]:
        """Another name of a state (lower case) -> the state's name."""
        return {other.casefold(): state.name for state in self.states.values() for other in state.other_names}

    @property
    def city_aliases(self) -> dict[str, City]:
        """Another name of a city (lower case) -> the city."""
        return {other.casefold(): city for city in self.cities for other in city.other_names}

    def cities_named(self, name: str) -> list[City]:
        return [city for city in self.cities if city.name == name]

    def cities_of(self, state: str) -> list[City]:
        """The cities of a state, in the file's order (its capital or largest city first)."""
        return [city for city in self.cities if city.state == state]


class PlacesFileError(ValueError):
    """The places file itself is wrong; the message says which entry and what to do."""


def _names(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise PlacesFileError(f"{PLACES_NAME}: {where}: other_names must be a list of names")
    return tuple(value)


def parse_places(data: Any) -> Places:
    """Check the places file's content: known states only, each city once, no other name used twice."""
    if not isinstance(data, dict) or set(data) != {"states", "cities"}:
        raise PlacesFileError(f"{PLACES_NAME}: expected the two lists 'states' and 'cities'")
    states: dict[str, State] = {}
    for index, entry in enumerate(data["states"] or []):
        name = entry.get("name") if isinstance(entry, dict) else None
        if name not in STATES_AND_UNION_TERRITORIES:
            raise PlacesFileError(f"{PLACES_NAME}: states[{index}]: {name!r} is not a state or union territory")
        kind = "state" if name in STATES else "union territory"
        if entry.get("kind") != kind:
            raise PlacesFileError(f"{PLACES_NAME}: states[{index}]: {name} is a {kind}; write kind: {kind}")
        states[name] = State(name, kind, _names(entry.get("other_names"), f"states[{index}]"))
    missing = [name for name in STATES_AND_UNION_TERRITORIES if name not in states]
    if missing:
        raise PlacesFileError(f"{PLACES_NAME}: states: add {', '.join(missing)}")
    cities: list[City] = []
    seen: set[tuple[str, str]] = set()
    for index, entry in enumerate(data["cities"] or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or entry.get("state") not in states:
            raise PlacesFileError(f"{PLACES_NAME}: cities[{index}]: each city needs a name and one of the states")
        city = City(entry["name"], entry["state"], _names(entry.get("other_names"), f"cities[{index}]"))
        if (city.name, city.state) in seen:
            raise PlacesFileError(f"{PLACES_NAME}: cities[{index}]: {city.name}, {city.state} is listed twice")
        seen.add((city.name, city.state))
        cities.append(city)
    places = Places(states, tuple(cities))
    canonical = {city.name.casefold() for city in cities}
    others = [other.casefold() for city in cities for other in city.other_names]
    clash = sorted({name for name in others if name in canonical or others.count(name) > 1})
    if clash:
        raise PlacesFileError(f"{PLACES_NAME}: the other name {clash[0]!r} is a city's name or given twice; "
                              "an other name must lead to one city")
    return places


@lru_cache(maxsize=1)
def places() -> Places:
    """The places file, read once per process."""
    import yaml  # the API imports the domain at cold start without YAML; only a check of a place reads the file

    return parse_places(yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8")))


def _suggestion(value: str, choices: Iterable[str]) -> str | None:
    by_fold = {choice.casefold(): choice for choice in choices}
    match = difflib.get_close_matches(value.casefold(), list(by_fold), n=1, cutoff=0.75)
    return by_fold[match[0]] if match else None


def check_state(value: str) -> str:
    """The state as written, or ValueError saying which spelling to use."""
    if value in STATES_AND_UNION_TERRITORIES:
        return value
    known = places()
    canonical = known.state_aliases.get(value.casefold()) or next(
        (name for name in STATES_AND_UNION_TERRITORIES if name.casefold() == value.casefold()), None)
    if canonical is not None:
        kept = " is kept as a search alias" if value.casefold() in known.state_aliases else " is the same name"
        raise ValueError(f"write {canonical!r}; {value!r}{kept}")
    guess = _suggestion(value, STATES_AND_UNION_TERRITORIES)
    hint = f"did you mean {guess!r}?" if guess else f"write one of the 36 as {PLACES_NAME} lists them"
    raise ValueError(f"{value!r} is not a state or union territory of India; {hint}")


def check_city(value: str, state: str) -> str:
    """The city as written if the places file has it in that state, or ValueError saying what to write."""
    known = places()
    named = known.cities_named(value)
    if any(city.state == state for city in named):
        return value
    if named:
        raise ValueError(f"{value!r} is in {named[0].state} in {PLACES_NAME}, not in {state}; correct the state, "
                         f"or add the {state} city of that name to {PLACES_NAME}")
    alias = known.city_aliases.get(value.casefold())
    if alias is not None:
        raise ValueError(f"write {alias.name!r}; {value!r} is kept as a search alias")
    same = next((city for city in known.cities if city.name.casefold() == value.casefold()), None)
    if same is not None:
        raise ValueError(f"write {same.name!r} (one spelling per city)")
    guess = _suggestion(value, (city.name for city in known.cities_of(state)))
    hint = f"did you mean {guess!r}? If not, " if guess else ""
    raise ValueError(f"{value!r} is not a city of {state} in {PLACES_NAME}; {hint}add it there (name, state "
                     "and other names) so that every city has one spelling")


def search_aliases() -> dict[str, str]:
    """Every other name of a city or state -> the name the site lists it under (for the search step)."""
    known = places()
    aliases = {other: state.name for state in known.states.values() for other in state.other_names}
    aliases.update({other: city.name for city in known.cities for other in city.other_names})
    return aliases


def _postal_state(name: str) -> str:
    """India Post's spelling of a state (upper case; 'THE' before the merged union territory)."""
    return name.upper().removeprefix("THE ")


@lru_cache(maxsize=65536)
def pincode_states(pincode: str) -> tuple[str, ...] | None:
    """The states and union territories a PIN code serves (a few straddle a border); None if it does not exist."""
    import indian_pincode  # loads its directory on first use: only content checks pay for it

    details = indian_pincode.get_details(pincode)
    if details is None:
        return None
    by_postal = {_postal_state(name): name for name in STATES_AND_UNION_TERRITORIES}
    return tuple(by_postal[_postal_state(name)] for name in details["states"] if _postal_state(name) in by_postal)


def check_pincode(pincode: str, state: str) -> str:
    """The PIN code if India Post's directory has it in that state, or ValueError saying what to check."""
    import indian_pincode

    served = pincode_states(pincode)
    if served is None:
        raise ValueError(f"pincode {pincode!r} is not in India Post's PIN code directory "
                         f"(as of {indian_pincode.DATA_VERSION}); check the digits")
    if state not in served:
        raise ValueError(f"pincode {pincode!r} is a PIN code of {' and '.join(served)}, not of {state}; "
                         "check the PIN code or the state")
    return pincode


def pincodes_of(state: str) -> list[str]:
    """Every PIN code of a state, ascending (the benchmark's generator draws from these)."""
    import indian_pincode

    postal = _postal_state(state)
    match = next(name for name in indian_pincode.list_states() if _postal_state(name) == postal)
    return sorted(indian_pincode.get_pincodes(state=match))

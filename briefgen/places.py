"""Where a meeting took place: the city the lead names ("held talks in X"), else the dateline's city."""

from __future__ import annotations

from functools import cache

import regex

from briefgen import lexicon
from briefgen.dates import MONTHS, Dateline, first_dateline, match_dateline
from briefgen.people import vocabulary
from briefgen.text import fold, tidy

_PLACE_WORD = r"\p{Lu}[\p{L}'’.-]*"
_IN_PLACE = regex.compile(rf"\b(?:in|at)\s+(?:the\s+)?(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})")
_PLACE_THEN_COUNTRY = regex.compile(
    rf"\b(?:in|at)\s+(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD})?),\s+(?P<country>{_PLACE_WORD}(?:\s+{_PLACE_WORD})?)"
)
_HEADLINE_PLACE = regex.compile(
    rf"\b(?:in|at|to|visits?|arrives? in)\s+(?:the\s+)?(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)
_FUTURE_BEFORE = regex.compile(r"\b(?:will|would|to be held|next)\b[^.,;]*$", regex.IGNORECASE)
# "in the Argentine border town of Puerto Iguazú": the words say it is a place.
_NAMED_PLACE = regex.compile(
    rf"\b(?:in|at)\s+the\s+(?:[\p{{L}}-]+\s+){{0,3}}?(?:city|town|village|capital|port|resort|region)\s+of\s+"
    rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)


@cache
def _cities() -> dict[str, str]:
    """Every spelling of a known city (lower case) -> its usual name."""
    cities: dict[str, str] = {}
    for row in lexicon.table("cities"):
        for spelling in [row[0], *(s for s in (row[2] if len(row) > 2 else "").split(";") if s.strip())]:
            cities[_key(spelling)] = row[0]
    return cities


def _key(name: str) -> str:
    """A place name for looking up: lower case, accents off ("İZMİR", "Izmir" and "İzmir" are one)."""
    return fold(tidy(name))


def find_location(text: str, lead: list[tuple[int, int]], title: str = "") -> str | None:
    """The city of the meeting, or None rather than a guess: the lead's "in X" first, then the
    dateline's city, then the headline's ("X visits Y")."""
    for index, (start, end) in enumerate(lead):
        for match in _IN_PLACE.finditer(text, start, end):
            if _FUTURE_BEFORE.search(text, max(start, match.start() - 40), match.start()):
                continue  # "the summit, which will take place in Addis Ababa next month": another event
            place = _city(match.group("place"))
            if place:
                return place
        place = _place_with_country(text, start, end)
        if place:
            return place
        named = _NAMED_PLACE.search(text, start, end)
        if named:
            return _city(named.group("place")) or tidy(named.group("place")).rstrip(" .,;:")
        if index == 0:
            # the lead's dateline, or a dated one on a line of its own above it ("WINDSOR, ON, October
            # 3"), before the next paragraph, whose places are often of other events ("four months
            # after they signed a framework in Quezon City")
            dateline = match_dateline(text, start, end) or first_dateline(text, start)
            if dateline and (place := _dateline_city(dateline)):
                return place
    for match in _HEADLINE_PLACE.finditer(title):
        place = _city(match.group("place"))
        if place:
            return place
    return _event_town(text, lead)


def _event_town(text: str, lead: list[tuple[int, int]]) -> str | None:
    """A town briefgen does not know, named as where the meeting was: "opened Tuesday's meeting in
    Thunder Bay", "the talks were held in Kavala" (not a country, a region, a month or an institution)."""
    vocab = vocabulary()
    for start, end in lead:
        for match in _EVENT_IN_PLACE.finditer(text, start, end):
            place = tidy(match.group("place"))
            words = place.lower().split()
            if place.lower() in vocab.places or any(w in vocab.blocked or w in MONTHS for w in words):
                continue
            return place
    return None


_EVENT_IN_PLACE = regex.compile(
    rf"\b(?:meeting|meetings|talks|summit|session|conference|ceremony|forum|held|met|meet|hosted)\s+"
    rf"(?:[\p{{Ll}}’'-]+\s+){{0,3}}?in\s+(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)


def _dateline_city(dateline: Dateline) -> str | None:
    """A known city, any city the dateline names with its country or state ("PUERTO IGUAZÚ,
    Argentina", "WINDSOR, Ont.") or with a date ("FARO, 9 July 2026 (Agency) —"), or the capital
    of a country that shares its name ("DJIBOUTI, June 2")."""
    place = tidy(dateline.place).strip(" .")
    known = _cities().get(_key(place))
    if known:
        return known
    region = dateline.country  # a country, or a state or province ("WINDSOR, Ont.")
    named = region and (region.lower() in vocabulary().countries or region in _subdivisions())
    if named and place.lower() not in vocabulary().places:
        return place.title()
    if place.lower() in vocabulary().countries:  # "DJIBOUTI, June 2": the capital named like its country
        return _city_states().get(_key(place)) or _cities().get(_key(f"{place} City"))
    if dateline.when is not None and place.lower() not in vocabulary().places:
        return place.title()  # "FARO, 9 July 2026 (Agency) —": a dated dateline names a city
    return None


@cache
def _city_states() -> dict[str, str]:
    """Country names that name their capital too (lexicons/city_states.txt), to the city's name."""
    states = {}
    for row in lexicon.table("city_states"):
        city, country = row[0], (row[1] if len(row) > 1 and row[1] else row[0])
        states[_key(country)] = city
        states[_key(city)] = city
    return states


@cache
def _landforms() -> frozenset[str]:
    return frozenset(lexicon.entries("landforms"))


@cache
def _subdivisions() -> frozenset[str]:
    return frozenset(lexicon.entries("subdivisions"))


def _city(phrase: str) -> str | None:
    """A known city (the longest known prefix of the phrase), or a city-state ("in Singapore"); none
    in a region or landform named after one ("the Fergana Valley")."""
    words = tidy(phrase).split()
    cities = {**_city_states(), **_cities()}
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size]).rstrip(".,")
        if _key(candidate) in cities:
            landform = size < len(words) and words[size].lower().rstrip(".,") in _landforms()
            return None if landform else cities[_key(candidate)]
    return None


def _place_with_country(text: str, start: int, end: int) -> str | None:
    """An unknown town named with its country: "in Kazan, Russia"; an unknown district named with
    its city: "in Diliman, Quezon City" (the city)."""
    vocab = vocabulary()
    for match in _PLACE_THEN_COUNTRY.finditer(text, start, end):
        place, country = tidy(match.group("place")), match.group("country")
        if country.lower() in vocab.countries and not set(place.lower().split()) & vocab.blocked:
            return place
        if city := _city(country):
            return city
    return None

"""The country a people noun stands for, and which names are places: "the germans" -> Germany, "the americans" -> United
States, "the chinese" -> China, "the north koreans" -> North Korea.

From countryinfo's country data (a kept library, MIT licensed: each country's name and its
demonym, the adjective and noun for its people), not from word endings, which cannot tell that
"germans" are of Germany and not of a "Germa". A demonym's plural is the English one: one ending
in -ese, -sh, -ch, -ss or -s stays as it is ("the Chinese", "the British", "the Dutch", "the
Swiss"), any other takes -s ("Germans", "Israelis", "Filipinos"). A demonym several places share
names the most populous ("Chinese": China, not Hong Kong or Macau; "American": the United States,
not the Northern Mariana Islands): the people a demonym names are most of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType

from countryinfo import CountryInfo

from bot.search.normalise import words

# Demonyms that are their own plural.
_SAME_IN_THE_PLURAL = ("ese", "sh", "ch", "ss", "s")
# Words before a people noun that are no part of it: "the Germans".
_DETERMINERS = frozenset({"the"})


def country_of_people(phrase: str) -> str | None:
    """The country's name ("Germany") when the phrase is a people noun or a people's adjective
    ("the germans", "German", "the north koreans"); None for any other words."""
    said = words(phrase)
    while said and said[0] in _DETERMINERS:
        said = said[1:]
    return _countries_by_people_word().get(" ".join(said)) if said else None


@cache
def _countries_by_people_word() -> Mapping[str, str]:
    """Each demonym, folded, and its plural -> its country's name; read once a process, when a
    question first names a people (the library reads its data files then)."""
    found: dict[str, tuple[int, str]] = {}
    for info in CountryInfo.all().values():
        name, demonym, population = info.get("name"), info.get("demonym"), info.get("population") or 0
        if not name or not demonym:
            continue
        folded = " ".join(words(demonym))
        for form in {folded, folded if folded.endswith(_SAME_IN_THE_PLURAL) else folded + "s"}:
            if form not in found or found[form][0] < population:
                found[form] = (int(population), str(name))
    return MappingProxyType({form: name for form, (_, name) in found.items()})


def people_words(place: str) -> frozenset[str]:
    """The words for a country's people and its adjective, folded ("Sweden" -> "swedish", "swedishs"
    is never said but harmless): an article that writes "the Swedish government" mentions Sweden."""
    country = " ".join(words(place))
    return _people_words_by_country().get(country, frozenset())


@cache
def _people_words_by_country() -> Mapping[str, frozenset[str]]:
    """Each country's name, folded -> its demonym's forms (the inverse of _countries_by_people_word)."""
    found: dict[str, set[str]] = {}
    for form, country in _countries_by_people_word().items():
        found.setdefault(" ".join(words(country)), set()).add(form)
    return MappingProxyType({country: frozenset(forms) for country, forms in found.items()})


def is_a_place(name: str) -> bool:
    """Whether the name is a country's or its capital's ("Sweden", "Pyongyang", "North Korea"),
    as countryinfo gives them: a place, never a person however an article goes on ("…toward
    Pyongyang than the one he had struck")."""
    return places_said(words(name))


def places_said(said: Sequence[str]) -> bool:
    """is_a_place for words already folded (words()): a question's runs of words, read once each."""
    return " ".join(said) in _place_names()


@cache
def _place_names() -> frozenset[str]:
    """Every country's name and its capital's, folded; read once a process."""
    found: set[str] = set()
    for info in CountryInfo.all().values():
        for place in (info.get("name"), info.get("capital")):
            if place:
                found.add(" ".join(words(str(place))))
    return frozenset(found)

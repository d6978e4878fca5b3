"""Whether a name a question gives may be a person's: what "he" or "she" in a follow-up can stand for.

"what did she say?" after "Did The Washington Post report it?" asks nothing of the Post: an
outlet, an organisation or a place is "it" or "they", never "he" or "she". The articles tell which
of their names are no person's in the ways the rest of the bot reads them: an outlet they come
from, a speaker whose role is an organisation's (bot.quotations.find reads roles so), a place, a
name holding a word only bodies and places have ("Post", "Ministry", "Kingdom"). A name none of
them tells apart is a person's when the articles give it at all ("Tillerson", never quoted); one
they never give ("Reuters", "Trump Tower") is no one the bot can say anything of as a person.
"""

from __future__ import annotations

from itertools import takewhile

from bot.knowledge.base import KnowledgeBase
from bot.outlet_asked import articles_named_alone
from bot.quotations.find import an_organisation_role
from bot.search.answer_type import NOT_A_PERSON
from bot.search.demonyms import is_a_place
from bot.search.normalise import ORGANISATION_NOUNS, STOP_WORDS, words
from bot.speaker_words import named_in_articles


# English prepositions that open a phrase after a noun ("the envoy to north korea").
_PREPOSITIONS = frozenset("of to for at in on from with by about".split())


def may_be_a_person(knowledge: KnowledgeBase, name: str) -> bool:
    """Whether the name, as a question writes it, may be a person's (see the module's reading)."""
    return not_told_apart_from_a_person(knowledge, name) and (bool(knowledge.speaker_index.named(name, knowledge.aliases)) or named_in_articles(knowledge, name))


def not_told_apart_from_a_person(knowledge: KnowledgeBase, name: str) -> bool:
    """Whether nothing the articles tell makes the name no person's: not an outlet, a place, a name
    with a word only bodies and places have, nor only speakers with an organisation's role. A name
    asked about as someone's ("who's robert galucci", misspelt, which no article gives) is a
    person's unless so told apart."""
    # A noun phrase is what its head is: "the envoy to north korea" is an envoy, whatever it is
    # to; a phrase after a preposition only says which one.
    head = list(takewhile(lambda word: word not in _PREPOSITIONS, words(name)))
    said = [word for word in head or words(name) if word not in STOP_WORDS]
    if not said or is_a_place(name) or articles_named_alone(knowledge, name):
        return False
    not_people = NOT_A_PERSON | ORGANISATION_NOUNS | knowledge.profile.not_person_words
    if any(word in not_people for word in said):
        return False
    speakers = knowledge.speaker_index.named(name, knowledge.aliases)
    # "KCNA", quoted as "the state news agency KCNA": a speaker, but a body's.
    return not speakers or any(not an_organisation_role(knowledge.speakers[number].role or "") for number in speakers)

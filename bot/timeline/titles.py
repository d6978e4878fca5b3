"""A short headline for a found event: who did what, from the main clause of its sentence.

The title keeps the sentence's own words in their order and leaves out what a headline does not
need: the date (shown beside it), openers ("But", "In an interview …,"), asides between commas,
a subject's trailing modifiers ("a summit between A and B" → "a summit") and, while it is still
too long, the predicate's trailing phrases, cut before a preposition or conjunction so that
what is left is a whole phrase, never a word cut short. The quote beside it stays verbatim.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from bot.quotations.english import PERSONAL_TITLES
from bot.timeline.grammar import ARTICLES_AND_POSSESSIVES, AUXILIARIES, COORDINATORS, HAVE_PAST, HAVE_PRESENT, IRREGULAR_PARTICIPLE, IRREGULAR_PAST, NEGATIONS, SUBORDINATORS, Clause, Reading, Token, abbreviates_a_month, clauses_of, finite_verb, is_past, placed_noun, segments, verb_heads
from bot.timeline.relative import MONTH_ABBREVIATIONS, WEEKDAYS

TITLE_LIMIT = 80
# A title with no phrase boundary to cut at may run this long rather than stop mid-phrase.
LONGEST = 90
# Words a headline drops from the front of a clause: connectives and the clause's subordinator.
_OPENERS = frozenset(
    {"but", "and", "so", "yet", "then", "however", "also", "meanwhile", "still", "instead", "importantly", "when", "while",
     "because", "although", "though", "whereas", "that", "after", "before", "since", "until", "once", "as", "which", "who",
     "than", "later", "earlier"}
)  # fmt: skip
# Where a phrase ends and another begins: a headline may stop before any of these.
_PHRASE_STARTS = frozenset(
    {"of", "in", "on", "at", "to", "for", "with", "between", "from", "by", "about", "over", "under", "after", "before",
     "during", "since", "until", "against", "among", "into", "toward", "towards", "within", "and", "or", "as", "when", "while",
     "because", "that", "which", "who", "where", "despite", "without", "amid", "through", "what", "how", "why", "whom"}
)  # fmt: skip
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
# Prepositions that place a noun ("the summit in Hanoi", "the talks at Panmunjom").
_PLACING = frozenset({"in", "at"})
# Words that open a relative or nominal clause inside a clause ("carrying what are believed …").
_RELATIVE_WORDS = frozenset({"what", "who", "whom", "whose", "which", "that"})
# English prepositions: a headline never ends on one, its object cut off.
_PREPOSITIONS = frozenset(
    """about above across after against along alongside amid among around at before behind below beneath beside
    besides between beyond by despite during for from in inside into near of off on onto opposite outside over past
    since through throughout toward towards under underneath until upon via with within without""".split()
)
# Words that blur a date before it: "less than a week later", "nearly two years ago".
_DATE_APPROXIMATORS = frozenset({"less", "more", "than", "nearly", "almost", "barely", "roughly", "just"})
_DATE_PREPOSITIONS = frozenset({"on", "in", "at", "during", "by", "from", "since", "until", "till", "around", "last", "early", "late", "this"})
# Marks that do not end a clause: quotation marks, and what grammar.segments keeps inside a segment.
_WITHIN_A_CLAUSE = frozenset("“”\"‘'’$%&/")
# Verbs of thinking (whose object clause is the news; "I believe" itself is none) and of saying.
_THINKING = frozenset(
    {"believe", "believed", "believes", "think", "thinks", "thought", "expect", "expects", "expected", "hope", "hopes",
     "hoped", "feel", "feels", "felt", "fear", "fears", "feared", "suspect", "suspects", "suspected", "guess", "suppose"}
)  # fmt: skip
_SAYING_OR_THINKING = _THINKING | frozenset(
    {"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "announce", "announced", "claim", "claimed",
     "insist", "insisted", "warn", "warned", "write", "wrote", "note", "noted", "report", "reported", "know", "knew"}
)  # fmt: skip
# Verbs that say only that something happened, at the date beside them: the subject is the event.
_OCCURRING = frozenset({"came", "comes", "come", "happened", "happens", "occurred", "occurs", "took", "takes", "take"})
_BE_NONFINITE = frozenset({"be", "been", "being"})
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Words of the speaker or the one spoken to: a quotation with one is not told without its marks.
_FIRST_AND_SECOND_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "i'm", "i’m", "we're", "we’re", "let's", "let’s"})
# Common words a quoted sentence may open with, capitalised only there.
_SENTENCE_OPENERS = ARTICLES_AND_POSSESSIVES | frozenset(
    {"he", "she", "it", "we", "they", "you", "there", "this", "that", "these", "those", "nobody", "nothing", "no", "our",
     "sometimes", "today", "now", "perhaps", "maybe", "if", "when", "all", "anything", "everything", "what", "let", "but", "so"}
)  # fmt: skip
# Adverb particles: a clause may end on one ("the strike was over"), with no object lost.
_PARTICLES = frozenset({"off", "up", "out", "down", "over", "back", "away", "apart", "aside"})
_TRAILING = frozenset({"a", "an", "the", "to", "of", "and", "or", "his", "her", "its", "their", "with", "as", "that", "only", "even", "just"})


def headline(sentence: str, tokens: list[Token], reading: Reading, date_start: int, date_end: int, limit: int = TITLE_LIMIT) -> str:
    """The event's title, at most `limit` characters where the sentence allows a whole phrase
    (`tokens`: grammar.tokens_of(sentence))."""
    # The date is the time of the noun it follows ("since the collapse of the Hanoi summit in
    # February"): that noun happened then, not the main clause's deed ("…, the military said").
    noun = reading.noun_phrase or placed_noun(tokens, date_start)
    named_by_its_date = noun is not None and noun[0] > 0 and date_start <= tokens[noun[0] - 1].start < date_end  # "the 1950-53 Korean War"
    if noun is not None and (noun == reading.noun_phrase or _names_an_event(tokens, *noun)) and (_says_what(tokens, *noun) or named_by_its_date):
        words = [t for t in tokens[slice(*noun)]]
        return _title([], words, limit)
    dated = _date_tokens(tokens, date_start, date_end)
    # The date's own clause, else the sentence's main clause: a headline has a subject, a verb
    # and what the verb needs, never a clause with no subject ("Sent a plume of smoke …").
    clauses = [reading.clause] if reading.clause is not None and reading.clause.verb is not None else []
    for clause in chain(clauses, _main_clauses(tokens)):  # the main clauses only as needed
        title = _clause_headline(tokens, clause, dated, limit, affirmed=reading.last_done and clause is reading.clause)
        if title:
            return title
    # No clause with a subject and a verb we read ("The resolution requires …": a present tense
    # after a noun): the sentence's own words less the date, cut before a phrase as a clause's
    # are, never mid-phrase ("… North Korean workers and").
    return _title([], [t for i, t in enumerate(tokens) if i not in dated], limit)


def _names_an_event(tokens: list[Token], first: int, last: int) -> bool:
    """Whether tokens [first, last) are a determined noun phrase with a lower-case head ("the
    collapse of the Hanoi summit"): not a body or place ("before the Senate Foreign Relations
    Committee"), a time ("after noon") or a gerund's clause ("before leaving Beijing")."""
    return tokens[first].lower in ARTICLES_AND_POSSESSIVES and tokens[last - 1].text.islower()


def _says_what(tokens: list[Token], first: int, last: int) -> bool:
    """Whether tokens [first, last) hold a common word ("meetings in Pyongyang", "meeting Kim"):
    names and numbers alone ("Singapore on 12.06.2018 and Hanoi") say who or where, not what
    happened, and a title is then the sentence's clause."""
    return any(t.is_word and t.text.islower() and t.lower not in _PREPOSITIONS and t.lower not in COORDINATORS and t.lower not in _TRAILING for t in tokens[first:last])


def _date_tokens(tokens: list[Token], date_start: int, date_end: int) -> set[int]:
    """The date's tokens, with its approximators and its one preposition: what a headline leaves out."""
    dated = {i for i, t in enumerate(tokens) if t.start < date_end and date_start < t.end}
    if dated:
        before = min(dated) - 1
        if before > 0 and tokens[before].text == "," and tokens[before - 1].lower in WEEKDAYS:
            # "on Monday, March 11, 2019": the weekday the written day restates is date words too.
            dated.update((before, before - 1))
            before -= 2
        # The date's approximators ("less than a week later") and then its one preposition ("in less
        # than a week", "on Monday") go with it; a preposition further left belongs to the clause.
        while before >= 0 and tokens[before].lower in _DATE_APPROXIMATORS:
            dated.add(before)
            before -= 1
        if before >= 0 and tokens[before].lower in _DATE_PREPOSITIONS:
            dated.add(before)
        after = max(dated) + 1
        if after < len(tokens) and tokens[after].lower == "than" and tokens[after - 1].lower in ("earlier", "later", "sooner"):
            # "flew home two hours earlier than planned": the comparison's standard is part of the
            # date words; left behind it would read "flew home than planned".
            dated.add(after)
            after += 1
            while after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _PHRASE_STARTS:
                dated.add(after)
                after += 1
        if tokens[after - 1].end > date_end and tokens[after - 1].lower.endswith(("'s", "’s")):
            # "at Thursday's talks": the occasion's noun goes with its date ("told Putin that …").
            while after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _PHRASE_STARTS:
                dated.add(after)
                after += 1
    return dated


def _clause_headline(tokens: list[Token], clause: Clause, dated: set[int], limit: int, *, affirmed: bool = False) -> str:
    """Subject, verb group and what follows, fitted to `limit`; "" when the clause has no subject or
    verb. `affirmed`: the date is the last time a negated perfect's deed was done (_affirmed)."""
    if clause.verb is None:
        return ""
    heads = verb_heads(tokens, clause.first, clause.last) if tokens[clause.first].lower in _RELATIVE_WORDS else []
    # The relative word is the subject of the first verb group, right after it (not "that he had
    # offered …", a "that" clause, nor "which diplomats said were …").
    if len(heads) > 1 and heads[0] == clause.first + 1 and tokens[heads[1]].lower in AUXILIARIES and tokens[heads[1] - 1].lower not in COORDINATORS:
        # "a meeting … that had been set for 2 March was called off the day before": a verb group
        # of its own (an auxiliary opens it) after the relative clause's is its noun's verb; the
        # date says which of the two the title tells, each with the noun as its subject.
        noun = _antecedent(tokens, clause.first, dated)
        if noun:
            inside = any(clause.first <= i < heads[1] for i in dated)
            told = Clause(clause.first, heads[1], heads[0]) if inside else Clause(heads[1], clause.last, heads[1])
            return _predicate_headline(tokens, told, noun, dated, limit, affirmed=affirmed)
    earlier = finite_verb(tokens, clause.first, clause.verb)
    if earlier is not None and tokens[clause.verb - 1].lower not in COORDINATORS and not _RELATIVE_WORDS.intersection(t.lower for t in tokens[clause.first + 1 : earlier]):
        # "which was halted by an armistice signed on July 27, 1953": a past form after the clause's
        # own verb group, with no "and" before it, is a participle of that verb's object; the
        # clause's verb is the first ("was halted"), or the subject would hold a verb of its own.
        # Not when that verb is a relative clause's inside the subject ("A plane carrying what are
        # believed to be the remains … landed here").
        clause = Clause(clause.first, clause.last, earlier)
    subject = _subject(tokens, clause.first, clause.verb, dated)
    if not subject:
        return ""
    if len(subject) > 2 and subject[0].lower in _PREPOSITIONS and subject[-1].lower in ("he", "she") and subject[-2].lower not in _PREPOSITIONS:
        if _main_clause_after(tokens, clause.last):
            # "In the accord he signed with Moon on 19 September, Kim went further": a relative
            # clause without "that" after its noun (the sentence's main clause follows the comma);
            # the noun is what he signed, so it heads the title without its preposition.
            subject = subject[1:]
        else:
            # "In his 2018 address on Jan. 1 he had declared …": an opening phrase, then the subject
            # right before its verb (a person's pronoun, which the title names; not "By it the courts …").
            subject = subject[-1:]
    if len(subject) > 2 and subject[0].lower in ("i", "we") and subject[1].lower in _THINKING:
        # "I believe the strike ended": the speaker's belief is no event; the clause believed is.
        subject = subject[3:] if subject[2].lower == "that" else subject[2:]
    if len(subject) == 1 and subject[0].lower in _PERSONAL_PRONOUNS:
        subject = _possessor(_named_subject(tokens, clause.first, dated)) or subject
    return _predicate_headline(tokens, clause, subject, dated, limit, affirmed=affirmed)


def _predicate_headline(tokens: list[Token], clause: Clause, subject: list[Token], dated: set[int], limit: int, *, affirmed: bool) -> str:
    """The title of `subject` and the clause's verb group with what follows it."""
    verb = clause.verb
    if verb is None:
        return ""
    last = clause.last
    reported = None  # where the clause of what was said starts, when the title takes it in
    added = None  # the first word the title takes past the clause for it
    least = 1  # how many of the added words a fitted title must keep, or it keeps none
    opening: tuple[int, int] | None = None  # a quotation before the clause, what it says was said
    if last < len(tokens) and tokens[last].lower == "than":
        # "has carried out more | than a dozen tests": a comparison's standard ends its clause
        # (not when the date is in it: "came less than a year after …" is "came").
        end = _clause_end(tokens, last)
        last = last if dated.intersection(range(last, end)) else end
    elif last < len(tokens) and tokens[last].text in "“\"" and not _has_object(tokens, verb, last, dated):
        # "had taken | “a unilateral attitude in bad faith”": the quoted words are the verb's object.
        last = _clause_end(tokens, last)
    if last < len(tokens) and tokens[last].lower == "that" and len(_objects(tokens, verb, last, dated)) <= 1:
        # "Trump announced | that he would suspend …": a verb with nothing after it in its clause,
        # or only whom it told ("told reporters | that …", "assured him | that …"), takes the
        # "that" clause that is its object, up to a punctuation mark other than a quotation mark
        # ("warned that the North “cannot but reconsider” attending …"): what was said is the news.
        end = last
        while end < len(tokens) and (tokens[end].is_word or tokens[end].text in _WITHIN_A_CLAUSE):
            end += 1
        # Not when its verb is past a comma ("warned that before long, …"): no object then; but
        # "that" before a noun is its determiner ("disputed that account"), a whole object.
        if _clause_complete(tokens[verb : end], end - verb) or _determines_a_noun(tokens, last, end):
            reported, added, last = last, last, end
    head = _verb_head(tokens, verb, last)
    past_date = next((i for i in range(last, len(tokens)) if i not in dated), len(tokens))  # "told reporters [after the talks] that …"
    if head is not None and tokens[head].lower in _SAYING_OR_THINKING and past_date < len(tokens) and _may_open_what_was_said(tokens[past_date]):
        # "said the union was “weighing” a strike", "said there was no doubt": an object clause
        # cut off before its verb (at the verb, or a quotation mark) is what was said: the news.
        end = _clause_end(tokens, past_date)
        # Not a whole clause already ("said the two sides had made progress | but …"), unless
        # cut at a quotation mark, its verb's quoted complement ("said the strike was | “over”").
        cut_short = finite_verb(tokens, head + 1, last) is None or not tokens[past_date].is_word
        if cut_short and finite_verb(tokens, head + 1, end) is not None:
            # What was said starts at its "that", else right after the verb: the clause was cut inside it.
            reported = past_date if tokens[past_date].lower == "that" else head + 1
            added, last = past_date, end
    elif head is not None and tokens[head].lower in _SAYING_OR_THINKING and (quoted := _quotation_after_colon(tokens, past_date)) is not None:
        # "The mayor said: “Nobody wins a strike like this one.”": the quoted words' first clause
        # is what was said, the title's object ("The mayor said nobody wins a strike like this one").
        (reported, last), added, least = quoted, quoted[0], 3
    elif head is not None and tokens[head].lower in _SAYING_OR_THINKING and (quoted := _quotation_before(tokens, clause.first)) is not None:
        # "“The strike is over,” the mayor told reporters": the quotation that opens the
        # sentence is what was said, put after the verb as the object it is.
        opening = quoted
    # Another date in the predicate ("… launched on Feb. 12", "… and Aug. 2") is no part of this
    # event's headline: it ends before that date's abbreviated month.
    last = next((i - 1 for i in range(verb + 1, last) if i - 1 not in dated and abbreviates_a_month(tokens, i)), last)
    predicate = [t for i, t in enumerate(tokens[verb : last], verb) if i not in dated]
    if opening is not None and head is not None:
        # The saying's own phrases go ("told reporters [in Oslo]"): the quotation follows whom it was told.
        told = next((i for i in range(head + 1, last) if tokens[i].lower in _PREPOSITIONS and tokens[i].lower != "of"), last)
        predicate = [t for t in predicate if t.start < tokens[told].start] + list(tokens[opening[0] : opening[1]])
        reported = added = opening[0]
        least = 3  # a quotation's subject alone ("said South…") tells nothing
    if reported is not None and reported == added and tokens[reported].lower in _SENTENCE_OPENERS:
        # A quotation's first word, capitalised as a sentence's: in the title's middle it is not ("said the strike …").
        opener = tokens[reported]
        predicate = [t._replace(text=t.lower) if t is opener else t for t in predicate]
    if predicate and predicate[-1].lower in _PREPOSITIONS:
        # "Pence sat near, but did not greet, Kim Yo Jong": the object the two verbs share comes
        # after the aside.
        shared = _shared_object(tokens, last)
        predicate += [t for i, t in enumerate(tokens[shared : _clause_end(tokens, shared)], shared) if t.is_word and i not in dated]
    if reported is not None and head is not None and _length([*subject, *predicate]) > limit:
        # "The mayor told the envoys during their tour of the port that she hoped …": too long, the
        # saying's own phrases (where, when, how it was said) go before what was said does.
        said = next((i for i in range(head + 1, reported) if tokens[i].lower in _PREPOSITIONS and tokens[i].lower != "of" and i not in dated), reported)
        predicate = [t for t in predicate if not tokens[said].start <= t.start < tokens[reported].start]
    if added is not None and sum(t.is_word and t.start >= tokens[added].start for t in _fit(subject, predicate, limit)) < least:
        # No headline of the limit's length holds what was said (a quotation's three words at
        # least: not "said South…" of "said: “South and North …”"): the saying alone, as before.
        predicate = [t for t in predicate if t.start < tokens[added].start]
    if affirmed:
        predicate = _affirmed(predicate)
    if _only_places_in_time(predicate) and subject[-1].text.islower():
        # "The vote came [23 days after …]", "The hearing was held [on 2 March]": the verb says
        # only when; the event is the subject, or, for a subject of a bare noun, the "when"
        # clause after the date that tells it ("The breakthrough came on 2 March, when the union
        # accepted the offer"; not "The first test of the new engine took place …, when …").
        when = _when_clause(tokens, clause.last, dated) if len(subject) <= 2 else None
        return (_clause_headline(tokens, when, dated, limit) if when is not None else "") or _title([], subject, limit)
    return _title(subject, predicate, limit)


def _quotation_after_colon(tokens: list[Token], colon: int) -> tuple[int, int] | None:
    """Where the first clause of a quotation opened right after a colon at `colon` starts and
    ends, when a title can tell it (_quoted_clause)."""
    if colon + 2 >= len(tokens) or tokens[colon].text != ":" or tokens[colon + 1].text not in "“\"":
        return None
    return _quoted_clause(tokens, colon + 2)


def _quoted_clause(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """The first clause of a quotation from `start` to its first punctuation mark other than a
    quotation mark, when a title can tell it as what was said: four words or more, not a
    question, not opening with a subordinator ("If …", "As …"), and in the third person: "I",
    "we", "you" out of their quotation marks would read as the title's own."""
    end = _clause_end(tokens, start)
    words = [t.lower for t in tokens[start:end] if t.is_word]
    if len(words) < 4 or (end < len(tokens) and tokens[end].text == "?") or words[0] in SUBORDINATORS or words[0] in _OPENERS:
        return None
    return None if _FIRST_AND_SECOND_PERSON.intersection(words) else (start, end)


def _quotation_before(tokens: list[Token], first: int) -> tuple[int, int] | None:
    """The first clause of the quotation that opens the sentence and ends, with a comma, right
    before the clause starting at `first` ("“…,” the mayor said"); None when the clause has no such
    quotation before it."""
    if not tokens or tokens[0].text not in "“\"" or first < 3 or tokens[first - 1].text not in "”\"" or tokens[first - 2].text != ",":
        return None
    if any(t.text in "“”\"" for t in tokens[1 : first - 1]):
        return None  # more than one quotation before the clause
    return _quoted_clause(tokens, 1)


def _may_open_what_was_said(token: Token) -> bool:
    """Whether a clause that ends at `token` may have been cut before the clause its verb of saying
    takes ("said | the union was …", "said there | was …", "said | “…"): not at a word that opens
    another conjunct or a phrase ("warned the union | but said …", "said | in a statement …")."""
    if not token.is_word:
        return token.text in "“\""
    return token.lower == "that" or not (token.lower in COORDINATORS or token.lower in SUBORDINATORS or token.lower in _PREPOSITIONS)


def _verb_head(tokens: list[Token], verb: int, last: int) -> int | None:
    """The main verb of the verb group starting at `verb` ("had been set" → "set"), past its
    auxiliaries and adverbs; None when the clause ends first."""
    index = verb
    while index < last and (tokens[index].lower in AUXILIARIES or tokens[index].lower in _BE_NONFINITE or tokens[index].lower in NEGATIONS):
        index += 1
    return index if index < last and tokens[index].is_word else None


def _only_places_in_time(predicate: list[Token]) -> bool:
    """Whether a predicate is a verb group that only places its subject in time: "came",
    "took place", "happened", "was held", "had been set" (a passive of arranging), and nothing more."""
    words = [t.lower for t in predicate if t.is_word]
    while words and (words[0] in AUXILIARIES or words[0] in _BE_NONFINITE):
        words = words[1:]
    if words[:1] and words[0] in _OCCURRING and words[1:] in ([], ["place"]):
        return words[0] not in ("took", "takes", "take") or words[1:] == ["place"]
    passive = len(predicate) > 1 and predicate[-2].lower in _BE_FORMS
    return passive and words in (["held"], ["set"], ["scheduled"], ["slated"], ["planned"])


def _when_clause(tokens: list[Token], last: int, dated: set[int]) -> Clause | None:
    """The clause ", when …" right after a clause ending at `last` (past its date), with its verb."""
    while last < len(tokens) and last in dated:
        last += 1
    if last + 2 >= len(tokens) or tokens[last].text != "," or tokens[last + 1].lower != "when":
        return None
    end = _clause_end(tokens, last + 2)
    verb = finite_verb(tokens, last + 2, end)
    return Clause(last + 1, end, verb) if verb is not None and verb > last + 2 else None


def _affirmed(predicate: list[Token]) -> list[Token]:
    """A negated perfect's verb group told as the deed done on its date, the last such: "had not
    tested a bomb [since 3 May]" is "last tested a bomb"; a participle unlike the past form keeps
    "had" ("hasn't flown" is "had last flown")."""
    at = 0
    while at < len(predicate) and (predicate[at].lower in HAVE_PRESENT | HAVE_PAST | NEGATIONS or predicate[at].lower.endswith(("n't", "n’t"))):
        at += 1
    if at == len(predicate):
        return predicate
    verb = predicate[at].lower
    had = [_added_word("had", 1)] if verb in IRREGULAR_PARTICIPLE and verb not in IRREGULAR_PAST else []
    return [*had, _added_word("last", 2), *predicate[at:]]


def _added_word(word: str, number: int) -> Token:
    """A word a title adds, at no place in the sentence: its own negative offsets, so that
    _joined attaches it to no word before it."""
    return Token(word, -10 * number, -10 * number + 1, word, True)


def _shared_object(tokens: list[Token], comma: int) -> int:
    """Where the object shared by a clause that ends on a preposition at `comma` and an aside
    opened by a coordinator starts ("near, but did not greet, | Kim"); len(tokens) when none."""
    if comma >= len(tokens) or tokens[comma].text != "," or comma + 1 >= len(tokens) or tokens[comma + 1].lower not in COORDINATORS:
        return len(tokens)
    closing = _clause_end(tokens, comma + 1)
    return closing + 1 if closing < len(tokens) and tokens[closing].text == "," else len(tokens)


def _clause_end(tokens: list[Token], start: int) -> int:
    """Where the clause running on from token `start` ends: its first punctuation mark other than
    a quotation mark (or what grammar.segments keeps inside a segment)."""
    end = start
    while end < len(tokens) and (tokens[end].is_word or tokens[end].text in _WITHIN_A_CLAUSE or abbreviates_a_month(tokens, end)):
        end += 1
    return end


def _has_object(tokens: list[Token], verb: int, last: int, dated: set[int]) -> bool:
    """Whether any word other than the verb group's and the date's follows the verb in its clause."""
    return bool(_objects(tokens, verb, last, dated))


def _objects(tokens: list[Token], verb: int, last: int, dated: set[int]) -> list[Token]:
    """The words other than the verb group's and the date's that follow the verb in its clause."""
    index = verb
    while index < last and (tokens[index].lower in AUXILIARIES or is_past(tokens, index)):
        index += 1
    return [tokens[i] for i in range(index, last) if tokens[i].is_word and i not in dated]


def _determines_a_noun(tokens: list[Token], that: int, end: int) -> bool:
    """Whether the "that" at `that` is a determiner ("that account"): a lower-case word after it
    that no clause's subject starts with (an article, a pronoun, a preposition), and no verb."""
    if that + 1 >= end or not tokens[that + 1].is_word:
        return False
    word = tokens[that + 1]
    if word.text[0].isupper() or word.lower in ARTICLES_AND_POSSESSIVES or word.lower in _PERSONAL_PRONOUNS or word.lower in _PHRASE_STARTS:
        return False
    return finite_verb(tokens, that + 1, end) is None


def _main_clauses(tokens: list[Token]) -> Iterator[Clause]:
    """The sentence's clauses with a finite verb that no subordinating word opens, first first:
    where its main clause is."""
    for start, end in segments(tokens):
        for first, last in clauses_of(tokens, start, end):
            if tokens[first].lower in SUBORDINATORS:
                continue
            verb = finite_verb(tokens, first, last)
            if verb is not None:
                yield Clause(first, last, verb)


def _main_clause_after(tokens: list[Token], last: int) -> bool:
    """Whether a comma at `last` is followed by a clause with a subject and a finite verb that no
    joining or subordinating word opens ("…, Kim went further"): the sentence's main clause, so
    the clause before the comma is subordinate to it."""
    if last >= len(tokens) or tokens[last].text != ",":
        return False
    for first, end in segments(tokens[last + 1 :]):
        opener = tokens[last + 1 + first].lower
        if opener in SUBORDINATORS or opener in COORDINATORS or opener.endswith("ing"):
            return False
        verb = finite_verb(tokens, last + 1 + first, last + 1 + end)
        return verb is not None and verb > last + 1 + first
    return False


def _subject(tokens: list[Token], first: int, verb: int, dated: set[int]) -> list[Token]:
    """The words before the verb in its clause; for a relative clause ("a meeting that ended",
    "Pompeo, who visited") the noun before it; for a verb that shares its subject ("…, and fired
    two more") the subject of the verb before it; for a verb opening its segment ("Joseph Yun,
    formerly …, questioned") the sentence's first segment that is not an opening phrase."""
    words = [t for i, t in enumerate(tokens[first:verb], first) if i not in dated and t.is_word]
    relative = bool(words) and words[0].lower in ("that", "which", "who")
    if words and words[-1].lower in COORDINATORS and (earlier_here := finite_verb(tokens, first, verb)) is not None:
        # "was detained in October 2015 and sentenced … in April 2016": the second verb shares the
        # subject of the first in its clause.
        return _subject(tokens, first, earlier_here, dated)
    if words and words[-1].lower in COORDINATORS:
        # "on May 30–31 and the following day carried …": no verb before the "and" in this clause,
        # and no subject ends in "and": the verb shares the subject of the verb before, in its
        # own segment ("He was sworn in as … and returned …") or an earlier one.
        start = next((s for s, e in segments(tokens) if s <= first < e), first)
        earlier = finite_verb(tokens, start, first)
        words = [t for i, t in enumerate(tokens[start:earlier], start) if i not in dated and t.is_word] if earlier is not None else []
    while words and words[0].lower in _OPENERS:
        words = words[1:]
    if len(words) > 1 and words[0].lower in _PREPOSITIONS and words[1].lower in ("which", "whom"):
        words = words[2:]  # "…, in which he named …": the relative's preposition and pronoun open the clause
    if words and words[0].lower == "to":
        # ", to hold reunions of families separated by the war on Aug. 15": an infinitive is no
        # subject, and the past form after it a participle; the sentence's main clause says who.
        return []
    if words and words[0].lower == "whose" and (owner := _antecedent(tokens, first, dated, across_of=False)):
        # "the model of Libya, whose leader gave up his weapons in 2003": "Libya's leader" (the
        # nearest noun: a title cut before "of" would make "the model" the owner).
        possessive = owner[-1]._replace(text=f"{owner[-1].text}’s", lower=f"{owner[-1].lower}’s")
        return [*owner[:-1], possessive, *words[1:]]
    if words:
        return words
    if relative:
        return _antecedent(tokens, first, dated)
    spans = [span for span in segments(tokens) if span[1] <= verb]
    for start, end in reversed(spans):  # a verb before this one, whose subject this one shares
        earlier = finite_verb(tokens, start, end)
        if earlier is not None:
            found = [t for i, t in enumerate(tokens[start:earlier], start) if i not in dated and t.is_word]
            while found and found[0].lower in _OPENERS:
                found = found[1:]
            # "In a statement carried by …": an opening phrase; "…, whose Korean name is …,": an aside. No subject.
            if found and found[0].lower not in _PREPOSITIONS and found[0].lower not in _RELATIVE_WORDS:
                return found
    for start, end in spans:
        opener = tokens[start].lower
        # "That launch, on Wednesday, came …": "that" before a noun with no verb is its determiner.
        determiner = opener == "that" and finite_verb(tokens, start, end) is None and end - start > 1
        if not determiner and (opener in _PHRASE_STARTS or opener in _DATE_PREPOSITIONS or opener in _OPENERS or opener.endswith("ly")):
            continue
        if end - start == 1 and opener in PERSONAL_TITLES and end < len(tokens) and tokens[end].text == ".":
            continue  # "Gen. Kim Rak Gyom, the force's commander, gave …": an abbreviated title's dot ends no subject
        words = [t for i, t in enumerate(tokens[start:end], start) if t.is_word and i not in dated]
        if words:  # "Kim's speech on Jan. 1, 2018, opened …": the segment less its date
            return words
    return []


def _possessor(subject: list[Token]) -> list[Token]:
    """Who a later "he" or "she" stands for in a subject that names a person's office or aide:
    "Moon's office said that he would …" → "Moon". Other subjects are their own referent."""
    for index, token in enumerate(subject):
        if token.text.endswith(("'s", "’s")) and len(token.text) > 2:
            return [*subject[:index], token._replace(text=token.text[:-2], end=token.end - 2, lower=token.lower[:-2])]
    return subject


def _named_subject(tokens: list[Token], before: int, dated: set[int]) -> list[Token]:
    """The subject of the sentence's first clause before `before`, when it starts with a name:
    "Trump upended … when he agreed" → "Trump" for the "he" of the later clause."""
    for start, end in segments(tokens):
        if start >= before:
            break
        verb = finite_verb(tokens, start, min(end, before))
        if verb is None:
            continue
        words = [t for i, t in enumerate(tokens[start:verb], start) if i not in dated and t.is_word]
        while words and words[0].lower in _OPENERS:
            words = words[1:]
        if words and words[0].text[0].isupper() and words[0].lower not in _PERSONAL_PRONOUNS and not _opens_a_participle_phrase(words):
            return words
        return []
    return []


def _opens_a_participle_phrase(words: list[Token]) -> bool:
    """Whether a segment's words open with a participle and a phrase after it ("Asked at the
    Pentagon …", "Speaking to reporters …"): no subject, and no name ("Alfred Berg", "Beijing said")."""
    word = words[0].lower
    participle = (word.endswith("ing") and len(word) > 4) or word in IRREGULAR_PARTICIPLE or (word.endswith("ed") and len(word) > 3)
    return participle and len(words) > 1 and words[1].text.islower()


def _antecedent(tokens: list[Token], relative: int, dated: set[int], *, across_of: bool = True) -> list[Token]:
    """The noun phrase a relative pronoun stands for: the words right before it, back to a verb,
    a preposition or a punctuation mark other than the comma that sets the clause off. An "of"
    completes the noun before it ("a 12-day tour of Asia that ended …" is the tour's ending, not
    Asia's), so the phrase runs on back past it."""
    index = relative - 1
    if index >= 0 and tokens[index].text == ",":
        index -= 1
    words: list[Token] = []
    crossed_of = False
    while index >= 0 and tokens[index].is_word:
        token = tokens[index]
        if index in dated:  # "The explosion on Tuesday afternoon, which sent …": past the date
            index -= 1
            continue
        of_a_noun = across_of and token.lower == "of" and bool(words) and index > 0 and tokens[index - 1].is_word and tokens[index - 1].lower not in _PHRASE_STARTS
        if (token.lower in _PHRASE_STARTS and not of_a_noun) or token.lower in AUXILIARIES or is_past(tokens, index):
            break
        words.insert(0, token)
        index -= 1
        crossed_of = crossed_of or of_a_noun
        if crossed_of and token.lower in ARTICLES_AND_POSSESSIVES:
            break  # the noun "of" completes starts at its determiner ("follow | the model of Libya")
    while words and words[0].lower in _PHRASE_STARTS:
        words = words[1:]  # "spoke of the old war, which …": the "of" was a verb's, not a noun's
    opening = next((i for i in range(relative - 2, 0, -1) if not tokens[i].is_word), 0)
    if tokens[relative].lower == "that" and tokens[relative - 1].text == "," and tokens[opening].text == ",":
        # "a meeting between A and B, B's chief aide, that had been set …": "that" after a comma
        # follows an aside, and its noun is the phrase before the aside (up to its segment's start).
        index = opening
        start = next((s for s, e in segments(tokens) if s <= index - 1 < e), index)
        before = [t for i, t in enumerate(tokens[start:index], start) if t.is_word and i not in dated]
        while before and before[0].lower in _OPENERS:
            before = before[1:]
        if before and finite_verb(tokens, start, index) is None:
            return before
    if words and index > 0 and tokens[index].lower in _PLACING and all(w.text[0].isupper() for w in words):
        # "The two-day summit in Hanoi, which ended …": a name placing the noun before it is
        # no antecedent of its own when a determiner opens that noun; the summit ended, not Hanoi.
        # ("Trump met Kim in Hanoi, which …": no determiner before "Kim": Hanoi stays.)
        placed = _antecedent(tokens, index, dated, across_of=across_of)
        if placed and placed[0].lower in ARTICLES_AND_POSSESSIVES:
            return [*placed, tokens[index], *words]
    return words


def _title(subject: list[Token], predicate: list[Token], limit: int) -> str:
    """The headline of subject and predicate fitted to `limit`, with an ellipsis when the fitting
    left out the end of the predicate: "… the first sitting American president to set foot…" of
    "… to set foot in North Korea" (walkthrough), a phrase whose end a reader would otherwise take
    for the whole. A subject's trailing phrase left out ("A much-touted two-day summit failed …")
    leaves the title's end whole, and no ellipsis."""
    fitted = _fit(subject, predicate, limit)
    whole = [*subject, *predicate]
    # Against the whole tidied: a preposition the date took the object of ("talks of 12-13
    # February") goes whether or not anything was cut.
    cut = bool(fitted) and fitted[-1] is not _last_word(_tidy(whole, whole))
    return _capitalised(_joined(fitted)) + ("…" if cut else "")


def _last_word(words: list[Token]) -> Token | None:
    """The last word of a headline's tokens, past a closing quotation mark or other mark."""
    return next((t for t in reversed(words) if t.is_word), None)


def _fit(subject: list[Token], predicate: list[Token], limit: int) -> list[Token]:
    """Subject and predicate, each cut before one of its phrases, as long as fits: the longest
    such headline that keeps the verb and two words after it (or the whole of a short predicate)."""
    whole = [*subject, *predicate]
    if _length(whole) <= limit:
        return _tidy(whole, whole)
    least = min(3, len(predicate))
    # "of" between capitals is inside a name ("Secretary of State Mike Pompeo"): no cut there.
    # Nor at a coordinator, nor inside "between A and B", which needs both ("a meeting between A
    # | and B" and "between the head | of the union and B" would leave "between A", "the head").
    joined = max((n for n, t in enumerate(subject) if t.lower in ("and", "or")), default=0)
    holder = next((n for n in range(joined - 1, -1, -1) if subject[n].lower in ("between", "among")), joined)
    pair = range(holder + 1, joined + 1)
    subject_cuts = [
        n for n, t in enumerate(subject)
        if n > 0 and t.lower in _PHRASE_STARTS and t.lower not in COORDINATORS and n not in pair and not _inside_a_name(subject, n)
    ] + [len(subject)]  # fmt: skip
    # An "of" phrase completes its noun ("the sharing of river water"): the predicate is not cut there.
    predicate_cuts = [
        n for n, t in enumerate(predicate) if n >= least and t.lower in _PHRASE_STARTS and t.lower != "of" and _clause_complete(predicate, n)
    ] + [len(predicate)]  # fmt: skip
    options = [[*subject[:s], *predicate[:p]] for s in subject_cuts for p in predicate_cuts]
    fitting = [o for o in options if _length(o) <= limit]
    if fitting:
        return _tidy(max(fitting, key=_length))
    shortest = min(options, key=_length)
    if _length(shortest) <= LONGEST:
        return _tidy(shortest)  # a little long, but whole
    words = shortest
    while _length(words) > limit and len(words) > 3:
        words = words[:-1]  # no phrase boundary left: whole words only
    return _tidy(words)


def _inside_a_name(words: list[Token], index: int) -> bool:
    return words[index].lower == "of" and 0 < index < len(words) - 1 and words[index - 1].text[0].isupper() and words[index + 1].text[0].isupper()


def _clause_complete(words: list[Token], cut: int) -> bool:
    """Whether words[:cut] leave no clause without its verb: after "that" ("warned that the North
    …") a cut must come after the clause's verb and a word more ("… that the North would reconsider")."""
    opened = next((n for n in range(1, cut) if words[n].lower == "that"), None)
    if opened is None:
        return True
    verb = finite_verb(words, opened + 1, cut)
    return verb is not None and any(words[i].is_word and words[i].lower not in AUXILIARIES for i in range(verb + 1, cut))


def _tidy(words: list[Token], whole: list[Token] | None = None) -> list[Token]:
    """No headline ends on a word that needs another after it ("… at the very least in"), except
    as the last word of the whole clause (`whole`) "her", the object pronoun ("sat near her"), or
    an adverb particle ("was over", "called it off"), whose object was never there."""
    while len(words) > 2 and (
        not words[-1].is_word  # an opening quotation mark or a hyphen: the word before it is the last one shown
        or words[-1].lower in _TRAILING or words[-1].lower in _PHRASE_STARTS or words[-1].lower in _PREPOSITIONS or words[-1].lower in AUXILIARIES
        or words[-1].lower in MONTH_ABBREVIATIONS  # "… around Oct" of "around Oct. 10": the clause cut at the abbreviation's dot
    ):
        if whole and words[-1] is whole[-1] and (words[-1].lower == "her" or words[-1].lower in _PARTICLES):
            break  # "sat near her", "the strike was over", "called it off": the clause's own last word
        words = words[:-1]
    return words


def _length(words: list[Token]) -> int:
    return sum(len(t.text) + 1 for t in words) - 1 if words else 0


def _joined(words: list[Token]) -> str:
    """Words joined as the sentence spells them: a hyphen or apostrophe stays attached, and a
    word written against the one before stays so ("Hwasong-15")."""
    parts: list[str] = []
    previous_end = -1
    for token in words:
        if not token.is_word:
            continue
        if parts and token.start == previous_end:
            parts[-1] += token.text
        else:
            parts.append(token.text)
        previous_end = token.end
    return " ".join(parts).strip()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]

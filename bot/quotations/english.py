"""General English words that mark reported speech and the people speaking it.

Written out rather than learnt: no English pipeline with a parser ships on PyPI (spaCy's models
come from elsewhere), and these closed classes of words are small and stable. None of them is
about the talks or the bundled articles.
"""

from __future__ import annotations

_SPEECH_VERB_STEMS = """
    acknowledge add admit affirm agree announce answer argue ask assert boast caution claim
    comment complain concede conclude continue counter declare disclose emphasise emphasize explain
    insist joke maintain mention muse note object observe predict promise quip recall recount
    remark repeat reply report respond say shout stress suggest tell testify tweet urge vow warn whisper
    write
""".split()
_IRREGULAR = {
    "say": ("said", "says"),
    "tell": ("told", "tells"),
    "write": ("wrote", "writes"),
    "admit": ("admitted", "admits"),
    "testify": ("testified", "testifies"),
    "reply": ("replied", "replies"),
}


def _forms(stem: str) -> set[str]:
    if stem in _IRREGULAR:
        return {stem, *_IRREGULAR[stem]}
    return {stem, stem + "s", stem + "d" if stem.endswith("e") else stem + "ed"}


# Verbs that characterise or answer rather than report ("Abe called the launch “…”", "hailed the
# meeting as “…”", "Pompeo retorted: “…”"). Only their past and -ing forms count: the plain
# forms are nouns too often ("a phone call", "the pledge").
_CHARACTERISING_VERBS = {
    "accuse": "accused",
    "call": "called",
    "condemn": "condemned",
    "confirm": "confirmed",
    "criticise": "criticised",
    "criticize": "criticized",
    "decry": "decried",
    "deny": "denied",
    "denounce": "denounced",
    "describe": "described",
    "dismiss": "dismissed",
    "dub": "dubbed",
    "hail": "hailed",
    "label": "labelled",
    "mock": "mocked",
    "pledge": "pledged",
    "praise": "praised",
    "reiterate": "reiterated",
    "retort": "retorted",
    "threaten": "threatened",
}
_DOUBLED_BEFORE_ING = {"admit": "admitting", "quip": "quipping", "dub": "dubbing"}


def _participle(stem: str) -> str:
    if stem in _DOUBLED_BEFORE_ING:
        return _DOUBLED_BEFORE_ING[stem]
    if stem.endswith("ie"):
        return stem[:-2] + "ying"
    return (stem[:-1] if stem.endswith("e") and not stem.endswith("ee") else stem) + "ing"


# The verbs that introduce or follow a quotation ("says Rusten", "he added:"), every tense form.
SPEECH_VERBS = frozenset(
    {form for stem in _SPEECH_VERB_STEMS for form in _forms(stem)} | set(_CHARACTERISING_VERBS.values()) | {"labeled"}
)
# Their -ing forms, which hand a quotation to the clause's subject: "Trump left, saying “…”",
# "Kim was quoted as saying “…”".
SPEECH_PARTICIPLES = frozenset(_participle(stem) for stem in (*_SPEECH_VERB_STEMS, *_CHARACTERISING_VERBS))
# Verbs that help another ("had warned that", "would say"): the subject stands before them.
AUXILIARIES_AND_MODALS = frozenset("was were is are be been being has have had do does did will would can could may might shall should must".split())
# Words that mark a quotation as a label rather than anyone's words ("the so-called “big deal”").
LABEL_MARKERS = frozenset({"so-called"})
# Words that end the clause a speech verb governs: ", and the White House has …", "; …", ", while …".
CLAUSE_JOINERS = frozenset("and but while whereas although though yet".split())
# The verb news sources relay others' words with: "KCNA reported that Kim had …" gives Kim's words.
REPORTING_VERBS = frozenset({"report", "reports", "reported"})
# Verbs that make the subject the one quoted rather than the one quoting: "X was quoted as saying".
QUOTED_AS = frozenset({"quoted", "cited"})
# Nouns a possessive names a quotation with: "Trump's declaration that “…”".
SPEECH_NOUNS = frozenset(
    """announcement answer assertion assurance boast claim comment comments declaration insistence
    message pledge prediction promise remark remarks reply response statement tweet vow warning words""".split()
)
PERSONAL_PRONOUNS = frozenset({"he", "she"})
# The same as objects: "state media quoted him as calling …".
OBJECT_PRONOUNS = frozenset({"him", "her"})
# Words that only a person is referred back to with.
GENDERED_PRONOUNS = frozenset("he she his her him hers himself herself".split())
# Words that only a thing is referred back to with: "Ruritania said its army …" names a country.
THING_PRONOUNS = frozenset({"its", "itself"})
FIRST_PERSON = frozenset({"i", "me"})
# Subjects that speak but are no one person: a quotation they say has no speaker to list.
OTHER_PRONOUNS = frozenset({"they", "we", "it", "you", "one", "who", "which", "this", "that"})
# Titles and ranks written before a name ("President Donald Trump", "Secretary of State …").
PERSONAL_TITLES = frozenset(
    """president vice chairman chairwoman chair secretary ambassador senator sen representative rep
    congressman congresswoman governor gov mr mrs ms miss dr prof professor general gen admiral adm
    colonel col lieutenant lt captain capt sergeant sgt minister prime foreign defense defence king
    queen prince princess pope mayor judge justice chancellor premier envoy special deputy former
    supreme leader director commander chief sheikh rabbi reverend rev father sir dame lord lady
    spokesman spokeswoman spokesperson undersecretary assistant acting newsreader announcer
    presenter""".split()
)
# Who speaks for an organisation: "a spokesman for the Strategic Force said" is its spokesman's words.
SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Words that open a sentence without being a name ("Despite Trump's …", "Still, …").
SENTENCE_OPENERS = frozenset(
    """despite however meanwhile instead still yet thus indeed although though after before during
    since until unless whether while because if when as at by for from in on with without within
    against among amid amidst over under per via like unlike besides beyond toward towards upon
    across throughout then now today yesterday tomorrow later earlier last next this that these
    those there here what which who whom whose why how where but and or so nor the a an it its
    he she they we you
    his her their our my your no not never nothing every each all some many much most more such
    only even also just both either neither other another perhaps maybe one two three four five
    six seven eight nine ten eleven twelve twenty thirty forty fifty hundreds thousands several
    few""".split()
)
# Particles that stand inside a name ("Charles de Gaulle", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset("de da di du del della der den van von bin al la le dos das".split())
# Words that open an apposition naming who someone is, besides a plain noun ("analyst at …").
APPOSITION_OPENERS = frozenset("a an the who whose one former formerly now currently then once ex".split())
# Words that cannot open such an apposition although they are not -ly, -ing or -ed words.
NOT_A_ROLE = frozenset("given especially adding noting according as because although though while when if".split())
# English's irregular past tenses: after a name they are its verb ("Trump took the podium"),
# not a noun the name labels ("the Trump administration"); regular ones end in -ed.
IRREGULAR_PAST = frozenset(
    """arose awoke bore beat became began bent bet bound bit bled blew broke brought built burnt
    burst bought caught chose clung came cost crept cut dealt dug did drew drank drove ate fell fed
    felt fought found fled flew forbade forgot forgave froze got gave went grew hung had heard hid
    hit held hurt kept knelt knew laid led leant leapt learnt left lent let lay lit lost made meant
    met paid put quit read rode rang rose ran sang sank sat saw sought sold sent set shook shot
    shut slept slid spoke spent spun split spread sprang stood stole stuck struck swore swept swam
    swung took taught tore thought threw understood woke wore won withdrew overtook undertook
    upheld withheld oversaw foresaw""".split()
)
# Days and months: capitalised like names, never a speaker; abbreviated only with their dot
# ("Dec. 28"), as "Jun" and "Jan" are names too.
CALENDAR_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)
CALENDAR_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words a clause's subject never opens with ("… by the cancellation and urged …").
PREPOSITIONS = frozenset("about after against at before by during for from in into of on over than to under with within without".split())
# Words whose object a name right after them is, never the subject of a verb or a pronoun's
# antecedent: "…, on a tour of Ruritania, told reporters", "aboard the Ocean Star, he said".
OBJECT_PREPOSITIONS = PREPOSITIONS | frozenset("aboard across among around behind beyond inside near outside toward towards".split())

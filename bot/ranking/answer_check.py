"""The answer check: whether the best sentence found answers the question, or the bot declines.

Two gates come first: a question that wants a kind of answer (a date, a number, a name) is
declined when no ranked sentence has one, and a question naming nothing to find ("and why?")
is declined on its own. Past them, with the meaning signal running, a small fitted model
decides (`DeclineModel`, logistic regression over the signals, each one's square and each product
of two: the signals weigh each other, `with_products`): it weighs together
- coverage: the share of the question's concepts (weighed by how specific they are) that the
  best sentence's paragraph holds, as said, through an alias or a synonym (bot.coverage);
- similarity: the cosine of the question's and the best sentence's MiniLM vectors;
- the best sentence's fused score and how far it stands above the next (both rankers agreeing
  on one sentence is evidence it answers), whether the question wants a typed answer (a date, a
  number, a name: such specific facts are more often missing), how many words of the
  question no article says that it writes as names (a name the articles never mention is strong
  evidence they cannot answer), how much of the question's names the best sentence's whole
  article never says (over a large folder the closest sentence may come from an article about
  something else), and how close in meaning the question is to the best sentence
  once the names it gives are taken out (an off-topic question about someone the articles name,
  "What is Kim Jong Un's favourite food?", finds the name and nothing of what it asks; a name
  typed in lower case counts when the best sentence's article writes it as a name and the
  English frequency list lacks it, "whats the weather in hanoi": the list holds common names too,
  "Singapore", "Trump", and those typed in lower case stay in), and
  how much of what the question asks beyond its names no article says, or the best sentence's
  article does not ("What's a good recipe for kimchi?": the share of that weight, and its heaviest
  word); bot.ranking.signals gathers them. It also computes two more the shipped model leaves out
  (the missing credit of the question's most specific concept, a why-question whose answer gives
  no reason): fitted with them, the check declined more answerable questions and no more
  unanswerable ones on the sealed sets S13-S15
  (tools/fit_answer_check.py, LEFT_OUT). The similarity is not among them: with the fused
  scores in, it added nothing on held-out sets.
Its coefficients and decision threshold are fitted by tools/fit_answer_check.py, leaving one
question set out at a time, and kept in answer_check.json beside this module; docs/measurements.md has the
held-out numbers. Without the model file, and without the meaning signal, the threshold rule
decides (`AnswerCheck` itself): similarity ≥ 0.55 answers alone; coverage ≥ 0.45 answers with
similarity ≥ 0.15 (words alone, with no model: coverage ≥ 0.45). So does it where the model was
not fitted: the timeline's topic filter (coverage and similarity only), an answer within some
articles (/compare), and a follow-up read with its thread's question (bot.answers).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.ranking.standardised import StandardisedLinear, linear_fields, load_model

if TYPE_CHECKING:
    from bot.coverage import ConceptCredit

MODEL_FILE = Path(__file__).with_name("answer_check.json")


@dataclass(frozen=True, slots=True)
class Evidence:
    coverage: float  # share of the question's weighted concepts the best passage (or window) holds
    similarity: float | None  # cosine with the best sentence; None when the model is not loaded
    typed_answer_found: bool  # some ranked sentence has the kind of answer the question wants
    # The question names something to find ("and why?", "wow, why?" name nothing: they lean on an
    # earlier question, and a sentence merely close in tone to "why" must not answer them).
    has_topic: bool = True
    # What the fitted model reads besides coverage and similarity; None where only the rule applies.
    signals: Signals | None = None


@dataclass(frozen=True, slots=True)
class Signals:
    """The answer check's further evidence, each a number the fitted model weighs by name."""

    expects_type: float  # 1: the question wants a date, a number, a name, a place…
    fused_best: float  # the best sentence's fused score
    fused_margin: float  # how far it stands above the next sentence's
    unknown_names: float  # the question's words no article says that it writes as names ("Moon Jae-in", "IAEA")
    # The meaning signal's cosine of the question without the names it gives (as the question or
    # the best sentence's paragraph writes them, or its article when the word list lacks it) with the
    # best sentence: what it asks about them.
    # "What is favourite food?" is far from a sentence about Kim Jong Un's nuclear programme.
    content_similarity: float = 0.0
    # How much of the question's most specific concept (its heaviest) the answer's context lacks:
    # a trap keeps its common words and misses its rarest one.
    rarest_missing: float = 0.0
    # The share of the weight of the question's concepts that are not names which no article says
    # ("What car does Stephen Biegun drive?": car, drive): what it asks about a name is not there.
    unsaid_content: float = 0.0
    # 1: a why-question whose best sentence and its neighbours give no reason (no "because",
    # "so that", "due to", "if" …): the articles tell the event, not its cause.
    why_without_reason: float = 0.0
    # The share of the weight of the question's names (an alias group whose first name is written
    # as a name, a word the question writes as a name; never a month or a weekday) that the best
    # sentence's whole article (with its title and the times it reports) never says: a quote from an article about something
    # else ("How many US troops are stationed in South Korea?" answered by "… 26,000 troops." from
    # an article that never names Korea). Over a folder of one story every article names its people.
    names_not_in_article: float = 0.0
    # The share of the weight of the question's concepts that are not names which the best sentence's
    # whole article (its title and the times it reports) holds neither as said nor through a synonym
    # (a synonym counting for part, as in coverage): "What's a good recipe for kimchi?" is answered
    # from an article with no word for a recipe. A word of the question no other article says either
    # counts here too.
    content_not_in_article: float = 0.0
    # The weight of the heaviest concept that is not a name which no article says and no synonym in
    # the best sentence's context stands for ("football" of "Which football team does Mike Pompeo
    # root for?"): a share lets many light words hide one specific one.
    heaviest_unsaid_content: float = 0.0
    # Not weighed by the model: the question's concepts that are names (as content_similarity reads
    # them) which the best passage holds. A declined question's plain decline reads them
    # (bot.plain_decline), and --explain names them; read here once, not again after the check.
    names_held: tuple[ConceptCredit, ...] = ()


# The signals the model weighs: every number of Signals.
SIGNAL_FEATURES = tuple(f.name for f in fields(Signals) if f.type == "float")


def features(evidence: Evidence) -> dict[str, float]:
    """The model's inputs by name; empty when the evidence has no signals."""
    signals = evidence.signals
    if signals is None or evidence.similarity is None:
        return {}
    return {"coverage": evidence.coverage, "similarity": evidence.similarity, **{name: getattr(signals, name) for name in SIGNAL_FEATURES}}


SIGNAL_NAMES = ("coverage", "similarity", *SIGNAL_FEATURES)
# A model's feature "a*b" is the product of two of its signals ("a*a" the square): the signals weigh
# each other (a low content similarity says more when the fused score is high), which a sum of the
# signals alone cannot express (docs/measurements.md, session 16).
PRODUCT = "*"
KNOWN_FEATURES = frozenset((*SIGNAL_NAMES, *(f"{a}{PRODUCT}{b}" for a in SIGNAL_NAMES for b in SIGNAL_NAMES)))


def with_products(values: dict[str, float], names: tuple[str, ...]) -> dict[str, float]:
    """`values` with each product feature among `names` worked out from its two signals."""
    products = {name: math.prod(values[part] for part in name.split(PRODUCT)) for name in names if PRODUCT in name}
    return {**values, **products} if products else values


@dataclass(frozen=True)
class DeclineModel(StandardisedLinear):
    """Logistic regression over standardised features: the probability that the articles answer."""

    bias: float
    threshold: float  # answers at this probability or above
    notes: dict[str, object] = field(default_factory=dict, compare=False)  # how and on what it was fitted

    def probability(self, values: dict[str, float]) -> float:
        """`values`: the signals by name (`features`); the products the model weighs are worked out here."""
        z = self.bias + self.score(with_products(values, self.features))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> str:
        return json.dumps({**self.linear_json(), "bias": self.bias, "threshold": self.threshold, "notes": self.notes}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> DeclineModel:
        data = json.loads(text)
        return cls(**linear_fields(data, KNOWN_FEATURES), bias=float(data["bias"]), threshold=float(data["threshold"]), notes=data.get("notes", {}))


@cache
def shipped_model(path: Path = MODEL_FILE) -> DeclineModel | None:
    """The fitted model the bot ships; None (the rule decides, and says so once) if it is missing or broken."""
    return load_model(path, DeclineModel.from_json, "Answer check", "the threshold rule decides")


# Under FLOOR_COVERAGE of the question's weight in the best passage, only a similarity that answers
# on its own (min_similarity) answers: a dense hit with no shared word can answer, a middling one
# cannot, whatever the model says. The model's squares and products extrapolate at that corner:
# fitted on them, it still answered every "recipe for kimchi" question of the training sets
# (coverage 0.00-0.05, similarity 0.25-0.37; the README's own example). Over the 1,841 training
# questions the model weighs, 60 have coverage under 0.05, 56 of them unanswerable and none of the
# 4 answerable with a right first quote (docs/measurements.md, session 17).
FLOOR_COVERAGE = 0.05


@dataclass(frozen=True)
class AnswerCheck:
    min_coverage: float = 0.45  # coverage that answers when the meaning is not far off
    min_similarity: float = 0.55  # similarity that answers on its own
    trap_similarity: float = 0.15  # below it, words alone do not answer
    model: DeclineModel | None = None  # decides when the evidence has its signals

    def answers(self, evidence: Evidence) -> bool:
        if not evidence.typed_answer_found or not evidence.has_topic:
            return False
        if evidence.similarity is None:
            return evidence.coverage >= self.min_coverage
        if self.below_floor(evidence.coverage, evidence.similarity):
            return False
        if self.model is not None and (values := features(evidence)):
            return self.model.probability(values) >= self.model.threshold
        if evidence.similarity >= self.min_similarity:
            return True
        return evidence.coverage >= self.min_coverage and evidence.similarity >= self.trap_similarity

    def below_floor(self, coverage: float, similarity: float) -> bool:
        """Declined whatever the model says: almost none of the question's words, and a meaning
        that would not answer on its own."""
        return coverage < FLOOR_COVERAGE and similarity < self.min_similarity

    def probability(self, evidence: Evidence) -> float | None:
        """The model's probability that the articles answer, for people reading why (None: the rule decided)."""
        values = features(evidence)
        return self.model.probability(values) if self.model is not None and values else None

"""The answer check: whether the best sentence found answers the question, or the bot declines.

Two kinds of evidence, each enough on its own when strong:
- coverage: the share of the question's concepts (weighed by how specific they are) that the
  best sentence's paragraph holds, as said, through an alias or a synonym (bot.coverage);
- similarity: the cosine of the question's and the sentence's MiniLM vectors. A sentence that
  says the same thing in other words ("could Hanoi have gone even worse?" / "Thursday's failure
  could have been worse") shares few words and is still an answer.
Against traps (the key words are there, the fact asked about is not: "When was Pompeo
confirmed?"), words alone are not enough when the meaning is far off: coverage answers only
with at least `trap_similarity`. And a question that wants a kind of answer (a date, a number,
a name) is declined when no ranked sentence has one. The thresholds are fitted by
tools/fit_fusion.py, leaving one question set out at a time; the README gives the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    coverage: float  # share of the question's weighted concepts the best passage (or window) holds
    similarity: float | None  # cosine with the best sentence; None when the model is not loaded
    typed_answer_found: bool  # some ranked sentence has the kind of answer the question wants
    # The question names something to find ("and why?" names nothing: it leans on an earlier
    # question, and a sentence merely close in tone to "why" must not answer it).
    has_topic: bool = True


@dataclass(frozen=True)
class AnswerCheck:
    min_coverage: float = 0.45  # coverage that answers when the meaning is not far off
    min_similarity: float = 0.55  # similarity that answers on its own
    trap_similarity: float = 0.15  # below it, words alone do not answer

    def answers(self, evidence: Evidence) -> bool:
        if not evidence.typed_answer_found or not evidence.has_topic:
            return False
        if evidence.similarity is None:
            return evidence.coverage >= self.min_coverage
        if evidence.similarity >= self.min_similarity:
            return True
        return evidence.coverage >= self.min_coverage and evidence.similarity >= self.trap_similarity

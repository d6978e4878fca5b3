"""Fits SPEAKER_TOPIC_SIMILARITY (bot/speaker_words.py): from what meaning a speaker's words are on
what a question asks of them when no word of it is in their paragraphs.

    .venv/bin/python tools/fit_speaker_topic.py eval/*.jsonl

Positives: the training questions the speaker route reads ("what did X say about …") whose gold
span lies in X's own sentences; each scores the meaning signal's cosine of what the question asks
of them (the question without its frame: "about the hanoi summit?") with the best gold sentence,
read alone or with a neighbour as the meaning ranker reads them. Negatives: off-topic topics (those
of eval/train_offtopic.jsonl's unanswerable questions, and others near the story's region) asked
of each speaker the bundled articles quote, kept only when no word of the topic is in the
speaker's paragraphs (the case the threshold decides); each scores its best cosine with any of
the speaker's sentences, as the route does. The threshold printed is the one with the largest
share of positives kept less share of negatives passed (Youden's J), with the shares around it.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np

from bot.answers import clean_question
from bot.cli.common import load_settings, open_store
from bot.evaluation import _matches_article, read_questions
from bot.knowledge.base import KnowledgeBase
from bot.search.normalise import without_set_off_interjections
from bot.search.query import read_question
from bot.speaker_words import speaker_asked, speakers_words_meaning, speakers_words_touch

SPEAKERS = ("jenny town", "lynn rusten", "joseph yun", "robert gallucci", "james mckeon", "trump", "kim jong un",
            "stephen biegun", "allison hooker", "stephen hadley", "mike pompeo", "chris hill")  # fmt: skip
OFF_TOPIC = (
    "the weather in hanoi", "the population of hanoi", "the currency of vietnam", "football", "basketball",
    "his favourite food", "the tallest building in hanoi", "street food in hanoi", "the flight from washington to singapore",
    "the national dish of south korea", "china's army", "the capital of iran", "winter in pyongyang", "tv shows", "college",
    "music", "his wife", "the world cup", "climate change", "the stock market", "kimchi", "k-pop", "taekwondo",
    "korean barbecue", "the seoul subway", "the 1988 olympics", "the korean war memorial", "samsung phones",
    "the vietnamese currency", "pho", "the great wall of china", "japanese sushi", "the cherry blossoms in washington",
    "his golf game", "his hair", "the white house kitchen", "his twitter followers", "the nba finals", "hollywood movies",
    "the price of rice",
)  # fmt: skip


def positives(knowledge: KnowledgeBase, files: list[Path]) -> list[float]:
    found = []
    for file in files:
        for question in read_questions(file):
            plain = without_set_off_interjections(clean_question(question.question))
            asked = speaker_asked(knowledge, plain)
            if asked is None or not asked.quoted or not question.answers:
                continue
            gold = [position for position in asked.sentences if _holds_gold(knowledge, position, question.answers)]
            _, query = read_question(knowledge, plain)
            similarity = speakers_words_meaning(knowledge, query, asked, gold) if gold else None
            if similarity is not None:
                found.append(similarity)
    return found


def _holds_gold(knowledge: KnowledgeBase, position: int, answers: list) -> bool:  # type: ignore[type-arg]
    sentence = knowledge.sentences[position]
    article = knowledge.article_of(sentence.passage)
    text = article.body[sentence.span.start : sentence.span.end]
    return any(_matches_article(gold.article, article) and (gold.span in text or text in gold.span) for gold in answers)


def negatives(knowledge: KnowledgeBase) -> list[float]:
    found = []
    for speaker, topic in itertools.product(SPEAKERS, OFF_TOPIC):
        question = f"what did {speaker} say about {topic}?"
        asked = speaker_asked(knowledge, question)
        if asked is None or not asked.quoted:
            continue
        _, query = read_question(knowledge, question)
        if speakers_words_touch(knowledge, query, asked):
            continue
        similarity = speakers_words_meaning(knowledge, query, asked, asked.sentences)
        found.append(similarity if similarity is not None else 0.0)  # never bridged: as if far
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    knowledge = open_store(load_settings(argparse.Namespace(knowledge=None))).current
    kept, passed = np.array(positives(knowledge, args.files)), np.array(negatives(knowledge))
    grid = np.round(np.arange(0.15, 0.50, 0.01), 2)
    worth = [float(np.mean(kept >= t) - np.mean(passed >= t)) for t in grid]
    best = grid[int(np.argmax(worth))]
    print(f"positives {len(kept)}, negatives {len(passed)}; best threshold {best:.2f}")
    for threshold, j in zip(grid, worth, strict=True):
        print(f"  {threshold:.2f}: positives kept {np.mean(kept >= threshold):.2f}, negatives passed {np.mean(passed >= threshold):.2f}, J {j:.3f}")


if __name__ == "__main__":
    main()

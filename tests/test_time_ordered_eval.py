"""tools/time_ordered_eval.py measures each block of three sealed sets with pieces fitted only on
the files written before it, as a new sealed set meets the code: a fit that saw the block, or a
later set, would flatter what is measured."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
FILES = ["sealed_s28", "heldout_a", "sealed_s7", "train_offtopic", "dev_qa", "sealed_s4", "sealed_s29", "sealed_s1", "sealed_s30"]


@pytest.fixture
def tool(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(TOOLS))  # the tool imports its sibling scripts as they import each other
    import time_ordered_eval

    return time_ordered_eval


def fitted_on(tool, block: int) -> set[str]:  # type: ignore[no-untyped-def]
    sets = tool.Sets(FILES, [], np.arange(len(FILES)), [0, 1, 2, 9])
    return {name for name, before in zip(FILES, sets.before(block), strict=True) if before}


def test_a_block_is_fitted_on_the_files_written_before_it_only(tool) -> None:  # type: ignore[no-untyped-def]
    assert fitted_on(tool, 9) == {"heldout_a", "dev_qa", "sealed_s1", "sealed_s4", "sealed_s7", "train_offtopic"}
    assert fitted_on(tool, 0) == {"heldout_a", "dev_qa"}


def test_the_off_topic_training_set_counts_from_the_block_after_s6(tool) -> None:  # type: ignore[no-untyped-def]
    assert "train_offtopic" not in fitted_on(tool, 1)
    assert "train_offtopic" in fitted_on(tool, 2)


def test_the_everyday_training_set_is_fitted_on_by_no_block_and_answered_with_the_newest_block_s_pieces(tool) -> None:  # type: ignore[no-untyped-def]
    """Written after S45: no block so far was fitted on it, and its questions (measured as any file
    outside the blocks) are answered by the pieces of the newest block, there being none after it."""
    names = [*FILES, "train_everyday"]
    sets = tool.Sets(names, [], np.arange(len(names)), [0, 1, 2, 9])
    assert not any(before for name, before in zip(names, sets.before(9), strict=True) if name == "train_everyday")
    assert sets.model_block(names.index("train_everyday")) == 9
    assert sets.model_block(names.index("train_offtopic")) == 2


def test_the_own_words_training_set_counts_from_the_block_after_s51(tool) -> None:  # type: ignore[no-untyped-def]
    """Written in session 21, after S49-S51: that block and every one before it were fitted without it
    (their sealed sets met code that had never seen it); the next block's fit holds it."""
    names = ["dev_qa", "sealed_s1", "train_everyday", "sealed_s49", "train_ownwords", "sealed_s52"]
    sets = tool.Sets(names, [], np.arange(len(names)), [0, 16, 17])
    fitted = {block: {name for name, before in zip(names, sets.before(block), strict=True) if before} for block in (0, 16, 17)}
    assert "train_ownwords" not in fitted[16] | fitted[0]
    assert "train_ownwords" in fitted[17]
    assert sets.model_block(names.index("train_ownwords")) == 17


def test_a_file_whose_writing_time_is_unknown_is_refused_by_name(tool) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit, match="my_questions: not a file of eval/"):
        tool.main(["eval/my_questions.jsonl"])


class _Ranked:
    """A pass as weight_chosen reads it: each question's first right quote's rank."""

    def __init__(self, rank: list[int]) -> None:
        self.rows = type("Rows", (), {"rank": np.array(rank)})()


def test_the_refitted_pipeline_s_weight_is_chosen_on_the_earlier_files_only(tool) -> None:  # type: ignore[no-untyped-def]
    """A weight that does better on the block itself, or on a later block, must not be chosen for it."""
    names = ["dev_qa", "sealed_s1", "sealed_s4"]
    questions = [(i, type("Q", (), {"answerable": True})()) for i in range(3)]
    sets = tool.Sets(names, questions, np.arange(3), [0, 1])
    ranks = {"score, meaning 1": [1, 5, 5], "score, meaning 2": [2, 1, 1]}  # 1 wins on dev, 2 on each sealed set and on dev and S1
    chosen = tool.weight_chosen(sets, lambda label: _Ranked(ranks[label]), tuple(ranks), "test")
    assert chosen == {0: "score, meaning 1", 1: "score, meaning 2"}


def test_only_names_the_lines_to_measure_not_a_file(tool) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit, match="my_questions: not a file of eval/"):
        tool.main(["--only", "shipped", "eval/my_questions.jsonl"])


def test_the_fitting_scripts_encode_each_question_once_however_many_passes_ask_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass asks more texts than the bot remembers (2,048): without remembering them all, the
    next pass (setting, fold, block) encoded every question again."""
    monkeypatch.syspath_prepend(str(TOOLS))
    from bot.ranking import semantic
    import fit_fusion

    monkeypatch.setattr(semantic, "remembered_questions", semantic.remembered_questions)  # put back afterwards
    encoded: list[str] = []

    class Counting:
        def encode(self, texts: list[str]) -> list[np.ndarray]:
            encoded.extend(texts)
            return [np.zeros(4, dtype=np.float32) for _ in texts]

    monkeypatch.setattr(semantic, "shared_model", Counting)
    fit_fusion.remember_every_question()
    texts = [f"question {i}" for i in range(3000)]
    for _ in range(2):  # two passes over the same questions
        for text in texts:
            semantic.question_vector(text)
    assert len(encoded) == len(texts)

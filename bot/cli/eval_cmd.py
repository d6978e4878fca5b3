"""`python -m bot eval FILE`: retrieval quality on a question file (R@1, R@3, MRR, declines)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli.common import EXIT_OK, CommandFailed, add_command, load_settings, open_store
from bot.evaluation import EvalFileError, evaluate, read_questions


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "eval", run, help="measure answers against a question file (dev_qa.jsonl format)")
    parser.add_argument("file", type=Path, help="JSON Lines: id, question, kind, answers [{article, span}]")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="also list each question's result")


def run(args: argparse.Namespace) -> int:
    store = open_store(load_settings(args))
    try:
        questions = read_questions(args.file)
    except EvalFileError as error:
        raise CommandFailed(str(error)) from None
    report = evaluate(store.current, questions)
    numbers = report.as_dict()
    if args.json:
        print(json.dumps(numbers, indent=2))
        return EXIT_OK
    if args.verbose:
        for result in report.results:
            status = "declined" if not result.answer.answered else f"rank {result.rank}" if result.rank else "no gold span"
            print(f"{result.question.id:>6}  {status:<12}  {result.question.question}")
        print()
    print(f"questions:              {numbers['questions']} ({numbers['answerable']} answerable)")
    print(f"R@1:                    {report.recall_at(1):.3f}")
    for kind, value in report.recall_at_1_by_kind().items():
        print(f"  R@1 {kind + ':':<18} {value:.3f}")
    print(f"R@3:                    {report.recall_at(3):.3f}")
    print(f"MRR:                    {report.mrr:.3f}")
    print(f"unanswerable declined:  {numbers['unanswerable_declined']} of {numbers['unanswerable']}")
    print(f"answerable declined:    {numbers['answerable_declined']} of {numbers['answerable']}", end="")
    print(f" ({report.declined_with_answer_closest} with the answer in the closest passage offered)" if numbers["answerable_declined"] else "")
    print(f"median quote length:    {report.median_quote_chars:.0f} characters")
    return EXIT_OK

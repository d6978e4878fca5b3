"""`python -m bot eval FILE…`: answer quality on question files (R@1 by kind, R@3, MRR, declines, quote length)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli.common import EXIT_OK, CommandFailed, add_command, load_settings, open_store
from bot.evaluation import EvalFileError, EvalQuestion, EvalReport, evaluate, read_questions


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "eval", run, help="measure answers against question files (dev_qa.jsonl format)")
    parser.add_argument("file", type=Path, nargs="+", help="JSON Lines: id, question, kind, answers [{article, span}]; several are also pooled")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="also list each question's result")


def run(args: argparse.Namespace) -> int:
    store = open_store(load_settings(args))
    question_sets: dict[str, list[EvalQuestion]] = {}
    for file in args.file:
        try:
            question_sets[str(file)] = read_questions(file)
        except EvalFileError as error:
            raise CommandFailed(str(error)) from None
    reports = {name: evaluate(store.current, questions) for name, questions in question_sets.items()}
    pooled = EvalReport([result for report in reports.values() for result in report.results])
    if args.json:
        # One file: its numbers, as always; several: each file's and all of them pooled.
        numbers = pooled.as_dict() if len(reports) == 1 else {"sets": {n: r.as_dict() for n, r in reports.items()}, "pooled": pooled.as_dict()}
        print(json.dumps(numbers, indent=2))
        return EXIT_OK
    for name, report in reports.items():
        if len(reports) > 1:
            print(f"== {name}")
        _print_report(report, verbose=args.verbose)
    if len(reports) > 1:
        print(f"== all {len(reports)} files pooled")
        _print_report(pooled, verbose=False)
    return EXIT_OK


def _print_report(report: EvalReport, *, verbose: bool) -> None:
    if verbose:
        for result in report.results:
            status = "declined" if not result.answer.answered else f"rank {result.rank}" if result.rank else "no gold span"
            print(f"{result.question.id:>6}  {status:<12}  {result.question.question}")
        print()
    numbers = report.as_dict()
    print(f"questions:              {numbers['questions']} ({numbers['answerable']} answerable)")
    print(f"R@1:                    {report.recall_at(1):.3f}")
    for kind, value in report.recall_at_1_by_kind().items():
        print(f"  R@1 {kind + ':':<18} {value:.3f}")
    print(f"R@3:                    {report.recall_at(3):.3f}")
    print(f"MRR:                    {report.mrr:.3f}")
    print(f"unanswerable declined:  {numbers['unanswerable_declined']} of {numbers['unanswerable']} ({report.unanswerable_declined_share:.0%})", end="")
    print(f", {report.unanswerable_shown_closest} with passages shown" if numbers["unanswerable_declined"] else "")
    print(f"answerable declined:    {numbers['answerable_declined']} of {numbers['answerable']} ({report.answerable_declined_share:.0%})", end="")
    print(
        f", {report.declined_with_answer_closest} with the answer in the closest passage offered ({report.declined_with_answer_shown} among those shown)"
        if numbers["answerable_declined"]
        else ""
    )
    print(f"median quote length:    {report.median_quote_chars:.0f} characters")

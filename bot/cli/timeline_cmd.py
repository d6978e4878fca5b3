"""`python -m bot timeline [--json | --format timelinejs] [TOPIC] [--from DATE] [--to DATE]`."""

from __future__ import annotations

import argparse
import json
import sys

from bot import commands, messages
from bot.answers import clean_question
from bot.cli.common import EXIT_OK, EXIT_USAGE, CommandFailed, add_command, load_settings, open_store
from bot.render.timeline_text import timeline_text
from bot.timeline.export import timeline_dict, timelinejs

FORMATS = ("text", "json", "timelinejs")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(subparsers, "timeline", run, help="the dated events in the articles, each backed by a quote")
    parser.add_argument("topic", nargs="*", help="only events on this topic (matched like /ask)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text (same as --format json)")
    parser.add_argument("--format", choices=FORMATS, default=None, help="text (default), json, or timelinejs (TimelineJS3's JSON)")


def run(args: argparse.Namespace) -> int:
    if args.json and args.format not in (None, "json"):
        raise CommandFailed(messages.JSON_OR_FORMAT, EXIT_USAGE)
    output = "json" if args.json else (args.format or "text")
    # A partial date covers its whole span: --from 2018-06 starts June 1, --to 2018 ends December 31.
    try:
        date_from, date_to = commands.date_range(args.date_from, args.date_to)
    except commands.BadDate as bad:
        raise CommandFailed(messages.TIMELINE_BAD_FLAG_DATE.format(option=f"--{bad.which}", problem=messages.timeline_bad_date(bad.value)), EXIT_USAGE) from None
    swapped = commands.swapped_dates(args.date_from, args.date_to)
    topic = clean_question(" ".join(args.topic)) or None  # as a chat command reads it: no mentions, no terminal codes
    if topic and args.date_from is None and args.date_to is None:
        # Dates at the end, as in the chat: `timeline hanoi 2019-02 2019-03`, `timeline 2018`.
        try:
            query = commands.parse_timeline_text(topic)
        except commands.BadDate as bad:  # `timeline hanoi 2019-13`: said as the chat says it
            raise CommandFailed(messages.timeline_bad_date(bad.value), EXIT_USAGE) from None
        topic, date_from, date_to = query.astuple()
        swapped = query.swapped
    store = open_store(load_settings(args))
    events = commands.timeline(store, topic, date_from, date_to)
    if swapped and output != "text":
        # Standard output is the JSON a script reads: how the dates were read goes to standard error.
        print(messages.timeline_dates_swapped(swapped), file=sys.stderr)
    if output == "json":
        print(json.dumps(timeline_dict(events), ensure_ascii=False, indent=2))
    elif output == "timelinejs":
        print(json.dumps(timelinejs(events, store.current.profile.name), ensure_ascii=False, indent=2))
    else:
        if swapped:
            print(f"{messages.timeline_dates_swapped(swapped)}\n")
        print(timeline_text(events, topic, commands.left_out_by_dates(store, topic, date_from, date_to, len(events))))
    return EXIT_OK

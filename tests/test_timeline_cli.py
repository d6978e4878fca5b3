"""The timeline through its front doors: topic filter, the command line (text, JSON, TimelineJS3), terminal chat."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot import commands, messages
from bot.cli import main
from bot.frontends.terminal import reply_to
from bot.knowledge.store import KnowledgeStore
from bot.ranking.lexical import LexicalRanker
from bot.timeline.models import TimelineEvent
from bot.timeline.topic import events_on_topic
from tests.cli_helpers import run_bot
from tests.conftest import FIXTURE_KNOWLEDGE, write_article, write_talks_with_a_plan

QUOTE_KEYS = {"text", "start", "end", "score", "article"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_topic_filter_uses_the_ask_retriever(bundled_store: KnowledgeStore) -> None:
    titles = [e.title for e in commands.timeline(bundled_store, "Biegun special envoy")]
    assert "Stephen Biegun is appointed special envoy to North Korea" in titles
    assert "Trump and Kim meet at the Singapore summit" not in titles
    # A topic named only in the sentence before an event's quote, which does not point back at
    # it, is not what the event is about: "Hanoi was anything but. Trump appointed … Biegun …".
    hanoi = [e.title for e in commands.timeline(bundled_store, "hanoi")]
    assert "The Hanoi summit ends without a deal" in hanoi and "Stephen Biegun is appointed special envoy to North Korea" not in hanoi
    # Words of the sentences around a dated one count, as /ask weighs a sentence with its
    # neighbours: the Hanoi collapse is dated in one sentence and explained in the next.
    for topic in ("sanctions", "yongbyon", "sanctions relief"):
        assert [e.title for e in commands.timeline(bundled_store, topic)] == ["The Hanoi summit ends without a deal"]
    # Aliases work as in /ask: "Vietnam" finds the Hanoi summit; a misspelling is corrected.
    assert any("Hanoi" in e.title for e in commands.timeline(bundled_store, "Vietnam"))
    assert any("Tillerson" in e.title for e in commands.timeline(bundled_store, "Tilerson"))
    assert commands.timeline(bundled_store, "basketball diplomacy with Dennis Rodman") == []


def test_the_topic_filter_uses_the_meaning_signal_as_ask_does(bundled_store: KnowledgeStore) -> None:
    knowledge = bundled_store.current
    assert knowledge.model_loaded
    events = commands.timeline(bundled_store)
    # Off the articles' topics: nothing, with or without words in common.
    for topic in ("recipes", "wifi", "cooking dinner", "football"):
        assert events_on_topic(knowledge, events, topic) == [], topic
    # The words are in an event's own quote but the meaning is far off: /ask's answer check
    # declines such a trap, and so does the topic filter. On words alone it would be listed.
    trap = "flurry of snow"
    words_only = replace(knowledge, rankers=(LexicalRanker.build(knowledge),))
    assert events_on_topic(words_only, events, trap) != []
    assert events_on_topic(knowledge, events, trap) == []


def test_a_topic_naming_a_source_keeps_its_events_and_small_words_match_nothing(bundled_store: KnowledgeStore) -> None:
    def publishers(event: TimelineEvent) -> set[str]:
        return {q.article.meta.publisher for q in [*event.quotes, *(q for o in event.other_dates for q in o.quotes)]}

    vox = commands.timeline(bundled_store, "vox")
    assert vox and all("Vox" in publishers(e) for e in vox) and len(vox) < len(commands.timeline(bundled_store))
    hanoi_by_vox = commands.timeline(bundled_store, "hanoi according to vox")
    assert hanoi_by_vox and all("Vox" in publishers(e) for e in hanoi_by_vox)
    assert set(map(id, hanoi_by_vox)) <= set(map(id, commands.timeline(bundled_store, "hanoi")))
    assert commands.timeline(bundled_store, "the") == [] and commands.timeline(bundled_store, "???") == []


def test_with_one_article_its_source_s_name_keeps_its_events(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    vox = next((FIXTURE_KNOWLEDGE / "articles").glob("vox-*.md"))
    shutil.copy(vox, tmp_path / "articles" / vox.name)
    store = KnowledgeStore(tmp_path)
    everything = commands.timeline(store)
    assert everything and commands.timeline(store, "vox") == everything
    assert commands.timeline(store, "the") == []


def with_a_season(knowledge: Path) -> Path:
    write_article(knowledge, "test-season", "Tensions between the two sides rose sharply last summer, officials said.", published="2019-02-28")
    return knowledge


def test_json_output_shape(capsys: pytest.CaptureFixture[str], knowledge_copy: Path) -> None:
    data = run_json(capsys, "timeline", "--json", "--knowledge", str(with_a_season(knowledge_copy)))
    assert set(data) == {"events", "announced"} and data["events"]
    for event in data["events"]:
        assert {"date", "precision", "approximate", "title", "quotes", "other_dates", "curated"} <= set(event)
        assert event["precision"] == {4: "year", 7: "month", 10: "day"}[len(event["date"])]
        for quote in event["quotes"]:
            assert set(quote) == QUOTE_KEYS
            assert quote["text"] in open(quote["article"]["path"], encoding="utf-8").read()
    # A season keeps its name: its date is the year, which alone would read as "about 2018".
    summer = next(e for e in data["events"] if e["season"] is not None)
    assert (summer["date"], summer["season"], summer["label"]) == ("2018", "summer", "summer 2018")
    hanoi = next(e for e in data["events"] if e["title"] == "The Hanoi summit ends without a deal")
    assert hanoi["label"] == "February 28, 2019" and hanoi["season"] is None
    assert hanoi["other_dates"][0]["date"] == "2019-02-27"
    assert hanoi["other_dates"][0]["quotes"][0]["article"]["publisher"] == "Vox"


def test_json_topic_and_date_range(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "timeline", "--json", "Singapore", "--from", "2018-06", "--to", "2018-06")
    titles = [e["title"] for e in data["events"]]
    assert "Trump and Kim meet at the Singapore summit" in titles
    # "last summer" (2018, approximate) overlaps June 2018, so it stays; nothing outside June does.
    assert all(e["date"] in ("2018", "2018-06") for e in data["events"])


def test_the_command_line_reads_dates_at_the_end_like_the_chat(capsys: pytest.CaptureFixture[str]) -> None:
    trailing = run_json(capsys, "timeline", "--json", "hanoi", "2019-02", "2019-03")
    options = run_json(capsys, "timeline", "--json", "hanoi", "--from", "2019-02", "--to", "2019-03")
    assert trailing == options and trailing["events"]
    year = run_json(capsys, "timeline", "--json", "2018")
    assert year["events"] and all(e["date"].startswith("2018") for e in year["events"])


def test_dates_the_wrong_way_round_are_read_the_right_way_round(capsys: pytest.CaptureFixture[str]) -> None:
    """Read the right way round, and said so: a silent swap showed a span other than the one typed
    (walkthrough: "/timeline 2019 2018"). JSON on standard output stays the same; the note goes to
    standard error, where the text output has it as its first line."""
    reversed_ = run_json(capsys, "timeline", "--json", "--from", "2019-02", "--to", "2018-06")
    ordered = run_json(capsys, "timeline", "--json", "--from", "2018-06", "--to", "2019-02")
    assert reversed_ == ordered and ordered["events"]
    note = messages.timeline_dates_swapped(("2018-06", "2019-02"))
    assert main(["timeline", "--json", "--from", "2019-02", "--to", "2018-06"]) == 0
    assert note in capsys.readouterr().err
    assert main(["timeline", "--from", "2018-06", "--to", "2019-02"]) == 0
    in_order = capsys.readouterr()
    assert note not in in_order.out + in_order.err
    for argv in (["--from", "2019-02", "--to", "2018-06"], ["2019-02", "2018-06"]):
        assert main(["timeline", *argv]) == 0
        assert capsys.readouterr().out == f"{note}\n\n{in_order.out}", argv
    assert commands.date_range("2019", "2018") == (dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    # In order already: a month, then the year it is in, is that month to the year's end.
    assert commands.date_range("2018-06", "2018") == (dt.date(2018, 6, 1), dt.date(2018, 12, 31))


@pytest.mark.parametrize("bad", ["2018-13", "June", "2019-02-30", "18"])
def test_bad_date_is_one_message_and_exit_2(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["timeline", "--from", bad]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    # Written in the right shape, the calendar's reason; else the shapes to use.
    reason = {"2018-13": "'2018-13' has no month 13: months run from 01 to 12.", "2019-02-30": "'2019-02-30' is not a day of the calendar: February 2019 has 28 days."}
    assert captured.err.strip() == "--from " + reason.get(bad, f"{bad!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, for example 2018-06.")


def test_timelinejs_export(capsys: pytest.CaptureFixture[str], knowledge_copy: Path) -> None:
    data = run_json(capsys, "timeline", "--format", "timelinejs", "--knowledge", str(with_a_season(knowledge_copy)))
    assert data["title"]["text"]["headline"]
    slides = data["events"]
    assert slides
    for slide in slides:
        start = slide["start_date"]
        assert set(start) <= {"year", "month", "day", "display_date"}
        assert "day" not in start or "month" in start
        assert slide["text"]["headline"] and "<blockquote>" in slide["text"]["text"]
        assert slide["group"] in {"Vox", "WIRED", "The Washington Post", "Test Gazette"}
    summer = next(s for s in slides if s["display_date"] == "summer 2018")  # from June to August
    assert (summer["start_date"]["month"], summer["end_date"]["month"], summer["end_date"]["display_date"]) == ("6", "8", "summer 2018")
    agreed = next(s for s in slides if s["start_date"]["year"] == "1994")
    assert set(agreed["start_date"]) == {"year", "display_date"}
    hanoi = next(s for s in slides if "Hanoi summit ends" in s["text"]["headline"])
    assert hanoi["start_date"] == {"year": "2019", "month": "2", "day": "28", "display_date": "February 28, 2019"}
    assert "February 27, 2019" in hanoi["text"]["text"]  # the other source's date is shown, not dropped
    assert len({s["unique_id"] for s in slides}) == len(slides)


def test_text_output_and_terminal_chat(bundled_store: KnowledgeStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "Tillerson"]) == 0
    out = capsys.readouterr().out
    assert "about March 13, 2018: Rex Tillerson leaves" in out and "“So Rex Tillerson is gone.”" in out
    reply = reply_to(bundled_store, "/timeline")
    assert reply.count("\n\n") >= len(bundled_store.current.timeline)
    assert "1994: The Agreed Framework" in reply
    assert "Another source dates this February 27, 2019:" in reply
    assert "No dated events" in reply_to(bundled_store, "/timeline curling championship")


def test_chat_timeline_takes_a_topic_and_a_date_range(bundled_store: KnowledgeStore) -> None:
    query = commands.parse_timeline_text("hanoi 2019-02 2019-03")
    assert query == commands.TimelineQuery("hanoi", dt.date(2019, 2, 1), dt.date(2019, 3, 31))
    events = commands.timeline(bundled_store, query.topic, query.date_from, query.date_to)
    assert events and all(e.date.first_day() <= dt.date(2019, 3, 31) and e.date.last_day() >= dt.date(2019, 2, 1) for e in events)
    shown = reply_to(bundled_store, "/timeline hanoi 2019-02 2019-03")
    assert shown.startswith(messages.timeline_intro(len(events), "hanoi"))
    assert all(e.title in shown for e in events)
    # A year inside the topic stays a topic word.
    assert commands.parse_timeline_text("talks 2019 2018-06 2019-02") == commands.TimelineQuery("talks 2019", dt.date(2018, 6, 1), dt.date(2019, 2, 28))


def test_a_date_like_word_that_is_no_date_is_said_to_be_none_not_searched_as_a_topic(bundled_store: KnowledgeStore) -> None:
    """"/timeline hanoi 2019-13" once answered "No dated events … match 'hanoi 2019-13'", as if
    the month were a word to find; "--from 2019-13" said it was not a date. Typed in a chat or as
    the command's words, the date is named as typed: "from '2019-13' is not a date" named an
    option the user never typed."""
    no_month = "'2019-13' has no month 13: months run from 01 to 12."
    for typed, said in (
        ("/timeline hanoi 2019-13", no_month),
        ("/timeline 2019-02-30", "'2019-02-30' is not a day of the calendar: February 2019 has 28 days."),
        ("/timeline hanoi 2019-02 2019-13", no_month),
    ):
        assert reply_to(bundled_store, typed) == said, typed
    chatted = run_bot("chat", stdin="/timeline 2019-13\n")
    assert f"> /timeline 2019-13\n{no_month}" in chatted.stdout
    result = run_bot("timeline", "hanoi", "2019-13")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(no_month)
    assert "from '2019-13'" not in result.stderr and "Traceback" not in result.stderr


def test_a_year_at_the_end_of_a_chat_timeline_is_a_bound_not_a_topic(bundled_store: KnowledgeStore) -> None:
    """"/timeline 2018" is 2018, "/timeline hanoi 2019" the Hanoi events of 2019, as the help says."""
    assert commands.parse_timeline_text("2018") == commands.TimelineQuery(None, dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert commands.parse_timeline_text("2019-02-27") == commands.TimelineQuery(None, dt.date(2019, 2, 27), dt.date(2019, 2, 27))
    in_2018 = reply_to(bundled_store, "/timeline 2018")
    assert "Trump and Kim meet at the Singapore summit" in in_2018 and "The Hanoi summit ends without a deal" not in in_2018
    assert commands.parse_timeline_text("hanoi 2018 2019") == commands.TimelineQuery("hanoi", dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    swapped = commands.TimelineQuery("hanoi", dt.date(2018, 1, 1), dt.date(2019, 12, 31), swapped=("2018", "2019"))
    assert commands.parse_timeline_text("hanoi 2019 2018") == swapped
    shown = reply_to(bundled_store, "/timeline hanoi 2019")
    assert not shown.startswith("No dated events") and "Hanoi" in shown


def test_an_event_of_several_days_has_its_span_in_every_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write_article(folder, "test-forum", "The two-day trade forum in Lima opened on Wednesday with a call for lower tariffs.", published="2019-03-15")
    [event] = run_json(capsys, "timeline", "--json", "--knowledge", str(folder))["events"]
    assert (event["date"], event["end"], event["label"]) == ("2019-03-13", "2019-03-14", "March 13–14, 2019")
    [slide] = run_json(capsys, "timeline", "--format", "timelinejs", "--knowledge", str(folder))["events"]
    assert (slide["start_date"]["day"], slide["end_date"]["day"], slide["display_date"]) == ("13", "14", "March 13–14, 2019")
    assert main(["timeline", "--knowledge", str(folder)]) == 0
    assert "March 13–14, 2019: The two-day trade forum in Lima opened" in capsys.readouterr().out


def test_announced_plans_are_shown_apart_after_what_happened(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = str(write_talks_with_a_plan(tmp_path / "knowledge"))
    data = run_json(capsys, "timeline", "--json", "--knowledge", folder)
    [happened], [planned] = data["events"], data["announced"]
    assert (happened["date"], happened["title"]) == ("2019-03-12", "The trade ministers met in Oslo and failed to agree on tariffs")
    # "in two weeks" from March 15: about the end of March, not yet happened when reported.
    assert (planned["date"], planned["approximate"], planned["title"]) == ("2019-03", True, "The ministers will return to Oslo")
    assert planned["quotes"][0]["text"] == "The ministers will return to Oslo in two weeks, a spokesman said."
    assert main(["timeline", "--knowledge", folder]) == 0
    text = capsys.readouterr().out
    assert text.startswith(messages.timeline_intro(1, None, announced=1))
    assert text.index("March 12, 2019: The trade ministers met") < text.index(messages.TIMELINE_ANNOUNCED_HEADING) < text.index("about March 2019: The ministers will return")
    # A published timeline shows what happened only.
    [slide] = run_json(capsys, "timeline", "--format", "timelinejs", "--knowledge", folder)["events"]
    assert slide["start_date"]["day"] == "12"


def test_a_topic_written_as_an_abbreviation_finds_events_spelt_out(tmp_path: Path) -> None:
    """`/timeline dmz` found nothing in an added article that spells out "the Demilitarized Zone":
    aliases.yaml names the abbreviation with its expansion, as it does "DPRK"."""
    shutil.copy(FIXTURE_KNOWLEDGE / "aliases.yaml", tmp_path / "aliases.yaml")
    body = """
        The president flew by helicopter toward the Demilitarized Zone on Tuesday, but fog forced him back.

        Farmers in the valley harvested rice on Wednesday.
    """
    write_article(tmp_path, "test-fog", body, published="2017-11-10")
    store = KnowledgeStore(tmp_path)
    titles = [event.title for event in commands.timeline(store, "dmz")]
    assert len(titles) == 1 and "Demilitarized Zone" in titles[0]


def test_a_topic_named_only_in_the_sentence_after_at_another_time_is_not_what_the_event_is_about(tmp_path: Path) -> None:
    """`/timeline TOPIC` lists the events about the topic. The sentence after an event's quote
    tells more of the same event only while it stays at the event's time: one that names a time
    of its own ("last summer") is another matter, so an old treaty is not listed for the port
    named beside it; a next sentence with no time of its own still counts."""
    body = """
        Ambassador Lind helped negotiate the 1998 fishing treaty, which calmed the northern waters for a decade. And while she says the quarrel may have peaked last summer, when the harbour at Tarnby was blockaded, she argues the blockade settled nothing.

        The river council approved a new dredging budget on Monday. It will deepen the channel to the harbour at Tarnby.
    """
    write_article(tmp_path, "test-treaty", body, published="2019-03-15")
    store = KnowledgeStore(tmp_path)
    titles = [event.title for event in commands.timeline(store, "Tarnby harbour")]
    assert not any("treaty" in title for title in titles)
    assert any("dredging budget" in title for title in titles)

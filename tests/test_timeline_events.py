"""Events: curated and found merged, sorted, folded, disagreements shown; new articles add events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import commands
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.store import KnowledgeStore
from bot.timeline.models import TimelineEvent
from tests.conftest import write_article


def by_title(events: tuple[TimelineEvent, ...], words: str) -> TimelineEvent:
    return next(e for e in events if words in e.title)


def test_every_quote_is_an_exact_slice_of_its_article(bundled_store: KnowledgeStore) -> None:
    events = bundled_store.current.timeline
    quotes = [q for e in events for q in (*e.quotes, *(q for o in e.other_dates for q in o.quotes))]
    assert quotes
    for quote in quotes:
        assert quote.article.body[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text


def test_events_are_sorted_with_a_year_before_its_months(bundled_store: KnowledgeStore) -> None:
    events = bundled_store.current.timeline
    keys = [e.date.sort_key() for e in events]
    assert keys == sorted(keys)
    assert events[0].date.iso() == "1994"


def test_hanoi_collapse_keeps_both_dates_with_their_sources(bundled_store: KnowledgeStore) -> None:
    hanoi = by_title(bundled_store.current.timeline, "Hanoi summit ends")
    assert hanoi.curated and hanoi.date.iso() == "2019-02-28"
    assert any("finish line Thursday" in q.text for q in hanoi.quotes)
    (other,) = hanoi.other_dates
    assert other.date.iso() == "2019-02-27"
    assert [q.article.meta.publisher for q in other.quotes] == ["Vox"]
    assert "early Wednesday morning" in other.quotes[0].text


def test_found_mentions_of_a_curated_event_join_it_once(bundled_store: KnowledgeStore) -> None:
    events = bundled_store.current.timeline
    singapore = by_title(events, "Singapore summit")
    assert len(singapore.quotes) == 3
    # Neither "last June" sentence is left over as an event of its own.
    assert not [e for e in events if not e.curated and "last June" in e.title]
    texts = [q.text for e in events for q in e.quotes]
    assert len(texts) == len(set(texts))


def words_in_order(title: str, quote: str) -> bool:
    """Every word of the title is the quote's, in the quote's order (words may be left out)."""
    position = 0
    for word in title.split():
        found = quote.lower().find(word.lower(), position)
        if found < 0:
            return False
        position = found + len(word)
    return True


def test_found_events_have_titles_from_their_quote(bundled_store: KnowledgeStore) -> None:
    found = [e for e in bundled_store.current.timeline if not e.curated]
    assert found
    for event in found:
        assert words_in_order(event.title, event.quotes[0].text) and len(event.title) <= 80
        assert "…" not in event.title


def test_two_sources_disagreeing_on_a_day_without_curation(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write_article(folder, "paper-a", "The Hanoi summit between Trump and Kim collapsed Thursday without a nuclear deal.", published="2019-02-28")
    write_article(folder, "paper-b", "The Hanoi summit between Trump and Kim collapsed early Wednesday morning without a nuclear deal.", published="2019-02-28")
    write_article(folder, "paper-c", "Separately, the harvest festival in Ohio opened Wednesday with record crowds.", published="2019-02-28")
    events = build_knowledge_base(folder).timeline
    hanoi = [e for e in events if "Hanoi" in e.quotes[0].text]
    assert len(hanoi) == 1
    (event,) = hanoi
    assert {event.date.iso(), *(o.date.iso() for o in event.other_dates)} == {"2019-02-27", "2019-02-28"}
    # The unrelated Wednesday event shares a date, not words, so it stays apart.
    assert any("harvest" in e.quotes[0].text and not e.other_dates for e in events)


def test_same_event_in_two_articles_is_folded(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write_article(folder, "one", "Stephen Biegun was named special envoy to North Korea in August 2018.", published="2019-01-05")
    write_article(folder, "two", "In August 2018, Stephen Biegun became the special envoy for North Korea.", published="2019-02-05")
    events = build_knowledge_base(folder).timeline
    assert len(events) == 1
    assert events[0].date.iso() == "2018-08" and len(events[0].quotes) == 2


def test_an_added_article_shows_its_events_without_curation(knowledge_copy: Path) -> None:
    store = KnowledgeStore(knowledge_copy)
    before = len(store.current.timeline)
    write_article(
        knowledge_copy,
        "test-2019-06-30-dmz",
        """
        Trump stepped into North Korea at the DMZ on June 30, 2019, the first sitting president to do so.

        The two leaders had last met in Hanoi in February.
        """,
        published="2019-06-30",
    )
    store.reload()
    events = store.current.timeline
    assert len(events) > before
    dmz = next(e for e in events if any(q.article.id == "test-2019-06-30-dmz" and "DMZ" in q.text for q in e.quotes))
    assert dmz.date.iso() == "2019-06-30" and not dmz.curated
    assert dmz.title == "Trump stepped into North Korea at the DMZ" and dmz.label == "June 30, 2019"
    assert commands.timeline(store, "dmz") == [dmz]


def test_a_curated_month_takes_the_day_an_added_article_gives(knowledge_copy: Path) -> None:
    """The curator wrote "2018-06" for Singapore (their articles say "last June"); an article that
    says "June 12, 2018" makes it that day, with every quote still there."""
    store = KnowledgeStore(knowledge_copy)
    assert by_title(store.current.timeline, "Singapore summit").date.iso() == "2018-06"
    write_article(
        knowledge_copy,
        "test-2018-06-13-singapore",
        "Trump and Kim met at the Singapore summit on June 12, 2018.",
        published="2018-06-13",
    )
    store.reload()
    singapore = by_title(store.current.timeline, "Singapore summit")
    assert singapore.date.iso() == "2018-06-12" and singapore.curated
    assert len(singapore.quotes) == 4
    assert any(q.article.id == "test-2018-06-13-singapore" for q in singapore.quotes)


def test_folder_without_timeline_file_has_only_found_events(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write_article(folder, "only", "The summit was held on June 12, 2018, in Singapore.", published="2018-06-13")
    knowledge = build_knowledge_base(folder)
    assert knowledge.problems == ()
    assert [(e.date.iso(), e.curated) for e in knowledge.timeline] == [("2018-06-12", False)]


def test_date_window_filter(bundled_store: KnowledgeStore) -> None:
    events = commands.timeline(bundled_store, None, dt.date(2018, 6, 1), dt.date(2018, 12, 31))
    dates = {e.date.iso() for e in events}
    assert "2018-06" in dates and "2018-11" in dates and "2018-08" in dates
    assert "1994" not in dates and "2019-02-28" not in dates


def test_a_span_and_a_vaguer_date_of_one_event_load_without_error(tmp_path: Path) -> None:
    """One source gives the days of a two-day meeting, two others only its month: the event takes
    the month most sources give, and the knowledge still loads (a crash here lost every article)."""
    folder = tmp_path / "knowledge"
    write_article(folder, "paper-a", "Moon and Kim held their summit in Pyongyang on September 18-19, 2018.", published="2018-09-20")
    write_article(folder, "paper-b", "Moon and Kim held their summit in Pyongyang in September 2018.", published="2018-12-01")
    write_article(folder, "paper-c", "Moon and Kim held their summit in Pyongyang in September 2018.", published="2019-01-10")
    events = [e for e in build_knowledge_base(folder).timeline if "Pyongyang" in e.quotes[0].text]
    assert events, "the summit is on the timeline"
    assert all(e.end is None or e.date.first_day() <= e.end.first_day() for e in events)


def test_a_fault_in_the_timeline_costs_the_timeline_not_the_answers(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.knowledge.base as base

    def broken(knowledge: object, cache_folder: object = None) -> object:
        raise TypeError("'<=' not supported between instances of 'int' and 'NoneType'")

    monkeypatch.setattr(base, "build_timeline", broken)
    knowledge = build_knowledge_base(knowledge_copy)
    assert knowledge.timeline == ()
    assert any(p.field == "timeline" and "could not be built (TypeError" in p.message for p in knowledge.problems)
    assert commands.ask(KnowledgeStore(knowledge_copy), "Who was Trump's choice to replace Tillerson?", frontend="test").quotes


def write_other_news(folder: Path) -> None:
    """Articles on other things, so that words weigh as in a real folder (in two articles alone,
    every word they share is one both use, the commonest there is)."""
    for number, text in enumerate(["The harvest festival in Ohio drew record crowds.", "Rain delayed the marathon in Boston.", "The museum reopened its east wing to visitors.", "A new bridge opened over the river in Lyon.", "The orchestra played to a full hall in Vienna.", "Farmers reported a dry spring across the plains."]):
        write_article(folder, f"other-{number}", text, published="2018-09-01")


def dates_shown_with(events: tuple[TimelineEvent, ...], article_id: str) -> set[str]:
    """Every date a reader sees above a quote of the article: its event's, or the other date it is listed under."""
    shown = {e.label for e in events for q in e.quotes if q.article.id == article_id}
    return shown | {o.date.label(o.approximate) for e in events for o in e.other_dates for q in o.quotes if q.article.id == article_id}


def test_a_vaguer_date_is_never_shown_as_another_article_s_day(tmp_path: Path) -> None:
    """"Early July" in one article and "July 6 and 7" in another tell one visit: each quote is
    under the date its own article gives, the vaguer one never under July 6–7."""
    folder = tmp_path / "knowledge"
    vague = "Mike Pompeo's visit to Pyongyang in early July ended with the North accusing Washington of making gangster-like demands."
    precise = "Pompeo's third trip to Pyongyang, on July 6 and 7, ended with the North's foreign ministry accusing the United States of making gangster-like demands."
    write_article(folder, "review", vague, published="2018-09-01")
    write_article(folder, "report", precise, published="2018-09-21")
    write_other_news(folder)
    events = build_knowledge_base(folder).timeline
    assert dates_shown_with(events, "review") == {"about July 2018"}
    assert dates_shown_with(events, "report") == {"July 6–7, 2018"}


def test_a_vaguer_date_sharing_some_words_stays_its_own_event(tmp_path: Path) -> None:
    """A month agrees with every day of it, so the words must show plainly that a mention of the
    month tells the day's event: flying to Tokyo to brief on the talks is not the talks, though
    four words of it are the talks' ("Pompeo", "nuclear", "talks", "Pyongyang")."""
    folder = tmp_path / "knowledge"
    write_article(folder, "weekly", "In early July, Pompeo flew to Tokyo to brief Japanese officials on his nuclear talks in Pyongyang.", published="2018-08-01")
    write_article(folder, "daily", "On July 6, Pompeo held nuclear talks in Pyongyang with Kim Yong Chol.", published="2018-07-07")
    write_other_news(folder)
    events = build_knowledge_base(folder).timeline
    assert dates_shown_with(events, "weekly") == {"about July 2018"}
    assert dates_shown_with(events, "daily") == {"July 6, 2018"}
    assert not any(e.other_dates for e in events)


def test_a_day_inside_a_span_is_shown_as_that_day(tmp_path: Path) -> None:
    """Trump's remark "that day" (Feb. 28) joining the two-day Hanoi summit (Feb. 27-28) another
    article dates is listed under its own day, not under the summit's first."""
    folder = tmp_path / "knowledge"
    write_article(folder, "agency", "The Hanoi summit, held on Feb. 27-28, 2019, ended without agreement when Trump walked away from Kim.", published="2019-10-06")
    write_article(folder, "review", "Trump walked away from Kim in Hanoi on Feb. 28, 2019, telling reporters the summit ended without agreement.", published="2020-01-20")
    events = build_knowledge_base(folder).timeline
    assert dates_shown_with(events, "agency") == {"February 27–28, 2019"}
    assert dates_shown_with(events, "review") == {"February 28, 2019"}


def test_a_sentence_of_two_dates_does_not_pull_another_article_to_the_wrong_one(tmp_path: Path) -> None:
    """"On June 30, arranged after Trump floated the idea the day before" gives two mentions of
    the same words, June 29 and June 30; another article's June 30 meeting joins the June 30 one,
    not the June 29 one found first (the DMZ meeting stayed two events so)."""
    folder = tmp_path / "knowledge"
    write_article(folder, "a-review", "The handshake with Kim at the Demilitarized Zone on June 30, arranged after Trump floated the idea on Twitter the day before, revived the talks.", published="2020-01-20")
    write_article(folder, "b-report", "Trump shook hands with Kim at the Demilitarized Zone on June 30 after he floated the idea on Twitter.", published="2019-07-01")
    events = build_knowledge_base(folder).timeline
    (meeting,) = [e for e in events if any(q.article.id == "b-report" for q in e.quotes)]
    assert meeting.date.iso() == "2019-06-30"
    assert {q.article.id for q in meeting.quotes} == {"a-review", "b-report"}


def test_a_curated_day_does_not_take_another_day_of_the_article_it_quotes(tmp_path: Path) -> None:
    """One writer gives one event one date: the curator quoted the story's Sunday signing for
    Sunday, so its Saturday invitation, though about the same treaty and place, is another event,
    not "another source dates this" Saturday."""
    folder = tmp_path / "knowledge"
    signing = "The two governors signed the river treaty at the old customs house in Lyon on Sunday."
    invitation = "On Saturday, the first governor invited the second by letter to sign the river treaty at the old customs house."
    write_article(folder, "gazette", f"{signing}\n\n{invitation}", published="2021-05-16")
    write_other_news(folder)
    (folder / "timeline.yaml").write_text(
        f'events:\n  - date: "2021-05-16"\n    title: The governors sign the river treaty\n    quotes:\n      - article: gazette\n        text: "{signing}"\n',
        encoding="utf-8",
    )
    knowledge = build_knowledge_base(folder)
    assert knowledge.problems == ()
    signed = next(e for e in knowledge.timeline if e.curated)
    assert signed.curated and not signed.other_dates
    invited = next(e for e in knowledge.timeline if any(q.text == invitation for q in e.quotes))
    assert not invited.curated and invited.date.iso() == "2021-05-15"

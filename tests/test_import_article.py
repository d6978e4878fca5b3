"""`python -m bot import`: HTML pages shaped like real news pages, plain text, ids, refusals, --replace."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from bot import messages

from bot import commands
from bot.cli import main
from bot.importer.article_file import make_id, slug
from bot.importer.chrome import drop_chrome
from bot.knowledge.articles import read_article
from bot.knowledge.base import build_knowledge_base
from bot.knowledge.frontmatter import split_front_matter
from bot.knowledge.store import KnowledgeStore
from tests.cli_helpers import run_bot_process
from tests.conftest import FIXTURE_KNOWLEDGE, SEEDS, write_article

PAGES = Path(__file__).resolve().parent / "pages"
NEWS_ID = "the-harbour-courier-2019-03-04-quince-envoys-leave-pyongyang"
NEWS_PARAGRAPHS = (
    "The delegation of quince growers from Tromsø left Pyongyang on Sunday without the orchard agreement they had flown in to sign.",
    "For six days the growers had argued that grafting rootstock across the border would do more for trust than any communiqué.",
    "Their hosts listened politely, served quince tea twice a day, and promised an answer that never came.",
    "“We will be back in the spring, when the buds are swelling,” said Astrid Halvorsen, who led the growers.",
    "The talks were the ninth attempt since 2016 to open an orchard channel alongside the nuclear negotiations.",
)
MAGAZINE_PARAGRAPHS = (
    "For most of 2018, two lighthouse keepers on opposite shores of the Yellow Sea traded signals every evening at nine.",
    "The keepers used a code built from the lengths of their beams, a system one of them had learned from her grandfather.",
    "By the time the Singapore summit was announced, the signals had carried forty-two messages about fishing quotas and fog.",
    "Neither government acknowledged the channel, and both keepers retired before the Hanoi summit in February 2019.",
)
CHROME = (
    "Home", "Politics", "clock menu", "more-arrow", "Share", "Tweet", "Facebook", "Getty Images", "AP Photo",
    "Sunan airport", "western coast at dusk", "Related stories", "Hanoi summit collapsed in two hours", "Yongbyon",
    "More Great", "sandbag", "napping", "fog horn", "Sign up", "All rights reserved", "Privacy", "Cookie",
    "Subscribe", "graft the tree after the harvest", "Quince envoys leave", "Back Channel",
)


def run_cli(*argv: str) -> int:
    return main(list(argv))


def test_an_html_page_becomes_an_article_without_its_chrome(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("import", str(PAGES / "news_page.html"), "--knowledge", str(knowledge_copy)) == 0
    written = knowledge_copy / "articles" / f"{NEWS_ID}.md"
    out = capsys.readouterr().out
    assert str(written) in out and messages.IMPORT_OK in out

    article, problems = read_article(written)
    assert problems == [] and article is not None
    assert article.body == "\n\n".join(NEWS_PARAGRAPHS)  # every paragraph, in order, and nothing else
    meta = article.meta
    assert (meta.title, meta.publisher, str(meta.published), meta.author) == (
        "Quince envoys leave Pyongyang without a deal", "The Harbour Courier", "2019-03-04", "Marta Lindqvist",
    )
    assert str(meta.url) == "https://courier.example.com/2019/03/04/quince-envoys-leave-pyongyang"
    assert meta.source_file == "news_page.html"
    assert build_knowledge_base(knowledge_copy).problems == ()  # what `check` checks
    assert run_cli("check", "--knowledge", str(knowledge_copy)) == 0


def test_a_page_without_metadata_is_refused_until_the_flags_fill_it(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(PAGES / "magazine_page.html")
    before = sorted((knowledge_copy / "articles").iterdir())
    assert run_cli("import", page, "--knowledge", str(knowledge_copy)) == 1
    err = capsys.readouterr().err
    assert "Nothing was written" in err
    assert "published is missing: pass --published YYYY-MM-DD" in err and "publisher is missing: pass --publisher NAME" in err
    assert sorted((knowledge_copy / "articles").iterdir()) == before

    # A bad flag is one sentence saying what is wanted, and nothing is written.
    with pytest.raises(SystemExit):
        run_cli("import", page, "--publisher", "Meridian Weekly", "--published", "2019-13-01", "--knowledge", str(knowledge_copy))
    assert "argument --published: '2019-13-01' is not a day: use YYYY-MM-DD" in capsys.readouterr().err
    assert run_cli("import", page, "--publisher", "M", "--published", "2019-03-01", "--id", "Bad Id/x", "--knowledge", str(knowledge_copy)) == 1
    assert "id: 'Bad Id/x' is not an id: use 1 to 64 lower-case letters" in capsys.readouterr().err
    assert sorted((knowledge_copy / "articles").iterdir()) == before

    code = run_cli("import", page, "--publisher", "Meridian Weekly", "--published", "2019-03-01", "--kind", "analysis", "--knowledge", str(knowledge_copy))
    assert code == 0
    out = capsys.readouterr().out
    assert "author is missing: pass --author NAME" in out and "url is missing: pass --url URL" in out
    written = knowledge_copy / "articles" / "meridian-weekly-2019-03-01-the-lighthouse-keepers-back-channel.md"
    article, problems = read_article(written)
    assert problems == [] and article is not None
    assert article.body == "\n\n".join(MAGAZINE_PARAGRAPHS)
    assert article.meta.kind == "analysis"


@pytest.mark.parametrize("page", ["news_page.html", "magazine_page.html"])
def test_no_chrome_reaches_the_body(knowledge_copy: Path, page: str) -> None:
    flags = ["--publisher", "P", "--published", "2019-03-01", "--id", "page-under-test"]
    assert run_cli("import", str(PAGES / page), *flags, "--knowledge", str(knowledge_copy)) == 0
    body = split_front_matter((knowledge_copy / "articles" / "page-under-test.md").read_text(encoding="utf-8")).body
    for chrome in CHROME:
        assert chrome not in body


def test_an_existing_id_is_refused_unless_replace(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(PAGES / "news_page.html")
    assert run_cli("import", page, "--knowledge", str(knowledge_copy)) == 0
    written = knowledge_copy / "articles" / f"{NEWS_ID}.md"
    original = written.read_text(encoding="utf-8")
    assert run_cli("import", page, "--author", "Someone Else", "--knowledge", str(knowledge_copy)) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "pass --replace" in err
    assert written.read_text(encoding="utf-8") == original
    assert run_cli("import", page, "--author", "Someone Else", "--replace", "--knowledge", str(knowledge_copy)) == 0
    assert read_article(written)[0].meta.author == "Someone Else"  # type: ignore[union-attr]


def test_a_bundled_id_in_another_file_name_is_refused(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The id is taken by a file whose name is not <id>.md: importing must not create a duplicate.
    held = write_article(knowledge_copy, "beekeeping-2019", "An older article about beekeeping diplomacy.")
    held = held.rename(held.with_name("renamed-by-hand.md"))
    source = knowledge_copy.parent / "plain.txt"
    source.write_text("A plain article about beekeeping diplomacy in the demilitarized zone.\n", encoding="utf-8")
    flags = ["--id", "beekeeping-2019", "--title", "T", "--publisher", "P", "--published", "2019-03-01", "--knowledge", str(knowledge_copy)]
    assert run_cli("import", str(source), *flags) == 1
    assert "renamed-by-hand.md" in capsys.readouterr().err
    assert not (knowledge_copy / "articles" / "beekeeping-2019.md").exists()
    assert run_cli("import", str(source), *flags, "--replace") == 0
    # Replaced by a file named after its id, as `check` wants: the misnamed one is gone.
    assert "demilitarized zone" in (knowledge_copy / "articles" / "beekeeping-2019.md").read_text(encoding="utf-8")
    assert not held.exists()
    assert f"Removed {held}" in capsys.readouterr().out
    assert run_cli("check", "--knowledge", str(knowledge_copy)) == 0


def test_replace_with_a_new_id_replaces_the_article_with_the_same_url(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Re-importing a page under a corrected title (so a new id) once left the old copy beside the
    new one, and the bot quoted the story twice."""
    page = str(PAGES / "news_page.html")
    assert run_cli("import", page, "--knowledge", str(knowledge_copy)) == 0
    old = knowledge_copy / "articles" / f"{NEWS_ID}.md"
    url = str(read_article(old)[0].meta.url)  # type: ignore[union-attr]
    renamed = ["import", page, "--id", "quince-envoys", "--knowledge", str(knowledge_copy)]
    assert run_cli(*renamed) == 1  # without --replace: refused, naming the file that has the story
    err = capsys.readouterr().err
    assert f"{old} already holds this story (the same url) as id {NEWS_ID!r}; pass --replace" in err
    assert not (knowledge_copy / "articles" / "quince-envoys.md").exists()
    assert run_cli(*renamed, "--replace") == 0
    assert not old.exists()
    ids = [a.id for a in build_knowledge_base(knowledge_copy).articles.values() if a.meta.url and str(a.meta.url) == url]
    assert ids == ["quince-envoys"]
    assert run_cli("check", "--knowledge", str(knowledge_copy)) == 0


def test_the_same_text_under_a_new_id_is_the_same_story(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    held = write_article(knowledge_copy, "orchard-channel", "The orchard channel opened in the spring.\n\nIt closed by the autumn.")
    source = knowledge_copy.parent / "plain.txt"
    source.write_text("The orchard channel opened in the spring.\n\nIt closed   by the autumn.\n", encoding="utf-8")
    flags = ["--id", "orchard-2019", "--title", "T", "--publisher", "P", "--published", "2019-03-01", "--knowledge", str(knowledge_copy)]
    assert run_cli("import", str(source), *flags) == 1
    assert "(the same text) as id 'orchard-channel'" in capsys.readouterr().err
    assert run_cli("import", str(source), *flags, "--replace") == 0
    assert not held.exists() and (knowledge_copy / "articles" / "orchard-2019.md").exists()


def test_plain_text_is_kept_as_it_is_and_clean_drops_whole_chrome_lines(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = knowledge_copy.parent / "beekeepers.txt"
    paragraphs = [
        "Beekeepers from both Koreas met at Panmunjom on Tuesday to compare hives.",
        "“The bees do not know where the border is,” said one of them — a line the others applauded.",
    ]
    source.write_text("clock menu more-arrow no yes\n\n" + "\n\n".join(paragraphs) + "\n\n\nMore Great WIRED Stories\n", encoding="utf-8")
    flags = ["--title", "Beekeepers meet at Panmunjom", "--publisher", "Test Gazette", "--published", "2019-04-02"]
    written = knowledge_copy / "articles" / "test-gazette-2019-04-02-beekeepers-meet-at-panmunjom.md"

    # As it is, by default; the lines that look like chrome are named.
    assert run_cli("import", str(source), *flags, "--knowledge", str(knowledge_copy)) == 0
    assert read_article(written)[0].body == source.read_text(encoding="utf-8").strip()  # type: ignore[union-attr]
    out = capsys.readouterr().out
    assert "look like page chrome" in out and "  clock menu more-arrow no yes" in out and "  More Great WIRED Stories" in out

    # --clean leaves out exactly those whole lines, and nothing else.
    assert run_cli("import", str(source), *flags, "--clean", "--replace", "--knowledge", str(knowledge_copy)) == 0
    article, problems = read_article(written)
    assert problems == [] and article is not None
    assert article.body == "\n\n".join(paragraphs)
    answer = commands.ask(KnowledgeStore(knowledge_copy), "Where did the beekeepers compare hives?", frontend="test")
    assert answer.answered and "Panmunjom" in answer.quotes[0].text


def test_a_run_of_menu_words_is_page_chrome_in_any_order(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Menu Search Sign in" was kept as body text: a navigation bar run together into one line is
    found by its words, whatever the site put in it, and a sentence using such words is kept."""
    source = knowledge_copy.parent / "story.txt"
    paragraphs = [
        "Beekeepers from both Koreas met at Panmunjom on Tuesday to compare hives.",
        "Sign in to the registry, the organisers told each of them, before the next meeting.",
    ]
    bars = ["Search Menu Log in", "Skip to main content", "Home | Newsletters | Sign up"]
    source.write_text("\n\n".join([bars[0], paragraphs[0], bars[1], paragraphs[1], bars[2]]) + "\n", encoding="utf-8")
    flags = ["--title", "Beekeepers meet at Panmunjom", "--publisher", "Test Gazette", "--published", "2019-04-02", "--knowledge", str(knowledge_copy)]
    written = knowledge_copy / "articles" / "test-gazette-2019-04-02-beekeepers-meet-at-panmunjom.md"
    assert run_cli("import", str(source), *flags) == 0
    out = capsys.readouterr().out
    assert all(f"  {bar}\n" in out for bar in bars), out  # named as looking like chrome
    assert run_cli("import", str(source), *flags, "--clean", "--replace") == 0
    article, problems = read_article(written)
    assert problems == [] and article is not None
    assert article.body == "\n\n".join(paragraphs)


@pytest.mark.parametrize("article_file", sorted(p.name for p in (FIXTURE_KNOWLEDGE / "articles").glob("*.md")))
def test_the_scraped_seeds_clean_to_the_bundled_bodies(article_file: str) -> None:
    bundled, _ = read_article(FIXTURE_KNOWLEDGE / "articles" / article_file)
    assert bundled is not None and bundled.meta.source_file is not None
    scraped = (SEEDS / bundled.meta.source_file).read_text(encoding="utf-8")
    assert drop_chrome(scraped, bundled.meta.title, bundled.meta.standfirst).text == bundled.body


def test_generated_ids_fit_the_pattern() -> None:
    long_title = "The North Korea talks haven't even started yet, and Trump is already in trouble"
    generated = make_id("The Washington Post (Global Opinions)", "2018-03-13", long_title)
    assert generated == "the-washington-post-2018-03-13-the-north-korea-talks-havent-even"
    assert len(generated) <= 64
    assert make_id("Vox", "2019-02-28", "Trump’s approach with Kim Jong Un") == "vox-2019-02-28-trumps-approach-with-kim-jong-un"


def test_a_page_with_no_article_or_a_file_that_is_not_utf8_is_refused(tmp_path: Path, knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty_page = tmp_path / "nav_only.html"
    empty_page.write_text("<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Kim Jong Un arriva à Hanoï en train blindé.".encode("latin-1"))
    before = sorted((knowledge_copy / "articles").iterdir())
    assert run_cli("import", str(empty_page), "--knowledge", str(knowledge_copy)) == 1
    assert "Found no article text" in capsys.readouterr().err
    assert run_cli("import", str(latin1), "--title", "T", "--publisher", "P", "--published", "2019-03-01", "--knowledge", str(knowledge_copy)) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert sorted((knowledge_copy / "articles").iterdir()) == before


def test_a_page_in_a_legacy_charset_keeps_its_accents(tmp_path: Path, knowledge_copy: Path) -> None:
    html = (PAGES / "news_page.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    page = tmp_path / "latin1_page.html"
    page.write_bytes(html.encode("iso-8859-1", errors="replace"))
    assert run_cli("import", str(page), "--id", "latin1-page", "--knowledge", str(knowledge_copy)) == 0
    article, _ = read_article(knowledge_copy / "articles" / "latin1-page.md")
    assert article is not None and "Tromsø" in article.body and "communiqué" in article.body


def test_a_sentence_printed_twice_is_kept_once_and_a_caption_not_at_all() -> None:
    sentence = "The envoy met his counterparts in Stockholm for three days of talks."
    body = f"Opening paragraph of the story.\n\n{sentence}\n\n{sentence}\n\nClosing paragraph."
    assert drop_chrome(body, None, None).text == f"Opening paragraph of the story.\n\n{sentence}\n\nClosing paragraph."
    caption = "Kim Jong Un arrives at the station in Dong Dang, Vietnam."
    credited = f"Opening paragraph of the story.\n\n{caption}\n{caption}\nPhoto: Reuters/Getty Images\n\nClosing paragraph."
    assert drop_chrome(credited, None, None).text == "Opening paragraph of the story.\n\nClosing paragraph."


@pytest.mark.parametrize(
    "credited",
    [
        "Kim Jong Un watches the launch, in this photo released by the state news agency. (KCNA/Getty Images)",
        "The two leaders shake hands at the hotel. (Ola Nordmann/Fjord Pictures)",  # any photographer and agency
        "Delegates arrive for the talks. (Photo by Kari Nordmann via Harbour Images)",
        "(Jane Q. Public/Example Wire Service)",
        "Per Hansen/Fjord Pictures",
    ],
)
def test_clean_drops_a_caption_closed_by_a_photo_credit_and_a_credit_alone(credited: str) -> None:
    """A walkthrough's "…released by KCNA. (KCNA/Getty Images)" was kept by --clean and later quoted."""
    prose = [
        "The launch came days after the summit in Vladivostok.",
        "A poll by Harbour/Fjord found most voters backed the talks (by a wide margin).",  # parentheses in prose stay
        "Trump and Kim met at the border (June 30, 2019).",
    ]
    text = "\n\n".join([prose[0], credited, *prose[1:]])
    cleaned = drop_chrome(text, None, None)
    assert cleaned.text == "\n\n".join(prose)
    assert cleaned.dropped == (credited,)


def test_a_utf16_text_file_is_imported_as_ask_batch_reads_it(knowledge_copy: Path) -> None:
    """Import refused a file PowerShell or Notepad saved as UTF-16 (with its byte order mark) that
    `ask --batch` read: both now read files alike (bot.knowledge.encoding.encoding_of)."""
    body = "Beekeepers from both Koreas met at Panmunjom on Tuesday to compare hives, and Tromsø's growers sent honey."
    source = knowledge_copy.parent / "windows.txt"
    source.write_bytes(body.encode("utf-16"))  # with its byte order mark
    flags = ["--title", "Beekeepers meet", "--publisher", "Test Gazette", "--published", "2019-04-02", "--id", "utf16-beekeepers"]
    assert run_cli("import", str(source), *flags, "--knowledge", str(knowledge_copy)) == 0
    article, _ = read_article(knowledge_copy / "articles" / "utf16-beekeepers.md")
    assert article is not None and article.body == body


def test_a_broken_utf16_file_is_refused_as_utf16_naming_the_byte(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with a UTF-16 byte order mark whose bytes then break off mid-character was refused as
    "not UTF-8", sending the maintainer to look for the wrong problem."""
    source = knowledge_copy.parent / "truncated.txt"
    source.write_bytes("Delegates met at Panmunjom on Tuesday.".encode("utf-16") + b"\x00")  # an odd trailing byte
    flags = ["--title", "T", "--publisher", "P", "--published", "2019-03-01", "--knowledge", str(knowledge_copy)]
    before = sorted((knowledge_copy / "articles").iterdir())
    assert run_cli("import", str(source), *flags) == 1
    error = capsys.readouterr().err
    assert "not UTF-16 text" in error and "offset 78" in error and "not UTF-8" not in error
    assert sorted((knowledge_copy / "articles").iterdir()) == before


@pytest.mark.parametrize(
    "title",
    [
        "Trump steps into North Korea at the DMZ and shakes hands with Kim",  # the walkthrough's: cut after "at the"
        "Pompeo and Kim Yong Chol meet in New York to prepare for the second summit",
        "North Korea says it will not give up its nuclear weapons for the sake of a deal",
    ],
)
def test_a_cut_id_ends_on_a_whole_word_that_is_not_a_small_one(title: str) -> None:
    """A long title is cut to the id limit; the cut left "…-north-korea-at-the", a phrase cut off."""
    generated = make_id("Walk Test Desk", "2019-06-30", title)
    full = f"walk-test-desk-2019-06-30-{slug(title)}"
    assert len(generated) <= 64 and full.startswith(generated) and full[len(generated)] == "-"  # whole words only
    assert generated.split("-")[-1] not in {"a", "an", "the", "at", "of", "in", "to", "and", "for", "on", "with", "its", "will", "not"}
    assert len(generated) >= 40  # only small words go: the title still says what it is about


@pytest.mark.parametrize(
    ("publisher", "title"),
    [
        # Every word that fits before the long one is small: the cut fell inside the long word.
        ("Walk Test Desk", "Of the Denuclearisationnegotiationsandtheirdiscontents at Hanoi"),
        ("Walk Test Desk", "Denuclearisationnegotiationsandtheirdiscontentsandmore at Hanoi"),
        ("The Korea Peninsula Weekly Review of Diplomacy and Strategic Affairs", "On the summit"),  # no room for the date
    ],
)
def test_an_imported_id_ends_on_a_whole_word_however_small(knowledge_copy: Path, publisher: str, title: str) -> None:
    """The id `import` makes is publisher-date-title cut to 64 characters at a word's end, even when
    the title's words that fit are all small ones or none fits."""
    source = knowledge_copy.parent / "walk.txt"
    source.write_text("Beekeepers from both Koreas met at Panmunjom on Tuesday to compare hives.\n", encoding="utf-8")
    before = set((knowledge_copy / "articles").iterdir())
    assert run_cli("import", str(source), "--title", title, "--publisher", publisher, "--published", "2019-06-30", "--knowledge", str(knowledge_copy)) == 0
    (written,) = set((knowledge_copy / "articles").iterdir()) - before
    article_id = written.stem
    full = f"{slug(publisher)}-2019-06-30-{slug(title)}"
    assert len(article_id) <= 64 and full.startswith(article_id) and full[len(article_id)] == "-"  # whole words only


@pytest.mark.parametrize(
    ("publisher", "first", "second"),
    [
        # A first word longer than the room the title has: no word of either title fits the id.
        ("Walk Test Desk", "Denuclearisationnegotiationsandtheirdiscontentsandmore at Hanoi", "Denuclearisationnegotiationsandtheirdiscontentsandmore at Singapore"),
        ("Walk Test Desk", "Supercalifragilisticexpialidociousdiplomacyatthedmz begins", "Antidisestablishmentarianismamongnuclearnegotiators ends"),
        # Two titles alike in every word that fits.
        ("Walk Test Desk", "North Korea fires two short-range missiles into the sea, says Seoul", "North Korea fires two short-range missiles into the sea, Japan says"),
    ],
)
def test_two_articles_whose_titles_cut_to_one_id_get_two_ids(knowledge_copy: Path, publisher: str, first: str, second: str) -> None:
    """Two different articles of one outlet and day whose titles cut to the same id (a first word of
    50 letters leaves no room for any) were one id: the second import was refused as already held,
    and with --replace would have overwritten the first. Each gets its own id, on a whole word."""
    before = set((knowledge_copy / "articles").iterdir())
    for n, title in enumerate((first, second)):
        source = knowledge_copy.parent / f"walk{n}.txt"
        source.write_text(f"Beekeepers from both Koreas met at Panmunjom on Tuesday to compare hives, meeting {n}.\n", encoding="utf-8")
        assert run_cli("import", str(source), "--title", title, "--publisher", publisher, "--published", "2019-06-30", "--knowledge", str(knowledge_copy)) == 0
    written = set((knowledge_copy / "articles").iterdir()) - before
    assert len(written) == 2
    for path in written:
        article, problems = read_article(path)
        assert problems == [] and article is not None and article.id == path.stem and len(article.id) <= 64
        full = f"{slug(publisher)}-2019-06-30-{slug(article.meta.title)}"
        cut = article.id.rsplit("-", 1)[0] if not full.startswith(article.id) else article.id
        assert full.startswith(cut) and full[len(cut)] == "-"  # the title's whole words only, then a number


def test_the_same_title_imported_again_keeps_its_id(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An id is told apart only from another article's: the same title again is the same article."""
    title = "Denuclearisationnegotiationsandtheirdiscontentsandmore at Hanoi"
    flags = ["--title", title, "--publisher", "Walk Test Desk", "--published", "2019-06-30", "--knowledge", str(knowledge_copy)]
    source = knowledge_copy.parent / "walk.txt"
    source.write_text("Beekeepers from both Koreas met at Panmunjom on Tuesday to compare hives.\n", encoding="utf-8")
    assert run_cli("import", str(source), *flags) == 0
    source.write_text("Beekeepers from both Koreas met at Panmunjom on Tuesday to compare their hives.\n", encoding="utf-8")
    before = set((knowledge_copy / "articles").iterdir())
    assert run_cli("import", str(source), *flags) == 1
    assert "already exists" in capsys.readouterr().err
    assert run_cli("import", str(source), *flags, "--replace") == 0
    assert set((knowledge_copy / "articles").iterdir()) == before


def test_replace_says_which_article_it_overwrote_and_what_changed(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`import --replace` with another text under the same title (so the same id) overwrote the
    article without a word: a maintainer learnt of it only from what the bot quoted next. It names
    the file it replaced and shows the lines that went and came; many changed lines are counted."""
    first, second = knowledge_copy.parent / "first.txt", knowledge_copy.parent / "second.txt"
    kept = "The orchard channel opened in the spring."
    first.write_text(f"{kept}\n\nIt closed by the autumn.\n", encoding="utf-8")
    second.write_text(f"{kept}\n\nIt stayed open all winter.\n\n" + "\n\n".join(f"Line {n} of a long addendum." for n in range(30)), encoding="utf-8")
    flags = ["--title", "Orchard channel", "--publisher", "P", "--published", "2019-03-01", "--knowledge", str(knowledge_copy)]
    written = knowledge_copy / "articles" / "p-2019-03-01-orchard-channel.md"
    assert run_cli("import", str(first), *flags) == 0
    capsys.readouterr()

    assert run_cli("import", str(second), *flags, "--replace") == 0
    out = capsys.readouterr().out
    assert f"Replaced the article that was in {written}" in out
    shown = [line.strip() for line in out.splitlines()]
    assert "- It closed by the autumn." in shown and "+ It stayed open all winter." in shown
    assert f"- {kept}" not in shown and f"+ {kept}" not in shown  # only what changed
    assert "… and 14 more changed lines." in shown  # source_file 2, the paragraph 2, the addendum 30: 34, 20 shown

    assert run_cli("import", str(second), *flags, "--replace") == 0
    assert messages.IMPORT_UNCHANGED in capsys.readouterr().out


def _copy_unless_gone(source: str, target: str) -> None:
    """Copies a file of the run's shared embedding cache, which other test workers' processes write
    at the same time: a file of added vectors they fold into the main one between listing and
    copying is gone (CI failed on it), and its vectors are only encoded again."""
    try:
        shutil.copy2(source, target)
    except FileNotFoundError:
        pass


def test_imported_articles_and_the_caches_are_written_whole_with_the_users_mode(knowledge_copy: Path, tmp_path: Path) -> None:
    """`import` wrote its articles through one fixed temporary name of its own ('.NAME.tmp', which
    two imports of one article at once would share), beside the caches' own whole-file write,
    which made every cache file its owner's alone (tempfile.mkstemp's mode), though the cache
    folder is one two users may share. One write serves both: a file either reads whole, in the
    mode any new file of the user's gets, with no temporary file left behind."""
    umask = os.umask(0o022)
    os.umask(umask)
    expected = 0o666 & ~umask
    assert run_cli("import", str(PAGES / "news_page.html"), "--knowledge", str(knowledge_copy)) == 0
    article = knowledge_copy / "articles" / f"{NEWS_ID}.md"
    # A new process, which remembers no article: the run's sentence vectors and weights, and no
    # article cache or spelling index, which it writes (bot.knowledge.article_cache, spelling_cache).
    cache = tmp_path / "cache"
    shutil.copytree(os.environ["BOT_EMBEDDING_CACHE"], cache, ignore=shutil.ignore_patterns("articles", "spelling"), copy_function=_copy_unless_gone)
    assert run_bot_process("check", "--knowledge", str(knowledge_copy), env={"BOT_EMBEDDING_CACHE": str(cache)}).returncode == 0
    cached = [path for path in cache.rglob("*") if path.is_file() and path.relative_to(cache).parts[0] in ("articles", "spelling")]
    assert {path.relative_to(cache).parts[0] for path in cached} == {"articles", "spelling"}
    for path in [article, *cached]:
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
    assert not [path for path in [*knowledge_copy.rglob(".*"), *cache.rglob(".*")] if path.name.endswith(".tmp")]

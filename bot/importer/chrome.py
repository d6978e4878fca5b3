"""Drops page chrome that scrapers leave in article text: whole lines only, never words inside a line.

Quotes must stay verbatim, so a line is either kept exactly as it is or dropped entirely, and only
when it is plainly not article prose: menu words (a line or a run of them), share buttons, photo credits (and a caption
closed by one), the first copy of a
caption printed twice, the title and standfirst repeated at the top, and "more stories" trailers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.search.normalise import words

# Lines seen on scraped news pages: menus rendered from icon names, buttons.
CHROME_LINES = frozenset(
    {
        "clock menu more-arrow no yes",
        "menu",
        "share",
        "share this story",
        "share this article",
        "tweet",
        "copy link",
        "save this story",
        "advertisement",
        "skip to main content",
        "sign in",
        "subscribe",
    }
)
# The words a site's menus and buttons are made of. A short line of these alone, with no sentence's
# end ("Menu Search Sign in", "Home | World | Log in"), is a navigation bar run together by the
# scraper, whatever the order: one word list serves every site, not a list of whole lines.
NAVIGATION_WORDS = frozenset(
    """menu search sign in up out log login logout register subscribe subscription subscriptions
    newsletter newsletters account my profile home share tweet email print copy link save close open
    skip to main content navigation nav more next previous back top edition settings help follow us
    comments comment toggle""".split()
)
# Longer than this, a line of such words is more likely a sentence fragment worth showing.
MAX_NAVIGATION_WORDS = 8
# Separators menus are rendered with: "Home | World", "News · Sport".
_MENU_SEPARATORS = re.compile(r"[|·•›»/]")
# A heading after which the page lists other articles: "More Great WIRED Stories", "Related stories".
TRAILER = re.compile(r"^(more (great )?[\w ]{0,30}stories|related( stories| articles| coverage)?|read more|recommended( for you)?|most popular)$", re.I)
# "Vietnam News Agency/Handout/Getty Images", "Photograph: Lena Sørby/AP Photo".
CREDIT = re.compile(
    r"(^(photo|photograph|image|credit)( by)?:)|((getty images|ap photo|reuters|afp|shutterstock|handout|epa|xinhua|yonhap|kcna)( via [\w ]+)?)$",
    re.I,
)
# The general form of a photo credit, whoever took or sent the picture: names joined by slashes
# ("KCNA/Getty Images", "Jorge Silva/Reuters", "AP Photo/Lee Jin-man") or by "via" ("KCNA via
# Getty Images"), each a few capitalised words, after an optional "Photo:" or "Photo by".
_CREDIT_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|de|la|van|von))*"
_CREDIT_FORM = rf"(?:(?i:(?:photo(?:graph)?|image|picture)s?(?:\s+by)?):?\s+)?{_CREDIT_NAME}(?:\s*/\s*{_CREDIT_NAME}|\s+via\s+{_CREDIT_NAME})+"
# A credit alone on its line, or in parentheses closing a photo's caption ("Kim Jong Un watches the
# launch, in this photo released by KCNA. (KCNA/Getty Images)"): either way the line is no prose.
CREDIT_LINE = re.compile(rf"^(?:{_CREDIT_FORM}|.*\(\s*{_CREDIT_FORM}\s*\))$")
MAX_CAPTION_CHARS = 400
SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]*$")
MAX_CHROME_CHARS = 120
# A pull quote repeats at least this many words of a paragraph elsewhere in the article.
PULL_QUOTE_MIN_WORDS = 5
OPENING_QUOTES = ("“", '"', "‘")
# Two captions this alike are one caption rendered twice (alt text and figcaption).
CAPTION_SIMILARITY = 0.7


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: tuple[str, ...]


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def _similar(a: str, b: str) -> float:
    left, right = set(words(a)), set(words(b))
    return len(left & right) / len(left | right) if left | right else 0.0


def _is_link_list(lines: list[str]) -> bool:
    """What follows a trailer heading: short lines that are not sentences (headlines of other stories)."""
    return all(len(line) < MAX_CHROME_CHARS and not SENTENCE_END.search(line) for line in lines if line.strip())


def _is_caption(line: str, rest: list[str]) -> bool:
    """A repeated line is a caption when a photo credit follows it or it is not a sentence."""
    following = next((r.strip() for r in rest if r.strip()), "")
    return _is_credit(following) or not line.rstrip().endswith((".", "!", "?", "”", '"'))


def _is_navigation(line: str) -> bool:
    """A run of menu and button words ("Menu Search Sign in"): two or more, every one a navigation
    word, no sentence end. One word alone is left to CHROME_LINES, where "Menu" and "Share" are."""
    said = words(_MENU_SEPARATORS.sub(" ", line))
    return (
        2 <= len(said) <= MAX_NAVIGATION_WORDS
        and not SENTENCE_END.search(line)
        and all(word in NAVIGATION_WORDS for word in said)
    )


def _is_credit(line: str) -> bool:
    """A photo credit, alone or closing the caption it credits."""
    stripped = line.strip()
    if len(stripped) < MAX_CHROME_CHARS and not SENTENCE_END.search(stripped) and CREDIT.search(stripped):
        return True
    return len(stripped) < MAX_CAPTION_CHARS and bool(CREDIT_LINE.match(stripped))


def _pull_quotes(lines: list[str]) -> set[int]:
    """Positions of pull quotes (a quoted line repeating body text) and of the attribution under each."""
    paragraphs = [f" {' '.join(words(line))} " for line in lines]
    found: set[int] = set()
    for position, line in enumerate(lines):
        stripped = line.strip()
        said = words(stripped)
        if not stripped.startswith(OPENING_QUOTES) or len(said) < PULL_QUOTE_MIN_WORDS or len(stripped) > 2 * MAX_CHROME_CHARS:
            continue
        needle = f" {' '.join(said)} "
        if not any(needle in other and other != paragraphs[position] for other in paragraphs):
            continue
        found.add(position)
        after = next((i for i in range(position + 1, len(lines)) if lines[i].strip()), None)
        if after is not None and len(lines[after].strip()) < MAX_CHROME_CHARS / 2 and not SENTENCE_END.search(lines[after].strip()):
            found.add(after)
    return found


def drop_chrome(text: str, title: str | None = None, standfirst: str | None = None) -> Cleaned:
    """The text without chrome lines, blank-line paragraphing kept; `dropped` lists what went, for the user."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    repeated_heads = {_key(value) for value in (title, standfirst) if value}
    pull_quotes = _pull_quotes(lines)
    kept: list[str] = []
    dropped: list[str] = []
    for position, line in enumerate(lines):
        stripped = line.strip()
        key = _key(stripped)
        if not stripped:
            kept.append("")
            continue
        if position in pull_quotes:
            dropped.append(stripped)
            continue
        at_top = not any(k.strip() for k in kept)
        if key in CHROME_LINES or _is_navigation(stripped) or _is_credit(stripped) or (at_top and key in repeated_heads):
            dropped.append(stripped)
            continue
        if TRAILER.match(key):
            rest = lines[position + 1 :]
            dropped.append(stripped)
            if _is_link_list(rest):
                dropped.extend(r.strip() for r in rest if r.strip())
                break
            continue
        previous = next((k for k in reversed(kept) if k.strip()), None)
        if previous is not None and len(stripped) < 2 * MAX_CHROME_CHARS and _similar(previous, stripped) >= CAPTION_SIMILARITY:
            del kept[len(kept) - 1 - kept[::-1].index(previous)]
            dropped.append(previous.strip())
            if _is_caption(stripped, lines[position + 1 :]):
                # A photo's caption (alt text and figcaption) describes the picture; it is not the
                # article's text, so neither copy is quoted.
                dropped.append(stripped)
                continue
            # Otherwise a line printed twice is kept once: the later copy, usually the edited one.
        kept.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(body, tuple(dropped))

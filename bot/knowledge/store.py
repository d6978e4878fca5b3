"""Holds the knowledge base being served and swaps in a rebuilt one in a single assignment."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.knowledge.base import KnowledgeBase, KnowledgeFolderMissing, build_knowledge_base
from bot.knowledge.models import Problem

if TYPE_CHECKING:
    from bot.feedback.asked import AskedLog
    from bot.feedback.votes import FeedbackLog
    from bot.unanswered.log import UnansweredLog

logger = logging.getLogger(__name__)

_Key = TypeVar("_Key")


@dataclass(frozen=True)
class ReloadReport:
    """What a reload changed, for the log line and the /reload reply."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    articles: int
    passages: int
    warnings: tuple[str, ...]
    seconds: float
    # True when nothing was swapped (the folder is gone): the last good knowledge keeps serving.
    kept_previous: bool = False
    # The other knowledge files whose content changed ("aliases.yaml", "timeline.yaml"), and the
    # timeline's size now, so an edit to them shows in the report as an article edit does.
    files_changed: tuple[str, ...] = ()
    timeline_events: int = 0
    # Set when another reload was running, so none was started: how long ago that one started.
    running_for: float | None = None
    # The problems behind the warnings, and those of the knowledge served before: the report says
    # only which are new or fixed, not every earlier one again at each reload (the watcher reloads
    # at every save).
    problems: tuple[Problem, ...] = ()
    earlier_problems: tuple[Problem, ...] = ()
    # The knowledge folder, against which a problem's file (its path, or a name in the folder such as
    # "timeline.yaml") is looked up: a problem whose file is gone was deleted, not fixed.
    folder: Path | None = None

    def _file_of(self, problem: Problem) -> Path:
        """The problem's file on disk. A problem names its file by the path it was read from (the
        folder's path, relative or not, then the file: "knowledge/aliases.yaml"), or, for a file of
        the folder's own, by its name alone."""
        path = Path(problem.file)
        return path if self.folder is None or path.parent != Path(".") else self.folder / path

    def summary(self) -> str:
        def ids(values: tuple[str, ...]) -> str:
            return ", ".join(values) if values else "none"

        if self.running_for is not None:
            return (
                f"A reload is already running, started {self.running_for:.0f} s ago; it will read the folder again when done, "
                f"so the files as they are now are loaded. Until then, answers come from "
                f"the knowledge being served ({self.articles} articles, {self.passages} passages)."
            )
        if self.kept_previous:
            return "\n".join(
                [
                    f"Reload skipped: still serving the last good knowledge ({self.articles} articles, {self.passages} passages).",
                    *(f"warning: {w}" for w in self.warnings),
                ]
            )

        also = f" ({', '.join(self.files_changed)} changed)" if self.files_changed else ""
        new = _none_of(self.problems, self.earlier_problems)
        resolved = _none_of(self.earlier_problems, self.problems)
        # A problem whose file is gone was not fixed: the file was deleted, and its text is not served.
        gone = [problem for problem in resolved if self.folder is not None and not self._file_of(problem).exists()]
        # Nor is one whose file can no longer be read at all: its field was not checked this time
        # (bot.yaml's bad example question, then a YAML syntax error: the question is not fixed).
        unread = {problem.file for problem in self.problems if problem.reads_nothing_of_its_file}
        unchecked = [problem for problem in resolved if problem.file in unread and not problem.reads_nothing_of_its_file]
        fixed = [problem for problem in resolved if problem not in gone and problem not in unchecked]
        line = (
            f"Reloaded in {self.seconds * 1000:.0f} ms: added {ids(self.added)}; changed {ids(self.changed)}{also}; "
            f"removed {ids(self.removed)}; {self.articles} articles, {self.passages} passages, "
            f"{self.timeline_events} timeline events now; {_warnings_now(len(self.warnings), len(new), len(fixed), len(gone))}."
        )
        return "\n".join(
            [
                line,
                *(f"warning: {problem}" for problem in new),
                *(f"fixed: {problem}" for problem in fixed),
                *(f"gone with its file: {problem}" for problem in gone),
            ]
        )


def _none_of(problems: tuple[Problem, ...], others: tuple[Problem, ...]) -> list[Problem]:
    """The problems that none of the others is, each other standing for one
    problem: of the same mistake made twice in a file, one fixed is reported fixed. Told apart by
    file, field and message, not line: an edit above a problem moves it down the file, and it is
    neither fixed nor new; one at the same line is matched first, so the one fixed is named.
    Matched by counting, not by searching a list, so a reload where thousands of problems moved
    stays linear."""
    same_line = Counter(others)
    left = [problem for problem in problems if not _used_up(same_line, problem)]
    moved: Counter[tuple[str, str, str]] = Counter()
    for other, count in same_line.items():
        moved[_where_and_what(other)] += count
    return [problem for problem in left if not _used_up(moved, _where_and_what(problem))]


def _where_and_what(problem: Problem) -> tuple[str, str, str]:
    """A problem without its line: the same one after an edit above it moved it."""
    return (problem.file, problem.field, problem.message)


def _used_up(counts: Counter[_Key], key: _Key) -> bool:
    """Whether a counted match is left for this key, using it up if so."""
    if counts[key] <= 0:
        return False
    counts[key] -= 1
    return True


def _warnings_now(count: int, new: int, fixed: int, gone: int = 0) -> str:
    """"0 warnings", "3 warnings, unchanged", "3 warnings (1 new, 1 fixed; 2 as before)",
    "1 warning (1 gone with its file; 1 as before)"."""
    counted = f"{count} warning{'s' if count != 1 else ''}"
    if count and not new and not fixed and not gone:
        return f"{counted}, unchanged"
    changes = [f"{new} new" if new else "", f"{fixed} fixed" if fixed else "", f"{gone} gone with {'its file' if gone == 1 else 'their files'}" if gone else ""]
    before = count - new
    said = ", ".join(filter(None, changes)) + (f"; {before} as before" if before else "")
    return f"{counted} ({said})" if said else counted


def diff(old: KnowledgeBase, new: KnowledgeBase, seconds: float) -> ReloadReport:
    old_ids, new_ids = set(old.articles), set(new.articles)
    changed = sorted(
        article_id
        for article_id in old_ids & new_ids
        if (old.articles[article_id].meta, old.articles[article_id].body) != (new.articles[article_id].meta, new.articles[article_id].body)
    )
    return ReloadReport(
        added=tuple(sorted(new_ids - old_ids)),
        changed=tuple(changed),
        removed=tuple(sorted(old_ids - new_ids)),
        articles=len(new.articles),
        passages=len(new.passages),
        warnings=tuple(str(p) for p in new.problems),
        seconds=seconds,
        files_changed=tuple(name for name, digest in new.file_digests.items() if old.file_digests.get(name) != digest),
        timeline_events=len(new.timeline),
        problems=tuple(new.problems),
        earlier_problems=tuple(old.problems),
        folder=new.folder,
    )


def kept(serving: KnowledgeBase, reason: str, seconds: float) -> ReloadReport:
    """The report of a reload that swapped nothing in."""
    return ReloadReport(
        added=(),
        changed=(),
        removed=(),
        articles=len(serving.articles),
        passages=len(serving.passages),
        warnings=(reason,),
        seconds=seconds,
        kept_previous=True,
    )


def already_running(serving: KnowledgeBase, seconds: float) -> ReloadReport:
    """The report of a reload asked for while another runs: nothing started, nothing swapped."""
    return ReloadReport(
        added=(), changed=(), removed=(), articles=len(serving.articles), passages=len(serving.passages), warnings=(), seconds=0.0, running_for=seconds
    )


class KnowledgeStore:
    """Front ends read `store.current` once per question, so a question never mixes two versions."""

    def __init__(self, folder: Path, *, embedding_cache: Path | None = None) -> None:
        self.folder = folder
        self.embedding_cache = embedding_cache
        self.current: KnowledgeBase = build_knowledge_base(folder, embedding_cache=embedding_cache)
        # Where declined questions are recorded; set by the CLI entry points (bot.cli.common.open_store).
        self.unanswered_log: UnansweredLog | None = None
        # Where readers' questions and votes are recorded (bot.feedback); set there too.
        self.asked_log: AskedLog | None = None
        self.feedback_log: FeedbackLog | None = None
        # The watcher and /reload may ask at the same moment; one rebuild at a time keeps each diff honest.
        self._reloading = threading.Lock()
        # Guards the two below, and the running reload's last look at `_rebuild_again` together with
        # its release of `_reloading`, so a /reload asked meanwhile is either seen or runs itself.
        self._reload_state = threading.Lock()
        self._reload_started = 0.0  # time.monotonic() when the running reload started
        # A /reload came while one ran: that one may have read the folder before the edit it was
        # asked for, so it rebuilds once more when it ends.
        self._rebuild_again = False
        # Set by the knowledge watcher once changes are seen (bot.knowledge.watch); never set without one.
        self.watching = threading.Event()

    @property
    def model_loaded(self) -> bool:
        """Whether the knowledge being served has the meaning signal (for a readiness probe)."""
        return self.current.model_loaded

    def reload(self, *, logged: bool = True, wait: bool = True) -> ReloadReport:
        """Rebuild beside the serving knowledge and swap it in. A missing folder keeps the old one serving.
        `logged`: False when the caller shows the report where the log goes (the terminal's /reload).
        `wait`: False to return at once, saying so, when another reload is running (/reload: the person
        asking hears at once instead of waiting minutes for a large article; the watcher waits, as
        the change it saw may have come after the running reload read the folder)."""
        with self._reload_state:
            started_now = self._reloading.acquire(blocking=False)
            if not started_now and not wait:
                self._rebuild_again = True
                return already_running(self.current, time.monotonic() - self._reload_started)
        if not started_now:
            self._reloading.acquire()
        served, started = self.current, time.perf_counter()
        try:
            while True:
                with self._reload_state:
                    self._reload_started, self._rebuild_again = time.monotonic(), False
                report = self._rebuild(served, started)
                with self._reload_state:  # the check and the release at once: a /reload is seen or runs itself
                    if not self._rebuild_again:
                        self._reloading.release()
                        break
        except BaseException:
            self._reloading.release()
            raise
        if logged:
            # One record: the summary, then each warning on its own line under it (indented, so a
            # reader sees where the record ends); joined into one line, eight problems ran to 1,300 characters.
            logger.log(logging.WARNING if report.kept_previous else logging.INFO, "%s", report.summary().replace("\n", "\n  "))
        return report

    def _rebuild(self, served: KnowledgeBase, started: float) -> ReloadReport:
        """One build of the folder, swapped in; the report counts from `served` and `started`, where
        the reload began (a second pass's report still says everything the reload changed)."""
        try:
            rebuilt = build_knowledge_base(self.folder, embedding_cache=self.embedding_cache, served=self.current)
        except KnowledgeFolderMissing as missing:
            return kept(self.current, str(missing), time.perf_counter() - started)
        self.current = rebuilt  # the swap: one assignment, atomic for every reader
        return diff(served, rebuilt, time.perf_counter() - started)

"""A burst of Slack traffic at the real bot (`python -m bot slack`, HTTP mode) and what came of it.

Used by `bench/slack_load.py` (1,000 requests, timings reported) and by a test (fewer requests,
correctness only). Everything runs on 127.0.0.1: the fake Slack in this process, the bot in a
subprocess. The mix: mentions and /ask commands (each a question), Slack's resends of mentions
(X-Slack-Retry-Num, as Slack sends after a late ack or a failed delivery), forged and stale
signatures, signed bodies that do not parse; the fake Slack answers the first attempt to deliver
some answers (a mention's chat.postMessage, a command's response_url reply) with 429 +
Retry-After and of others with 500.

Before the burst every distinct question is asked once, alone, and its answer kept; in the burst
each question must be answered exactly once with that same answer. Counting happens after the
bot has been sent SIGTERM and has exited: it finishes answers in flight first, so nothing can
arrive later.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import signal
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bot.config import PROJECT_ROOT
from tests.bot_process import running_bot
from tests.fakes.slack_server import BOT_TOKEN, Call, FakeSlack, Refusal
from tests.slack_fixtures import SIGNING_SECRET, HttpBot, event_callback, free_port, mention_event, slash_command_body

QUESTIONS = [json.loads(line)["question"] for line in (PROJECT_ROOT / "eval" / "dev_qa.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
# The share of each kind of request in the burst; the rest are mentions.
MIX = {"command": 0.20, "resend": 0.10, "forged": 0.05, "stale": 0.05, "malformed": 0.10}
EXPECTED_STATUS = {"mention": 200, "command": 200, "resend": 200, "forged": 401, "stale": 401, "malformed": 400}
MALFORMED = [
    ("application/json", '{"type": "event_callback", "event": {"type": "app_mention", '),
    ("application/json", "[]"),
    ("application/x-www-form-urlencoded", "payload=%7Bnot%20json"),
    ("application/json", "\x00\x01 not json"),
]
ANSWER_WAIT = 90.0  # seconds for every answer to arrive; only reached when something is wrong


@dataclass
class Request:
    index: int
    kind: str
    question: str = ""
    ts: str = ""  # a mention's message ts (its thread)
    hook: str = ""  # a command's response_url hook


@dataclass
class Report:
    requests: int = 0
    acks: list[float] = field(default_factory=list)  # seconds, for every request answered with a status
    wrong_status: list[tuple[str, int]] = field(default_factory=list)
    questions: int = 0
    missing: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)  # answered otherwise than when asked alone
    unexpected: list[str] = field(default_factory=list)  # answers to requests that should run nothing
    rate_limited: int = 0
    rate_limited_retried: int = 0
    server_errors: int = 0
    server_errors_retried: int = 0
    replies_refused: int = 0  # of those refusals, the ones of a command's response_url reply
    tracebacks: int = 0
    alive_after: bool = False
    exit_code: int | None = None
    seconds: float = 0.0

    @property
    def ack_p50(self) -> float:
        return statistics.median(self.acks)

    @property
    def ack_p99(self) -> float:
        return statistics.quantiles(self.acks, n=100)[98]

    @property
    def correct(self) -> bool:
        return not (self.wrong_status or self.missing or self.doubled or self.different or self.unexpected or self.tracebacks) and (
            self.rate_limited == self.rate_limited_retried and self.server_errors == self.server_errors_retried and self.alive_after and self.exit_code == 0
        )


def plan(count: int, seed: int) -> list[Request]:
    chooser = random.Random(seed)
    requests: list[Request] = []
    mentions: list[Request] = []
    for index in range(count):
        roll, kind = chooser.random(), "mention"
        for name, share in MIX.items():
            if roll < share:
                kind = name
                break
            roll -= share
        if kind == "resend" and not mentions:
            kind = "mention"
        question = chooser.choice(QUESTIONS)
        if kind == "resend":
            original = chooser.choice(mentions)
            requests.append(Request(index, kind, original.question, ts=original.ts))
            continue
        request = Request(index, kind, question, ts=f"1700100000.{index:06d}", hook=f"load-{index}")
        if kind == "mention":
            mentions.append(request)
        requests.append(request)
    return requests


def answer_of(args: dict[str, Any]) -> str:
    return json.dumps({"text": args.get("text"), "blocks": args.get("blocks")}, sort_keys=True)


def answer_key(call: Call) -> str | None:
    """Which request an answer belongs to: a mention's thread (chat.postMessage), a command's hook (its response_url)."""
    if call.method == "chat.postMessage":
        return str(call.args.get("thread_ts", "")) or None
    if call.method == "response_url":
        return call.path.rsplit("/", 1)[-1]
    return None


def fault_rule(every: int = 10) -> Callable[[Call], Refusal | None]:
    """The first attempt to deliver some answers is refused: one in `every` 429, another 500, alike
    for mentions' posts (chat.postMessage) and commands' replies (their response_url)."""
    refused: set[str] = set()

    def rule(call: Call) -> Refusal | None:
        key = answer_key(call)
        if key is None or key in refused:
            return None
        number = int(re.split(r"[.-]", key)[-1])  # the request's index: "1700100000.000123", "load-123"
        refusal = Refusal(429, retry_after=1) if number % every == 3 else Refusal(500) if number % every == 7 else None
        if refusal is not None:
            refused.add(key)
        return refusal

    return rule


async def send(bot: HttpBot, fake: FakeSlack, request: Request, index: int) -> int:
    if request.kind in ("mention", "resend"):
        body = json.dumps(event_callback(mention_event(request.question, request.ts), f"Ev{request.ts}"))
        headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": ("http_timeout", "http_error")[index % 2]} if request.kind == "resend" else {}
        response = await bot.send(body, "application/json", headers=headers)
    elif request.kind == "malformed":
        content_type, body = MALFORMED[index % len(MALFORMED)]
        response = await bot.send(body, content_type)
    else:
        body = slash_command_body(fake, "/ask", request.question, hook=request.hook)
        if request.kind == "forged":
            response = await bot.command(body, headers={"X-Slack-Signature": "v0=" + "0" * 64})
        elif request.kind == "stale":
            response = await bot.command(body, timestamp=int(time.time()) - 10 * 60)
        else:
            response = await bot.command(body)
    return response.status


async def answers_alone(bot: HttpBot, fake: FakeSlack, questions: list[str]) -> dict[tuple[str, str], str]:
    """Each question asked once as a mention and once as /ask, one at a time, before the burst."""
    alone: dict[tuple[str, str], str] = {}
    for number, question in enumerate(questions):
        ts, hook = f"1600000000.{number:06d}", f"alone-{number}"
        await send(bot, fake, Request(-1, "mention", question, ts=ts), 0)
        await send(bot, fake, Request(-1, "command", question, hook=hook), 0)
        posted, replied = await fake.wait_for(lambda f: _answers(f, ts, hook), ANSWER_WAIT)
        alone[("mention", question)], alone[("command", question)] = answer_of(posted), answer_of(replied)
    return alone


def _answers(fake: FakeSlack, ts: str, hook: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    posted = [c.args for c in fake.of("chat.postMessage") if c.args.get("thread_ts") == ts]
    replied = [c.args for c in fake.of("response_url") if c.path.endswith("/" + hook)]
    return (posted[0], replied[0]) if posted and replied else None


async def burst(bot: HttpBot, fake: FakeSlack, requests: list[Request], in_flight: int, report: Report) -> None:
    gate = asyncio.Semaphore(in_flight)

    async def one(request: Request) -> None:
        async with gate:
            started = time.perf_counter()
            try:
                status = await send(bot, fake, request, request.index)
            except aiohttp.ClientError as error:
                report.wrong_status.append((f"{request.kind} {request.index}: {type(error).__name__}", 0))
                return
            report.acks.append(time.perf_counter() - started)
            if status != EXPECTED_STATUS[request.kind]:
                report.wrong_status.append((f"{request.kind} {request.index}", status))

    await asyncio.gather(*(one(r) for r in requests))


def check_answers(fake: FakeSlack, requests: list[Request], alone: dict[tuple[str, str], str], report: Report) -> None:
    posts = Counter(str(c.args.get("thread_ts")) for c in fake.of("chat.postMessage"))
    post_args = {str(c.args.get("thread_ts")): c.args for c in fake.of("chat.postMessage")}
    replies = Counter(c.path.rsplit("/", 1)[-1] for c in fake.of("response_url"))
    reply_args = {c.path.rsplit("/", 1)[-1]: c.args for c in fake.of("response_url")}
    for request in requests:
        if request.kind == "mention":
            seen, args, kind, key = posts[request.ts], post_args.get(request.ts), "mention", request.ts
        elif request.kind == "command":
            seen, args, kind, key = replies[request.hook], reply_args.get(request.hook), "command", request.hook
        else:
            if request.kind in ("forged", "stale") and replies[request.hook]:
                report.unexpected.append(request.hook)
            continue
        report.questions += 1
        if seen == 0:
            report.missing.append(key)
        elif seen > 1:
            report.doubled.append(key)
        elif args is not None and answer_of(args) != alone[(kind, request.question)]:
            report.different.append(key)
    delivered = Counter(answer_key(c) for c in fake.calls)
    for call, refusal in fake.refused:
        retried = delivered[answer_key(call)] == 1
        report.replies_refused += call.method == "response_url"
        if refusal.status == 429:
            report.rate_limited += 1
            report.rate_limited_retried += retried
        else:
            report.server_errors += 1
            report.server_errors_retried += retried


async def alive(session: aiohttp.ClientSession, port: int) -> bool:
    try:
        async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def run(count: int, in_flight: int, workdir: Path, *, seed: int = 12) -> Report:
    """Start the fake Slack and the bot, ask alone, burst, stop the bot, count. Bounded by ANSWER_WAIT per wait."""
    fake = FakeSlack()
    await fake.start()
    report = Report(requests=count)
    requests = plan(count, seed)
    port = free_port()
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE": fake.api_base, "SLACK_PORT": str(port),
           "BOT_UNANSWERED_LOG": str(workdir / "unanswered.jsonl"), "BOT_LOG_LEVEL": "WARNING"}  # fmt: skip
    try:
        async with running_bot("slack", env=env, cwd=workdir) as bot_process:
            connector = aiohttp.TCPConnector(limit=in_flight)
            async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=ANSWER_WAIT)) as session:
                await _wait_listening(session, port)
                bot = HttpBot(f"http://127.0.0.1:{port}/slack/events", session)
                alone = await answers_alone(bot, fake, sorted({r.question for r in requests if r.kind in ("mention", "command")}))
                fake.calls.clear()
                fake.refuse = fault_rule()
                started = time.perf_counter()
                await burst(bot, fake, requests, in_flight, report)
                expected_posts = {r.ts for r in requests if r.kind == "mention"}
                expected_replies = {r.hook for r in requests if r.kind == "command"}
                await fake.wait_for(lambda f: _all_arrived(f, expected_posts, expected_replies), ANSWER_WAIT)
                report.seconds = time.perf_counter() - started
                report.alive_after = await alive(session, port)
            bot_process.process.send_signal(signal.SIGTERM)
            report.exit_code = await asyncio.wait_for(bot_process.process.wait(), ANSWER_WAIT)
            report.tracebacks = bot_process.output().count("Traceback")
    finally:
        await fake.stop()
    check_answers(fake, requests, alone, report)
    return report


def _all_arrived(fake: FakeSlack, posts: set[str], replies: set[str]) -> bool:
    posted = {str(c.args.get("thread_ts")) for c in fake.of("chat.postMessage")}
    replied = {c.path.rsplit("/", 1)[-1] for c in fake.of("response_url")}
    return posts <= posted and replies <= replied


async def _wait_listening(session: aiohttp.ClientSession, port: int) -> None:
    deadline = time.monotonic() + ANSWER_WAIT
    while not await alive(session, port):
        if time.monotonic() > deadline:
            raise TimeoutError("the bot never started listening")
        await asyncio.sleep(0.05)

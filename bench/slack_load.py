"""Load: 1,000 signed Slack requests, 100 in flight, at `python -m bot slack` in HTTP mode.

Run with `.venv/bin/python bench/slack_load.py [--requests N] [--in-flight N]`. The bot runs as a
subprocess against the fake Slack Web API (tests/fakes/slack_server.py), everything on
127.0.0.1. The mix and the checks are in tests/slack_load.py: resends, forged and stale
signatures, malformed bodies, a Web API and response_urls answering 429 and 500; every question answered exactly
once with the answer it gets alone, every refused post retried, no traceback, the process alive
after. Prints the ack times (the README quotes them) and exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/ holds the fake Slack and the load itself

from tests.slack_load import Report, run  # noqa: E402


def show(report: Report, in_flight: int) -> None:
    print(f"{report.requests} requests, {in_flight} in flight, answered in {report.seconds:.1f} s")
    print(f"ack  p50 {report.ack_p50 * 1000:.0f} ms   p99 {report.ack_p99 * 1000:.0f} ms   max {max(report.acks) * 1000:.0f} ms   "
          f"over 3 s: {sum(a > 3 for a in report.acks)}")  # fmt: skip
    print(f"questions {report.questions}: missing {len(report.missing)}, doubled {len(report.doubled)}, "
          f"different from alone {len(report.different)}; wrong statuses {len(report.wrong_status)}; "
          f"forged or stale answered {len(report.unexpected)}")  # fmt: skip
    print(f"429s retried {report.rate_limited_retried} of {report.rate_limited}; 500s retried {report.server_errors_retried} of {report.server_errors} "
          f"({report.replies_refused} of them commands' response_url replies)")  # fmt: skip
    print(f"tracebacks in the log {report.tracebacks}; alive after {report.alive_after}; exit code after SIGTERM {report.exit_code}")
    for label, items in (("wrong status", report.wrong_status), ("missing", report.missing), ("doubled", report.doubled), ("different", report.different)):
        if items:
            print(f"  {label}: {items[:10]}")
    print("all checks passed" if report.correct else "SOME CHECKS FAILED")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--in-flight", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        report = asyncio.run(run(args.requests, args.in_flight, Path(workdir)))
    show(report, args.in_flight)
    return 0 if report.correct else 1


if __name__ == "__main__":
    raise SystemExit(main())

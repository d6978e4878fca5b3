"""A smaller run of bench/slack_load.py's burst, for correctness only (the bench reports timings)."""

from __future__ import annotations

from pathlib import Path

from tests.slack_load import run


async def test_a_burst_with_resends_forgeries_bad_bodies_and_web_api_faults(tmp_path: Path) -> None:
    report = await run(150, 30, tmp_path)
    assert report.wrong_status == []  # 200 for questions and resends, 401 forged or stale, 400 malformed
    assert report.questions > 80 and (report.missing, report.doubled, report.different) == ([], [], [])
    assert report.unexpected == []  # nothing forged or stale was answered
    assert report.rate_limited > 0 and report.rate_limited_retried == report.rate_limited
    assert report.server_errors > 0 and report.server_errors_retried == report.server_errors
    assert report.replies_refused > 0  # commands' replies through their response_url were refused too, and retried
    assert report.tracebacks == 0
    assert report.alive_after and report.exit_code == 0

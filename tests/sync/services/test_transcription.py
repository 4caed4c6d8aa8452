# Generated from tests/services/test_transcription.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""One check of a transcription summary's limits, with one message, for every service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import respx

from hms_async import SyncHMSClient

Start = Callable[[SyncHMSClient, dict[str, Any]], Any]

STARTS: dict[str, tuple[Start, str]] = {
    "recording": (
        lambda c, summary: c.recordings.start("r1", transcription={"summary": summary}),
        "transcription.summary.",
    ),
    "live stream": (
        lambda c, summary: c.live_streams.start(
            "r1", transcription={"summary": summary}
        ),
        "transcription.summary.",
    ),
    "template": (
        lambda c, summary: c.templates.update_destinations(
            "t1", transcriptions={"notes": {"summary": summary}}
        ),
        "transcriptions['notes'].summary.",
    ),
}


@pytest.mark.parametrize("where", list(STARTS))
@pytest.mark.parametrize(
    ("summary", "message"),
    [
        ({"context": "c" * 301}, "context may hold at most 300 characters, got 301"),
        ({"temperature": 1.5}, "temperature must be between 0.1 and 1, got 1.5"),
        (
            {"sections": [{"title": "t", "format": "bullets"}] * 7},
            "sections may hold at most 6 sections, got 7",
        ),
        (
            {"sections": [{"title": "t" * 101, "format": "bullets"}]},
            "sections[0].title may hold at most 100 characters, got 101",
        ),
    ],
)
def test_the_same_limit_has_the_same_message(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    where: str,
    summary: dict[str, Any],
    message: str,
) -> None:
    """Jobs and templates refuse a summary past a limit with one message, unsent."""
    start, prefix = STARTS[where]

    with pytest.raises(ValueError, match=r"may hold|must be") as caught:
        start(client, summary)

    assert str(caught.value) == prefix + message
    assert respx_router.calls.call_count == 0


@pytest.mark.parametrize("where", ["recording", "live stream"])
def test_a_job_summary_section_needs_its_title_and_format(
    client: SyncHMSClient, respx_router: respx.MockRouter, where: str
) -> None:
    """A job's summary sections are complete; a template's may leave fields out."""
    start, _ = STARTS[where]

    with pytest.raises(ValueError, match="is required") as caught:
        start(client, {"sections": [{"title": "Agenda"}]})

    assert str(caught.value) == "transcription.summary.sections[0].format is required"
    assert respx_router.calls.call_count == 0

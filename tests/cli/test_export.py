"""hms export: every kind, JSON Lines and CSV, progress, and exactly-once --resume."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from rich.progress import Progress

from hms_async import AsyncPaginator
from hms_async.cli._exit import ExitCode
from hms_async.cli._kinds import KINDS
from hms_async.cli._progress import _Counts
from hms_async.testing import FakeHMS

from ._workspace import Workspace, build
from .conftest import Cli, requests_to

ROOMS = 45  # five pages of ten


def lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (every line must be whole)."""
    text = path.read_text()
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def state(path: Path) -> dict[str, Any]:
    """The export's state file."""
    data: dict[str, Any] = json.loads(
        path.with_name(path.name + ".state.json").read_text()
    )
    return data


@pytest.fixture
def room_ids(fake: FakeHMS) -> list[str]:
    """45 rooms in the fake, oldest first."""
    return fake.seed_rooms(ROOMS)


def sdk_ids(fake: FakeHMS, kind: str, work: Workspace) -> list[str]:
    """What the SDK lists for ``kind`` (the export must write the same)."""

    async def main() -> list[str]:
        async with fake.client() as hms:
            lists: dict[str, AsyncPaginator[Any]] = {
                "rooms": hms.rooms.list(),
                "sessions": hms.sessions.list(),
                "recordings": hms.recordings.list(),
                "recording-assets": hms.recording_assets.list(),
                "live-streams": hms.live_streams.list(),
                "external-streams": hms.external_streams.list(),
                "analytics-events": hms.analytics.list_events(
                    room_id=work.room_id, type="track.add.success"
                ),
                "webhook-history": hms.analytics.list_webhook_events(
                    room_id=work.room_id
                ),
                "poll-responses": hms.polls.list_responses(work.poll_id),
            }
            key = "event_id" if kind == "webhook-history" else "id"
            return [getattr(item, key) async for item in lists[kind]]

    return anyio.run(main)


KIND_ARGS = {
    "rooms": (),
    "sessions": (),
    "recordings": (),
    "recording-assets": (),
    "live-streams": (),
    "external-streams": (),
    "analytics-events": ("--room-id", "{room}", "--type", "track.add.success"),
    "webhook-history": ("--room-id", "{room}"),
    "poll-responses": ("--poll-id", "{poll}"),
}


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_export_every_kind_to_stdout(hms: Cli, fake: FakeHMS, kind: str) -> None:
    """Each kind writes one JSON line per item, the same items the SDK lists."""
    work = build(fake)
    args = [a.format(room=work.room_id, poll=work.poll_id) for a in KIND_ARGS[kind]]
    expected = sdk_ids(fake, kind, work)

    result = hms("export", kind, *args)

    assert result.exit_code == 0, result.output
    key = "event_id" if kind == "webhook-history" else "id"
    written = [json.loads(line)[key] for line in result.stdout.splitlines()]
    assert written == expected
    assert written  # the workspace has something of every kind
    assert result.stderr == ""  # not a terminal: no progress, no summary on stdout runs


@pytest.mark.parametrize(
    ("kind", "items", "words"),
    [
        ("rooms", 1, "1 room"),
        ("rooms", 0, "0 rooms"),
        ("rooms", 130, "130 rooms"),
        ("analytics-events", 1, "1 analytics-event"),
        ("webhook-history", 1, "1 webhook-history item"),
        ("webhook-history", 2, "2 webhook-history items"),
    ],
)
def test_summary_counts_in_words(kind: str, items: int, words: str) -> None:
    """The closing line says "1 room", not "1 rooms"."""
    assert KINDS[kind].count(items) == words


@pytest.mark.parametrize(
    ("completed", "total", "pages", "words"),
    [
        (1, None, 1, "1 item, 1 page"),
        (250, None, 3, "250 items, 3 pages"),
        (0, None, 0, "0 items, 0 pages"),
        (1, 1, 1, "1/1 item, 1 page"),
        (1, 2000, 1, "1/2,000 items, 1 page"),
    ],
)
def test_progress_counts_in_words(
    completed: int, total: int | None, pages: int, words: str
) -> None:
    """The progress bar's counts: "1 item, 1 page", not "1 items, 1 pages"."""
    progress = Progress()
    task = progress.add_task("rooms", total=total, completed=completed, pages=pages)
    assert _Counts().render(progress.tasks[task]).plain == words


def test_export_rooms_to_a_file_with_summary(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """Every room once, in order; the state file records the end."""
    out = tmp_path / "rooms.jsonl"
    result = hms("export", "rooms", "-o", str(out), "--limit", "10")

    assert result.exit_code == 0
    assert [r["id"] for r in lines(out)] == room_ids
    assert result.stderr == f"exported {ROOMS} rooms to {out}\n"
    recorded = state(out)
    assert recorded["done"] is True
    assert (recorded["items"], recorded["pages"]) == (ROOMS, 5)
    assert recorded["offset"] == out.stat().st_size


def test_export_filters_are_sent(hms: Cli, fake: FakeHMS, room_ids: list[str]) -> None:
    """Options are the SDK's arguments, sent as query parameters."""
    result = hms(
        "export", "rooms", "--enabled", "--name", "room-3", "--after", "2000-01-01"
    )
    assert result.exit_code == 0
    assert [json.loads(x)["name"] for x in result.stdout.splitlines()] == ["room-3"]
    query = next(r.query for r in fake.requests if r.path == "/rooms")
    assert query["enabled"] == ["true"]
    assert query["after"][0].startswith("2000-01-01T00:00:00")


def test_export_csv(hms: Cli, tmp_path: Path, room_ids: list[str]) -> None:
    """CSV: a header of the Room fields, then one row per room."""
    out = tmp_path / "rooms.csv"
    result = hms("export", "rooms", "--format", "csv", "-o", str(out), "--limit", "10")

    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["id"] for r in rows] == room_ids
    assert rows[0]["name"] == "room-0"
    assert rows[0]["enabled"] == "true"
    assert rows[0]["polls"] == "[]"
    assert out.read_text().splitlines()[0].startswith("id,name,")


def test_progress_bar_when_forced_and_silent_when_quiet(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """--progress draws on stderr (items, pages, items/s); --quiet prints nothing."""
    shown = hms("export", "rooms", "--progress", "-o", str(tmp_path / "a.jsonl"))
    quiet = hms("export", "rooms", "--quiet", "-o", str(tmp_path / "b.jsonl"))

    assert shown.exit_code == quiet.exit_code == 0
    assert f"{ROOMS}" in shown.stderr
    assert "items" in shown.stderr
    assert "pages" in shown.stderr
    assert quiet.stderr == ""
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_progress_shows_the_total_when_the_api_gives_one(
    hms: Cli, fake: FakeHMS
) -> None:
    """Analytics events carry a total: the bar shows it."""
    work = build(fake)
    result = hms("export", "analytics-events", "--room-id", work.room_id, "--progress")
    total = len(sdk_ids_all_events(fake, work))
    assert result.exit_code == 0
    assert f"{total}/{total} items" in result.stderr


def sdk_ids_all_events(fake: FakeHMS, work: Workspace) -> list[str]:
    """Every analytics event of the workspace's room."""

    async def main() -> list[str]:
        async with fake.client() as hms:
            return [e.id async for e in hms.analytics.list_events(room_id=work.room_id)]

    return anyio.run(main)


class Interrupting(httpx.AsyncBaseTransport):
    """Raises ``error`` on the ``at``-th request (counting from 1)."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport, at: int, error: BaseException
    ) -> None:
        self.inner, self.at, self.error, self.calls = inner, at, error, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.calls == self.at:
            raise self.error
        return await self.inner.handle_async_request(request)


def test_ctrl_c_exits_130_and_resume_finishes_exactly_once(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """Ctrl-C during page 4: exit 130, state at a page boundary; --resume completes."""
    out = tmp_path / "rooms.jsonl"
    hms.wrap = lambda inner: Interrupting(inner, 4, KeyboardInterrupt())
    stopped = hms("export", "rooms", "-o", str(out), "--limit", "10", "--prefetch", "1")
    hms.wrap = None

    assert stopped.exit_code == ExitCode.INTERRUPTED
    assert "--resume" in stopped.stderr
    recorded = state(out)
    assert recorded["done"] is False
    # Pages 1-3 were fetched; those written before Ctrl-C are recorded, whole.
    assert recorded["items"] == len(lines(out)) in (10, 20, 30)
    assert recorded["offset"] == out.stat().st_size

    resumed = hms("export", "rooms", "-o", str(out), "--limit", "10", "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert [r["id"] for r in lines(out)] == room_ids
    assert state(out)["done"] is True


def test_resume_cuts_a_torn_line_and_an_unrecorded_page(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """After a crash the file may end with pages the state never recorded, and half a
    line: resume cuts back to the recorded offset, so nothing is written twice."""
    out = tmp_path / "rooms.jsonl"
    hms.wrap = lambda inner: Interrupting(inner, 4, KeyboardInterrupt())
    hms("export", "rooms", "-o", str(out), "--limit", "10", "--prefetch", "1")
    hms.wrap = None
    assert 0 < state(out)["items"] < ROOMS
    with out.open("ab") as file:
        file.write(out.read_bytes().splitlines(keepends=True)[5])  # a whole line again
        file.write(b'{"id": "torn-in-half", "na')

    resumed = hms("export", "rooms", "-o", str(out), "--limit", "10", "--resume")

    assert resumed.exit_code == 0, resumed.output
    assert [r["id"] for r in lines(out)] == room_ids


def test_ctrl_c_between_checkpoints_records_what_was_written(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """With --checkpoint-every far apart only the start is recorded while it runs;
    Ctrl-C records every row written, and resume continues from there."""
    out = tmp_path / "rooms.csv"
    args = ("export", "rooms", "-o", str(out), "--format", "csv", "--limit", "10")
    hms.wrap = lambda inner: Interrupting(inner, 4, KeyboardInterrupt())
    stopped = hms(*args, "--checkpoint-every", "3600", "--prefetch", "1")
    hms.wrap = None
    assert stopped.exit_code == ExitCode.INTERRUPTED
    rows = len(out.read_text().splitlines()) - 1
    assert rows in (10, 20, 30)
    assert (state(out)["items"], state(out)["pages"]) == (rows, rows // 10)
    assert state(out)["offset"] == out.stat().st_size
    assert f"interrupted: {rows} items are safely in" in stopped.stderr

    resumed = hms(*args, "--resume")

    assert resumed.exit_code == 0
    rows_after = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["id"] for r in rows_after] == room_ids
    assert out.read_text().count("id,name,") == 1


def test_a_failure_mid_export_records_what_was_written_and_says_so(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """A connection lost on page 4: exit 6, one line naming what is safe; resume."""
    out = tmp_path / "rooms.jsonl"
    args = ("export", "rooms", "-o", str(out), "--limit", "10", "--prefetch", "1")
    lost = httpx.ConnectError("connection refused")
    hms.wrap = lambda inner: Interrupting(inner, 4, lost)
    failed = hms(*args)
    hms.wrap = None

    assert failed.exit_code == ExitCode.CONNECTION
    written = lines(out)
    assert state(out)["items"] == len(written) in (10, 20, 30)
    assert state(out)["offset"] == out.stat().st_size
    assert failed.stderr.count("\n") == 1
    assert failed.stderr.endswith(
        f"({len(written)} items are safely in {out}; --resume continues)\n"
    )

    resumed = hms(*args, "--resume")

    assert resumed.exit_code == 0
    assert [r["id"] for r in lines(out)] == room_ids


@pytest.mark.parametrize(
    ("args", "difference"),
    [
        (("export", "sessions"), "kind rooms there, sessions here"),
        (("export", "rooms", "--enabled"), "filters {} there, {enabled=True} here"),
        (("export", "rooms", "--format", "csv"), "format jsonl there, csv here"),
        (("export", "rooms", "--limit", "20"), "limit 10 there, 20 here"),
    ],
)
def test_resume_refuses_a_state_file_of_another_export(
    hms: Cli,
    fake: FakeHMS,
    tmp_path: Path,
    room_ids: list[str],
    args: tuple[str, ...],
    difference: str,
) -> None:
    """Another kind, filters, format or page size: refused, the file untouched."""
    out = tmp_path / "rooms.jsonl"
    hms.wrap = lambda inner: Interrupting(inner, 3, KeyboardInterrupt())
    hms("export", "rooms", "-o", str(out), "--limit", "10", "--prefetch", "1")
    hms.wrap = None
    before = out.read_bytes()
    sent = len(fake.requests)

    result = hms(*args, "-o", str(out), "--resume")

    assert result.exit_code == ExitCode.ERROR
    assert difference in result.stderr
    assert "cannot resume" in result.stderr
    assert out.read_bytes() == before
    assert len(fake.requests) == sent


def test_resume_needs_a_file_and_a_state(hms: Cli, tmp_path: Path) -> None:
    """--resume to stdout is a usage error; without a state file it says so."""
    to_stdout = hms("export", "rooms", "--resume")
    (tmp_path / "rooms.jsonl").write_text("")
    no_state = hms("export", "rooms", "-o", str(tmp_path / "rooms.jsonl"), "--resume")

    assert to_stdout.exit_code == ExitCode.USAGE
    assert "--resume needs --output FILE" in to_stdout.stderr
    assert no_state.exit_code == ExitCode.ERROR
    assert "no state file rooms.jsonl.state.json" in no_state.stderr


def test_resume_of_a_finished_export_does_nothing(
    hms: Cli, fake: FakeHMS, tmp_path: Path, room_ids: list[str]
) -> None:
    """A complete export stays as it is; no page is fetched."""
    out = tmp_path / "rooms.jsonl"
    hms("export", "rooms", "-o", str(out))
    before, sent = out.read_bytes(), requests_to(fake, "GET", "/rooms")

    result = hms("export", "rooms", "-o", str(out), "--resume")

    assert result.exit_code == 0
    assert result.stderr == f"already complete: {ROOMS} items\n"
    assert out.read_bytes() == before
    assert requests_to(fake, "GET", "/rooms") == sent


def test_resume_refuses_an_output_shorter_than_recorded(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """A file cut shorter than the state records was changed: refuse."""
    out = tmp_path / "rooms.jsonl"
    hms.wrap = lambda inner: Interrupting(inner, 3, KeyboardInterrupt())
    hms("export", "rooms", "-o", str(out), "--limit", "10", "--prefetch", "1")
    hms.wrap = None
    out.write_bytes(out.read_bytes()[:100])

    result = hms("export", "rooms", "-o", str(out), "--limit", "10", "--resume")

    assert result.exit_code == ExitCode.ERROR
    assert "shorter (100 bytes) than its state file records" in result.stderr


def test_damaged_state_file_is_refused(hms: Cli, tmp_path: Path) -> None:
    """A state file that is not JSON, or not ours, is refused by name."""
    out = tmp_path / "rooms.jsonl"
    out.write_text("")
    side = tmp_path / "rooms.jsonl.state.json"
    side.write_text("{not json")
    garbled = hms("export", "rooms", "-o", str(out), "--resume")
    side.write_text('{"version": 99}')
    other = hms("export", "rooms", "-o", str(out), "--resume")

    assert garbled.exit_code == other.exit_code == ExitCode.ERROR
    assert "rooms.jsonl.state.json is not a state file" in garbled.stderr
    assert "not a version 1 state file" in other.stderr


def test_unwritable_output_fails_before_fetching(
    hms: Cli, fake: FakeHMS, tmp_path: Path, room_ids: list[str]
) -> None:
    """A path in a missing directory: exit 1, no page requested."""
    result = hms("export", "rooms", "-o", str(tmp_path / "missing" / "rooms.jsonl"))
    assert result.exit_code == ExitCode.ERROR
    assert "No such file or directory" in result.stderr
    assert requests_to(fake, "GET", "/rooms") == 0


def test_bad_filter_fails_before_opening_the_output(
    hms: Cli, fake: FakeHMS, tmp_path: Path
) -> None:
    """An argument the SDK refuses is a usage error; the output is not created."""
    out = tmp_path / "beam.jsonl"
    result = hms(
        "export", "analytics-events", "--room-id", "r", "--beam-id", "b", "-o", str(out)
    )
    assert result.exit_code == ExitCode.USAGE
    assert "beam_id needs" in result.stderr
    assert not out.exists()
    assert fake.requests == []


@pytest.mark.parametrize("prefetch", ["1", "4"])
def test_prefetch_depth_does_not_change_the_output(
    hms: Cli, room_ids: list[str], prefetch: str
) -> None:
    """Fetching ahead keeps the order."""
    result = hms("export", "rooms", "--limit", "10", "--prefetch", prefetch)
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == room_ids


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rooms", "--bogus"), "No such option '--bogus'"),
        (("rooms", "--after", "yesterday"), "'yesterday' is not an ISO 8601"),
        (("webhook-history", "--start-time", "soon"), "'soon' is not an ISO 8601"),
        (("rooms", "--limit", "9"), "9 is not in the range 10<=x<=100"),
        (
            ("analytics-events", "--room-id", "r", "--limit", "0"),
            "0 is not in the range 1<=x<=100",
        ),
        (("poll-responses", "--poll-id", "p", "--question", "0"), "x>=1"),
        (("rooms", "--prefetch", "0"), "0 is not in the range 1<=x<=16"),
        (("rooms", "--checkpoint-every", "-1"), "-1.0 is not in the range x>=0"),
        (("rooms", "--format", "xml"), "'xml' is not one of 'jsonl', 'csv'"),
        (("templates",), "No such command 'templates'"),
    ],
)
def test_export_bad_input_is_a_usage_error_before_anything(
    hms: Cli, fake: FakeHMS, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    """Exit 2 naming the problem; nothing sent, no output or state file made."""
    result = hms("export", *args, "-o", str(tmp_path / "out.jsonl"))

    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert fake.requests == []
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_a_directory_fails_before_fetching(
    hms: Cli, fake: FakeHMS, tmp_path: Path, room_ids: list[str]
) -> None:
    """-o naming a directory: exit 1 with the system's reason, no page requested."""
    result = hms("export", "rooms", "-o", str(tmp_path))

    assert result.exit_code == ExitCode.ERROR
    assert "Is a directory" in result.stderr
    assert result.stderr.count("\n") == 1
    assert requests_to(fake, "GET", "/rooms") == 0


def test_resume_compares_dates_not_their_spelling(
    hms: Cli, tmp_path: Path, room_ids: list[str]
) -> None:
    """The same instant spelled otherwise resumes; another instant is refused."""
    out = tmp_path / "rooms.jsonl"
    base = ("export", "rooms", "-o", str(out), "--limit", "10")
    hms.wrap = lambda inner: Interrupting(inner, 3, KeyboardInterrupt())
    hms(*base, "--after", "2000-01-01", "--prefetch", "1")
    hms.wrap = None

    other = hms(*base, "--after", "2000-01-02", "--resume")
    same = hms(*base, "--after", "2000-01-01T00:00:00Z", "--resume")

    assert other.exit_code == ExitCode.ERROR
    assert "filters {after=2000-01-01T00:00:00+00:00} there" in other.stderr
    assert same.exit_code == 0, same.output
    assert [r["id"] for r in lines(out)] == room_ids

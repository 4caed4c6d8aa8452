"""The README's main job runs on the fake, in process and over loopback."""

from __future__ import annotations

import re
import sys

import pytest

from hms_async import demo


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@pytest.mark.parametrize("wire", [False, True])
def test_demo_creates_and_streams_rooms(
    backend: str,
    wire: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without credentials the demo uses the fake and streams back every room it made."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    argv = ["--rooms", "150", "--limit", "20", "--backend", backend]

    demo.main([*argv, "--wire"] if wire else argv)

    out = capsys.readouterr().out
    assert "using the built-in fake" in out
    assert "created 150 rooms" in out
    match = re.search(
        r"streamed them back lazily: (\d+) rooms in (\d+) pages of 20", out
    )
    assert match is not None
    assert match.groups() == ("150", "8")
    assert "1 session on the first page of sessions:" in out
    assert "(ended): 3 peers Ada, Grace, Linus" in out


def test_demo_refuses_partial_credentials_as_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only one credential set still means the fake: nothing is sent to the real API."""
    monkeypatch.setenv("HMS_ACCESS_KEY", "only-the-key")
    monkeypatch.delenv("HMS_SECRET", raising=False)

    demo.main(["--rooms", "10"])

    assert "using the built-in fake" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("missing", "option", "message"),
    [
        (
            "trio",
            "--backend=trio",
            "--backend trio needs trio: pip install 'hms-async[trio]'",
        ),
        ("uvicorn", "--wire", "--wire needs uvicorn: pip install 'hms-async[fake]'"),
    ],
)
def test_demo_without_an_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    missing: str,
    option: str,
    message: str,
) -> None:
    """An option whose extra is not installed: a usage error naming the extra."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    monkeypatch.setitem(sys.modules, missing, None)  # importing it now fails

    with pytest.raises(SystemExit) as exit_info:
        demo.main(["--rooms", "10", option])

    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--limit", "5"], "argument --limit: must be between 10 and 100, got 5"),
        (["--limit", "101"], "argument --limit: must be between 10 and 100, got 101"),
        (["--limit", "10.5"], "argument --limit: not a whole number: '10.5'"),
        (["--rooms", "0"], "argument --rooms: must be between 1 and 100000, got 0"),
        (["--rooms", "-3"], "argument --rooms: must be between 1 and 100000, got -3"),
        (["--concurrency", "0"], "argument --concurrency: must be between 1 and 1000"),
    ],
)
def test_demo_out_of_range_arguments_are_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A usage error (exit 2) naming the argument and its range, no traceback."""
    with pytest.raises(SystemExit) as exit_info:
        demo.main(argv)

    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_demo_names_the_last_room_it_created_on_both_backends(
    backend: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last room is the one created last by name, whatever order trio ran them."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)

    demo.main(["--rooms", "120", "--limit", "50", "--backend", backend])

    out = capsys.readouterr().out
    assert "simulated 3 peers visiting demo-room-000119" in out
    assert re.search(r"^last room: demo-room-000119 \(id \w+, created ", out, re.M)


def test_demo_help_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    """--help shows no reST or Markdown markup, and says what the ranges are."""
    with pytest.raises(SystemExit) as exit_info:
        demo.main(["--help"])

    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "``" not in out
    assert ":class:" not in out
    assert "page size, 10 to 100" in out
    assert "HMS_ACCESS_KEY and HMS_SECRET" in out

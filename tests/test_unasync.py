"""scripts/unasync.py: the sync modules are current, and its check can fail."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", name="unasync")
def _unasync() -> ModuleType:
    """The script, imported as a module."""
    spec = importlib.util.spec_from_file_location(
        "unasync", ROOT / "scripts" / "unasync.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["unasync"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", name="generated")
def _generated(unasync: ModuleType) -> tuple[dict[Path, str], list[str]]:
    """Every sync module, regenerated in memory, and the rules never used."""
    outputs: dict[Path, str]
    unused: list[str]
    outputs, unused = unasync.generate()
    return outputs, unused


def test_committed_sync_modules_are_current(
    unasync: ModuleType, generated: tuple[dict[Path, str], list[str]]
) -> None:
    """What `--check` runs in `nox -s lint`: nothing stale, every rule used."""
    outputs, unused = generated

    assert unasync.check(outputs, unused) == []
    assert ROOT / "hms_async/_sync/resources/rooms.py" in outputs
    assert ROOT / "tests/sync/test_retries.py" in outputs


def test_a_hand_edit_is_stale(
    unasync: ModuleType, generated: tuple[dict[Path, str], list[str]]
) -> None:
    """A file on disk that differs from what the source gives fails the check."""
    outputs, _ = generated
    rooms = ROOT / "hms_async/_sync/resources/rooms.py"
    edited = dict(outputs)
    edited[rooms] = outputs[rooms].replace("limit: int = 100", "limit: int = 50")

    problems = unasync.check(edited, [])

    assert len(problems) == 1
    assert problems[0].startswith("stale: --- hms_async/_sync/resources/rooms.py")
    assert "\n-        limit: int = 100,\n+        limit: int = 50,\n" in problems[0]


def test_an_unused_rule_fails_the_check(
    unasync: ModuleType, generated: tuple[dict[Path, str], list[str]]
) -> None:
    """A rule that matched nothing is reported: the async source moved on."""
    outputs, _ = generated

    problems = unasync.check(outputs, ["Rule('\\\\bgone\\\\b')"])

    assert problems == ["a rule or skip matched nothing: Rule('\\\\bgone\\\\b')"]


def test_first_page_rule(unasync: ModuleType) -> None:
    """An awaited paginator becomes first_page(); a chained one is left alone."""
    rule = unasync.FirstPage(["list", "list_events"])

    text = rule.apply(
        "page = await hms.rooms.list(name=f(x), limit=10)\n"
        "events = await self.list_events(types=[a, b])\n"
        "page = await hms.rooms.list().first_page()\n"
        "peers = await hms.active_rooms.list_peers(room_id)\n"
    )

    assert text == (
        "page = hms.rooms.list(name=f(x), limit=10).first_page()\n"
        "events = self.list_events(types=[a, b]).first_page()\n"
        "page = await hms.rooms.list().first_page()\n"
        "peers = await hms.active_rooms.list_peers(room_id)\n"
    )
    assert rule.used == 2


def test_unwrap_rule(unasync: ModuleType) -> None:
    """Awaitable[X] becomes X, with nested brackets matched."""
    rule = unasync.Unwrap("Awaitable")

    assert (
        rule.apply("Callable[[C | None], Awaitable[Page[dict[str, T]]]]")
        == "Callable[[C | None], Page[dict[str, T]]]"
    )


def test_unchanged_code_is_imported_not_copied(unasync: ModuleType) -> None:
    """Docstring-only differences do not make a statement sync-specific."""
    assert unasync._same_code(
        'def f():\n    """await it"""\n    return 1\n',
        'def f():\n    """call it"""\n    return 1\n',
    )
    assert not unasync._same_code(
        "async def f():\n    return 1\n", "def f():\n    return 1\n"
    )

"""The fake's room and session lists: a whole walk, page by page, against the
old way of paging.

Both walk the same stored items in pages of 100 through the fake's own page
functions, with the same requests: the old way copied every item and scanned
for the cursor on every page (``page_a`` over ``list(store.values())``, what
``GET /rooms`` and ``GET /sessions`` did), the new way (``page_a_ordered``)
reads only the page's items from the cursor on. Rooms are seeded; sessions are
copies of one real session with their own ids. Times are CPU seconds, rounds
interleaved, medians; the ratio is old / new at each size (a quadratic walk
against a linear one, so it grows with the size).

    python benchmarks/bench_fake_list.py [--sizes 10000,100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from hms_async.testing import FakeHMS
from hms_async.testing._http import FakeRequest
from hms_async.testing._pagination import page_a, page_a_ordered
from hms_async.testing._router import Call
from hms_async.testing._state import JSON, State

Pager = Callable[[Call], JSON]


def _call(state: State, path: str, start: str | None) -> Call:
    query = [("limit", "100")] + ([("start", start)] if start else [])
    request = FakeRequest(method="GET", path=path, query=query, headers={}, body=b"")
    return Call(state=state, request=request, params={}, body=None)


def _walk(state: State, kind: str, pager: Pager) -> tuple[float, int]:
    """CPU seconds to page through every item of ``kind``, and how many came."""
    seen, start = 0, None
    began = time.process_time()
    while True:
        page = pager(_call(state, f"/{kind}", start))
        seen += len(page["data"])
        start = page["last"]
        if not start:
            return time.process_time() - began, seen


def _store(state: State, kind: str) -> dict[str, JSON]:
    return state.rooms if kind == "rooms" else state.sessions


def _pagers(kind: str) -> dict[str, Pager]:
    return {
        "old": lambda call: page_a(call, list(_store(call.state, kind).values())),
        "new": lambda call: page_a_ordered(call, _store(call.state, kind)),
    }


def _fill(kind: str, size: int) -> FakeHMS:
    fake = FakeHMS(seed=1)
    if kind == "rooms":
        fake.seed_rooms(size)
        return fake
    (room,) = fake.seed_rooms(1)
    fake.leave(room, fake.join(room, role="host").id)
    (model,) = fake.state.sessions.values()
    fake.state.sessions = {
        f"{n:024x}": {**model, "id": f"{n:024x}"} for n in range(size)
    }
    return fake


def _measure(kind: str, size: int, rounds: int) -> dict[str, float]:
    fake = _fill(kind, size)
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(rounds):
        for name, pager in _pagers(kind).items():
            seconds, seen = _walk(fake.state, kind, pager)
            if seen != size:
                raise SystemExit(f"{name} walked {seen} {kind} of {size}")
            times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    """Parse options; walk each size both ways and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for kind in ("rooms", "sessions"):
        for size in (int(text) for text in args.sizes.split(",")):
            median = _measure(kind, size, args.rounds)
            print(
                f"{size:>9,} {kind:8}: old {median['old']:.3f} s, "
                f"new {median['new']:.3f} s"
                f" | old / new {median['old'] / median['new']:.1f}x"
            )


if __name__ == "__main__":
    main()

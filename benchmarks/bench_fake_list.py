"""The fake's room list: a whole walk, page by page, against the old way of paging.

Both walk the same seeded rooms in pages of 100 through the fake's own page
functions, with the same requests: the old way copied every room and scanned
for the cursor on every page (``page_a`` over ``list(rooms.values())``, what
``GET /rooms`` did), the new way (``page_a_ordered``) reads only the page's
rooms from the cursor on. Times are CPU seconds, rounds interleaved, medians;
the ratio is old / new at each size (a quadratic walk against a linear one,
so it grows with the size).

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


def _call(state: State, start: str | None) -> Call:
    query = [("limit", "100")] + ([("start", start)] if start else [])
    request = FakeRequest(
        method="GET", path="/rooms", query=query, headers={}, body=b""
    )
    return Call(state=state, request=request, params={}, body=None)


def _walk(state: State, pager: Pager) -> tuple[float, int]:
    """CPU seconds to page through every room, and how many rooms came."""
    seen, start = 0, None
    began = time.process_time()
    while True:
        page = pager(_call(state, start))
        seen += len(page["data"])
        start = page["last"]
        if not start:
            return time.process_time() - began, seen


def _old(call: Call) -> JSON:
    return page_a(call, list(call.state.rooms.values()))


def _new(call: Call) -> JSON:
    return page_a_ordered(call, call.state.rooms, call.state.room_order)


def _measure(size: int, rounds: int) -> dict[str, float]:
    fake = FakeHMS(seed=1)
    fake.seed_rooms(size)
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(rounds):
        for name, pager in (("old", _old), ("new", _new)):
            seconds, seen = _walk(fake.state, pager)
            if seen != size:
                raise SystemExit(f"{name} walked {seen} rooms of {size}")
            times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    """Parse options; walk each size both ways and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for size in (int(text) for text in args.sizes.split(",")):
        median = _measure(size, args.rounds)
        print(
            f"{size:>9,} rooms: old {median['old']:.3f} s, new {median['new']:.3f} s"
            f" | old / new {median['old'] / median['new']:.1f}x"
        )


if __name__ == "__main__":
    main()

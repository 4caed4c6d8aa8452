"""Import time of ``hms_async`` against ``import httpx``, in fresh processes.

Each statement runs in its own interpreter, rounds interleaved, medians
reported. Three figures per statement: ``-X importtime`` (the sum of the
top-level imports' cumulative µs, minus an empty run's), wall time and CPU
time of the process (both minus ``python -c pass``); the ratios are against
``import httpx``, which every use of the SDK pays anyway.

    python benchmarks/bench_import.py [--rounds 9]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "pass": "pass",
    "httpx": "import httpx",
    "hms_async": "import hms_async",
    "HMSClient": "from hms_async import HMSClient",
    "client+rooms": ("from hms_async import HMSClient; HMSClient('k', 's' * 32).rooms"),
    "SyncHMSClient": "from hms_async import SyncHMSClient",
    "sync+rooms": (
        "from hms_async import SyncHMSClient; SyncHMSClient('k', 's' * 32).rooms"
    ),
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(code: str, *flags: str) -> tuple[float, float, str]:
    """Wall and CPU seconds of ``python -c code``, and its stderr."""
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, *flags, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, _children_cpu() - cpu, done.stderr


def _importtime(stderr: str) -> float:
    """Sum of the top-level imports' cumulative µs in ``-X importtime`` output."""
    total = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if not name[1:].startswith(" "):  # nested imports are indented
            total += int(cumulative)
    return float(total)


def measure(rounds: int) -> dict[str, dict[str, float]]:
    """Medians per statement: importtime (µs), wall and CPU (ms) over ``pass``."""
    samples: dict[str, dict[str, list[float]]] = {
        name: {"importtime": [], "wall": [], "cpu": []} for name in STATEMENTS
    }
    for _ in range(rounds):
        for name, code in STATEMENTS.items():
            wall, cpu, _ = _run(code)
            _, _, stderr = _run(code, "-X", "importtime")
            samples[name]["wall"].append(wall * 1000)
            samples[name]["cpu"].append(cpu * 1000)
            samples[name]["importtime"].append(_importtime(stderr) / 1000)
    base = {k: statistics.median(v) for k, v in samples["pass"].items()}
    return {
        name: {k: statistics.median(v) - base[k] for k, v in figures.items()}
        for name, figures in samples.items()
        if name != "pass"
    }


def main() -> None:
    """Parse options, measure, print a row per statement with its ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    result = measure(args.rounds)
    httpx = result["httpx"]
    print(f"ms over `python -c pass`, median of {args.rounds} interleaved rounds")
    for name, figures in result.items():
        print(
            f"  {STATEMENTS[name]:72.72}"
            + "".join(
                f" | {kind} {value:6.1f} ({value / httpx[kind]:4.2f}x)"
                for kind, value in figures.items()
            )
        )


if __name__ == "__main__":
    main()

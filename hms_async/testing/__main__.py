"""``python -m hms_async.testing serve``: run the fake over loopback HTTP."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import anyio

from ._fake import FakeHMS

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hms_async.testing", description="A fake 100ms REST API v2."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the fake over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind")
    serve.add_argument("--port", type=int, default=8765, help="port (0: any free)")
    serve.add_argument("--seed", default=None, help="seed for ids and faults")
    serve.add_argument("--access-key", default=None)
    serve.add_argument("--app-secret", default=None)
    return parser


async def _serve(args: argparse.Namespace) -> None:
    fake = FakeHMS(
        seed=args.seed, access_key=args.access_key, app_secret=args.app_secret
    )
    async with fake.serve(host=args.host, port=args.port) as base_url:
        print(f"HMS_BASE_URL={base_url}")
        print(f"HMS_ACCESS_KEY={fake.access_key}")
        print(f"HMS_SECRET={fake.app_secret}")
        print(f"HMS_MANAGEMENT_TOKEN={fake.management_token()}", flush=True)
        await anyio.sleep_forever()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        anyio.run(_serve, args)
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

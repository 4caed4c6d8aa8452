"""``python -m hms_async.testing serve``: run the fake over loopback HTTP.

The command prints ``export NAME='value'`` lines on stdout, so a shell can
take them in one step (``eval "$(python -m hms_async.testing serve --port 0 &)"``
is not needed: read the lines from the process, or copy them), and a note for
people on stderr. Ctrl-C (or SIGTERM) stops it cleanly.
"""

from __future__ import annotations

import argparse
import contextlib
import shlex
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

from ._fake import FakeHMS
from ._server import FakeServer, PortInUseError

__all__ = ["main"]

USAGE_ERROR = 2


def _header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _delays(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected seconds separated by commas, got {text!r}"
        ) from None
    if any(value < 0 for value in values):
        raise argparse.ArgumentTypeError("retry delays must not be negative")
    return values


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {port}")
    return port


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hms_async.testing", description="A fake 100ms REST API v2."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the fake over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind")
    serve.add_argument(
        "--port", type=_port, default=8765, help="port (0: any free one, printed)"
    )
    serve.add_argument("--seed", default=None, help="seed for ids and faults")
    serve.add_argument("--access-key", default=None)
    serve.add_argument("--app-secret", default=None)
    control = serve.add_mutually_exclusive_group()
    control.add_argument(
        "--no-control",
        dest="control",
        action="store_false",
        default=None,
        help="switch the /_fake/ control plane off",
    )
    control.add_argument(
        "--allow-remote-control",
        dest="control",
        action="store_true",
        help="keep the control plane on for a non-loopback --host",
    )
    hooks = serve.add_argument_group("webhooks")
    hooks.add_argument("--webhook-url", default=None, help="POST each event here")
    hooks.add_argument(
        "--webhook-header",
        type=_header,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a header sent with every delivery (repeatable)",
    )
    hooks.add_argument(
        "--webhook-signing-secret",
        default=None,
        help="also sign each body (x-100ms-signature: hex HMAC-SHA256)",
    )
    hooks.add_argument(
        "--webhook-retry-delays",
        type=_delays,
        default=None,
        metavar="S,S,...",
        help="seconds between attempts (default 1,3,10 like 100ms)",
    )
    return parser


def _make_fake(args: argparse.Namespace) -> FakeHMS:
    options: dict[str, object] = {}
    if args.webhook_retry_delays is not None:
        options["webhook_retry_delays"] = args.webhook_retry_delays
    return FakeHMS(
        seed=args.seed,
        access_key=args.access_key,
        app_secret=args.app_secret,
        webhook_url=args.webhook_url,
        webhook_headers=dict(args.webhook_header),
        webhook_signing_secret=args.webhook_signing_secret,
        **options,  # type: ignore[arg-type]
    )


def export_lines(environment: dict[str, str]) -> str:
    """Return ``export NAME='value'`` lines a POSIX shell can ``eval``."""
    return "".join(
        f"export {name}={shlex.quote(value)}\n" for name, value in environment.items()
    )


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[threading.Event]:
    """An event SIGTERM sets, its handler in place for the whole block.

    Entered before the settings are printed: a caller that reads them and
    sends SIGTERM at once must not meet the default handler.
    """
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve(args: argparse.Namespace) -> int:
    try:
        fake = _make_fake(args)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    server = FakeServer(fake, args.host, args.port, control=args.control)
    try:
        server.start()
    except ImportError as error:  # the 'fake' extra (uvicorn) is missing
        print(f"error: {error}", file=sys.stderr)
        fake.close()
        return 1
    except PortInUseError as error:
        print(
            f"error: {error.strerror}; use --port 0 to pick a free port",
            file=sys.stderr,
        )
        return 1
    try:
        with _stop_on_sigterm() as stop:
            sys.stdout.write(export_lines(server.environment()))
            sys.stdout.flush()
            control = server.control_url if server.control else "off"
            print(
                f"# fake 100ms API on {server.base_url} (control plane: {control});"
                " Ctrl-C stops it",
                file=sys.stderr,
                flush=True,
            )
            stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        fake.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())

"""The ``hms`` root command: global options, sub-commands, errors to exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from .._client import DEFAULT_BASE_URL
from .._version import __version__
from ._context import ClientFactory, Hooks, Settings, check_backend
from ._exit import ExitCode, Failure, failure_for, interrupted
from ._export import export
from ._media import live_streams, recordings, sessions, templates
from ._rooms import active_rooms, room_codes, rooms
from ._tools import fake, tokens, webhooks_group

__all__ = ["cli", "run"]


class _Root(click.Group):
    """Turns whatever a command raises into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            raise  # the reader went away (``| head``): click exits quietly
        except Exception as exc:
            debug = bool(ctx.params.get("debug"))
            raise failure_for(exc, debug=debug, ctx=ctx) from None
        except BaseException as exc:
            if interrupted(exc):
                raise Failure("interrupted", ExitCode.INTERRUPTED) from None
            raise


@click.group("hms", cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="hms")
@click.option(
    "--access-key",
    envvar="HMS_ACCESS_KEY",
    help="The app's access key [env: HMS_ACCESS_KEY].",
)
@click.option(
    "--secret",
    envvar="HMS_SECRET",
    help="The app secret [env: HMS_SECRET].",
)
@click.option(
    "--base-url",
    envvar="HMS_BASE_URL",
    default=DEFAULT_BASE_URL,
    show_default=True,
    help="The API's base URL [env: HMS_BASE_URL].",
)
@click.option(
    "--backend",
    type=click.Choice(["asyncio", "trio"]),
    envvar="HMS_BACKEND",
    default="asyncio",
    show_default=True,
    help="The event loop to run on [env: HMS_BACKEND].",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of failures.")
@click.pass_context
def cli(
    ctx: click.Context,
    access_key: str | None,
    secret: str | None,
    base_url: str,
    backend: str,
    debug: bool,
) -> None:
    """hms: the 100ms REST API from the command line (built on hms-async).

    Tables on a terminal, JSON otherwise (--json/--table on each command).
    Exit codes: 0 ok, 1 error, 2 usage, 3 authentication, 4 not found,
    5 rate limited or server error, 6 connection error, 130 interrupted.
    """
    check_backend(backend)
    hooks = ctx.obj if isinstance(ctx.obj, Hooks) else Hooks()
    ctx.obj = Settings(
        access_key=access_key,
        secret=secret,
        base_url=base_url,
        backend=backend,
        debug=debug,
        hooks=hooks,
    )


for _command in (
    rooms,
    room_codes,
    active_rooms,
    sessions,
    recordings,
    live_streams,
    templates,
    tokens,
    webhooks_group,
    export,
    fake,
):
    cli.add_command(_command)


def run(argv: Sequence[str], *, client_factory: ClientFactory | None = None) -> int:
    """Run ``hms`` with ``argv`` in this process; return the exit status.

    ``client_factory`` replaces the client every command makes (tests and
    benchmarks pass the in-process fake's).
    """
    try:
        cli.main(
            list(argv),
            prog_name="hms",
            obj=Hooks(client_factory=client_factory),
            standalone_mode=False,
        )
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        return int(ExitCode.INTERRUPTED)
    return 0

"""Exit codes, and the one-line message each failure shows on stderr."""

from __future__ import annotations

import enum
import traceback

import click

from ..errors import (
    APIConnectionError,
    AuthenticationError,
    HMSError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)

__all__ = ["ExitCode", "Failure", "failure_for", "interrupted"]


class ExitCode(enum.IntEnum):
    """What ``hms`` exits with; each failure also prints one line on stderr."""

    OK = 0
    ERROR = 1
    """Any other failure: a 400/409 answer, a file that cannot be written, a
    webhook that fails verification, a state file that does not match."""
    USAGE = 2
    """Bad options or arguments; nothing was sent."""
    AUTH = 3
    """No credentials, or the API refused them (401/403)."""
    NOT_FOUND = 4
    """The API answered 404."""
    UNAVAILABLE = 5
    """Rate limited (429) or a server error (5xx), after the SDK's retries."""
    CONNECTION = 6
    """The API could not be reached, or did not answer in time."""
    INTERRUPTED = 130
    """Ctrl-C (128 + SIGINT), as shells report it."""


class Failure(click.ClickException):
    """A failure shown as ``Error: <one line>`` with its own exit code."""

    def __init__(self, message: str, code: ExitCode = ExitCode.ERROR) -> None:
        super().__init__(" ".join(message.split()))
        # click declares exit_code on the class; this failure carries its own.
        setattr(self, "exit_code", int(code))  # noqa: B010


_CODES: tuple[tuple[type[BaseException], ExitCode], ...] = (
    (AuthenticationError, ExitCode.AUTH),
    (PermissionDeniedError, ExitCode.AUTH),
    (NotFoundError, ExitCode.NOT_FOUND),
    (RateLimitError, ExitCode.UNAVAILABLE),
    (ServerError, ExitCode.UNAVAILABLE),
    (APIConnectionError, ExitCode.CONNECTION),
)


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is Ctrl-C, alone or in an exception group (trio wraps it)."""
    if isinstance(exc, KeyboardInterrupt):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return any(interrupted(inner) for inner in exc.exceptions)
    return False


def failure_for(
    exc: Exception, *, debug: bool, ctx: click.Context | None = None
) -> click.ClickException:
    """The CLI failure for an exception a command raised.

    SDK errors keep their own (secret-free) message; ``ValueError`` and
    ``TypeError``, which the SDK raises for bad arguments before sending
    anything, are usage errors. With ``debug`` the traceback goes to stderr.
    """
    if debug:
        click.echo("".join(traceback.format_exception(exc)), err=True, nl=False)
    if isinstance(exc, ValueError | TypeError):
        return click.UsageError(" ".join(str(exc).split()), ctx)
    if isinstance(exc, OSError):
        return Failure(str(exc))
    for kind, code in _CODES:
        if isinstance(exc, kind):
            return Failure(str(exc), code)
    if isinstance(exc, HMSError):
        return Failure(str(exc))
    name = type(exc).__name__
    return Failure(f"unexpected {name}: {exc} (run with --debug for the traceback)")

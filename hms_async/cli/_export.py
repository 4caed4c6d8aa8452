"""``hms export KIND``: every page of a list to JSON Lines or CSV, resumable."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

import click

from ._context import Settings, settings
from ._exit import ExitCode, Failure, failure_for, interrupted
from ._kinds import KINDS, Kind
from ._params import apply, limit_option
from ._progress import ExportProgress
from ._sink import CsvEncoder, Encoder, JsonLinesEncoder, Sink, open_file, open_stream
from ._state import Job

__all__ = ["export"]


@click.group()
def export() -> None:
    """Stream every item of a list to a file or stdout (JSON Lines or CSV).

    Pages are fetched ahead while the previous one is written. With --output,
    a state file beside it records the pages written (once a second, and on
    Ctrl-C or a failure), so --resume continues an interrupted export and every
    item ends up in the file exactly once.
    """


def _encoder(kind: Kind, fmt: str) -> Encoder:
    return CsvEncoder(kind.csv_columns()) if fmt == "csv" else JsonLinesEncoder()


def _open(kind: Kind, job: Job, opts: dict[str, Any]) -> Sink:
    encoder = _encoder(kind, job.format)
    output: str = opts["output"]
    if output == "-":
        if opts["resume"]:
            raise click.UsageError(
                "--resume needs --output FILE (stdout cannot be resumed)"
            )
        return open_stream(sys.stdout.buffer, encoder)
    return open_file(
        Path(output),
        encoder,
        job,
        resume=opts["resume"],
        every=opts["checkpoint_every"],
    )


class _Export:
    """One run of an export: opens the output, walks the pages, reports."""

    def __init__(self, kind: Kind, params: dict[str, Any]) -> None:
        self.kind = kind
        self.params = params
        self.job = Job(
            kind=kind.name,
            filters=kind.given(params),
            limit=params["limit"],
            format=params["format"],
        )
        self.sink: Sink | None = None
        self.complete_before = False
        """Whether --resume found the export already complete."""
        quiet, force = params["quiet"], params["progress"]
        self.bar = ExportProgress(
            kind.name, enabled=ExportProgress.wanted(quiet=quiet, force=force)
        )

    async def walk(self, config: Settings) -> None:
        """Check the arguments, open the output, then write every page."""
        async with config.client() as hms:
            filters = dict(self.job.filters)
            self.kind.paginator(hms, filters, self.job.limit, None)  # checks arguments
            sink = self.sink = _open(self.kind, self.job, self.params)
            if sink.done.done:
                self.complete_before = True
                click.echo(f"already complete: {sink.done.items} items", err=True)
                return
            paginator = self.kind.paginator(
                hms, filters, self.job.limit, sink.done.cursor
            )
            with self.bar:
                self.bar.start_at(sink.done.items, sink.done.pages)
                async with paginator.prefetch_pages(self.params["prefetch"]) as pages:
                    async for page in pages:
                        sink.write_page(page)
                        self.bar.advance(len(page.data), page.total)

    def close(self) -> None:
        """Close the output, if it was opened."""
        if self.sink is not None:
            self.sink.close()

    def abandon(self) -> None:
        """After Ctrl-C or a failure: record every page written whole, then close.

        What is recorded stays consistent whatever happens here: a page cut
        short by the interruption is past the recorded offset (``written``
        only counts pages whose write returned), the state file is replaced
        atomically, and a failure to record leaves the previous record, which
        --resume cuts back to.
        """
        sink = self.sink
        if sink is None:
            return
        with contextlib.suppress(Exception):
            sink.checkpoint()
        with contextlib.suppress(Exception):
            sink.close()

    def resume_hint(self) -> str | None:
        """What to do after a failure, when a file holds part of the export."""
        if self.sink is None or self.params["output"] == "-":
            return None
        return (
            f"{self.sink.done.items} items are safely in {self.params['output']};"
            " --resume continues"
        )

    def summary(self) -> str | None:
        """The closing line on stderr, if any."""
        if self.params["quiet"] or self.params["output"] == "-" or self.sink is None:
            return None
        if self.complete_before:
            return None
        items = self.sink.written.items
        return f"exported {self.kind.count(items)} to {self.params['output']}"

    def interrupted(self) -> str:
        """The message after Ctrl-C."""
        done = 0 if self.sink is None else self.sink.done.items
        if self.params["output"] == "-":
            return f"interrupted after {done} items"
        return (
            f"interrupted: {done} items are safely in {self.params['output']};"
            " run the same command with --resume to continue"
        )


def _run(kind: Kind, params: dict[str, Any]) -> None:
    config = settings(click.get_current_context())
    run = _Export(kind, params)
    try:
        config.run(lambda: run.walk(config))
    except Exception as exc:
        run.abandon()
        hint = run.resume_hint()
        if hint is None or isinstance(exc, click.ClickException):
            raise
        failure = failure_for(exc, debug=config.debug)
        code = ExitCode(failure.exit_code)
        raise Failure(f"{failure.message} ({hint})", code) from None
    except BaseException as exc:
        run.abandon()
        if interrupted(exc):
            raise Failure(run.interrupted(), ExitCode.INTERRUPTED) from None
        raise
    run.close()
    summary = run.summary()
    if summary:
        click.echo(summary, err=True)


EXPORT_OPTIONS = (
    click.option(
        "-o",
        "--output",
        default="-",
        show_default=True,
        help="File to write ('-' for stdout).",
    ),
    click.option(
        "--format",
        type=click.Choice(["jsonl", "csv"]),
        default="jsonl",
        show_default=True,
        help="JSON Lines (every field) or CSV (the model's fields).",
    ),
    click.option(
        "--resume",
        is_flag=True,
        help="Continue an interrupted export into the same --output file.",
    ),
    click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary."),
    click.option(
        "--progress",
        is_flag=True,
        help="Show the progress bar even when stderr is not a terminal.",
    ),
    click.option(
        "--prefetch",
        type=click.IntRange(1, 16),
        default=2,
        show_default=True,
        help="Pages fetched ahead of the one being written.",
    ),
    click.option(
        "--checkpoint-every",
        type=click.FloatRange(min=0),
        default=1.0,
        show_default=True,
        metavar="SECONDS",
        help="Seconds between state-file records (0: after every page);"
        " Ctrl-C and failures record what was written.",
    ),
)


def _command(kind: Kind) -> click.Command:
    def command(**params: Any) -> None:
        _run(kind, params)

    command.__doc__ = kind.help
    decorated = apply((*kind.options(), limit_option(*kind.limit), *EXPORT_OPTIONS))(
        command
    )
    return click.command(kind.name, help=kind.help)(decorated)


for _kind in KINDS.values():
    if _kind.name != "templates":
        export.add_command(_command(_kind))

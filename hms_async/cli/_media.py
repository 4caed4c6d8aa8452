"""``hms sessions``, ``hms recordings``, ``hms live-streams`` and ``hms templates``."""

from __future__ import annotations

import click

from ._calls import call, list_command
from ._kinds import KINDS
from ._params import output_options

__all__ = ["live_streams", "recordings", "sessions", "templates"]


@click.group()
def sessions() -> None:
    """Sessions: list and show."""


sessions.add_command(list_command(KINDS["sessions"]))


@sessions.command("get")
@click.argument("session_id")
@output_options
def get_session(session_id: str, as_json: bool | None) -> None:
    """Show one session with its peers."""
    call(lambda hms: hms.sessions.retrieve(session_id), as_json=as_json)


@click.group()
def recordings() -> None:
    """Recording jobs: list, show and stop."""


recordings.add_command(list_command(KINDS["recordings"]))


@recordings.command("get")
@click.argument("recording_id")
@output_options
def get_recording(recording_id: str, as_json: bool | None) -> None:
    """Show one recording job."""
    call(lambda hms: hms.recordings.retrieve(recording_id), as_json=as_json)


@recordings.command("stop")
@click.argument("recording_id")
@output_options
def stop_recording(recording_id: str, as_json: bool | None) -> None:
    """Stop one recording job."""
    call(lambda hms: hms.recordings.stop(recording_id), as_json=as_json)


@click.group("live-streams")
def live_streams() -> None:
    """Live (HLS) streams: list, show and stop."""


live_streams.add_command(list_command(KINDS["live-streams"]))


@live_streams.command("get")
@click.argument("stream_id")
@output_options
def get_live_stream(stream_id: str, as_json: bool | None) -> None:
    """Show one live stream."""
    call(lambda hms: hms.live_streams.retrieve(stream_id), as_json=as_json)


@live_streams.command("stop")
@click.argument("stream_id")
@output_options
def stop_live_stream(stream_id: str, as_json: bool | None) -> None:
    """Stop one live stream."""
    call(lambda hms: hms.live_streams.stop(stream_id), as_json=as_json)


@click.group()
def templates() -> None:
    """Templates: list and show."""


templates.add_command(list_command(KINDS["templates"]))


@templates.command("get")
@click.argument("template_id")
@output_options
def get_template(template_id: str, as_json: bool | None) -> None:
    """Show one template with its roles and settings."""
    call(lambda hms: hms.templates.retrieve(template_id), as_json=as_json)

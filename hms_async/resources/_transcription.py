"""The documented limits of a transcription's AI summary, checked once.

Recording and live-stream starts and template destinations send the same
summary object; each checks it here, with the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ._base import check_length, check_range

__all__ = ["check_summary", "check_transcription"]

_MAX_CONTEXT: Final = 300
_MAX_SECTIONS: Final = 6
_MAX_TITLE: Final = 100


def check_summary(summary: Any, where: str, *, complete: bool = False) -> None:
    """Refuse a wire-form summary outside the documented limits.

    `context` at most 300 characters, `temperature` 0.1 to 1.0, at most 6
    `sections`, each title at most 100 characters. Anything but an object is
    left for the API to judge.

    Args:
        summary: The `summary` object as it is sent (JSON).
        where: The name of the summary in messages, ending in `.`.
        complete: Each section must be an object with its `title` and
            `format` (a job's summary; a template's may leave them out).

    Raises:
        TypeError: With `complete`, a section is not an object.
        ValueError: A limit is exceeded, or with `complete`, a section lacks
            its title or format.
    """
    if not isinstance(summary, Mapping):
        return
    check_length(where + "context", summary.get("context"), _MAX_CONTEXT, "characters")
    check_range(where + "temperature", summary.get("temperature"), 0.1, 1.0)
    sections = summary.get("sections")
    if not isinstance(sections, list | tuple):
        return
    check_length(where + "sections", sections, _MAX_SECTIONS, "sections")
    for index, section in enumerate(sections):
        name = f"{where}sections[{index}]."
        if not isinstance(section, Mapping):
            if complete:
                raise TypeError(
                    f"{name[:-1]} must be an object, got {type(section).__name__}"
                )
            continue
        if complete:
            for key in ("title", "format"):
                if not section.get(key):
                    raise ValueError(f"{name}{key} is required")
        check_length(name + "title", section.get("title"), _MAX_TITLE, "characters")


def check_transcription(transcription: Mapping[str, Any]) -> None:
    """Refuse a wire-form job `transcription` outside the documented limits.

    Recording and live-stream starts take the same object: its `summary` is
    checked by :func:`check_summary`, every section complete.

    Args:
        transcription: The `transcription` object as it is sent (JSON).

    Raises:
        TypeError: `transcription`, or one of its sections, is not an object.
        ValueError: A summary limit is exceeded, or a section lacks its title
            or format.
    """
    if not isinstance(transcription, Mapping):
        raise TypeError(f"transcription must be an object, got {transcription!r:.40}")
    check_summary(transcription.get("summary"), "transcription.summary.", complete=True)

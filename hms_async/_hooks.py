"""Event hooks: the client's ``event_hooks``, checked once, and how one is called.

``HMSClient(event_hooks={"request": [...], "response": [...], "retry": [...]})``
takes plain functions and coroutine functions alike (the sync client, plain
functions only); ``_compat.call_hooks`` calls them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

__all__ = ["EVENTS", "EventHooks"]

EVENTS: Final = ("request", "response", "retry")
"""The events a hook may be given for, in the order of an attempt."""

Hook = Callable[..., Any]


class EventHooks:
    """The hooks of a client, by event (``()`` for an event without one)."""

    __slots__ = ("request", "response", "retry")

    request: tuple[Hook, ...]
    response: tuple[Hook, ...]
    retry: tuple[Hook, ...]

    def __init__(self, hooks: Mapping[str, Iterable[Hook]]) -> None:
        if not isinstance(hooks, Mapping):
            raise TypeError(
                f"event_hooks must be a mapping, got {type(hooks).__name__}"
            )
        unknown = sorted(set(hooks) - set(EVENTS))
        if unknown:
            raise ValueError(
                f"event_hooks has no event {unknown[0]!r}: the events are "
                + ", ".join(EVENTS)
            )
        for event in EVENTS:
            given = hooks.get(event, ())
            if callable(given) or isinstance(given, str | bytes):
                raise TypeError(f"event_hooks[{event!r}] must be a list of callables")
            listed = tuple(given)
            for hook in listed:
                if not callable(hook):
                    raise TypeError(
                        f"event_hooks[{event!r}] holds {hook!r}, which is not callable"
                    )
            setattr(self, event, listed)

    def __repr__(self) -> str:
        counts = ", ".join(f"{e}={len(getattr(self, e))}" for e in EVENTS)
        return f"<EventHooks {counts}>"

    def __bool__(self) -> bool:
        return bool(self.request or self.response or self.retry)

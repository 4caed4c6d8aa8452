"""Route table and the per-call view handlers work with."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._http import ApiError, FakeRequest, bad_request

if TYPE_CHECKING:
    from ._state import State

__all__ = ["Call", "Reply", "Route", "Router", "compile_template"]

AuthKind = Literal["management", "app", "none"]
Handler = Callable[["Call"], Any]
_PARAM = re.compile(r"\{(\w+)\}")
_TRUE = ("true", "1")
_FALSE = ("false", "0")


def compile_template(template: str) -> re.Pattern[str]:
    """Compile ``/rooms/{room_id}`` (or ``*`` segments) into a full-match regex."""
    parts = []
    for segment in template.strip("/").split("/"):
        if segment == "*":
            parts.append(r"[^/]+")
        else:
            pieces = _PARAM.split(segment)
            parts.append(
                "".join(
                    f"(?P<{p}>[^/]+)" if i % 2 else re.escape(p)
                    for i, p in enumerate(pieces)
                )
            )
    return re.compile("/" + "/".join(parts))


@attrs.frozen
class Reply:
    """A handler result with a status other than 200."""

    status: int
    payload: Any


@attrs.frozen
class Route:
    """One method + path template and its handler."""

    method: str
    template: str
    pattern: re.Pattern[str]
    handler: Handler
    auth: AuthKind


class Router:
    """An ordered list of routes, filled by the ``route`` decorator."""

    def __init__(self, routes: list[Route] | None = None) -> None:
        self.routes: list[Route] = list(routes or [])

    def route(
        self, method: str, template: str, *, auth: AuthKind = "management"
    ) -> Callable[[Handler], Handler]:
        """Register the decorated function for ``method`` and ``template``."""

        def register(handler: Handler) -> Handler:
            pattern = compile_template(template)
            self.routes.append(Route(method, template, pattern, handler, auth))
            return handler

        return register

    def __add__(self, other: Router) -> Router:
        return Router(self.routes + other.routes)

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """Find the route for a request, or raise a 404/405 API error."""
        allowed = False
        for route in self.routes:
            found = route.pattern.fullmatch(path)
            if found is None:
                continue
            if route.method == method:
                return route, found.groupdict()
            allowed = True
        if allowed:
            raise ApiError(405, "Method not allowed", [f"{method} {path}"])
        raise ApiError(404, "Not found", [f"no route for {method} {path}"])


@attrs.define
class Call:
    """Everything a handler needs: the state, the request, path params and body.

    ``owner`` is what the router serves beyond the state (the control plane's
    :class:`~hms_async.testing.FakeHMS`); API routes leave it ``None``.
    """

    state: State
    request: FakeRequest
    params: dict[str, str]
    body: Any
    owner: Any = None

    def q(self, name: str) -> str | None:
        """Return the first query value for ``name``, or ``None``."""
        for key, value in self.request.query:
            if key == name:
                return value
        return None

    def q_all(self, name: str) -> list[str]:
        """Return every query value sent for ``name``."""
        return [value for key, value in self.request.query if key == name]

    def q_bool(self, name: str) -> bool | None:
        """Return a boolean query parameter, or ``None`` when absent."""
        raw = self.q(name)
        if raw is None:
            return None
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise bad_request(f"{name} must be a boolean", "Invalid query parameter")

    def q_int(self, name: str, default: int, low: int, high: int) -> int:
        """Return an integer query parameter within ``[low, high]``."""
        raw = self.q(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise bad_request(
                f"{name} must be an integer", "Invalid query parameter"
            ) from None
        if not low <= value <= high:
            detail = f"{name} must be between {low} and {high}"
            raise bad_request(detail, "Invalid query parameter")
        return value

    def obj(self) -> dict[str, Any]:
        """Return the JSON body as an object (``{}`` when there is no body)."""
        if self.body is None:
            return {}
        if not isinstance(self.body, dict):
            raise bad_request("body must be a JSON object", "Invalid body")
        return self.body

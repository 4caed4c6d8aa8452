"""Per-call options: what a caller may add to one call, checked and applied.

Every service method takes ``extra_headers``, ``extra_query``,
``extra_body`` and ``timeout`` as keyword arguments (``RequestOptions``),
with the names and meaning they have in openai-python. They are checked
here, before anything is sent, and laid over what the method itself sends:

* nothing the SDK owns may be changed: ``Authorization`` (the client's
  management token), and query or body fields the method sends or takes as
  its own arguments (pass those as arguments);
* ``extra_body`` needs a method that sends a JSON object;
* ``timeout`` replaces the client's timeout for this call's attempts.

A call without options pays one truth test of an empty dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, TypedDict

import httpx

from ._encoding import wire
from ._options import check_timeout

__all__ = ["RAW", "Extras", "RequestOptions", "extras"]

RAW: Final = "_raw"
"""The private option ``with_raw_response`` hands its capture over in."""


class RequestOptions(TypedDict, total=False):
    """The per-call options every service method takes as keyword arguments.

    Give any of them to any call (`hms.rooms.retrieve(room_id, timeout=5)`);
    a list keeps them for every page it fetches. For another `max_retries`
    or `deadline`, use [HMSClient.with_options][hms_async.HMSClient.with_options].
    Each is checked before anything is sent.

    Attributes:
        extra_headers: Headers added to the request, replacing the SDK's own
            of the same name (`User-Agent`, `Accept`). `Authorization` is
            refused (`ValueError`): the token is the client's job; create
            the client with `management_token=` to send a token of your own.
        extra_query: Query parameters added to the query string, encoded as
            the SDK encodes its own (booleans `true`/`false`, lists as
            repeated keys; `None` is left out). A parameter the method sends
            or takes as an argument is refused (`ValueError`).
        extra_body: Fields merged into the JSON body, for a field the SDK
            does not model yet. A field the method sends or takes as an
            argument is refused, and so is any on a call that sends no JSON
            object (a GET, a DELETE, a body that is a list): `ValueError`.
        timeout: This call's timeout, in place of the client's: seconds for
            every phase, an `httpx.Timeout`, or `None` to wait forever.

    Example:
        ```python
        room = await hms.rooms.retrieve(
            room_id,
            extra_headers={"X-Request-Id": "req-42"},
            extra_query={"fields": "id,name"},
            timeout=2.5,
        )
        ```
    """

    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, Any]
    extra_body: Mapping[str, Any]
    timeout: float | httpx.Timeout | None


_NAMES: Final = frozenset(RequestOptions.__annotations__) | {RAW}


class Extras:
    """The options of one call, checked, laid over what its method sends."""

    __slots__ = ("headers", "json", "params", "raw", "timeout")

    def __init__(
        self,
        headers: Mapping[str, str] | None,
        params: Mapping[str, Any] | None,
        json: object,
        timeout: httpx.Timeout | None,
        raw: Any,
    ) -> None:
        self.headers = headers
        self.params = params
        self.json = json
        self.timeout = timeout
        """``None``: the client's timeout (the option was not given)."""
        self.raw = raw


def extras(
    options: Mapping[str, Any],
    method: str,
    where: str,
    params: Mapping[str, Any] | None,
    json: object,
) -> Extras:
    """Check ``options`` for a call to ``where`` and apply them.

    ``params`` are the method's query parameters, ``None`` values included
    (those are arguments it takes but was not given); ``json`` its body (an
    ``_encoding.Body`` remembers the fields it takes).

    Raises:
        TypeError: An unknown option, or one of the wrong type.
        ValueError: An option that would change what the SDK owns.
    """
    unknown = sorted(options.keys() - _NAMES)
    if unknown:
        raise TypeError(
            f"{where}: unexpected keyword argument {unknown[0]!r} (the per-call "
            "options are extra_headers, extra_query, extra_body and timeout)"
        )
    headers = _headers(options.get("extra_headers"), where)
    query = _mapping(options.get("extra_query"), "extra_query", where)
    if query:
        _refuse_own("extra_query", query, params or {}, where)
        params = {**(params or {}), **query}
    fields = _mapping(options.get("extra_body"), "extra_body", where)
    if fields is not None:
        json = _merge_body(fields, method, json, where)
    timeout = check_timeout(options["timeout"]) if "timeout" in options else None
    return Extras(headers, params, json, timeout, options.get(RAW))


def _mapping(value: object, name: str, where: str) -> Mapping[str, Any] | None:
    if value is None or isinstance(value, Mapping):
        return value
    raise TypeError(f"{where}: {name} must be a mapping, got {type(value).__name__}")


def _headers(value: object, where: str) -> dict[str, str] | None:
    given = _mapping(value, "extra_headers", where)
    if not given:
        return None
    for name, text in given.items():
        if not isinstance(name, str) or not isinstance(text, str):
            raise TypeError(f"{where}: extra_headers must map str to str")
        if name.lower() == "authorization":
            raise ValueError(
                f"{where}: extra_headers must not set Authorization: the client "
                "sends its own management token (create it with "
                "management_token= to send a token of your own)"
            )
    return dict(given)


def _refuse_own(name: str, extra: Mapping[str, Any], own: Any, where: str) -> None:
    """Refuse the keys of ``extra`` that the call sends or takes itself."""
    taken = sorted(key for key in extra if key in own)
    if taken:
        listed = ", ".join(map(repr, taken))
        raise ValueError(
            f"{where}: {name} must not set {listed}: the method sends "
            "or takes it itself; pass it as the method's argument"
        )


def _merge_body(
    fields: Mapping[str, Any], method: str, json: object, where: str
) -> dict[str, Any]:
    if json is None and method != "POST":
        raise ValueError(f"{where}: extra_body given, but this call sends no body")
    sent = {} if json is None else json
    if not isinstance(sent, Mapping):
        raise ValueError(
            f"{where}: extra_body given, but this call's body is a JSON "
            f"{'array' if isinstance(sent, list) else type(sent).__name__}"
        )
    own = set(sent) | set(getattr(sent, "takes", ()))
    _refuse_own("extra_body", fields, own, where)
    return {**sent, **wire(dict(fields))}

# Generated from hms_async/_client.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`SyncHMSClient`: options, credentials, lifecycle, one attribute per service."""

from __future__ import annotations

import copy
import functools
import os
import time
import types
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, Unpack

import httpx

from hms_async._auth import DEFAULT_TOKEN_TTL, ManagementAuth, TokenSigner
from hms_async._call_options import RequestOptions
from hms_async._client import (
    _SERVICES,
    DEFAULT_AUTH_BASE_URL,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_TIMEOUT,
    _event_hooks,
    _Keep,
)
from hms_async._http import HEADERS
from hms_async._options import (
    AUTH_BASE_URL_ENV,
    BASE_URL_ENV,
    check_deadline,
    check_http,
    check_max_retries,
    check_timeout,
    from_env,
)
from hms_async._parsers import as_json
from hms_async._retry import RetryPolicy
from hms_async._sync._http import make_http_client
from hms_async._sync._requester import Requester
from hms_async._sync._slots import Slots

if TYPE_CHECKING:  # services are imported on first use (a fast import)
    from hms_async._sync._raw_services import WithRawResponse
    from hms_async._sync.resources.active_rooms import ActiveRoomsResource
    from hms_async._sync.resources.analytics import AnalyticsResource
    from hms_async._sync.resources.external_streams import ExternalStreamsResource
    from hms_async._sync.resources.live_streams import LiveStreamsResource
    from hms_async._sync.resources.polls import PollsResource
    from hms_async._sync.resources.recording_assets import RecordingAssetsResource
    from hms_async._sync.resources.recordings import RecordingsResource
    from hms_async._sync.resources.room_codes import RoomCodesResource
    from hms_async._sync.resources.rooms import RoomsResource
    from hms_async._sync.resources.sessions import SessionsResource
    from hms_async._sync.resources.sip import SipResource
    from hms_async._sync.resources.stream_keys import StreamKeysResource
    from hms_async._sync.resources.templates import TemplatesResource
    from hms_async._sync.resources.tokens import TokensResource

__all__ = ["SyncHMSClient"]


def _credentials(
    access_key: str | None, app_secret: str | None, management_token: str | None
) -> tuple[str | None, str | None]:
    access_key = access_key or os.environ.get("HMS_ACCESS_KEY") or None
    app_secret = app_secret or os.environ.get("HMS_SECRET") or None
    if management_token is not None:
        if not management_token:
            raise ValueError("management_token must not be empty")
        return (access_key, app_secret) if access_key and app_secret else (None, None)
    missing = [
        name
        for name, value in (
            ("access_key (or HMS_ACCESS_KEY)", access_key),
            ("app_secret (or HMS_SECRET)", app_secret),
        )
        if not value
    ]
    if missing:
        raise ValueError(
            "SyncHMSClient needs " + " and ".join(missing) + ", or a management_token"
        )
    return access_key, app_secret


class SyncHMSClient:
    """A synchronous client for the 100ms server REST API v2.

    Each resource group of the API is a service attribute (`hms.rooms`,
    `hms.sessions`, ...). The client signs its management tokens from the
    access key and app secret and refreshes them before they expire (and
    once after a 401). Calls that are safe to repeat are retried on 429, 502,
    503, 504 and connection errors, and a GET whose body came cut short or
    garbled, with backoff. One client is safe to share
    across all the threads of an application (and forked workers); open it once
    and close it at shutdown, with `with` or `hms.close()`.

    Credentials come from the arguments, else from the environment variables
    `HMS_ACCESS_KEY` and `HMS_SECRET`. `base_url` and `auth_base_url` likewise
    come from the arguments, else from `HMS_BASE_URL` and `HMS_AUTH_BASE_URL`,
    else are 100ms' own; so the environment that `python -m hms_async.testing
    serve` prints points a plain `SyncHMSClient()` at the fake.

    Args:
        access_key: The workspace's app access key (Dashboard, Developer).
            Defaults to `HMS_ACCESS_KEY`.
        app_secret: The workspace's app secret, used to sign tokens and never
            sent, logged or shown in a repr. Defaults to `HMS_SECRET`.
        management_token: A fixed management token to use instead of signing
            one (it is not refreshed: a 401 after it expires is final). With
            it, the key pair is optional, but `hms.tokens.create()` and
            signed DTMF need the key pair.
        base_url: The API's base URL; `HMS_BASE_URL`, else
            `https://api.100ms.live/v2/`.
        auth_base_url: The base URL of the room-code exchange;
            `HMS_AUTH_BASE_URL`, else `https://auth.100ms.live/v2/`.
        timeout: Seconds to wait, as a number for every phase or an
            `httpx.Timeout`; by default 5 s to connect, 30 s to read or write
            and 10 s for a pooled connection. `None` waits forever, on purpose.
            With an `http_client`, a timeout passed here is applied to each
            request (without one, the `http_client`'s own applies).
        max_retries: How many times a call that is safe to repeat is retried:
            0 or more, 2 by default.
        deadline: Seconds a whole call may take, every attempt and wait
            included (more than 0); `None`, the default, sets no bound. A call
            past it raises `APITimeoutError`.
        max_connections: How many requests are on the wire at once (1 or more,
            100 by default); more calls wait their turn in a FIFO queue, within
            the pool timeout and the `deadline`. The SDK's own pool keeps that
            many connections alive; size an injected `http_client`'s pool to
            match.
        http: `"httpx"` (the default), the one HTTP layer of the sync
            client: `"aiohttp"` is async only and raises `ValueError`.
        http_client: An `httpx.Client` to send with (your proxies,
            certificates or limits). The SDK never closes it.
        transport: An httpx transport for the SDK's own client, e.g. the fake's
            in-process transport in tests.
        token_ttl: The lifetime of the management tokens it signs, in seconds
            (24 hours by default).
        clock: The time source of token signing, for tests.
        event_hooks: Functions to call as each call goes, by event: plain
            functions or coroutine functions (awaited), in order.
            `"request"` hooks get the `httpx.Request` before each attempt;
            `"response"` hooks the `httpx.Response` after each attempt that
            got an answer, whatever its status; `"retry"` hooks
            `(attempt, wait, cause)` before each retry's wait: the number of
            the attempt that failed, the seconds to wait, and the
            `httpx.Response` or the SDK error that caused it. Hooks get
            copies, with `Authorization` masked: they never see the token.
            A hook that raises ends the call with its own exception, which
            is never retried. Views made by `with_options()` share them.

    Raises:
        ValueError: No credentials (neither the key pair nor a
            `management_token`), an empty `management_token` or URL, both
            `http_client` and `transport` (or `http="aiohttp"`), an option
            out of range (`timeout` or `deadline` not above 0, `max_retries`
            below 0, `max_connections` below 1), or an `event_hooks` event
            other than `"request"`, `"response"` and `"retry"`.
        TypeError: An option of the wrong type, e.g. `timeout="x"`, an
            `http_client` or `transport` made for the other kind of client
            (async or sync), or `event_hooks` hooks that are not a list of
            callables.

    Attributes:
        base_url: The API base URL the client sends to.

    Example:
        ```python
        from hms_async import SyncHMSClient

        def main() -> None:
            with SyncHMSClient() as hms:  # HMS_ACCESS_KEY and HMS_SECRET
                room = hms.rooms.create(name="standup")
                for session in hms.sessions.list(room_id=room.id):
                    print(session.id)

        main()
        ```
    """

    def __init__(
        self,
        access_key: str | None = None,
        app_secret: str | None = None,
        *,
        management_token: str | None = None,
        base_url: str | None = None,
        auth_base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        deadline: float | None = None,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
        http: Literal["httpx", "aiohttp"] = "httpx",
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        token_ttl: int = DEFAULT_TOKEN_TTL,
        clock: Callable[[], float] = time.time,
        event_hooks: Mapping[str, Iterable[Callable[..., Any]]] | None = None,
    ) -> None:
        key, secret = _credentials(access_key, app_secret, management_token)
        check_http("http_client", http_client, httpx.Client)
        check_http("transport", transport, httpx.BaseTransport)
        if http_client is not None and transport is not None:
            raise ValueError("pass http_client or transport, not both")
        if http_client is not None and http != "httpx":
            raise ValueError(f"pass http={http!r} or http_client, not both")
        base_url = from_env("base_url", base_url, BASE_URL_ENV, DEFAULT_BASE_URL)
        auth_base_url = from_env(
            "auth_base_url", auth_base_url, AUTH_BASE_URL_ENV, DEFAULT_AUTH_BASE_URL
        )
        checked_timeout = check_timeout(timeout)
        retry = RetryPolicy(check_max_retries(max_retries))
        deadline = check_deadline(deadline)
        self._signer = (
            None
            if key is None or secret is None
            else TokenSigner(key, secret, clock=clock)
        )
        self._auth = ManagementAuth(
            self._signer if management_token is None else None,
            token=management_token,
            ttl=token_ttl,
        )
        self._owns_http = http_client is None
        self._is_view = False
        slots = Slots(max_connections)
        self._http = http_client or make_http_client(
            http, checked_timeout, transport, max_connections
        )
        self.base_url = base_url
        self._requester = Requester(
            self._http,
            base_url=base_url,
            auth=self._auth,
            retry=retry,
            # Set once on the SDK's own httpx client; an injected one is not
            # changed, so they go with each of its requests.
            headers=HEADERS if http_client is not None else {},
            slots=slots,
            hooks=None if event_hooks is None else _event_hooks(event_hooks),
        )
        if http_client is not None and timeout is not DEFAULT_TIMEOUT:
            # Applied per request: the injected client's own default stays its.
            self._requester = self._requester.with_options(timeout=checked_timeout)
        self._requester.set_deadline(deadline)
        self._auth_base_url = auth_base_url
        self._attach_services()

    def _attach_services(self) -> None:
        # Services are created on first access (cached properties below); a
        # view made by copy.copy drops the original's, bound to its requester.
        for name in (*_SERVICES, "with_raw_response"):
            self.__dict__.pop(name, None)

    @functools.cached_property
    def with_raw_response(self) -> WithRawResponse:
        """Every service method, returning the HTTP answer with its result.

        `hms.with_raw_response.<service>.<method>(...)` takes what the method
        takes and sends the same request, with the same checks, retries and
        errors; it returns a [RawResponse][hms_async.RawResponse]: the status,
        headers, request, elapsed time and retries, and `parse()` for the
        result the method would return. For a list, the first page.

        Example:
            ```python
            raw = hms.with_raw_response.rooms.retrieve(room_id)
            print(raw.status_code, raw.retries, raw.elapsed)
            room = raw.parse()
            ```
        """
        from hms_async._sync._raw_services import WithRawResponse

        return WithRawResponse(self)

    @functools.cached_property
    def rooms(self) -> RoomsResource:
        """Rooms: create, read, update, enable and disable (`/rooms`)."""
        from hms_async._sync.resources.rooms import RoomsResource

        return RoomsResource(self._requester)

    @functools.cached_property
    def room_codes(self) -> RoomCodesResource:
        """Room codes with which peers join a room as a role (`/room-codes`)."""
        from hms_async._sync.resources.room_codes import RoomCodesResource

        return RoomCodesResource(self._requester)

    @functools.cached_property
    def active_rooms(self) -> ActiveRoomsResource:
        """A live room's peers, messages, removals, end (`/active-rooms`)."""
        from hms_async._sync.resources.active_rooms import ActiveRoomsResource

        return ActiveRoomsResource(self._requester)

    @functools.cached_property
    def sessions(self) -> SessionsResource:
        """Sessions and the peers who took part (`/sessions`)."""
        from hms_async._sync.resources.sessions import SessionsResource

        return SessionsResource(self._requester)

    @functools.cached_property
    def recordings(self) -> RecordingsResource:
        """Recording jobs: start, stop, pause, resume, list (`/recordings`)."""
        from hms_async._sync.resources.recordings import RecordingsResource

        return RecordingsResource(self._requester)

    @functools.cached_property
    def recording_assets(self) -> RecordingAssetsResource:
        """The files recordings and streams produce (`/recording-assets`)."""
        from hms_async._sync.resources.recording_assets import RecordingAssetsResource

        return RecordingAssetsResource(self._requester)

    @functools.cached_property
    def live_streams(self) -> LiveStreamsResource:
        """HLS live streams and their timed metadata (`/live-streams`)."""
        from hms_async._sync.resources.live_streams import LiveStreamsResource

        return LiveStreamsResource(self._requester)

    @functools.cached_property
    def external_streams(self) -> ExternalStreamsResource:
        """RTMP(S) streams out to other platforms (`/external-streams`)."""
        from hms_async._sync.resources.external_streams import ExternalStreamsResource

        return ExternalStreamsResource(self._requester)

    @functools.cached_property
    def stream_keys(self) -> StreamKeysResource:
        """RTMP ingest stream keys (`/stream-keys`)."""
        from hms_async._sync.resources.stream_keys import StreamKeysResource

        return StreamKeysResource(self._requester)

    @functools.cached_property
    def templates(self) -> TemplatesResource:
        """Templates, roles, settings, destinations (`/templates`)."""
        from hms_async._sync.resources.templates import TemplatesResource

        return TemplatesResource(self._requester)

    @functools.cached_property
    def polls(self) -> PollsResource:
        """Polls and quizzes, their questions and results (`/polls`)."""
        from hms_async._sync.resources.polls import PollsResource

        return PollsResource(self._requester)

    @functools.cached_property
    def analytics(self) -> AnalyticsResource:
        """Events, peer stats, webhook history and replay (`/analytics`)."""
        from hms_async._sync.resources.analytics import AnalyticsResource

        return AnalyticsResource(self._requester)

    @functools.cached_property
    def sip(self) -> SipResource:
        """SIP trunks, calls and DTMF tones (`/sip`)."""
        from hms_async._sync.resources.sip import SipResource

        return SipResource(self._requester, self._signer)

    @functools.cached_property
    def tokens(self) -> TokensResource:
        """Peer auth tokens, signed locally or exchanged for a room code."""
        from hms_async._sync.resources.tokens import TokensResource

        return TokensResource(self._requester, self._signer, self._auth_base_url)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | _Keep | None = _Keep.KEEP,
        max_retries: int | None = None,
        deadline: float | _Keep | None = _Keep.KEEP,
    ) -> SyncHMSClient:
        """A view of this client with another `timeout`, `max_retries`, `deadline`.

        The view shares the connection pool, the connection slots and the cached
        management token, so it costs nothing to make per call site. Its
        `close()` closes nothing: the pool stays the original client's. Options
        not passed keep the client's values.

        Args:
            timeout: Seconds to wait (a number or an `httpx.Timeout`); `None`
                waits forever, on purpose.
            max_retries: How many times a call that is safe to repeat is retried
                (0 or more).
            deadline: Seconds a whole call may take (more than 0); `None` lifts
                the client's deadline.

        Returns:
            A client that sends through this one's pool with these options.

        Raises:
            TypeError: An option of the wrong type.
            ValueError: An option out of range.

        Example:
            ```python
            room = hms.with_options(max_retries=0, deadline=5).rooms.create()
            ```
        """
        view = copy.copy(self)
        view._owns_http = False
        view._is_view = True
        retry = None if max_retries is None else check_max_retries(max_retries)
        new_timeout = None if timeout is _Keep.KEEP else check_timeout(timeout)
        new_deadline = None if deadline is _Keep.KEEP else check_deadline(deadline)
        view._requester = self._requester.with_options(
            retry=None if retry is None else RetryPolicy(retry),
            timeout=new_timeout,
        )
        if deadline is not _Keep.KEEP:
            view._requester.set_deadline(new_deadline)
        view._attach_services()
        return view

    def __repr__(self) -> str:
        who = (
            f"access_key={self._signer.access_key!r}"
            if self._signer
            else "management_token"
        )
        return f"<SyncHMSClient base_url={self.base_url!r} {who}>"

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        **request_options: Unpack[RequestOptions],
    ) -> Any:
        """Send any call through the SDK's auth, retries and errors.

        For an endpoint this SDK does not wrap yet. A GET is retried as safe to
        repeat; other methods are sent once.

        Args:
            method: The HTTP method, e.g. `"GET"` (any case).
            path: The path relative to the base URL, e.g. `"rooms/abc"`. It is
                sent as given, so percent-encode ids yourself.
            params: Query parameters; `None` values are left out, booleans are
                sent as `true`/`false`, datetimes as RFC 3339 and lists as repeated
                keys.
            json: The JSON body, if any.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The decoded JSON of the answer (`None` for an empty body).

        Raises:
            APIError: The API answered with an error status (the subclass follows
                the status: `NotFoundError` for 404, ...).
            APIConnectionError: No answer arrived.

        Example:
            ```python
            data = hms.request("GET", "rooms", params={"limit": 10})
            ```
        """
        method = method.upper()
        return self._requester.request(
            method,
            path.lstrip("/"),
            params=params,
            json=json,
            parse=as_json,
            options=request_options,
        )

    def close(self) -> None:
        """Close the client: calls in flight and later ones raise `ClientClosedError`.

        Closes the connections this client opened (not an injected
        `http_client`). A view's `close()` closes nothing. Closing twice is
        harmless.
        """
        if not self._is_view:
            self._requester.close()
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        self.close()

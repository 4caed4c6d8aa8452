# Generated from tests/test_with_options.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""``SyncHMSClient.with_options``: a view with other retries or timeout, on the same pool."""

from __future__ import annotations

import httpx
import pytest
import respx

from hms_async import ServerError, SyncHMSClient
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from tests.test_with_options import ROOM


def test_max_retries_applies_to_the_view_only(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The view gives up at once; the original still retries twice."""
    route = respx_router.get("rooms/r1").respond(503, json={"message": "busy"})

    with pytest.raises(ServerError):
        client.with_options(max_retries=0).rooms.retrieve("r1")
    assert route.call_count == 1

    with pytest.raises(ServerError):
        client.rooms.retrieve("r1")
    assert route.call_count == 1 + 3


def test_timeout_reaches_the_request(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A view's timeout is the one httpx gets; None means no limit, on purpose."""
    route = respx_router.get("rooms/r1").respond(json=ROOM)

    client.with_options(timeout=2.5).rooms.retrieve("r1")
    client.with_options(timeout=None).rooms.retrieve("r1")
    client.rooms.retrieve("r1")

    sent = [call.request.extensions["timeout"] for call in route.calls]
    assert sent[0] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert sent[1] == {"connect": None, "read": None, "write": None, "pool": None}
    assert sent[2] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 10.0}


def test_views_chain_and_keep_what_they_do_not_set(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A view of a view keeps the first view's timeout when only retries change."""
    route = respx_router.get("rooms/r1").respond(503, json={"message": "busy"})
    view = client.with_options(timeout=httpx.Timeout(1.0, read=7.0))

    with pytest.raises(ServerError):
        view.with_options(max_retries=1).rooms.retrieve("r1")

    assert route.call_count == 2
    assert route.calls[0].request.extensions["timeout"]["read"] == 7.0


def test_view_shares_the_token_and_pool_and_closes_nothing() -> None:
    """One signed token serves both; closing the view leaves the pool open."""
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json=ROOM)

    transport = httpx.MockTransport(answer)
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=transport
    ) as hms:
        view = hms.with_options(max_retries=5)
        view.rooms.retrieve("r1")
        view.close()
        room = hms.rooms.retrieve("r1")

        assert room.id == "r1"
        assert view._http is hms._http
        assert not hms._http.is_closed
    assert len(set(seen)) == 1
    assert hms._http.is_closed


def test_view_repr_has_no_secret(client: SyncHMSClient) -> None:
    """The view prints like its client: the access key, never the secret."""
    view = client.with_options(max_retries=0)

    assert repr(view) == repr(client)
    assert APP_SECRET not in repr(view)


def test_negative_max_retries_refused(client: SyncHMSClient) -> None:
    """A view's max_retries is checked like the client's."""
    with pytest.raises(ValueError, match="max_retries must be 0 or more, got -1"):
        client.with_options(max_retries=-1)


def test_no_retry_wait_past_the_deadline(
    client: SyncHMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A Retry-After longer than the deadline: the real error at once, no wait."""
    route = respx_router.get("rooms/r1").respond(
        503, json={"message": "busy"}, headers={"Retry-After": "20"}
    )

    with pytest.raises(ServerError):
        client.with_options(deadline=5).rooms.retrieve("r1")
    assert route.call_count == 1
    assert sleeps == []

    with pytest.raises(ServerError):
        client.rooms.retrieve("r1")  # no deadline: waits as Retry-After says
    assert sleeps == [20.0, 20.0]


def test_deadline_lets_retries_within_it_run(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Short backoffs fit inside the deadline: the call is retried and succeeds."""
    route = respx_router.get("rooms/r1").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json=ROOM)]
    )

    room = client.with_options(deadline=30).rooms.retrieve("r1")

    assert room.id == "r1"
    assert route.call_count == 2


@pytest.mark.parametrize("deadline", [0, -1.5])
def test_deadline_must_be_positive(deadline: float) -> None:
    """A deadline of zero or less is refused when the client is made."""
    with pytest.raises(ValueError, match="deadline must be more than 0 seconds"):
        SyncHMSClient(ACCESS_KEY, APP_SECRET, deadline=deadline)


def test_view_can_lift_the_deadline() -> None:
    """deadline=None on a view removes the client's; the client keeps its own."""
    hms = SyncHMSClient(ACCESS_KEY, APP_SECRET, deadline=1.0)
    view = hms.with_options(deadline=None)

    assert view._requester._deadline is None
    assert hms._requester._deadline == 1.0
    hms.close()

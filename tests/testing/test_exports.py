"""The public surface of hms_async.testing."""

from __future__ import annotations

import inspect
import json

import pytest

import hms_async.testing as testing
from hms_async.testing._engine import Engine
from hms_async.testing._http import FakeRequest
from hms_async.testing._router import Call, Router
from hms_async.testing._routes import ROUTER

from ._helpers import client, make_fake

pytestmark = pytest.mark.anyio


def _isort_key(name: str) -> tuple[int, str]:
    if name.isupper() and len(name) > 1:
        return 0, name
    return (1 if name[0].isupper() else 2), name


def test_all_is_sorted_and_documented() -> None:
    """__all__ is sorted (ruff's isort style) and public names have docstrings."""
    names = testing.__all__

    assert names == sorted(names, key=_isort_key)
    for name in names:
        value = getattr(testing, name)
        if inspect.isclass(value):
            assert value.__doc__, name
            for attr, member in vars(value).items():
                if not attr.startswith("_") and callable(member):
                    assert member.__doc__, f"{name}.{attr}"


async def test_wrong_method_is_405_and_unknown_path_404() -> None:
    """A known path with another method is 405; an unknown path is 404."""
    async with client(make_fake()) as http:
        wrong = await http.delete("rooms")
        unknown = await http.get("nothing/here")
        bad_json = await http.post(
            "rooms", content=b"{nope", headers={"content-type": "application/json"}
        )

    assert wrong.status_code == 405
    assert unknown.status_code == 404
    assert unknown.json()["code"] == 404
    assert bad_json.status_code == 400


async def test_every_reference_endpoint_is_routed() -> None:
    """The route table holds the 77 method+path pairs of §2 plus POST /token."""
    pairs = {(r.method, r.template) for r in ROUTER.routes}

    assert len(pairs) == 78
    assert ("POST", "/token") in pairs
    assert (
        "DELETE",
        "/polls/{poll_id}/questions/{question_id}/options/{option_id}",
    ) in pairs


def test_a_bug_in_a_handler_becomes_a_500() -> None:
    """An unexpected exception in a handler is answered as a 500, not raised."""
    router = Router()

    @router.route("GET", "/boom", auth="none")
    def boom(call: Call) -> None:
        raise KeyError("oops")

    fake = make_fake()
    request = FakeRequest(method="GET", path="/boom", query=[], headers={}, body=b"")

    outcome = Engine(fake.state, router, fake.faults).dispatch(request)

    assert outcome.status == 500
    assert json.loads(outcome.body)["details"] == ["KeyError: 'oops'"]


async def test_failed_role_change_changes_nothing() -> None:
    """A peer update with an unknown role is a 400 and leaves the name as it was."""
    fake = make_fake()
    async with client(fake) as http:
        room = (await http.post("rooms", json={"name": "r"})).json()
        peer = fake.join(room["id"], role="guest", name="Ann")
        url = f"active-rooms/{room['id']}/peers/{peer.id}"
        refused = await http.post(url, json={"name": "Bob", "role": "nobody"})
        after = (await http.get(url)).json()

    assert refused.status_code == 400
    assert after["name"] == "Ann"
    assert after["role"] == "guest"

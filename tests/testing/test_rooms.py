"""Rooms and room codes at the HTTP level."""

from __future__ import annotations

import re

import pytest

from ._helpers import client, create_room, make_fake

pytestmark = pytest.mark.anyio

OBJECT_ID = re.compile(r"^[0-9a-f]{24}$")
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
ROOM_CODE = re.compile(r"^[a-z]{3}-[a-z]{4}-[a-z]{3}$")


async def test_create_room_has_api_shape() -> None:
    """A created room has a 24-hex id, API timestamps and the room fields."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="physics", description="d", region="eu")

    assert OBJECT_ID.match(room["id"])
    assert STAMP.match(room["created_at"])
    assert room["enabled"] is True
    assert room["region"] == "eu"
    assert room["template"] == "default-template"
    assert room["key"].endswith(":physics")


async def test_create_with_existing_name_updates_that_room() -> None:
    """Creating a room whose name exists (any case) returns it, updated."""
    async with client(make_fake()) as http:
        first = await create_room(http, name="Standup")
        again = await create_room(http, name="STANDUP", description="new")
        listed = (await http.get("rooms")).json()["data"]

    assert again["id"] == first["id"]
    assert again["description"] == "new"
    assert again["name"] == "Standup"
    assert len(listed) == 1


async def test_renamed_room_is_found_by_its_new_name_only() -> None:
    """After a rename, the new name (any case) finds the room; the old one is free."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="alpha")
        await http.post(f"rooms/{room['id']}", json={"name": "Beta"})
        by_new_name = await create_room(http, name="BETA", description="found")
        by_old_name = await create_room(http, name="ALPHA")
        clash = await http.post(f"rooms/{by_old_name['id']}", json={"name": "beta"})

    assert by_new_name["id"] == room["id"]
    assert by_new_name["description"] == "found"
    assert by_old_name["id"] != room["id"]
    assert clash.status_code == 400
    assert clash.json()["details"] == ["room with name beta already exists"]


async def test_retrieve_update_and_disable() -> None:
    """A room can be retrieved, updated and disabled through POST /rooms/{id}."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="r1")
        updated = (await http.post(f"rooms/{room['id']}", json={"size": 50})).json()
        disabled = (
            await http.post(f"rooms/{room['id']}", json={"enabled": False})
        ).json()
        fetched = (await http.get(f"rooms/{room['id']}")).json()

    assert updated["size"] == 50
    assert disabled["enabled"] is False
    assert fetched == disabled


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"template": "x"}, "Invalid body param: template. Use template_id"),
        (
            {"max_duration_seconds": 119},
            "Invalid body param: max_duration_seconds less than 120 seconds",
        ),
        (
            {"max_duration_seconds": 43201},
            "Invalid body param: max_duration_seconds greater than 43200 seconds",
        ),
        ({"size": 2501}, "Invalid body param"),
        ({"size": 20001, "large_room": True}, "Invalid body param"),
        ({"region": "mars"}, "Error: region not supported"),
        ({"template_id": "0" * 24}, "Error: template not found"),
        ({"name": "bad name!"}, "Invalid body param"),
        (
            {"recording_info": {"upload_info": {"type": "s3"}}},
            "Bucket location is missing",
        ),
    ],
)
async def test_invalid_room_bodies_get_400(
    body: dict[str, object], message: str
) -> None:
    """Documented room limits and field errors give a 400 error body."""
    async with client(make_fake()) as http:
        response = await http.post("rooms", json=body)

    assert response.status_code == 400
    assert response.json()["code"] == 400
    assert response.json()["message"] == message
    assert response.json()["details"]


async def test_large_room_size_error_detail() -> None:
    """Size above 2500 without large_room names the large_room flag."""
    async with client(make_fake()) as http:
        response = await http.post("rooms", json={"size": 3000})

    assert response.json()["details"] == [
        "Invalid body param: room size greater than 2500, set large_room flag as true"
    ]


async def test_unknown_room_is_404_with_error_body() -> None:
    """An unknown room id gives 404 and the error body."""
    async with client(make_fake()) as http:
        response = await http.get("rooms/" + "a" * 24)

    assert response.status_code == 404
    assert response.json()["code"] == 404


async def test_room_list_walks_pages_with_last() -> None:
    """25 rooms come back in pages of 10, 10, 5; last is empty on the final page."""
    async with client(make_fake()) as http:
        for number in range(25):
            await create_room(http, name=f"room-{number}")
        seen: list[str] = []
        lasts: list[str] = []
        params: dict[str, str | int] = {"limit": 10}
        while True:
            page = (await http.get("rooms", params=params)).json()
            seen += [room["name"] for room in page["data"]]
            lasts.append(page["last"])
            if not page["last"]:
                break
            params["start"] = page["last"]

    assert seen == [f"room-{n}" for n in range(25)]
    assert len(lasts) == 3
    assert lasts[-1] == ""


@pytest.mark.parametrize("limit", [9, 101, "ten"])
async def test_room_list_limit_out_of_range_is_400(limit: object) -> None:
    """Style-A lists accept limit 10 to 100 only."""
    async with client(make_fake()) as http:
        response = await http.get("rooms", params={"limit": str(limit)})

    assert response.status_code == 400


async def test_room_list_filters() -> None:
    """enabled, name and template_id filter the list; no enabled filter lists all."""
    async with client(make_fake()) as http:
        on = await create_room(http, name="on")
        off = await create_room(http, name="off")
        await http.post(f"rooms/{off['id']}", json={"enabled": False})
        everything = (await http.get("rooms")).json()["data"]
        enabled = (await http.get("rooms", params={"enabled": "true"})).json()["data"]
        disabled = (await http.get("rooms", params={"enabled": "false"})).json()["data"]
        by_name = (await http.get("rooms", params={"name": "on"})).json()["data"]
        by_template = await http.get("rooms", params={"template_id": on["template_id"]})

    assert {r["name"] for r in everything} == {"on", "off"}
    assert [r["name"] for r in enabled] == ["on"]
    assert [r["name"] for r in disabled] == ["off"]
    assert [r["id"] for r in by_name] == [on["id"]]
    assert len(by_template.json()["data"]) == 2


async def test_room_codes_cover_every_role() -> None:
    """Room codes are made for each role of the room's template."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="codes")
        codes = (await http.post(f"room-codes/room/{room['id']}")).json()["data"]
        template = (await http.get(f"templates/{room['template_id']}")).json()
        listed = (await http.get(f"room-codes/room/{room['id']}")).json()

    assert {c["role"] for c in codes} == set(template["roles"])
    assert all(ROOM_CODE.match(c["code"]) for c in codes)
    assert listed["limit"] == 20
    assert listed["last"] == ""
    assert len(listed["data"]) == len(codes)


async def test_room_code_for_role_and_toggle() -> None:
    """A role code can be made, disabled and filtered; unknown roles are 404."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="codes")
        code = (await http.post(f"room-codes/room/{room['id']}/role/host")).json()
        toggled = await http.post(
            "room-codes/code", json={"code": code["code"], "enabled": False}
        )
        disabled = await http.get(
            f"room-codes/room/{room['id']}", params={"enabled": "false"}
        )
        missing_role = await http.post(f"room-codes/room/{room['id']}/role/nobody")

    assert code["role"] == "host"
    assert toggled.json()["enabled"] is False
    assert [c["code"] for c in disabled.json()["data"]] == [code["code"]]
    assert missing_role.status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"code": "abc-defg-hij"},
        {"enabled": True},
        {"code": "x", "enabled": True, "role": "host"},
    ],
)
async def test_room_code_toggle_body_is_strict(body: dict[str, object]) -> None:
    """POST /room-codes/code takes exactly {code, enabled}."""
    async with client(make_fake()) as http:
        response = await http.post("room-codes/code", json=body)

    assert response.status_code == 400


async def test_room_codes_forbidden_for_disabled_room() -> None:
    """Codes cannot be created for a disabled room (403)."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="gone")
        await http.post(f"rooms/{room['id']}", json={"enabled": False})
        response = await http.post(f"room-codes/room/{room['id']}")

    assert response.status_code == 403

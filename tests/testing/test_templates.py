"""Templates, roles, settings, destinations and recording configs (camelCase)."""

from __future__ import annotations

import pytest

from ._helpers import client, make_fake

pytestmark = pytest.mark.anyio


async def test_default_template_has_roles() -> None:
    """A default template with host, guest and viewer roles exists from the start."""
    fake = make_fake()
    async with client(fake) as http:
        page = (await http.get("templates")).json()

    (template,) = page["data"]
    assert template["id"] == fake.default_template_id
    assert {"host", "guest", "viewer-realtime"} <= set(template["roles"])
    assert template["roles"]["host"]["publishParams"]["allowed"] == [
        "audio",
        "video",
        "screen",
    ]
    assert {"customerId", "createdAt", "updatedAt", "_id"} <= set(template)


async def test_create_fills_role_defaults_and_overwrites_by_name() -> None:
    """Roles given as {} get defaults; creating the same name overwrites it."""
    async with client(make_fake()) as http:
        first = (
            await http.post("templates", json={"name": "t1", "roles": {"a": {}}})
        ).json()
        second = (
            await http.post("templates", json={"name": "t1", "roles": {"b": {}}})
        ).json()

    assert first["roles"]["a"]["priority"] >= 1
    assert first["roles"]["a"]["maxPeerCount"] == 0
    assert second["id"] == first["id"]
    assert set(second["roles"]) == {"b"}


async def test_update_requires_roles_and_settings() -> None:
    """POST /templates/{id} is a full overwrite: roles and settings are required."""
    async with client(make_fake()) as http:
        template = (await http.post("templates", json={"name": "t1"})).json()
        partial = await http.post(f"templates/{template['id']}", json={"name": "t2"})
        full = await http.post(
            f"templates/{template['id']}",
            json={
                "name": "t2",
                "roles": template["roles"],
                "settings": template["settings"],
            },
        )

    assert partial.status_code == 400
    assert full.json()["name"] == "t2"


async def test_role_create_get_delete() -> None:
    """A role can be created, read, deleted (204) and a repeat delete is 404."""
    fake = make_fake()
    tid = fake.default_template_id
    async with client(fake) as http:
        made = await http.post(f"templates/{tid}/roles/speaker", json={"priority": 3})
        read = await http.get(f"templates/{tid}/roles/speaker")
        deleted = await http.delete(f"templates/{tid}/roles/speaker")
        again = await http.delete(f"templates/{tid}/roles/speaker")

    assert made.json()["name"] == "speaker"
    assert read.json()["priority"] == 3
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert again.status_code == 404


async def test_settings_secret_key_comes_back_as_secret() -> None:
    """Settings requests use credentials.secretKey; responses show credentials.secret."""
    fake = make_fake()
    settings = {
        "region": "eu",
        "recording": {
            "upload": {
                "type": "s3",
                "location": "bucket",
                "prefix": "hms",
                "credentials": {"key": "AK", "secretKey": "SK"},
            }
        },
    }
    async with client(fake) as http:
        answer = await http.post(
            f"templates/{fake.default_template_id}/settings", json=settings
        )
        bad = await http.post(
            f"templates/{fake.default_template_id}/settings", json={"region": "moon"}
        )

    assert answer.json()["recording"]["upload"]["credentials"] == {
        "key": "AK",
        "secret": "SK",
    }
    assert bad.status_code == 400


async def test_destinations_and_recording_configs() -> None:
    """Destinations round-trip; recording configs are a one-item array, false flags omitted."""
    fake = make_fake()
    tid = fake.default_template_id
    config = {"name": "default", "role": "host", "trackRecording": {"enabled": False}}
    async with client(fake) as http:
        dest = await http.post(
            f"templates/{tid}/destinations", json={"hlsDestinations": {}}
        )
        saved = await http.post(f"templates/{tid}/recordings", json=[config])
        read = await http.get(f"templates/{tid}/recordings")
        two = await http.post(f"templates/{tid}/recordings", json=[config, config])

    assert dest.json() == {"hlsDestinations": {}}
    assert saved.json() == [{"name": "default", "role": "host", "trackRecording": {}}]
    assert read.json() == saved.json()
    assert two.status_code == 400


async def test_room_codes_follow_template_roles() -> None:
    """A role added to the template gets a code; a deleted role's code is disabled."""
    fake = make_fake()
    tid = fake.default_template_id
    async with client(fake) as http:
        room = (await http.post("rooms", json={"name": "r"})).json()
        await http.post(f"templates/{tid}/roles/speaker", json={})
        codes = (await http.post(f"room-codes/room/{room['id']}")).json()["data"]
        await http.delete(f"templates/{tid}/roles/speaker")
        await http.post(f"room-codes/room/{room['id']}")
        listed = (await http.get(f"room-codes/room/{room['id']}")).json()["data"]

    assert "speaker" in {c["role"] for c in codes}
    speaker = [c for c in listed if c["role"] == "speaker"]
    assert [c["enabled"] for c in speaker] == [False]

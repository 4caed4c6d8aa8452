# Generated from tests/services/test_templates.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.templates: exact camelCase requests, §6.11 parsing, limits, pages, round trips."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import respx

from hms_async import NotFoundError, ServerError, SyncHMSClient
from hms_async._serde import structure, unstructure
from hms_async.models.rooms import Region, StorageType, UploadOptions
from hms_async.models.templates import (
    AudioPublishParams,
    HlsPlaylistType,
    PublishParams,
    PublishType,
    RecordingConfig,
    Role,
    RolePermissions,
    RoomStateSettings,
    SimulcastLayer,
    SimulcastLayers,
    SimulcastParams,
    StreamRecordingConfig,
    SubscribeParams,
    Template,
    TemplateDestinations,
    TemplateHlsDestination,
    TemplatePlugins,
    TemplateRecordingSettings,
    TemplateRecordingUpload,
    TemplateRtmpDestination,
    TemplateSettings,
    TemplateStorageCredentials,
    TrackRecordingConfig,
    TranscriptionMode,
    VideoPublishParams,
    WhiteboardPermissions,
    WhiteboardPlugin,
)
from tests.helpers import assert_api_request
from tests.payloads_templates import (
    DESTINATIONS,
    GUEST_ROLE,
    RECORDING_CONFIGS,
    SETTINGS,
    TEMPLATE,
)
from tests.services.test_templates import (
    LAYER_F,
    LAYER_H,
    LAYER_Q,
    TID,
    _role,
    assert_written_back,
    page,
)

Call = Callable[[SyncHMSClient], Any]


def test_create_sends_models_and_mappings_as_camel_case(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create() writes models as camelCase JSON, sends mappings as given, parses §6.11."""
    route = respx_router.post("templates").respond(json=TEMPLATE)
    host = Role(
        publish_params=PublishParams(
            allowed=[PublishType.AUDIO, PublishType.VIDEO],
            audio=AudioPublishParams(bit_rate=64),
            video=VideoPublishParams(frame_rate=24, width=640, height=360),
        ),
        subscribe_params=SubscribeParams(subscribe_to_roles=["guest"]),
        permissions=RolePermissions(end_room=True, poll_write=False),
        priority=1,
        max_peer_count=-1,
    )

    template = client.templates.create(
        name="webinar 2024: main",
        roles={"host": host, "guest": {}},
        settings=TemplateSettings(
            region=Region.EU, room_state=RoomStateSettings(message_interval=10)
        ),
        destinations={"hlsDestinations": {}},
        plugins=TemplatePlugins(
            whiteboard=WhiteboardPlugin(
                permissions=WhiteboardPermissions(admin=["host"], reader=["guest"])
            )
        ),
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        "templates",
        json_body={
            "name": "webinar 2024: main",
            "roles": {
                "host": {
                    "publishParams": {
                        "allowed": ["audio", "video"],
                        "audio": {"bitRate": 64},
                        "video": {"frameRate": 24, "width": 640, "height": 360},
                    },
                    "subscribeParams": {"subscribeToRoles": ["guest"]},
                    "permissions": {"endRoom": True, "pollWrite": False},
                    "priority": 1,
                    "maxPeerCount": -1,
                },
                "guest": {},
            },
            "settings": {"region": "eu", "roomState": {"messageInterval": 10}},
            "destinations": {"hlsDestinations": {}},
            "plugins": {
                "whiteboard": {
                    "permissions": {
                        "admin": ["host"],
                        "reader": ["guest"],  # writer unset: not sent
                    }
                }
            },
        },
    )
    assert template.id == TID
    assert template.name == "new-template-1662550293"


def test_create_without_arguments_posts_empty_body(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create() with nothing posts {} (the server names the template)."""
    route = respx_router.post("templates").respond(json=TEMPLATE)

    client.templates.create()

    assert_api_request(route.calls.last.request, "POST", "templates", json_body={})


def test_unnamed_create_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An unnamed create could make two templates: a 502 is not retried."""
    route = respx_router.post("templates").respond(502, json={"message": "bad gw"})

    with pytest.raises(ServerError):
        client.templates.create(roles={"host": {}})

    assert route.call_count == 1


def test_named_create_is_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A named create overwrites by name, so a 502 is retried."""
    route = respx_router.post("templates").mock(
        side_effect=[
            respx.MockResponse(502, json={"message": "bad gw"}),
            respx.MockResponse(json=TEMPLATE),
        ]
    )

    template = client.templates.create(name="t1")

    assert route.call_count == 2
    assert template.id == TID


def test_retrieve_parses_the_whole_template(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() parses §6.11: roles map, nested params, enums, datetimes, extras."""
    route = respx_router.get(f"templates/{TID}").respond(json=TEMPLATE)

    template = client.templates.retrieve(TID)

    assert_api_request(route.calls.last.request, "GET", f"templates/{TID}")
    assert template.customer_id == "627cdddff2e4e30487862ad1"
    assert template.created_at == dt.datetime(
        2022, 9, 7, 11, 31, 33, 618000, tzinfo=dt.UTC
    )
    assert list(template.roles) == ["host"]
    host = template.roles["host"]
    assert host.max_peer_count == 0
    assert host.priority == 1
    assert host.publish_params is not None
    assert host.publish_params.allowed == [
        PublishType.AUDIO,
        PublishType.VIDEO,
        PublishType.SCREEN,
    ]
    assert host.publish_params.video == VideoPublishParams(
        bit_rate=300, codec="vp8", frame_rate=30, width=480, height=360
    )
    simulcast = host.publish_params.simulcast
    assert simulcast is not None
    assert simulcast.video is not None
    assert [layer.rid for layer in simulcast.video.layers or []] == ["f", "h", "q"]
    assert (simulcast.video.layers or [])[2].scale_resolution_down_by == 4
    assert simulcast.screen == SimulcastLayers()
    assert host.subscribe_params is not None
    assert host.subscribe_params.subscribe_to_roles == ["guest", "host"]
    degradation = host.subscribe_params.subscribe_degradation
    assert degradation is not None
    assert degradation.packet_loss_threshold == 25
    assert degradation.recover_grace_period_seconds == 4
    assert host.permissions is not None
    assert host.permissions.end_room is True
    assert host.permissions.send_room_state is False
    assert host.permissions.extra_fields == {"whiteboardAdmin": True}
    settings = template.settings
    assert settings is not None
    assert settings.region is Region.IN
    assert settings.recording is None
    assert settings.room_state == RoomStateSettings(
        message_interval=5,
        send_peer_list=False,
        stop_room_state_on_join=True,
        enabled=False,
    )
    assert settings.extra_fields == {"retry": {}}
    assert template.destinations == TemplateDestinations()
    assert template.extra_fields == {
        "_id": TID,
        "customer": "627cdddff2e4e30487862ad1",
        "largeRoom": False,
    }


def test_retrieve_encodes_the_id(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A slash in a template id stays inside its path segment."""
    route = respx_router.get(url__regex=r".*").respond(json=TEMPLATE)

    client.templates.retrieve("../rooms")

    assert route.calls.last.request.url.raw_path == b"/v2/templates/..%2Frooms"


def test_list_first_page(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """list() sends the page size (default 100) and gives the first page."""
    route = respx_router.get("templates").respond(json=page([TEMPLATE], ""))

    first = client.templates.list().first_page()

    assert_api_request(
        route.calls.last.request, "GET", "templates", params={"limit": "100"}
    )
    assert [t.id for t in first.data] == [TID]
    assert not first.has_next


def test_list_walks_pages(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration carries each page's last into the next start and ends on ""."""
    second = {**TEMPLATE, "id": "t2"}
    third = {**TEMPLATE, "id": "t3"}
    route = respx_router.get("templates").mock(
        side_effect=[
            respx.MockResponse(json=page([TEMPLATE], TID)),
            respx.MockResponse(json=page([second], "t2")),
            respx.MockResponse(json=page([third], "")),
        ]
    )

    ids = [t.id for t in client.templates.list(limit=10)]

    assert ids == [TID, "t2", "t3"]
    assert route.call_count == 3
    assert_api_request(
        route.calls[1].request,
        "GET",
        "templates",
        params={"limit": "10", "start": TID},
    )
    assert_api_request(
        route.calls[2].request,
        "GET",
        "templates",
        params={"limit": "10", "start": "t2"},
    )


def test_list_resumes_from_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """start= sends the saved cursor; a page with no cursor ends the list."""
    route = respx_router.get("templates").respond(
        json={"limit": 50, "data": [TEMPLATE]}
    )

    ids = [t.id for t in client.templates.list(limit=50, start="t9")]

    assert ids == [TID]
    assert route.call_count == 1
    assert_api_request(
        route.calls.last.request,
        "GET",
        "templates",
        params={"limit": "50", "start": "t9"},
    )


@pytest.mark.parametrize("limit", [0, 9, 101])
def test_list_refuses_bad_limit(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get("templates").respond(json=page([], ""))

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.templates.list(limit=limit)

    assert not route.called


def test_update_sends_the_retrieved_template_back(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update() is a full overwrite: GET, modify, POST keeps unknown fields (retry)."""
    template = structure(copy.deepcopy(TEMPLATE), Template)
    template.roles["host"].priority = 2
    route = respx_router.post(f"templates/{TID}").respond(json=TEMPLATE)

    updated = client.templates.update(
        template.id,
        name="renamed",
        roles=template.roles,
        settings=template.settings or {},
    )

    sent = route.calls.last.request
    expected_role = unstructure(template.roles["host"])
    assert expected_role["priority"] == 2
    assert_api_request(
        sent,
        "POST",
        f"templates/{TID}",
        json_body={
            "name": "renamed",
            "roles": {"host": expected_role},
            "settings": {
                "region": "in",
                "roomState": TEMPLATE["settings"]["roomState"],
                "retry": {},
            },
        },
    )
    assert updated.id == TID


def test_update_is_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A full overwrite is idempotent: a 503 is retried."""
    route = respx_router.post(f"templates/{TID}").mock(
        side_effect=[
            respx.MockResponse(503, json={"message": "busy"}),
            respx.MockResponse(json=TEMPLATE),
        ]
    )

    client.templates.update(TID, roles={"host": {}}, settings={"region": "in"})

    assert route.call_count == 2


def test_update_response_zero_time_is_none(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The update response's createdAt Go zero time becomes None."""
    respx_router.post(f"templates/{TID}").respond(
        json={**TEMPLATE, "createdAt": "0001-01-01T00:00:00Z"}
    )

    updated = client.templates.update(TID, roles={}, settings={})

    assert updated.created_at is None
    assert updated.updated_at is not None


def test_retrieve_role(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve_role() GETs the role and parses the §6.11 guest role."""
    route = respx_router.get(f"templates/{TID}/roles/guest").respond(json=GUEST_ROLE)

    role = client.templates.retrieve_role(TID, "guest")

    assert_api_request(route.calls.last.request, "GET", f"templates/{TID}/roles/guest")
    assert role.name == "guest"
    assert role.permissions == RolePermissions(
        rtmp_streaming=True,
        hls_streaming=True,
        browser_recording=True,
        send_room_state=False,
        poll_read=True,
        poll_write=False,
    )
    assert role.permissions.end_room is None
    assert role.extra_fields == {"canPublishWhiteboard": True}


def test_role_name_is_encoded(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A role name with a slash or space stays one path segment."""
    route = respx_router.get(url__regex=r".*").respond(json=GUEST_ROLE)

    client.templates.retrieve_role(TID, "a/b c")

    assert route.calls.last.request.url.raw_path == (
        f"/v2/templates/{TID}/roles/a%2Fb%20c".encode()
    )


def test_update_role_with_keywords(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_role() sends snake_case keywords as camelCase fields, and only those."""
    route = respx_router.post(f"templates/{TID}/roles/speaker").respond(
        json={**GUEST_ROLE, "name": "speaker"}
    )

    role = client.templates.update_role(
        TID,
        "speaker",
        publish_params={"allowed": ["audio"]},
        permissions=RolePermissions(unmute=True),
        priority=3,
        max_peer_count=10,
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/roles/speaker",
        json_body={
            "publishParams": {"allowed": ["audio"]},
            "permissions": {"unmute": True},
            "priority": 3,
            "maxPeerCount": 10,
        },
    )
    assert role.name == "speaker"


def test_update_role_lays_keywords_over_a_model(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Keywords override the given role's fields; its unknown fields are sent too."""
    guest = structure(copy.deepcopy(GUEST_ROLE), Role)
    route = respx_router.post(f"templates/{TID}/roles/guest").respond(json=GUEST_ROLE)

    client.templates.update_role(TID, "guest", guest, priority=4)

    expected = copy.deepcopy(GUEST_ROLE)
    expected["priority"] = 4
    sent = route.calls.last.request
    assert_api_request(
        sent,
        "POST",
        f"templates/{TID}/roles/guest",
        json_body=unstructure(structure(expected, Role)),
    )
    assert_written_back(expected, unstructure(structure(expected, Role)))


def test_update_role_without_fields_posts_empty_role(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """No fields at all posts {} (the API fills in the default role); retried."""
    route = respx_router.post(f"templates/{TID}/roles/new").mock(
        side_effect=[
            respx.MockResponse(502, json={}),
            respx.MockResponse(json={**GUEST_ROLE, "name": "new"}),
        ]
    )

    role = client.templates.update_role(TID, "new")

    assert_api_request(
        route.calls.last.request, "POST", f"templates/{TID}/roles/new", json_body={}
    )
    assert route.call_count == 2
    assert role.name == "new"


def test_renaming_a_role_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A body name other than the path's may rename: a 502 is not retried."""
    route = respx_router.post(f"templates/{TID}/roles/old").respond(502, json={})

    with pytest.raises(ServerError):
        client.templates.update_role(TID, "old", name="new")

    assert route.call_count == 1
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/roles/old",
        json_body={"name": "new"},
    )


def test_delete_role_returns_none_on_204(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """delete_role() sends DELETE without a body and returns None on 204."""
    route = respx_router.delete(f"templates/{TID}/roles/guest").respond(204)

    client.templates.delete_role(TID, "guest")

    assert_api_request(
        route.calls.last.request, "DELETE", f"templates/{TID}/roles/guest"
    )


def test_delete_role_is_never_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 on delete_role() is raised at once, not retried."""
    route = respx_router.delete(f"templates/{TID}/roles/guest").respond(
        503, json={"message": "busy"}
    )

    with pytest.raises(ServerError):
        client.templates.delete_role(TID, "guest")

    assert route.call_count == 1


def test_delete_role_again_is_not_found(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Deleting a role that is gone raises NotFoundError."""
    respx_router.delete(f"templates/{TID}/roles/guest").respond(
        404, json={"code": 404, "message": "role not found"}
    )

    with pytest.raises(NotFoundError):
        client.templates.delete_role(TID, "guest")


def test_retrieve_settings(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_settings() parses storage, credentials and room state; secrets hidden."""
    answer = copy.deepcopy(SETTINGS)
    answer["recording"]["upload"]["credentials"] = {
        "key": "AKIAEXAMPLE",
        "secret": "example-secret",
    }
    route = respx_router.get(f"templates/{TID}/settings").respond(json=answer)

    settings = client.templates.retrieve_settings(TID)

    assert_api_request(route.calls.last.request, "GET", f"templates/{TID}/settings")
    assert settings.region is Region.EU
    assert settings.recording is not None
    upload = settings.recording.upload
    assert upload is not None
    assert upload.type is StorageType.S3
    assert upload.options == UploadOptions(region="eu-west-1")
    assert upload.credentials is not None
    assert upload.credentials.secret == "example-secret"
    assert upload.credentials.secret_key is None
    assert "example-secret" not in repr(settings)
    assert settings.extra_fields == {
        "retry": {},
        "noiseCancellation": {"enabled": True},
    }


def test_update_settings_with_keywords(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_settings() sends credentials as secretKey and room state camelCase."""
    route = respx_router.post(f"templates/{TID}/settings").respond(json=SETTINGS)
    recording = TemplateRecordingSettings(
        upload=TemplateRecordingUpload(
            type=StorageType.S3,
            location="my-recordings-bucket",
            prefix="hms",
            options=UploadOptions(region="eu-west-1"),
            credentials=TemplateStorageCredentials(
                key="AKIAEXAMPLE", secret_key="example-secret"
            ),
        )
    )

    settings = client.templates.update_settings(
        TID,
        region="eu",
        recording=recording,
        room_state=RoomStateSettings(message_interval=3600, send_peer_list=True),
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/settings",
        json_body={
            "region": "eu",
            "recording": {"upload": SETTINGS["recording"]["upload"]},
            "roomState": {"messageInterval": 3600, "sendPeerList": True},
        },
    )
    assert settings.region is Region.EU


def test_update_settings_sends_a_model_whole_and_retries(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A settings model goes out with its unknown fields; a 502 is retried."""
    model = structure(copy.deepcopy(SETTINGS), TemplateSettings)
    route = respx_router.post(f"templates/{TID}/settings").mock(
        side_effect=[respx.MockResponse(502), respx.MockResponse(json=SETTINGS)]
    )

    client.templates.update_settings(TID, model, region=Region.IN)

    assert route.call_count == 2
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/settings",
        json_body={**SETTINGS, "region": "in"},
    )


def test_retrieve_destinations(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_destinations() parses the RTMP, HLS and transcription maps."""
    route = respx_router.get(f"templates/{TID}/destinations").respond(json=DESTINATIONS)

    dest = client.templates.retrieve_destinations(TID)

    assert_api_request(route.calls.last.request, "GET", f"templates/{TID}/destinations")
    assert dest.rtmp_destinations is not None
    assert dest.hls_destinations is not None
    assert dest.transcriptions is not None
    rtmp = dest.rtmp_destinations["default"]
    assert rtmp.rtmp_urls == ["rtmp://example.com:443/stream"]
    assert "rtmp://" not in repr(rtmp)
    assert rtmp.max_duration == 1800
    hls = dest.hls_destinations["default"]
    assert hls.playlist_type is HlsPlaylistType.EVENT
    assert hls.num_playlist_segments == 12
    assert [(layer.width, layer.video_bitrate) for layer in hls.layers or []] == [
        (1280, 2048),
        (640, 500),
    ]
    assert hls.role == "__internal_recorder"
    assert hls.recording is not None
    assert hls.recording.presign_duration == 604800
    assert hls.recording.thumbnails is not None
    assert hls.recording.thumbnails.offsets == [2]
    transcription = dest.transcriptions["default"]
    assert transcription.modes == [
        TranscriptionMode.RECORDED,
        TranscriptionMode.CAPTION,
    ]
    assert transcription.output_modes == ["txt", "srt", "json"]
    assert transcription.summary is not None
    assert transcription.summary.temperature == 0.5
    assert [s.format for s in transcription.summary.sections or []] == [
        "bullets",
        "paragraph",
    ]
    assert transcription.translation is not None
    assert transcription.translation.role_languages == {"host": "es", "guest": "fr"}
    assert dest.extra_fields == {"browserRecordings": {}}


def test_update_destinations_with_keywords(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_destinations() writes keyword maps of models under camelCase keys."""
    route = respx_router.post(f"templates/{TID}/destinations").respond(
        json=DESTINATIONS
    )

    client.templates.update_destinations(
        TID,
        rtmp_destinations={
            "yt": TemplateRtmpDestination(
                name="yt", rtmp_urls=["rtmp://a/1", "rtmp://b/2", "rtmp://c/3"]
            )
        },
        hls_destinations={
            "main": TemplateHlsDestination(
                name="main",
                playlist_type=HlsPlaylistType.LIVE,
                num_playlist_segments=150,
            )
        },
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/destinations",
        json_body={
            "rtmpDestinations": {
                "yt": {
                    "name": "yt",
                    "rtmpUrls": ["rtmp://a/1", "rtmp://b/2", "rtmp://c/3"],
                }
            },
            "hlsDestinations": {
                "main": {
                    "name": "main",
                    "playlistType": "live",
                    "numPlaylistSegments": 150,
                }
            },
        },
    )


def test_update_destinations_with_a_mapping(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A destinations mapping is sent exactly as given."""
    route = respx_router.post(f"templates/{TID}/destinations").respond(
        json=DESTINATIONS
    )

    dest = client.templates.update_destinations(TID, DESTINATIONS)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/destinations",
        json_body=DESTINATIONS,
    )
    assert set(dest.hls_destinations or {}) == {"default"}


def test_retrieve_recordings(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_recordings() parses the bare JSON array of configs."""
    route = respx_router.get(f"templates/{TID}/recordings").respond(
        json=RECORDING_CONFIGS
    )

    (config,) = client.templates.retrieve_recordings(TID)

    assert_api_request(route.calls.last.request, "GET", f"templates/{TID}/recordings")
    assert config.name == "default"
    assert config.max_duration == 1800
    assert config.composite_recording is not None
    browser = config.composite_recording.browser_composite
    assert browser is not None
    assert browser.auto_stop_timeout == 500
    assert browser.auto_start is False
    assert config.stream_recording == StreamRecordingConfig(
        enabled=False, width=1920, height=1080
    )
    assert config.extra_fields == {"audioOnly": False}


def test_retrieve_recordings_with_false_flags_left_out(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A response that omits false flags parses them as None; null is []."""
    respx_router.get(f"templates/{TID}/recordings").mock(
        side_effect=[
            respx.MockResponse(
                json=[{"name": "default", "role": "host", "trackRecording": {}}]
            ),
            respx.MockResponse(json=None),
        ]
    )

    (config,) = client.templates.retrieve_recordings(TID)
    empty = client.templates.retrieve_recordings(TID)

    assert config.track_recording == TrackRecordingConfig()
    assert config.track_recording.enabled is None
    assert empty == []


def test_update_recordings_sends_an_array(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_recordings() posts a JSON array and parses the array answered; retried."""
    route = respx_router.post(f"templates/{TID}/recordings").mock(
        side_effect=[
            respx.MockResponse(502),
            respx.MockResponse(json=[{"name": "default", "role": "host"}]),
        ]
    )
    config = RecordingConfig(
        name="default",
        role="host",
        max_duration=1800,
        track_recording=TrackRecordingConfig(enabled=True),
    )

    configs = client.templates.update_recordings(TID, [config])

    assert route.call_count == 2
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/recordings",
        json_body=[
            {
                "name": "default",
                "role": "host",
                "maxDuration": 1800,
                "trackRecording": {"enabled": True},
            }
        ],
    )
    assert configs == [RecordingConfig(name="default", role="host")]


def test_update_recordings_sends_mappings_as_given(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A config mapping goes out unchanged, unknown keys included."""
    route = respx_router.post(f"templates/{TID}/recordings").respond(
        json=RECORDING_CONFIGS
    )

    client.templates.update_recordings(TID, RECORDING_CONFIGS)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"templates/{TID}/recordings",
        json_body=RECORDING_CONFIGS,
    )


REFUSED: list[tuple[str, Call, str]] = [
    (
        "template name",
        lambda c: c.templates.create(name="bad/name"),
        r"name may only contain",
    ),
    (
        "priority",
        lambda c: c.templates.create(roles={"host": {"priority": 6}}),
        r"roles\['host'\]\.priority must be between 1 and 5, got 6",
    ),
    (
        "max peer count",
        lambda c: c.templates.update_role(TID, "host", max_peer_count=-2),
        r"max_peer_count must be between -1 and inf, got -2",
    ),
    (
        "audio bit rate",
        lambda c: c.templates.update_role(
            TID,
            "host",
            publish_params=PublishParams(audio=AudioPublishParams(bit_rate=8)),
        ),
        r"publish_params\.audio\.bit_rate must be between 16 and 128, got 8",
    ),
    (
        "video bit rate",
        lambda c: c.templates.update(
            TID, roles={"h": _role(video={"bitRate": 2001})}, settings={}
        ),
        r"roles\['h'\]\.publish_params\.video\.bit_rate must be between 30 and 2000",
    ),
    (
        "video frame rate",
        lambda c: c.templates.update_role(
            TID, "h", publish_params={"video": {"frameRate": 31}}
        ),
        r"publish_params\.video\.frame_rate must be between 1 and 30",
    ),
    (
        "video width",
        lambda c: c.templates.update_role(
            TID, "h", publish_params={"video": {"width": 49}}
        ),
        r"publish_params\.video\.width must be between 50 and 1920",
    ),
    (
        "video height",
        lambda c: c.templates.update_role(
            TID, "h", publish_params={"video": {"height": 1081}}
        ),
        r"publish_params\.video\.height must be between 50 and 1080",
    ),
    (
        "screen bit rate",
        lambda c: c.templates.update_role(
            TID, "h", publish_params={"screen": {"bitRate": 499}}
        ),
        r"publish_params\.screen\.bit_rate must be between 500 and inf",
    ),
    (
        "screen width",
        lambda c: c.templates.update_role(
            TID, "h", publish_params={"screen": {"width": 479}}
        ),
        r"publish_params\.screen\.width must be between 480 and 1920",
    ),
    (
        "screen height",
        lambda c: c.templates.update_role(
            TID, "h", publish_params={"screen": {"height": 269}}
        ),
        r"publish_params\.screen\.height must be between 270 and 1080",
    ),
    (
        "too many simulcast layers",
        lambda c: c.templates.update_role(
            TID,
            "h",
            publish_params={
                "simulcast": {"video": {"layers": [LAYER_F, LAYER_H, LAYER_Q, LAYER_Q]}}
            },
        ),
        r"simulcast\.video\.layers may hold at most 3 layers, got 4",
    ),
    (
        "simulcast rid order",
        lambda c: c.templates.update_role(
            TID,
            "h",
            publish_params=PublishParams(
                simulcast=SimulcastParams(
                    screen=SimulcastLayers(
                        layers=[SimulcastLayer(rid="h"), SimulcastLayer(rid="f")]
                    )
                )
            ),
        ),
        r"simulcast\.screen\.layers rids must start with",
    ),
    (
        "simulcast scale order",
        lambda c: c.templates.update_role(
            TID,
            "h",
            publish_params={
                "simulcast": {
                    "video": {
                        "layers": [LAYER_F, {"rid": "h", "scaleResolutionDownBy": 1}]
                    }
                }
            },
        ),
        r"scale_resolution_down_by must start at 1 and increase strictly",
    ),
    (
        "simulcast scale range",
        lambda c: c.templates.update_role(
            TID,
            "h",
            publish_params={
                "simulcast": {
                    "video": {
                        "layers": [LAYER_F, {"rid": "h", "scaleResolutionDownBy": 13}]
                    }
                }
            },
        ),
        r"layers\[1\]\.scale_resolution_down_by must be between 1 and 12",
    ),
    (
        "simulcast max bitrate",
        lambda c: c.templates.update_role(
            TID,
            "h",
            publish_params={
                "simulcast": {"video": {"layers": [{**LAYER_F, "maxBitrate": 2001}]}}
            },
        ),
        r"layers\[0\]\.max_bitrate must be between 0 and 2000",
    ),
    (
        "packet loss threshold",
        lambda c: c.templates.update_role(
            TID,
            "h",
            subscribe_params={"subscribeDegradation": {"packetLossThreshold": 0}},
        ),
        r"subscribe_params\.subscribe_degradation\.packet_loss_threshold must be "
        r"between 1 and 100",
    ),
    (
        "degrade grace period",
        lambda c: c.templates.update_role(
            TID,
            "h",
            subscribe_params={
                "subscribeDegradation": {"degradeGracePeriodSeconds": 11}
            },
        ),
        r"degrade_grace_period_seconds must be between 1 and 10",
    ),
    (
        "message interval range",
        lambda c: c.templates.update_settings(
            TID, room_state=RoomStateSettings(message_interval=3605)
        ),
        r"room_state\.message_interval must be between 5 and 3600, got 3605",
    ),
    (
        "message interval step",
        lambda c: c.templates.create(settings={"roomState": {"messageInterval": 12}}),
        r"settings\.room_state\.message_interval must be a multiple of 5, got 12",
    ),
    (
        "rtmp urls",
        lambda c: c.templates.update_destinations(
            TID,
            rtmp_destinations={
                "yt": TemplateRtmpDestination(rtmp_urls=["rtmp://a"] * 4)
            },
        ),
        r"rtmp_destinations\['yt'\]\.rtmp_urls may hold at most 3 URLs, got 4",
    ),
    (
        "playlist segments low",
        lambda c: c.templates.update_destinations(
            TID, {"hlsDestinations": {"main": {"numPlaylistSegments": 2}}}
        ),
        r"hls_destinations\['main'\]\.num_playlist_segments must be between 3 and 150",
    ),
    (
        "playlist segments high",
        lambda c: c.templates.create(
            destinations=TemplateDestinations(
                hls_destinations={
                    "main": TemplateHlsDestination(num_playlist_segments=151)
                }
            )
        ),
        r"destinations\.hls_destinations\['main'\]\.num_playlist_segments",
    ),
    (
        "hls layer odd size",
        lambda c: c.templates.update_destinations(
            TID,
            {"hlsDestinations": {"m": {"layers": [{"width": 641, "height": 360}]}}},
        ),
        r"layers\[0\] width and height must be even",
    ),
    (
        "hls layer too small",
        lambda c: c.templates.update_destinations(
            TID,
            {
                "hlsDestinations": {
                    "m": {"recording": {"layers": [{"width": 256, "height": 142}]}}
                }
            },
        ),
        r"recording\.layers\[0\] smaller side must be between 144 and 1080",
    ),
    (
        "hls layer too large",
        lambda c: c.templates.update_destinations(
            TID,
            {"hlsDestinations": {"m": {"layers": [{"width": 1922, "height": 1080}]}}},
        ),
        r"layers\[0\] larger side must be between 192 and 1920",
    ),
    (
        "summary temperature",
        lambda c: c.templates.update_destinations(
            TID, transcriptions={"t": {"summary": {"temperature": 1.5}}}
        ),
        r"transcriptions\['t'\]\.summary\.temperature must be between 0.1 and 1",
    ),
    (
        "summary context",
        lambda c: c.templates.update_destinations(
            TID, transcriptions={"t": {"summary": {"context": "x" * 301}}}
        ),
        r"summary\.context may hold at most 300 characters, got 301",
    ),
    (
        "summary sections",
        lambda c: c.templates.update_destinations(
            TID,
            transcriptions={"t": {"summary": {"sections": [{"title": "s"}] * 7}}},
        ),
        r"summary\.sections may hold at most 6 sections, got 7",
    ),
    (
        "summary section title",
        lambda c: c.templates.update_destinations(
            TID,
            transcriptions={"t": {"summary": {"sections": [{"title": "t" * 101}]}}},
        ),
        r"sections\[0\]\.title may hold at most 100 characters",
    ),
    (
        "two recording configs",
        lambda c: c.templates.update_recordings(
            TID, [RecordingConfig(name="a"), RecordingConfig(name="b")]
        ),
        r"configs must hold exactly 1 recording config",
    ),
    (
        "no recording config",
        lambda c: c.templates.update_recordings(TID, []),
        r"configs must hold exactly 1 recording config",
    ),
]


@pytest.mark.parametrize(
    ("call", "message"),
    [pytest.param(call, message, id=name) for name, call, message in REFUSED],
)
def test_documented_limits_refused_before_sending(
    client: SyncHMSClient, respx_router: respx.MockRouter, call: Call, message: str
) -> None:
    """A value outside a documented limit is a ValueError naming it; nothing is sent."""
    route = respx_router.route().respond(json={})

    with pytest.raises(ValueError, match=message):
        call(client)

    assert not route.called


def test_limits_at_their_bounds_are_sent(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Values exactly at the documented bounds pass the checks."""
    route = respx_router.post(url__regex=r".*").respond(json={})

    client.templates.update_role(
        TID,
        "h",
        publish_params={
            "audio": {"bitRate": 128},
            "video": {"bitRate": 30, "frameRate": 1, "width": 1920, "height": 50},
            "screen": {"bitRate": 500, "width": 480, "height": 1080},
            "simulcast": {"video": {"layers": [LAYER_F, LAYER_H, LAYER_Q]}},
        },
        priority=5,
        max_peer_count=-1,
    )
    client.templates.update_settings(TID, room_state={"messageInterval": 5})
    client.templates.update_destinations(
        TID,
        hls_destinations={
            "m": {
                "numPlaylistSegments": 3,
                "layers": [
                    {"width": 1920, "height": 1080},
                    {"width": 256, "height": 144},
                ],
            }
        },
        transcriptions={"t": {"summary": {"temperature": 0.1, "context": "x" * 300}}},
    )

    assert route.call_count == 3


def test_update_recordings_refuses_a_single_config(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A config passed without its list is a TypeError before any request."""
    route = respx_router.route().respond(json=[])

    with pytest.raises(TypeError, match="configs must be a list"):
        client.templates.update_recordings(TID, RecordingConfig(name="a"))  # type: ignore[arg-type]

    assert not route.called


@pytest.mark.parametrize(
    "rids", [["h"], ["f", "f"], ["f", "q", "h"], ["f", "x"]], ids=str
)
def test_simulcast_rids_out_of_order_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter, rids: list[str]
) -> None:
    """Simulcast rids must start with f and follow f, h, q; nothing is sent."""
    route = respx_router.route().respond(json={})
    simulcast = {"video": {"layers": [{"rid": rid} for rid in rids]}}

    with pytest.raises(ValueError, match=r"simulcast\.video\.layers rids must"):
        client.templates.update_role(TID, "h", publish_params={"simulcast": simulcast})

    assert not route.called


def test_simulcast_rids_may_skip_a_layer(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """f then q is strictly decreasing, so it is sent."""
    route = respx_router.post(f"templates/{TID}/roles/h").respond(json={})
    layers = [LAYER_F, {"rid": "q", "scaleResolutionDownBy": 4}]

    client.templates.update_role(
        TID, "h", publish_params={"simulcast": {"video": {"layers": layers}}}
    )

    assert route.called

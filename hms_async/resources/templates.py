"""``hms.templates``: templates, their roles, settings, destinations and recording configs (§2.10).

Bodies are camelCase JSON. Every body argument takes a typed model (written
out by the converter, unknown fields included) or a plain mapping (sent as
it is, so write camelCase keys). Documented limits are checked on that JSON
before anything is sent; a ``ValueError`` names the offending field in
snake_case, e.g. ``roles['host'].publish_params.video.bit_rate``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from .. import _serde
from .._pagination import AsyncPaginator
from .._requester import ignore, model, model_list, path
from ..models.rooms import Region
from ..models.templates import (
    PublishParams,
    RecordingConfig,
    Role,
    RolePermissions,
    RoomStateSettings,
    SubscribeParams,
    Template,
    TemplateDestinations,
    TemplateHlsDestination,
    TemplatePlugins,
    TemplateRecordingSettings,
    TemplateRtmpDestination,
    TemplateSettings,
    TemplateTranscription,
)
from ._base import Resource, check_limit, check_range

__all__ = ["TemplatesResource"]

_TEMPLATE_NAME: Final = re.compile(r"[a-zA-Z0-9 .\-_:]+")
_CAMEL: Final = re.compile(r"(?<=[a-z0-9])([A-Z])")
_INF: Final = float("inf")
_SIZED: Final = (list, tuple, str)

JSONObject = Mapping[str, Any]
RecordingConfigs = list[RecordingConfig]  # the class's list() hides the builtin
ConfigsArg = Sequence[RecordingConfig] | Sequence[JSONObject]
Roles = Mapping[str, Role | JSONObject]

# (low, high) of each documented numeric field, by the object that holds it.
_AUDIO: Final = {"bitRate": (16, 128)}
_VIDEO: Final = {
    "bitRate": (30, 2000),
    "frameRate": (1, 30),
    "width": (50, 1920),
    "height": (50, 1080),
}
_SCREEN: Final = {
    "bitRate": (500, _INF),
    "frameRate": (1, 30),
    "width": (480, 1920),
    "height": (270, 1080),
}
_SIMULCAST_LAYER: Final = {
    "scaleResolutionDownBy": (1.0, 12.0),
    "maxBitrate": (0, 2000),
    "maxFramerate": (1, 30),
}
_DEGRADATION: Final = {
    "packetLossThreshold": (1, 100),
    "degradeGracePeriodSeconds": (1, 10),
    "recoverGracePeriodSeconds": (1, 10),
}
_ROLE: Final = {"priority": (1, 5), "maxPeerCount": (-1, _INF)}
_SIMULCAST_RIDS: Final = ("f", "h", "q")
_MAX_SIMULCAST_LAYERS: Final = 3
_MAX_RTMP_URLS: Final = 3
_MAX_SUMMARY_SECTIONS: Final = 6
_MAX_SUMMARY_CONTEXT: Final = 300
_MAX_SECTION_TITLE: Final = 100


# --- JSON bodies ---------------------------------------------------------------


def _to_json(value: Any) -> Any:
    """A body value as JSON: models through the converter, containers deeply."""
    if attrs.has(type(value)):
        return _serde.unstructure(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {k: _to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_json(v) for v in value]
    return value


def _merge(base: Any, **fields: Any) -> dict[str, Any]:
    """``base`` (a model or mapping) as JSON, with the fields passed laid over it."""
    out: dict[str, Any] = dict(_to_json(base)) if base is not None else {}
    out.update({k: _to_json(v) for k, v in fields.items() if v is not None})
    return out


# --- limits --------------------------------------------------------------------


def _name(key: str) -> str:
    return _CAMEL.sub(r"_\1", key).lower()


def _sub(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, Mapping) else None


def _items(obj: Any) -> list[Any]:
    return list(obj) if isinstance(obj, list | tuple) else []


def _entries(obj: Any) -> list[tuple[str, Any]]:
    return list(obj.items()) if isinstance(obj, Mapping) else []


def _ranges(obj: Any, where: str, limits: Mapping[str, tuple[float, float]]) -> None:
    for key, (low, high) in limits.items():
        check_range(where + _name(key), _sub(obj, key), low, high)


def _at_most(name: str, value: Any, high: int, what: str) -> None:
    if isinstance(value, _SIZED) and len(value) > high:
        raise ValueError(f"{name} may hold at most {high} {what}, got {len(value)}")


def _check_simulcast(layers: Any, where: str) -> None:
    layers = _items(layers)
    _at_most(where, layers, _MAX_SIMULCAST_LAYERS, "layers")
    rids = [rid for layer in layers if (rid := _sub(layer, "rid")) is not None]
    ranks = [_SIMULCAST_RIDS.index(r) if r in _SIMULCAST_RIDS else -1 for r in rids]
    if ranks and (ranks[0] != 0 or ranks != sorted(set(ranks))):
        raise ValueError(
            f"{where} rids must start with 'f' and follow f, h, q in order, got {rids}"
        )
    scales: list[float] = []
    for i, layer in enumerate(layers):
        _ranges(layer, f"{where}[{i}].", _SIMULCAST_LAYER)
        scale = _sub(layer, "scaleResolutionDownBy")
        if isinstance(scale, int | float):
            scales.append(scale)
    if scales and (scales[0] != 1 or scales != sorted(set(scales))):
        raise ValueError(
            f"{where} scale_resolution_down_by must start at 1 and increase strictly, "
            f"got {scales}"
        )


def _check_role(role: Any, where: str) -> None:
    _ranges(role, where, _ROLE)
    publish = _sub(role, "publishParams")
    at = where + "publish_params."
    _ranges(_sub(publish, "audio"), at + "audio.", _AUDIO)
    _ranges(_sub(publish, "video"), at + "video.", _VIDEO)
    _ranges(_sub(publish, "screen"), at + "screen.", _SCREEN)
    for source in ("video", "screen"):
        layers = _sub(_sub(_sub(publish, "simulcast"), source), "layers")
        _check_simulcast(layers, f"{at}simulcast.{source}.layers")
    degradation = _sub(_sub(role, "subscribeParams"), "subscribeDegradation")
    _ranges(
        degradation, where + "subscribe_params.subscribe_degradation.", _DEGRADATION
    )


def _check_roles(roles: Any, where: str = "roles") -> None:
    for name, role in _entries(roles):
        _check_role(role, f"{where}[{name!r}].")


def _check_settings(settings: Any, where: str) -> None:
    interval = _sub(_sub(settings, "roomState"), "messageInterval")
    name = where + "room_state.message_interval"
    check_range(name, interval, 5, 3600)
    if isinstance(interval, int | float) and interval % 5:
        raise ValueError(f"{name} must be a multiple of 5, got {interval!r}")


def _check_hls_layers(layers: Any, where: str) -> None:
    for i, layer in enumerate(_items(layers)):
        width, height = _sub(layer, "width"), _sub(layer, "height")
        if not (isinstance(width, int) and isinstance(height, int)):
            continue
        name = f"{where}[{i}]"
        if width % 2 or height % 2:
            raise ValueError(
                f"{name} width and height must be even, got {width}x{height}"
            )
        check_range(f"{name} smaller side", min(width, height), 144, 1080)
        check_range(f"{name} larger side", max(width, height), 192, 1920)


def _check_summary(summary: Any, where: str) -> None:
    check_range(where + "temperature", _sub(summary, "temperature"), 0.1, 1.0)
    _at_most(
        where + "context", _sub(summary, "context"), _MAX_SUMMARY_CONTEXT, "characters"
    )
    sections = _items(_sub(summary, "sections"))
    _at_most(where + "sections", sections, _MAX_SUMMARY_SECTIONS, "sections")
    for i, section in enumerate(sections):
        title = _sub(section, "title")
        _at_most(f"{where}sections[{i}].title", title, _MAX_SECTION_TITLE, "characters")


def _check_destinations(destinations: Any, where: str) -> None:
    for name, rtmp in _entries(_sub(destinations, "rtmpDestinations")):
        at = f"{where}rtmp_destinations[{name!r}].rtmp_urls"
        _at_most(at, _sub(rtmp, "rtmpUrls"), _MAX_RTMP_URLS, "URLs")
    for name, hls in _entries(_sub(destinations, "hlsDestinations")):
        at = f"{where}hls_destinations[{name!r}]."
        check_range(
            at + "num_playlist_segments", _sub(hls, "numPlaylistSegments"), 3, 150
        )
        _check_hls_layers(_sub(hls, "layers"), at + "layers")
        _check_hls_layers(
            _sub(_sub(hls, "recording"), "layers"), at + "recording.layers"
        )
    for name, transcription in _entries(_sub(destinations, "transcriptions")):
        at = f"{where}transcriptions[{name!r}].summary."
        _check_summary(_sub(transcription, "summary"), at)


def _check_template(payload: Mapping[str, Any]) -> None:
    name = payload.get("name")
    if isinstance(name, str) and not _TEMPLATE_NAME.fullmatch(name):
        raise ValueError(
            f"name may only contain a-z, A-Z, 0-9, spaces and - . _ :, got {name!r}"
        )
    _check_roles(payload.get("roles"))
    _check_settings(payload.get("settings"), "settings.")
    _check_destinations(payload.get("destinations"), "destinations.")


def _check_configs(configs: object) -> None:
    if not isinstance(configs, Sequence) or isinstance(configs, str | bytes):
        raise TypeError("configs must be a list of recording configs")
    if len(configs) != 1:
        raise ValueError(
            "configs must hold exactly 1 recording config (the API allows one), "
            f"got {len(configs)}"
        )


# --- the service ---------------------------------------------------------------


class TemplatesResource(Resource):
    """Templates: the roles, settings and destinations rooms are created from."""

    async def create(
        self,
        *,
        name: str | None = None,
        roles: Roles | None = None,
        settings: TemplateSettings | JSONObject | None = None,
        destinations: TemplateDestinations | JSONObject | None = None,
        plugins: TemplatePlugins | JSONObject | None = None,
    ) -> Template:
        """Create a template; roles given as ``{}`` get the default role.

        An existing template with the same ``name`` is overwritten, so a named
        create is retried like a GET and an unnamed one never is.
        """
        payload = _merge(
            None,
            name=name,
            roles=roles,
            settings=settings,
            destinations=destinations,
            plugins=plugins,
        )
        _check_template(payload)
        return await self._requester.request(
            "POST",
            "templates",
            json=payload,
            parse=model(Template),
            idempotent=name is not None,
        )

    def list(
        self, *, limit: int = 100, start: str | None = None
    ) -> AsyncPaginator[Template]:
        """List templates, lazily (``limit`` is the page size, 10 to 100)."""
        check_limit(limit)
        return self._list("templates", Template, {"limit": limit}, start=start)

    async def retrieve(self, template_id: str) -> Template:
        """Get a template by id."""
        return await self._requester.request(
            "GET", path("templates", template_id), parse=model(Template)
        )

    async def update(
        self,
        template_id: str,
        *,
        roles: Roles,
        settings: TemplateSettings | JSONObject,
        name: str | None = None,
        destinations: TemplateDestinations | JSONObject | None = None,
        plugins: TemplatePlugins | JSONObject | None = None,
    ) -> Template:
        """Replace a template: a full overwrite, so pass everything it should keep.

        Roles left out are deleted, so retrieve, modify and send back (e.g.
        ``roles=t.roles, settings=t.settings, destinations=t.destinations``).
        Renaming to a name another template has is an error.
        """
        payload = _merge(
            None,
            name=name,
            roles=roles,
            settings=settings,
            destinations=destinations,
            plugins=plugins,
        )
        _check_template(payload)
        return await self._requester.request(
            "POST",
            path("templates", template_id),
            json=payload,
            parse=model(Template),
            idempotent=True,
        )

    async def retrieve_role(self, template_id: str, role_name: str) -> Role:
        """Get one role of a template."""
        return await self._requester.request(
            "GET", path("templates", template_id, "roles", role_name), parse=model(Role)
        )

    async def update_role(
        self,
        template_id: str,
        role_name: str,
        role: Role | JSONObject | None = None,
        *,
        name: str | None = None,
        publish_params: PublishParams | JSONObject | None = None,
        subscribe_params: SubscribeParams | JSONObject | None = None,
        permissions: RolePermissions | JSONObject | None = None,
        priority: int | None = None,
        max_peer_count: int | None = None,
    ) -> Role:
        """Create or replace a role (no fields at all gives the default role).

        The keyword arguments are laid over ``role``. Whether a ``name`` in the
        body renames the role is not documented; a role retrieved under another
        name carries that name, so clear it before reusing it elsewhere.
        """
        payload = _merge(
            role,
            name=name,
            publishParams=publish_params,
            subscribeParams=subscribe_params,
            permissions=permissions,
            priority=priority,
            maxPeerCount=max_peer_count,
        )
        _check_role(payload, "")
        renames = payload.get("name") not in (None, role_name)
        return await self._requester.request(
            "POST",
            path("templates", template_id, "roles", role_name),
            json=payload,
            parse=model(Role),
            idempotent=not renames,
        )

    async def delete_role(self, template_id: str, role_name: str) -> None:
        """Delete a role; deleting it again raises ``NotFoundError``. Never retried."""
        await self._requester.request(
            "DELETE",
            path("templates", template_id, "roles", role_name),
            parse=ignore,
            idempotent=False,
        )

    async def retrieve_settings(self, template_id: str) -> TemplateSettings:
        """Get a template's settings."""
        return await self._requester.request(
            "GET",
            path("templates", template_id, "settings"),
            parse=model(TemplateSettings),
        )

    async def update_settings(
        self,
        template_id: str,
        settings: TemplateSettings | JSONObject | None = None,
        *,
        region: Region | str | None = None,
        recording: TemplateRecordingSettings | JSONObject | None = None,
        room_state: RoomStateSettings | JSONObject | None = None,
    ) -> TemplateSettings:
        """Replace a template's settings (keyword arguments are laid over ``settings``).

        Storage credentials are sent as ``secretKey`` and come back as ``secret``.
        """
        payload = _merge(
            settings, region=region, recording=recording, roomState=room_state
        )
        _check_settings(payload, "")
        return await self._requester.request(
            "POST",
            path("templates", template_id, "settings"),
            json=payload,
            parse=model(TemplateSettings),
            idempotent=True,
        )

    async def retrieve_destinations(self, template_id: str) -> TemplateDestinations:
        """Get a template's RTMP, HLS and transcription destinations."""
        return await self._requester.request(
            "GET",
            path("templates", template_id, "destinations"),
            parse=model(TemplateDestinations),
        )

    async def update_destinations(
        self,
        template_id: str,
        destinations: TemplateDestinations | JSONObject | None = None,
        *,
        rtmp_destinations: Mapping[str, TemplateRtmpDestination | JSONObject]
        | None = None,
        hls_destinations: Mapping[str, TemplateHlsDestination | JSONObject]
        | None = None,
        transcriptions: Mapping[str, TemplateTranscription | JSONObject] | None = None,
    ) -> TemplateDestinations:
        """Replace a template's destinations (keyword maps are laid over ``destinations``)."""
        payload = _merge(
            destinations,
            rtmpDestinations=rtmp_destinations,
            hlsDestinations=hls_destinations,
            transcriptions=transcriptions,
        )
        _check_destinations(payload, "")
        return await self._requester.request(
            "POST",
            path("templates", template_id, "destinations"),
            json=payload,
            parse=model(TemplateDestinations),
            idempotent=True,
        )

    async def retrieve_recordings(self, template_id: str) -> RecordingConfigs:
        """Get a template's recording configs (flags that are false are left out)."""
        return await self._requester.request(
            "GET",
            path("templates", template_id, "recordings"),
            parse=model_list(RecordingConfig, None),
        )

    async def update_recordings(
        self,
        template_id: str,
        configs: ConfigsArg,
    ) -> RecordingConfigs:
        """Replace a template's recording configs (the API takes exactly one for now)."""
        _check_configs(configs)
        return await self._requester.request(
            "POST",
            path("templates", template_id, "recordings"),
            json=_to_json(list(configs)),
            parse=model_list(RecordingConfig, None),
            idempotent=True,
        )

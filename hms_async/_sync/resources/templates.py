# Generated from hms_async/resources/templates.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.templates`: templates, roles, settings, destinations, recording configs.

Bodies are camelCase JSON. Every body argument takes a typed model (written
out by the converter, unknown fields included) or a plain mapping (sent as
it is, so write camelCase keys). Documented limits are checked on that JSON
before anything is sent; a `ValueError` names the offending field in
snake_case, e.g. `roles['host'].publish_params.video.bit_rate`.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import wire
from hms_async._parsers import ignore, model, model_list
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models.rooms import Region
from hms_async.models.templates import (
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
from hms_async.resources._base import check_ints, check_limit
from hms_async.resources.templates import (
    ConfigsArg,
    JSONObject,
    RecordingConfigs,
    Roles,
    _check_configs,
    _check_destinations,
    _check_role,
    _check_settings,
    _check_template,
    _merge,
)

__all__ = ["TemplatesResource"]


class TemplatesResource(Resource):
    """Templates: the roles, settings and destinations rooms are created from.

    Reach it as `hms.templates`. Body arguments take a model from
    `hms_async.models` or a plain camelCase mapping. The limits the API
    documents are checked on the JSON before anything is sent, and a
    `ValueError` names the field in snake_case:

    - role `priority` 1 (highest) to 5; `max_peer_count` -1 (nobody may join
      with the role), 0 (no limit) or more;
    - publish audio `bit_rate` 16 to 128 kbps; video `bit_rate` 30 to 2000,
      `frame_rate` 1 to 30, `width` 50 to 1920, `height` 50 to 1080; screen
      `bit_rate` 500 or more, `frame_rate` 1 to 30, `width` 480 to 1920,
      `height` 270 to 1080;
    - at most 3 simulcast layers, rids `f`, `h`, `q` in that order,
      `scale_resolution_down_by` from 1 increasing strictly up to 12,
      `max_bitrate` 0 to 2000, `max_framerate` 1 to 30;
    - subscribe degradation `packet_loss_threshold` 1 to 100, grace periods 1
      to 10 s;
    - settings `room_state.message_interval` a multiple of 5 from 5 to 3600;
    - at most 3 `rtmp_urls` per RTMP destination; HLS
      `num_playlist_segments` 3 to 150 and layers of even sizes (smaller side
      144 to 1080, larger 192 to 1920);
    - transcription summaries: `context` at most 300 characters,
      `temperature` 0.1 to 1.0, at most 6 sections with titles of at most 100
      characters.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def create(
        self,
        *,
        name: str | None = None,
        roles: Roles | None = None,
        settings: TemplateSettings | JSONObject | None = None,
        destinations: TemplateDestinations | JSONObject | None = None,
        plugins: TemplatePlugins | JSONObject | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> Template:
        """Create a template.

        An existing template with the same `name` is overwritten, so a named
        create is retried like a GET and an unnamed one never is.

        Args:
            name: Letters `a-z A-Z`, digits, spaces and `- . _ :` only.
                Generated when omitted. A template that already has this name is
                overwritten.
            roles: The roles, keyed by role name: [Role][hms_async.models.Role]s or
                camelCase mappings. `{}` as a role gives the default role, which
                you can then edit with `update_role()`.
            settings: Region, recording storage and room-state settings (a
                [TemplateSettings][hms_async.models.TemplateSettings] or its JSON).
            destinations: RTMP, HLS and transcription destinations (a
                [TemplateDestinations][hms_async.models.TemplateDestinations] or
                its JSON).
            plugins: Whiteboard and live-transcription permissions (a
                [TemplatePlugins][hms_async.models.TemplatePlugins] or its JSON).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The template, with the defaults the API filled in.

        Raises:
            ValueError: `name` has other characters, or a documented limit is
                exceeded (see the class); nothing is sent.
            TypeError: A checked number has the wrong type.
            BadRequestError: The API refused the body.

        Example:
            ```python
            template = hms.templates.create(
                name="classroom", roles={"teacher": {}, "student": {}}
            )
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/create-template-via-api>
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
        return self._requester.request(
            "POST",
            "templates",
            json=payload,
            parse=model(Template),
            idempotent=name is not None,
            options=request_options,
        )

    def list(
        self,
        *,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[Template]:
        """List templates, lazily.

        Args:
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of templates:
                call its `first_page()` for the first page, iterate it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).

        Example:
            ```python
            for template in hms.templates.list():
                print(template.name, sorted(template.roles))
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/list-templates>
        """
        check_limit(limit)
        return self._list(
            "templates",
            Template,
            {"limit": limit},
            start=start,
            options=request_options,
        )

    def retrieve(
        self, template_id: str, **request_options: Unpack[RequestOptions]
    ) -> Template:
        """Get a template by id.

        Args:
            template_id: The template's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The template with its roles, settings and destinations.

        Raises:
            NotFoundError: No template has this id.
            ValueError: `template_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/retrieve-a-template>
        """
        return self._requester.request(
            "GET",
            "templates/{template_id}",
            template_id,
            parse=model(Template),
            options=request_options,
        )

    def update(
        self,
        template_id: str,
        *,
        roles: Roles,
        settings: TemplateSettings | JSONObject,
        name: str | None = None,
        destinations: TemplateDestinations | JSONObject | None = None,
        plugins: TemplatePlugins | JSONObject | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> Template:
        """Replace a template: a full overwrite, so pass everything it should keep.

        Roles left out are deleted, so retrieve, modify and send back (e.g.
        `roles=t.roles, settings=t.settings, destinations=t.destinations`).
        Renaming to a name another template has is an error. Sending the same
        template twice is harmless, so the call is retried like a GET.

        Args:
            template_id: The template's id.
            roles: Every role the template keeps, keyed by role name.
            settings: The template's settings (required by the API).
            name: A new name: letters, digits, spaces and `- . _ :` only.
            destinations: The template's destinations; omitted ones are not sent.
            plugins: The template's plugins.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The template as stored.

        Raises:
            ValueError: `name` has other characters, a documented limit is
                exceeded, or `template_id` is empty; nothing is sent.
            TypeError: A checked number has the wrong type.
            NotFoundError: No template has this id.
            BadRequestError: The API refused the body (e.g. the new name belongs
                to another template).

        Example:
            ```python
            t = hms.templates.retrieve(template_id)
            t.roles.pop("guest")
            hms.templates.update(t.id, roles=t.roles, settings=t.settings)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/update-a-template>
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
        return self._requester.request(
            "POST",
            "templates/{template_id}",
            template_id,
            json=payload,
            parse=model(Template),
            idempotent=True,
            options=request_options,
        )

    def retrieve_role(
        self,
        template_id: str,
        role_name: str,
        **request_options: Unpack[RequestOptions],
    ) -> Role:
        """Get one role of a template.

        Args:
            template_id: The template's id.
            role_name: The role's name.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The role.

        Raises:
            NotFoundError: No template has this id, or it has no such role.
            ValueError: `template_id` or `role_name` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/retrieve-a-role>
        """
        return self._requester.request(
            "GET",
            "templates/{template_id}/roles/{role_name}",
            template_id,
            role_name,
            parse=model(Role),
            options=request_options,
        )

    def update_role(
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
        **request_options: Unpack[RequestOptions],
    ) -> Role:
        """Create or replace a role of a template.

        The keyword arguments are laid over `role`; no fields at all gives the
        default role. Whether a `name` in the body renames the role is not
        documented; a role retrieved under another name carries that name, so
        clear it before reusing it elsewhere. The call is retried like a GET
        unless it renames.

        Args:
            template_id: The template's id.
            role_name: The role to create or replace.
            role: A base [Role][hms_async.models.Role] or camelCase mapping.
            name: The role's name in the body (see above).
            publish_params: What the role publishes and at which quality (a
                [PublishParams][hms_async.models.PublishParams] or its JSON):
                `allowed` among `audio`, `video`, `screen`, `simulcast`, and the
                limits listed on this class.
            subscribe_params: Whose tracks the role receives (`subscribe_to_roles`),
                its bit-rate budget and degradation settings.
            permissions: What the role may do (`end_room`, `remove_others`,
                `mute`, `unmute`, `change_role`, `poll_read`, `poll_write`, ...).
            priority: 1 (highest) to 5.
            max_peer_count: -1 (nobody may join with the role), 0 (no limit, the
                default) or the most peers with it.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The role as stored.

        Raises:
            ValueError: A documented limit is exceeded, or an id is empty;
                nothing is sent.
            TypeError: `priority` or `max_peer_count` is not an int, or another
                checked number has the wrong type.
            NotFoundError: No template has this id.
            BadRequestError: The API refused the body.

        Example:
            ```python
            hms.templates.update_role(
                template.id, "viewer", publish_params={"allowed": []}, priority=5
            )
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/create-update-role>
        """
        check_ints(priority=priority, max_peer_count=max_peer_count)
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
        return self._requester.request(
            "POST",
            "templates/{template_id}/roles/{role_name}",
            template_id,
            role_name,
            json=payload,
            parse=model(Role),
            idempotent=not renames,
            options=request_options,
        )

    def delete_role(
        self,
        template_id: str,
        role_name: str,
        **request_options: Unpack[RequestOptions],
    ) -> None:
        """Delete a role of a template.

        Never retried: a repeat answers `NotFoundError`.

        Args:
            template_id: The template's id.
            role_name: The role's name.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Raises:
            NotFoundError: No template has this id, or it has no such role
                (deleting twice raises it).
            ValueError: `template_id` or `role_name` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/delete-a-role>
        """
        self._requester.request(
            "DELETE",
            "templates/{template_id}/roles/{role_name}",
            template_id,
            role_name,
            parse=ignore,
            idempotent=False,
            options=request_options,
        )

    def retrieve_settings(
        self, template_id: str, **request_options: Unpack[RequestOptions]
    ) -> TemplateSettings:
        """Get a template's settings.

        Args:
            template_id: The template's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The settings: `region`, `recording` (`None` when no bucket is set)
                and `room_state`.

        Raises:
            NotFoundError: No template has this id.
            ValueError: `template_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/retrieve-settings>
        """
        return self._requester.request(
            "GET",
            "templates/{template_id}/settings",
            template_id,
            parse=model(TemplateSettings),
            options=request_options,
        )

    def update_settings(
        self,
        template_id: str,
        settings: TemplateSettings | JSONObject | None = None,
        *,
        region: Region | str | None = None,
        recording: TemplateRecordingSettings | JSONObject | None = None,
        room_state: RoomStateSettings | JSONObject | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> TemplateSettings:
        """Replace a template's settings.

        The keyword arguments are laid over `settings`. Storage credentials are
        sent as `secretKey` and come back as `secret`. Retried like a GET.

        Args:
            template_id: The template's id.
            settings: The base settings (a
                [TemplateSettings][hms_async.models.TemplateSettings] or its JSON).
            region: `in`, `us`, `eu` or `auto`.
            recording: Recording storage: `upload` with `type` (`s3`, `gs`, `oss`
                or `azure`), `location`, `prefix`, `options` and `credentials`.
            room_state: Room-state updates: `message_interval` a multiple of 5
                from 5 to 3600 s, `send_peer_list`, `stop_room_state_on_join`,
                `enabled`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The settings as stored.

        Raises:
            ValueError: `room_state.message_interval` is out of range or not a
                multiple of 5, or `template_id` is empty; nothing is sent.
            TypeError: `message_interval` is not a number.
            NotFoundError: No template has this id.
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/update-settings>
        """
        payload = _merge(
            settings, region=region, recording=recording, roomState=room_state
        )
        _check_settings(payload, "")
        return self._requester.request(
            "POST",
            "templates/{template_id}/settings",
            template_id,
            json=payload,
            parse=model(TemplateSettings),
            idempotent=True,
            options=request_options,
        )

    def retrieve_destinations(
        self, template_id: str, **request_options: Unpack[RequestOptions]
    ) -> TemplateDestinations:
        """Get a template's RTMP, HLS and transcription destinations.

        Args:
            template_id: The template's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The destinations, each kind a map keyed by destination name.

        Raises:
            NotFoundError: No template has this id.
            ValueError: `template_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/retrieve-destinations>
        """
        return self._requester.request(
            "GET",
            "templates/{template_id}/destinations",
            template_id,
            parse=model(TemplateDestinations),
            options=request_options,
        )

    def update_destinations(
        self,
        template_id: str,
        destinations: TemplateDestinations | JSONObject | None = None,
        *,
        rtmp_destinations: Mapping[str, TemplateRtmpDestination | JSONObject]
        | None = None,
        hls_destinations: Mapping[str, TemplateHlsDestination | JSONObject]
        | None = None,
        transcriptions: Mapping[str, TemplateTranscription | JSONObject] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> TemplateDestinations:
        """Replace a template's destinations.

        The keyword maps are laid over `destinations`. Retried like a GET.

        Args:
            template_id: The template's id.
            destinations: The base destinations (a
                [TemplateDestinations][hms_async.models.TemplateDestinations] or
                its JSON).
            rtmp_destinations: RTMP-out destinations by name: at most 3
                `rtmp_urls` each.
            hls_destinations: HLS destinations by name: `num_playlist_segments` 3
                to 150, layers with even sizes (smaller side 144 to 1080, larger
                192 to 1920), `playlist_type` `event` or `live`.
            transcriptions: Transcription destinations by name: the `role` whose
                subscriptions are transcribed, `modes` among `recorded`, `live`,
                `caption`, and the summary limits (context at most 300 characters,
                temperature 0.1 to 1.0, at most 6 sections).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The destinations as stored.

        Raises:
            ValueError: A documented limit is exceeded, or `template_id` is
                empty; nothing is sent.
            TypeError: A checked number has the wrong type.
            NotFoundError: No template has this id.
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/update-destinations>
        """
        payload = _merge(
            destinations,
            rtmpDestinations=rtmp_destinations,
            hlsDestinations=hls_destinations,
            transcriptions=transcriptions,
        )
        _check_destinations(payload, "")
        return self._requester.request(
            "POST",
            "templates/{template_id}/destinations",
            template_id,
            json=payload,
            parse=model(TemplateDestinations),
            idempotent=True,
            options=request_options,
        )

    def retrieve_recordings(
        self, template_id: str, **request_options: Unpack[RequestOptions]
    ) -> RecordingConfigs:
        """Get a template's recording configs.

        Args:
            template_id: The template's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The recording configs; flags that are false are left out by the API
                (`None` here).

        Raises:
            NotFoundError: No template has this id.
            ValueError: `template_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/configure-recordings>
        """
        return self._requester.request(
            "GET",
            "templates/{template_id}/recordings",
            template_id,
            parse=model_list(RecordingConfig, None),
            options=request_options,
        )

    def update_recordings(
        self,
        template_id: str,
        configs: ConfigsArg,
        **request_options: Unpack[RequestOptions],
    ) -> RecordingConfigs:
        """Replace a template's recording configs.

        The API takes exactly one config for now. Retried like a GET.

        Args:
            template_id: The template's id.
            configs: A list of one
                [RecordingConfig][hms_async.models.RecordingConfig] (or its
                camelCase JSON): its `name` and `role` are required; it sets
                composite, track and stream recording, thumbnails and durations.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The configs as stored.

        Raises:
            TypeError: `configs` is not a list.
            ValueError: `configs` does not hold exactly one config, or
                `template_id` is empty; nothing is sent.
            NotFoundError: No template has this id.
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/policy/configure-recordings>
        """
        _check_configs(configs)
        return self._requester.request(
            "POST",
            "templates/{template_id}/recordings",
            template_id,
            json=wire(list(configs)),
            parse=model_list(RecordingConfig, None),
            idempotent=True,
            options=request_options,
        )

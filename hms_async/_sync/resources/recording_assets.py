# Generated from hms_async/resources/recording_assets.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.recording_assets`: the files recordings produce, and download URLs.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview>
"""

from __future__ import annotations

from typing import Unpack

from hms_async._call_options import RequestOptions
from hms_async._parsers import model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models.recording_assets import (
    PresignedUrl,
    RecordingAsset,
    RecordingAssetStatus,
)
from hms_async.resources._base import check_int, check_limit
from hms_async.resources.recording_assets import _MAX_PRESIGN_SECONDS

__all__ = ["RecordingAssetsResource"]


class RecordingAssetsResource(Resource):
    """Recording assets: composites, VODs, chats, transcripts and summaries.

    Reach it as `hms.recording_assets`. An asset's `type` is one of
    `room-composite`, `room-composite-legacy`, `room-vod`, `chat`,
    `transcript`, `summary`, `track` or `stream`. 100ms storage keeps assets
    for 15 days; with your own bucket configured they go there instead.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def retrieve(
        self, asset_id: str, **request_options: Unpack[RequestOptions]
    ) -> RecordingAsset:
        """Get a recording asset by id.

        Args:
            asset_id: The asset's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The asset: its `type`, `status`, `path` in the bucket, `size` and
                `duration`, and `metadata` that depends on the type.

        Raises:
            NotFoundError: No asset has this id.
            ValueError: `asset_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/get-asset>
        """
        return self._requester.request(
            "GET",
            "recording-assets/{asset_id}",
            asset_id,
            parse=model(RecordingAsset),
            options=request_options,
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: RecordingAssetStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[RecordingAsset]:
        """List recording assets, lazily.

        Args:
            room_id: Only the assets of this room.
            session_id: Only the assets of this session.
            status: `completed` or `failed` (a
                [RecordingAssetStatus][hms_async.models.RecordingAssetStatus] or
                the string).
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of assets: `await`
                it for the first page, `for` over it for every asset.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when the first page is fetched or
                iterated).

        Example:
            ```python
            for asset in hms.recording_assets.list(session_id=session.id):
                print(asset.type, asset.path)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview>
        """
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list(
            "recording-assets",
            RecordingAsset,
            params,
            start=start,
            options=request_options,
        )

    def presigned_url(
        self,
        asset_id: str,
        *,
        presign_duration: int | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> PresignedUrl:
        """Get a short-lived URL to download the asset.

        For a `room-vod` asset the URL is a zip download, a playable CDN m3u8
        (100ms storage, unzipped), or an m3u8 that does not play (your bucket,
        unzipped). HIPAA workspaces get an error: 100ms cannot read your bucket.

        Args:
            asset_id: The asset's id.
            presign_duration: The URL's lifetime in seconds, 1 to 604800 (7 days,
                the most S3 and GCS sign for). When omitted the API's default
                applies: 3 days (9 hours on Alibaba OSS).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The URL (`url`, kept out of the repr) and its lifetime (`expiry`,
                seconds).

        Raises:
            ValueError: `presign_duration` is out of range, or `asset_id` is
                empty; nothing is sent.
            TypeError: `presign_duration` is not an int.
            NotFoundError: No asset has this id.

        Example:
            ```python
            link = hms.recording_assets.presigned_url(
                asset.id, presign_duration=600
            )
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/get-presigned-url>
        """
        check_int("presign_duration", presign_duration, 1, _MAX_PRESIGN_SECONDS)
        return self._requester.request(
            "GET",
            "recording-assets/{asset_id}/presigned-url",
            asset_id,
            params={"presign_duration": presign_duration},
            parse=model(PresignedUrl),
            options=request_options,
        )

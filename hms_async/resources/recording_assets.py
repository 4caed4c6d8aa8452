"""``hms.recording_assets``: the files recordings produce, and download URLs (§2.6)."""

from __future__ import annotations

from typing import Final

from .._pagination import AsyncPaginator
from .._requester import model, path
from ..models.recording_assets import PresignedUrl, RecordingAsset, RecordingAssetStatus
from ._base import Resource, check_limit, check_range

__all__ = ["RecordingAssetsResource"]

# Not documented by 100ms: S3 and GCS refuse to sign a URL for more than 7 days.
_MAX_PRESIGN_SECONDS: Final = 7 * 24 * 3600


class RecordingAssetsResource(Resource):
    """Recording assets: composites, VODs, chats, transcripts and summaries."""

    async def retrieve(self, asset_id: str) -> RecordingAsset:
        """Get a recording asset by id."""
        return await self._requester.request(
            "GET", path("recording-assets", asset_id), parse=model(RecordingAsset)
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: RecordingAssetStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[RecordingAsset]:
        """List recording assets, lazily; ``limit`` is the page size (10 to 100)."""
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list("recording-assets", RecordingAsset, params, start=start)

    async def presigned_url(
        self, asset_id: str, *, presign_duration: int | None = None
    ) -> PresignedUrl:
        """A short-lived URL to download the asset.

        ``presign_duration`` is the URL's lifetime in seconds (1 to 604800);
        the API's default is 3 days (9 hours on Alibaba OSS). For an
        unzipped ``room-vod`` the URL may be an m3u8 that does not play.
        """
        check_range("presign_duration", presign_duration, 1, _MAX_PRESIGN_SECONDS)
        return await self._requester.request(
            "GET",
            path("recording-assets", asset_id, "presigned-url"),
            params={"presign_duration": presign_duration},
            parse=model(PresignedUrl),
        )

"""The typed models of every API response, re-exported from one place."""

from .rooms import (
    RecordingInfo,
    Region,
    Room,
    RoomWebhook,
    StorageType,
    UploadCredentials,
    UploadInfo,
    UploadOptions,
)
from .sessions import Session, SessionPeer

__all__ = [
    "RecordingInfo",
    "Region",
    "Room",
    "RoomWebhook",
    "Session",
    "SessionPeer",
    "StorageType",
    "UploadCredentials",
    "UploadInfo",
    "UploadOptions",
]

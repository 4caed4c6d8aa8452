"""Types shared by several resource groups."""

from __future__ import annotations

import enum

__all__ = ["JobStatus"]


class JobStatus(enum.StrEnum):
    """The life of a recording, live-stream or external-stream job."""

    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"
    POST_PROCESSING = "post_processing"
    COMPLETED = "completed"
    FAILED = "failed"

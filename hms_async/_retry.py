"""How often and how long a call waits before it is sent again."""

from __future__ import annotations

import random

__all__ = ["RetryPolicy"]


class RetryPolicy:
    """How often and how long to wait before sending a call again."""

    def __init__(
        self,
        max_retries: int = 2,
        *,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        max_retry_after: float = 60.0,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self._random = random.Random()  # noqa: S311 - jitter, not security

    def __repr__(self) -> str:
        return f"<RetryPolicy max_retries={self.max_retries}>"

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before retry ``attempt`` (1-based); ``None``: give up."""
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        wait = min(self.max_backoff, self.backoff * 2.0 ** (attempt - 1))
        jitter: float = self._random.uniform(0.75, 1.0)
        return wait * jitter

"""Delivery of webhook envelopes to a loopback URL."""

from __future__ import annotations

import httpx

from ._state import State

__all__ = ["deliver"]


async def deliver(state: State) -> int:
    """POST every pending envelope to the state's webhook URL; return successes."""
    url = state.webhook_url
    pending, state.pending_webhooks = state.pending_webhooks, []
    if url is None or not pending:
        return 0
    delivered = 0
    async with httpx.AsyncClient(timeout=5.0) as client:
        for envelope in pending:
            reason = await _post(client, url, envelope)
            if reason is None:
                delivered += 1
            else:
                state.mark_delivery_failed(envelope["id"], reason)
    return delivered


async def _post(
    client: httpx.AsyncClient, url: str, envelope: dict[str, object]
) -> str | None:
    try:
        response = await client.post(url, json=envelope)
    except httpx.HTTPError as error:
        return f"delivery error: {type(error).__name__}"
    if response.status_code != 200:
        return f"endpoint returned {response.status_code}"
    return None

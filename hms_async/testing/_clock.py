"""Time and identifiers for the fake, in the formats the 100ms API uses."""

from __future__ import annotations

import random
import string
import uuid
from datetime import UTC, datetime, timedelta

__all__ = ["Clock", "IdFactory", "format_time", "parse_time"]

ZERO_TIME = "0001-01-01T00:00:00Z"


def format_time(moment: datetime) -> str:
    """Format an aware datetime like the API: RFC 3339, UTC, milliseconds, ``Z``."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    """Parse an RFC 3339 timestamp (``Z`` or offset, any fraction) into UTC."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    head, _, rest = value.partition(".")
    if rest:
        digits = "".join(ch for ch in rest if ch.isdigit())
        value = f"{head}.{digits[:6]:0<6}{rest[len(digits) :]}"
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


class Clock:
    """Wall-clock time that tests can move forward with :meth:`advance`."""

    def __init__(self) -> None:
        self._offset = timedelta()

    def now(self) -> datetime:
        """Return the fake's current time (aware, UTC)."""
        return datetime.now(UTC) + self._offset

    def stamp(self) -> str:
        """Return the current time formatted like the API."""
        return format_time(self.now())

    @property
    def offset_seconds(self) -> float:
        """How far the clock has been moved ahead of real time, in seconds."""
        return self._offset.total_seconds()

    def advance(self, seconds: float) -> None:
        """Move the fake's clock forward by ``seconds``."""
        self._offset += timedelta(seconds=seconds)


class IdFactory:
    """Makes 24-hex object ids (sortable by creation), UUIDs and room codes."""

    def __init__(self, rng: random.Random, clock: Clock) -> None:
        self._rng = rng
        self._clock = clock
        self._machine = f"{rng.getrandbits(40):010x}"
        self._counter = 0

    def object_id(self) -> str:
        """Return a new Mongo-ObjectId-like id; later ids sort after earlier ones."""
        self._counter += 1
        seconds = int(self._clock.now().timestamp())
        return f"{seconds:08x}{self._machine}{self._counter:06x}"

    def uuid(self) -> str:
        """Return a new random UUID v4 string."""
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def room_code(self) -> str:
        """Return a new room code shaped ``abc-defg-hij``."""
        parts = (
            "".join(self._rng.choices(string.ascii_lowercase, k=n)) for n in (3, 4, 3)
        )
        return "-".join(parts)

    def token(self, length: int = 16) -> str:
        """Return a random lowercase alphanumeric string."""
        alphabet = string.ascii_lowercase + string.digits
        return "".join(self._rng.choices(alphabet, k=length))

"""``hms``: the command line of hms-async (``pip install 'hms-async[cli]'``).

Resource commands (``hms rooms list``…), ``hms export KIND`` (every page to
JSON Lines or CSV, with progress and ``--resume``), ``hms tokens peer``,
``hms webhooks verify`` and ``hms fake serve``. It only calls the SDK.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """The ``hms`` console script."""
    try:
        from .app import cli
    except ModuleNotFoundError as exc:  # click or rich missing
        if exc.name not in ("click", "rich"):
            raise
        sys.stderr.write(f"hms needs {exc.name}: pip install 'hms-async[cli]'\n")
        sys.exit(1)
    cli.main(prog_name="hms")  # click's standalone mode: exit codes, EPIPE

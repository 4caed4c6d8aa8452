"""``python -m hms_async.cli``: the same as the ``hms`` console script."""

from . import main

main()

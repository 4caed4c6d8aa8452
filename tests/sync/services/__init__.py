# Generated from tests/services/__init__.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.

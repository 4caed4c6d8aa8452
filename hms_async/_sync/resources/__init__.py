# Generated from hms_async/resources/__init__.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""One service class per resource group of the API."""

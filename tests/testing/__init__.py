"""Tests of hms_async.testing, the fake 100ms service."""

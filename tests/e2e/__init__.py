"""End-to-end tests: the SDK against the fake 100ms service."""

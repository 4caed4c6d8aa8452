"""The behaviour tests, made sync by scripts/unasync.py and run against SyncHMSClient."""

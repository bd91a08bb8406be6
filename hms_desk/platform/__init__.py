"""Process-level plumbing that is not Qt: paths, settings, logging, secrets, tasks."""

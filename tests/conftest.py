from __future__ import annotations

from hypothesis import settings

# Machines are noisy: no per-example deadline. CI runs a fixed set of examples.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if __import__("os").environ.get("CI") else "default")
collect_ignore = ["typing"]  # read by mypy, never run

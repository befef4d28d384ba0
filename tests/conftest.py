from __future__ import annotations

from hypothesis import settings

# Machines are noisy: no per-example deadline. CI runs a fixed set of examples.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
# On demand, many more examples: AI_ROLES_HYPOTHESIS=thorough python -m pytest tests/
settings.register_profile("thorough", deadline=None, max_examples=2000)
_environ = __import__("os").environ
settings.load_profile(
    _environ.get("AI_ROLES_HYPOTHESIS") or ("ci" if _environ.get("CI") else "default")
)
collect_ignore = ["typing"]  # read by mypy, never run

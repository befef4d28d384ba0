"""``python -m ai_roles``: the ``ai-roles`` command."""

from __future__ import annotations

import sys

from ai_roles.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Write ``catalog.json``, the parsed form of ``catalog.toml`` that `load_catalog` reads.

``catalog.toml`` is the source, written and reviewed by hand; ``catalog.json``
is generated from it, because JSON parses several times faster than TOML and
the built-in catalog is read by every program that uses it. The JSON records
the SHA-256 of the TOML it was made from: when they differ, `load_catalog`
reads the TOML, so a stale file costs time, never a wrong answer. Run after
editing the TOML::

    python -m ai_roles.data            # rewrite catalog.json
    python -m ai_roles.data --check    # exit 1 if it is stale (the test suite does this)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ai_roles._files import atomic_write
from ai_roles.model import Catalog
from ai_roles.serialize import loads, source_digest, to_dict

HERE = Path(__file__).parent


def generated(source: Path) -> str:
    """Return the text of ``catalog.json`` for the catalog in `source` (checked as any is)."""
    data = source.read_bytes()
    catalog = loads(data, "toml", cls=Catalog, source=source.name)
    document = {"source_sha256": source_digest(data), "catalog": to_dict(catalog)}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) ``catalog.json``; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m ai_roles.data", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--source", type=Path, default=HERE / "catalog.toml")
    parser.add_argument("--out", type=Path, default=HERE / "catalog.json")
    args = parser.parse_args(argv)
    text = generated(args.source)
    current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
    if text == current:
        return 0
    if args.check:
        sys.stderr.write(f"{args.out} is stale: run python -m ai_roles.data\n")
        return 1
    atomic_write(args.out, text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

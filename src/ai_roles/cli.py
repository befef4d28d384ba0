"""The ``ai-roles`` command: the library from a shell, for people or as JSON.

Every subcommand takes ``--catalog FILE`` (default: the built-in catalog)
and ``--json``, which prints exactly `ai_roles.dumps` of the result. A
person's own skills replace a source role with ``--have python:3,sql:working``
or ``--profile FILE``.

Exit codes: 0 on success, 1 when no path exists, 2 for bad usage or bad
input (one line on standard error, with suggestions; never a traceback).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from ai_roles.advice import next_skills
from ai_roles.careers import career_path, career_paths
from ai_roles.exceptions import AIRolesError, CatalogError, NoPathError
from ai_roles.graph import to_node_link, write_graphml
from ai_roles.importers import DataWarning
from ai_roles.model import Catalog, Level, Profile, Role
from ai_roles.paths import learning_path, skill_gap
from ai_roles.pictures import to_dot, to_mermaid
from ai_roles.results import DEFAULT_METHOD, METHODS, CareerPath, LearningPath, Step
from ai_roles.serialize import dump, dumps, load, load_catalog
from ai_roles.similarity import explain, most_similar

__all__ = ["main"]

PROG = "ai-roles"
_METHODS = METHODS


class _Usage(Exception):  # noqa: N818 (a signal, not an error type users see)
    """Bad usage found after parsing: reported like argparse's errors, exit code 2."""


# --- arguments ---------------------------------------------------------------------------


def _parse_have(text: str) -> dict[str, Level]:
    """Parse ``python:3,sql:working`` into levels; a bare item means working."""
    levels: dict[str, Level] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        item, _, level = part.partition(":")
        if not item or (":" in part and not level):
            msg = f"--have: {part!r} is not item:level (e.g. python:3 or sql:working)"
            raise _Usage(msg)
        text = level.strip()
        try:
            levels[item.strip()] = Level.parse(
                int(text) if text.isdigit() else text or Level.WORKING
            )
        except ValueError:
            msg = f"--have: {text!r} in {part!r} is not a level (0-4 or its name)"
            raise _Usage(msg) from None
    if not levels:
        msg = "--have: no items given (e.g. --have python:3,sql:working)"
        raise _Usage(msg)
    return levels


def _parser() -> argparse.ArgumentParser:
    source = argparse.ArgumentParser(add_help=False)
    source.add_argument(
        "--catalog",
        metavar="FILE",
        help="a catalog file (JSON or TOML), or esco:PATH / onet:PATH for an official release;"
        " default: the built-in catalog",
    )
    common = argparse.ArgumentParser(add_help=False, parents=[source])
    common.add_argument(
        "--json", action="store_true", help="print the result as an ai_roles document"
    )
    person = argparse.ArgumentParser(add_help=False)
    group = person.add_mutually_exclusive_group()
    group.add_argument(
        "--have", metavar="ITEMS", help="your skills instead of a source role: python:3,sql:working"
    )
    group.add_argument(
        "--profile", metavar="FILE", help="your skills instead of a source role: a profile document"
    )
    optional = argparse.ArgumentParser(add_help=False)
    optional.add_argument(
        "--optional", action="store_true", help="meet the target's optional requirements too"
    )
    optional.add_argument(
        "--prefer",
        choices=("standard", "cheapest"),
        default="standard",
        help="among alternatives: the option the field uses or you hold, unless another"
        " saves much (standard, the default), or the fewest hours (cheapest)",
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Roles, skills and learning paths in AI and machine learning.",
        epilog="Roles and items are named by id, name or alias, in any case.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    roles = sub.add_parser("roles", parents=[common], help="list the roles")
    roles.add_argument("--family", help="only roles of this family")

    show = sub.add_parser("show", parents=[common], help="a role and its requirements")
    show.add_argument("role")

    similar = sub.add_parser("similar", parents=[common], help="the roles most like a role")
    similar.add_argument("role")
    similar.add_argument("-k", type=int, default=5, help="how many (default 5)")
    similar.add_argument("--method", choices=_METHODS, default=DEFAULT_METHOD)

    compare = sub.add_parser("compare", parents=[common], help="how alike two roles are, and why")
    compare.add_argument("a")
    compare.add_argument("b")
    compare.add_argument("--method", choices=_METHODS, default=DEFAULT_METHOD)

    for name, help_text in (
        ("gap", "what a source lacks of a target"),
        ("path", "the shortest learning path"),
    ):
        command = sub.add_parser(name, parents=[common, person, optional], help=help_text)
        command.add_argument(
            "roles",
            nargs="+",
            metavar="ROLE",
            help="SOURCE TARGET, or TARGET with --have/--profile",
        )
        if name == "path":
            command.add_argument("--format", choices=("table", "mermaid", "dot"), default="table")

    career = sub.add_parser(
        "career", parents=[common, person, optional], help="stepping-stone roles to a target"
    )
    career.add_argument(
        "roles", nargs="+", metavar="ROLE", help="SOURCE TARGET, or TARGET with --have/--profile"
    )
    career.add_argument(
        "--max-step-hours",
        type=float,
        default=math.inf,
        metavar="H",
        help="the most hours one move may need (default: no limit)",
    )
    career.add_argument(
        "--max-moves",
        type=int,
        default=3,
        metavar="N",
        help="the most moves the path may make (default 3)",
    )
    career.add_argument(
        "--worked-in",
        action="append",
        metavar="ROLE",
        help="with --have/--profile: a role you have worked in (repeatable)",
    )
    career.add_argument("-k", type=int, default=1, help="how many paths (default 1)")

    nxt = sub.add_parser("next", parents=[common, person, optional], help="what to learn next")
    nxt.add_argument(
        "role", nargs="?", help="a role whose profile to start from (or use --have/--profile)"
    )
    nxt.add_argument("-k", type=int, default=5, help="how many (default 5)")
    nxt.add_argument(
        "--target",
        action="append",
        metavar="ROLE",
        help="a role to get closer to (repeatable; default all)",
    )

    export = sub.add_parser("export", parents=[source], help="the catalog as a file")
    export.add_argument(
        "--format",
        required=True,
        choices=("json", "toml", "graphml", "node-link", "dot", "mermaid"),
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: standard output)"
    )

    imports = sub.add_parser(
        "import", help="read an official ESCO or O*NET release into a catalog file"
    )
    imports.add_argument("taxonomy", choices=("esco", "onet"))
    imports.add_argument("path", help="the release: a folder of its files or zips, or a zip")
    imports.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the catalog file to write (.json or .toml)",
    )

    validate = sub.add_parser("validate", help="check a catalog file and list every problem")
    validate.add_argument("file")
    return parser


# --- output -----------------------------------------------------------------------------


def _table(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    out: TextIO,
    *,
    right: Sequence[int] = (),
) -> None:
    """Print `rows` under `headers`, aligned; the `right` columns right-aligned."""
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    print(line(cells[0]), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells[1:]:
        print(line(row), file=out)


def _hours(value: float) -> str:
    return f"{value:,.0f} h" if value >= 10 else f"{value:.1f} h"


def _level(level: Level) -> str:
    return level.name.lower()


def _names(catalog: Catalog) -> dict[str, str]:
    names = {role.id: role.name for role in catalog.roles}
    names.update((item.id, item.name) for item in catalog.items)
    return names


class _Context:
    """What a subcommand needs: the catalog, the arguments, and where to write."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.catalog = _catalog(getattr(args, "catalog", None), err)

    def name(self, item_or_role: str) -> str:
        """Return the name of the role, skill or tool with this id (the id if there is none)."""
        names: dict[str, str] = self.catalog.derived("cli.names", _names)
        return names.get(item_or_role, item_or_role)

    def reason(self, step: Step) -> str:
        """Say why a step is taken, with names, and what made it cheaper."""
        reason = step.reason
        said = (
            f"required by {self.name(reason.of)}"
            if reason.kind == "required"
            else f"prerequisite of {self.name(reason.of)}"
        )
        if step.transfer_from is not None:
            said += f" (less: knows {self.name(step.transfer_from)})"
        return said

    def person(self) -> Profile | None:
        args = self.args
        if getattr(args, "have", None):  # items by id, name or alias
            return self.catalog.closure(_parse_have(args.have))
        if getattr(args, "profile", None):
            return load(args.profile, cls=Profile)
        return None

    def source_and_target(self) -> tuple[str | Role | Profile, str]:
        """Return the source (a role or the person) and the target of a SOURCE TARGET command."""
        person = self.person()
        roles = self.args.roles
        if person is not None:
            if len(roles) != 1:
                msg = f"give only the TARGET role with --have or --profile, not {len(roles)} roles"
                raise _Usage(msg)
            return person, roles[0]
        if len(roles) != 2:
            msg = "give a SOURCE and a TARGET role, or --have/--profile and a TARGET"
            raise _Usage(msg)
        return roles[0], roles[1]

    def emit(self, result: Any, show: Callable[[], None]) -> None:
        if self.args.json:
            self.out.write(dumps(result))
        else:
            show()


# --- subcommands -------------------------------------------------------------------------


def _roles(ctx: _Context) -> None:
    family = ctx.args.family
    roles = tuple(
        r for r in ctx.catalog.roles if family is None or r.family.casefold() == family.casefold()
    )
    if not roles and family is not None:
        known = ", ".join(sorted({r.family for r in ctx.catalog.roles if r.family}))
        msg = f"--family: no role of family {family!r} (families: {known})"
        raise _Usage(msg)

    def show() -> None:
        rows = [(r.id, r.name, r.family, len(r.requirements)) for r in roles]
        _table(rows, ("id", "name", "family", "requirements"), ctx.out, right=(3,))
        print(f"{len(roles)} roles", file=ctx.out)

    ctx.emit(roles, show)


def _show(ctx: _Context) -> None:
    role = ctx.catalog.role(ctx.args.role)

    def show() -> None:
        out = ctx.out
        print(f"{role.name} ({role.id})", file=out)
        for label, text in (("Summary", role.summary), ("Why it matters", role.why)):
            if text:
                print(f"\n{label}: {text}", file=out)
        if role.responsibilities:
            print("\nResponsibilities:", file=out)
            for item in role.responsibilities:
                print(f"  - {item}", file=out)
        print(file=out)
        rows = [
            (
                " / ".join(ctx.name(o) for o in r.options),
                _level(r.level),
                f"{r.importance:.2f}",
                "yes" if r.essential else "no",
            )
            for r in role.requirements
        ]
        _table(rows, ("requirement", "level", "importance", "essential"), out, right=(2,))
        links = ", ".join(f"{k}: {v}" for k, v in role.external_ids.items())
        if links:
            print(f"\nLinks: {links}", file=out)

    ctx.emit(role, show)


def _similar(ctx: _Context) -> None:
    args = ctx.args
    matches = most_similar(ctx.catalog, args.role, k=args.k, method=args.method)
    role = ctx.catalog.role(args.role)

    def show() -> None:
        print(f"Roles most like {role.name} ({args.method}):", file=ctx.out)
        rows = [(i, ctx.name(m.role), f"{m.score:.3f}") for i, m in enumerate(matches, 1)]
        _table(rows, ("#", "role", "score"), ctx.out, right=(0, 2))

    ctx.emit(matches, show)


def _compare(ctx: _Context) -> None:
    args = ctx.args
    e = explain(ctx.catalog, args.a, args.b, method=args.method)

    def show() -> None:
        out = ctx.out
        print(f"{ctx.name(e.a)} vs {ctx.name(e.b)} ({e.method}): {e.score:.3f}\n", file=out)
        if e.parts:
            parts = ", ".join(f"{part} {share:.3f}" for part, share in e.parts.items())
            print(f"from {parts}\n", file=out)
        ranked = sorted(e.contributions.items(), key=lambda kv: (-kv[1], kv[0]))
        rows = [(ctx.name(item), f"{share:.3f}") for item, share in ranked]
        words = sorted(e.words.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        rows += [(f'"{word}"', f"{share:.3f}") for word, share in words]
        _table(rows, ("shared item or word", "contribution"), out, right=(1,))
        width = max([len("shared item or word"), *(len(r[0]) for r in rows)])
        print(f"{'total':<{width}}  {e.score:.3f}", file=out)
        for label, items in (
            (f"only {ctx.name(e.a)}", e.only_a),
            (f"only {ctx.name(e.b)}", e.only_b),
        ):
            if items and e.method != "text":
                print(f"\n{label}: " + ", ".join(ctx.name(i) for i in items), file=out)

    ctx.emit(e, show)


def _gap(ctx: _Context) -> None:
    source, target = ctx.source_and_target()
    gaps = skill_gap(
        ctx.catalog, source, target, include_optional=ctx.args.optional, prefer=ctx.args.prefer
    )

    def show() -> None:
        rows = [(ctx.name(g.item), _level(g.have), _level(g.need), _hours(g.hours)) for g in gaps]
        _table(rows, ("item", "have", "need", "hours"), ctx.out, right=(3,))
        print(
            f"{len(gaps)} gaps, {_hours(math.fsum(g.hours for g in gaps))} without prerequisites",
            file=ctx.out,
        )

    ctx.emit(gaps, show)


def _print_path(ctx: _Context, path: LearningPath) -> None:
    rows = [
        (
            i,
            ctx.name(s.item),
            _level(s.from_level),
            _level(s.to_level),
            _hours(s.hours),
            ctx.reason(s),
        )
        for i, s in enumerate(path.steps, 1)
    ]
    _table(rows, ("#", "learn", "from", "to", "hours", "why"), ctx.out, right=(0, 4))
    for c in path.chosen:
        options = " / ".join(ctx.name(o) for o in c.options)
        print(f"for {options}: {ctx.name(c.option)}", file=ctx.out)
    if path.carried:
        print("already met: " + ", ".join(ctx.name(i) for i in path.carried), file=ctx.out)
    print(f"total: {_hours(path.total_hours)} in {len(path.steps)} steps", file=ctx.out)


def _path(ctx: _Context) -> None:
    source, target = ctx.source_and_target()
    path = learning_path(
        ctx.catalog, source, target, include_optional=ctx.args.optional, prefer=ctx.args.prefer
    )
    if ctx.args.format != "table" and not ctx.args.json:
        picture = to_dot if ctx.args.format == "dot" else to_mermaid
        ctx.out.write(picture(ctx.catalog, path))
        return

    def show() -> None:
        start = ctx.name(path.source) if path.source else "your profile"
        print(f"From {start} to {ctx.name(path.target)}:\n", file=ctx.out)
        _print_path(ctx, path)

    ctx.emit(path, show)


def _career(ctx: _Context) -> None:
    source, target = ctx.source_and_target()
    args = ctx.args
    options = {
        "max_step_hours": args.max_step_hours,
        "max_moves": args.max_moves,
        "worked_in": args.worked_in or (),
        "include_optional": args.optional,
        "prefer": args.prefer,
    }
    found: tuple[CareerPath, ...]
    if args.k == 1:
        found = (career_path(ctx.catalog, source, target, **options),)
    else:
        found = career_paths(ctx.catalog, source, target, k=args.k, **options)

    def show() -> None:
        for number, career in enumerate(found, 1):
            if len(found) > 1:
                print(f"Path {number} of {len(found)}:", file=ctx.out)
            names = [ctx.name(r) for r in career.roles]
            if career.legs and career.legs[0].source is None:
                names.insert(0, "your profile")
            print(" -> ".join(names), file=ctx.out)
            rows = [
                (
                    i,
                    ctx.name(leg.target),
                    len(leg.steps),
                    _hours(leg.total_hours),
                    len(leg.carried),
                )
                for i, leg in enumerate(career.legs, 1)
            ]
            _table(
                rows,
                ("move", "into", "steps", "hours", "already met"),
                ctx.out,
                right=(0, 2, 3, 4),
            )
            print(f"total: {_hours(career.total_hours)}\n", file=ctx.out)

    ctx.emit(found[0] if args.k == 1 else found, show)


def _next(ctx: _Context) -> None:
    args = ctx.args
    person = ctx.person()
    if person is not None and args.role:
        msg = "give a ROLE or --have/--profile, not both"
        raise _Usage(msg)
    if person is None and not args.role:
        msg = "give your skills with --have or --profile, or a ROLE to start from"
        raise _Usage(msg)
    source: str | Profile = person if person is not None else args.role
    suggestions = next_skills(
        ctx.catalog,
        source,
        k=args.k,
        targets=args.target,
        include_optional=args.optional,
        prefer=args.prefer,
    )

    def show() -> None:
        rows = [
            (
                ctx.name(s.item),
                _level(s.level),
                _hours(s.hours),
                len(s.saved),
                _hours(math.fsum(s.saved.values())),
            )
            for s in suggestions
        ]
        _table(
            rows, ("learn", "to", "hours", "roles closer", "hours saved"), ctx.out, right=(2, 3, 4)
        )

    ctx.emit(suggestions, show)


def _export(ctx: _Context) -> None:
    args = ctx.args
    catalog = ctx.catalog
    fmt = args.format
    if fmt == "graphml":
        target = Path(args.output) if args.output else None
        if target is not None:
            write_graphml(catalog, target)
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "catalog.graphml"
            write_graphml(catalog, path)
            ctx.out.write(path.read_text(encoding="utf-8"))
        return
    if fmt in {"json", "toml"}:
        text = dumps(catalog, fmt)
    elif fmt == "node-link":
        import json  # noqa: PLC0415

        text = (
            json.dumps(to_node_link(catalog), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        )
    elif fmt == "dot":
        text = to_dot(catalog)
    else:
        text = to_mermaid(catalog)
    if args.output:
        from ai_roles._files import atomic_write  # noqa: PLC0415

        atomic_write(args.output, text)
    else:
        ctx.out.write(text)


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        catalog = load_catalog(args.file)
    except CatalogError as e:
        print(
            f"{args.file}: {len(e.problems)} problem{'s' if len(e.problems) != 1 else ''}", file=out
        )
        for problem in e.problems:
            print(f"  {problem}", file=out)
        return 2
    items = f"{len(catalog.skills)} skills, {len(catalog.tools)} tools"
    print(f"{args.file}: valid: {len(catalog.roles)} roles, {items}", file=out)
    return 0


def _catalog(spec: str | None, err: TextIO) -> Catalog:
    """Load the built-in catalog, a catalog file, or an official release (``esco:PATH``)."""
    if spec is None:
        return load_catalog()
    taxonomy, _, path = spec.partition(":")
    if taxonomy in {"esco", "onet"} and path:
        return _import(taxonomy, path, err)
    return load_catalog(spec)


def _import(taxonomy: str, path: str, err: TextIO) -> Catalog:
    """Import a release, with a progress bar when standard error is a terminal."""
    from ai_roles.importers import esco, onet  # noqa: PLC0415 (only when asked for)

    progress = _ProgressBar(err, taxonomy) if err.isatty() else None
    importer = esco.load if taxonomy == "esco" else onet.load
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        catalog: Catalog = importer(path, progress=progress)
    if progress is not None:
        progress.done()
    for warning in caught:
        print(f"{PROG}: note: {warning.message}", file=err)
    return catalog


class _ProgressBar:
    """A one-line bar on a terminal: ``esco [#########-----]  60% skills_en.csv``."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label

    def __call__(self, name: str, share: float) -> None:
        filled = round(share * 30)
        bar = "#" * filled + "-" * (30 - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {name[:40]:<40}")
        self.stream.flush()

    def done(self) -> None:
        self.stream.write("\r" + " " * 90 + "\r")
        self.stream.flush()


def _import_command(ctx: _Context) -> None:
    if Path(ctx.args.output).suffix.lower() not in {".json", ".toml"}:  # before the long read
        msg = f"-o: {ctx.args.output!r} must end in .json or .toml"
        raise _Usage(msg)
    catalog = _import(ctx.args.taxonomy, ctx.args.path, ctx.err)
    dump(catalog, ctx.args.output)
    counts = f"{len(catalog.roles)} roles, {len(catalog.skills)} skills, {len(catalog.tools)} tools"
    print(f"{ctx.args.output}: {counts}", file=ctx.out)


_COMMANDS: dict[str, Callable[[_Context], None]] = {
    "career": _career,
    "compare": _compare,
    "export": _export,
    "gap": _gap,
    "import": _import_command,
    "next": _next,
    "path": _path,
    "roles": _roles,
    "show": _show,
    "similar": _similar,
}


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the ``ai-roles`` command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Examples
    --------
    >>> main(["similar", "MLOps Engineer", "-k", "2"])
    Roles most like MLOps Engineer (hybrid):
    #  role                       score
    -  -------------------------  -----
    1  ML Platform Engineer       0.249
    2  Machine Learning Engineer  0.246
    0
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # argparse has printed its message or the help
        return int(e.code or 0)
    try:
        if args.command == "validate":
            return _validate(args, out)
        _COMMANDS[args.command](_Context(args, out, err))
    except BrokenPipeError:  # pragma: no cover (e.g. piped into head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (_Usage, AIRolesError, OSError) as e:
        code, message = _failure(e)
        print(message, file=err)
        return code
    return 0


def _failure(error: Exception) -> tuple[int, str]:
    """Return the exit code and the line to print for `error`."""
    if isinstance(error, NoPathError):  # said in the command's words, not the function's
        message = str(error).replace("max_step_hours >=", "--max-step-hours")
        message = message.replace(" has a move of more", " (--max-moves) has a move of more")
        return 1, f"{PROG}: {message}"
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return 2, f"{PROG}: error: {error.strerror or error}{where}"
    return 2, f"{PROG}: error: {error}"  # the message says what is wrong and where

"""Documents: catalogs and results to and from dicts, JSON and TOML.

One `cattrs` converter, configured for the model, serves everything. Every
document is a mapping that carries its schema and its kind::

    {"schema": "ai-roles/1", "kind": "catalog", "name": ..., "roles": [...], ...}

Both are required on input. A `Tool`, which has a ``kind`` of its own, keeps
its fields under the key ``"tool"``. A newer major version is refused with
`SchemaVersionError`. Levels are written as numbers and read as numbers or
names; fields at their default are left out; output is deterministic (same
object, same bytes).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

import attrs
import cattrs
import numpy as np
import tomli_w
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from ai_roles._files import atomic_write
from ai_roles._frozendict import FrozenDict
from ai_roles._schema import SCHEMA, check_schema
from ai_roles.exceptions import ArgumentError, CatalogError
from ai_roles.model import (
    Catalog,
    EffortModel,
    Level,
    Prerequisite,
    Profile,
    Related,
    Requirement,
    Role,
    Seniority,
    Skill,
    Tool,
)
from ai_roles.results import (
    CareerPath,
    Choice,
    Explanation,
    Gap,
    LearningPath,
    Match,
    Reason,
    SimilarityMatrix,
    Step,
    Suggestion,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover (exercised on Python 3.10 only)
    import tomli as tomllib

__all__ = [
    "KINDS",
    "SCHEMA",
    "Format",
    "converter",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "load_catalog",
    "loads",
    "to_dict",
]


Format = Literal["json", "toml"]
T = TypeVar("T")

KINDS: dict[str, type[Any]] = {
    "catalog": Catalog,
    "effort-model": EffortModel,
    "prerequisite": Prerequisite,
    "related": Related,
    "profile": Profile,
    "requirement": Requirement,
    "role": Role,
    "skill": Skill,
    "tool": Tool,
    # analysis results
    "career-path": CareerPath,
    "choice": Choice,
    "explanation": Explanation,
    "gap": Gap,
    "learning-path": LearningPath,
    "match": Match,
    "similarity-matrix": SimilarityMatrix,
    "reason": Reason,
    "step": Step,
    "suggestion": Suggestion,
}
"""Each document kind and the class it holds. A ``"list"`` document holds
several, as ``items`` (what `most_similar`, `skill_gap` and `next_skills` return)."""

_KIND_OF = {cls: kind for kind, cls in KINDS.items()}


# --- the converter ---------------------------------------------------------------------


def _strict(expected: type[Any], name: str) -> Any:
    def structure(value: Any, _: type[Any]) -> Any:
        if isinstance(value, bool) and expected is not bool:
            msg = f"{value!r} is not {name}"
            raise TypeError(msg)
        if not isinstance(value, expected):
            msg = f"{value!r} is not {name}"
            raise TypeError(msg)
        return value

    return structure


def _structure_float(value: Any, _: type[Any]) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"{value!r} is not a number"
        raise TypeError(msg)
    return float(value)


def _structure_options(value: Any, _: type[Any]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)):
        msg = f"{value!r} is not a list"
        raise TypeError(msg)
    for i, option in enumerate(value):
        if not isinstance(option, str):
            msg = f"[{i}]: {option!r} is not a string"
            raise TypeError(msg)
    return tuple(value)


def _is_array(kind: Any) -> bool:
    return getattr(kind, "__origin__", kind) is np.ndarray


def _structure_matrix(value: Any, _: type[Any]) -> Any:
    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        msg = f"{value!r} is not a list of rows"
        raise TypeError(msg)
    for row in value:
        for x in row:
            _structure_float(x, float)
    return np.array(value, dtype=np.float64)


def _structure_level(value: Any, _: type[Any]) -> Level:
    return Level.parse(value)


def _structure_seniority(value: Any, _: type[Any]) -> Seniority:
    return Seniority.parse(value)


def _is_frozendict(kind: Any) -> bool:
    return getattr(kind, "__origin__", kind) is FrozenDict


def _is_sequence_type(kind: Any) -> bool:
    return getattr(kind, "__origin__", None) is tuple and kind.__args__[-1:] == (Ellipsis,)


def _validated(conv: cattrs.Converter, attribute: attrs.Attribute[Any], hook: Any = None) -> Any:
    """Structure a field, then run its converter and validator: errors name the field."""

    def structure(value: Any, kind: Any) -> Any:
        result = hook(value, kind) if hook else conv.structure(value, kind)
        converter: Any = attribute.converter
        validator: Any = attribute.validator
        converted = converter(result) if callable(converter) else result
        if validator is not None:
            try:
                validator(None, attribute, converted)
            except (TypeError, ValueError) as e:
                message = str(e.args[0]).removeprefix(f"{attribute.name}: ")
                raise type(e)(message) from None
            except AttributeError:  # it compares with other fields: checked as the object is made
                pass
        return result

    return structure


def _model_hook(conv: cattrs.Converter, cls: type[Any], *, diagnostic: bool) -> Any:
    overrides: dict[str, Any] = {}
    for attribute in attrs.fields(attrs.resolve_types(cls)):
        hook = _structure_options if attribute.name == "options" else None
        if diagnostic and attribute.init and (attribute.validator is not None or hook):
            overrides[attribute.name] = override(struct_hook=_validated(conv, attribute, hook))
        elif hook:
            overrides[attribute.name] = override(struct_hook=hook)
    inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **overrides)

    def structure(value: Any, _: type[Any]) -> Any:
        if not isinstance(value, Mapping):
            msg = f"{value!r} is not a table of fields"
            raise TypeError(msg)
        return inner(value, cls)

    return structure


def _make_converter(*, diagnostic: bool) -> cattrs.Converter:
    """Make the package converter, or (`diagnostic`) the one that locates every problem.

    Documents are structured by the fast converter first; only when that
    fails does the diagnostic one run again, checking each field as it goes
    so that every problem is reported with its path.
    """
    conv = make_converter(
        omit_if_default=True, forbid_extra_keys=True, detailed_validation=diagnostic
    )

    def structure_mapping(value: Any, kind: type[Any]) -> FrozenDict[str, Any]:
        if not isinstance(value, Mapping):
            msg = f"{value!r} is not a table of values"
            raise TypeError(msg)
        (value_type,) = kind.__args__[1:] if hasattr(kind, "__args__") else (str,)
        result: dict[str, Any] = {}
        for key, item in value.items():
            try:
                result[key] = conv.structure(item, value_type)
            except (TypeError, ValueError) as e:
                raise type(e)(f"{key!r}: {e}") from None
        return FrozenDict(result)

    def structure_sequence(value: Any, kind: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            msg = f"{value!r} is not a list"
            raise TypeError(msg)
        return conv._structure_tuple(value, kind)  # noqa: SLF001 (cattrs' own, with indices in errors)

    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook_func(_is_sequence_type, structure_sequence)
    conv.register_structure_hook(Level, _structure_level)
    conv.register_unstructure_hook(Level, int)
    conv.register_structure_hook(Seniority, _structure_seniority)
    conv.register_unstructure_hook(Seniority, lambda s: s.name.lower())
    conv.register_structure_hook_func(_is_frozendict, structure_mapping)
    conv.register_unstructure_hook_func(
        _is_frozendict, lambda d: {k: conv.unstructure(v) for k, v in d.items()}
    )
    conv.register_unstructure_hook(tuple, lambda t: [conv.unstructure(v) for v in t])
    conv.register_unstructure_hook_func(_is_array, lambda a: a.tolist())
    conv.register_structure_hook_func(_is_array, _structure_matrix)
    for cls in KINDS.values():
        conv.register_structure_hook(cls, _model_hook(conv, cls, diagnostic=diagnostic))
    conv.register_unstructure_hook(
        Catalog,
        make_dict_unstructure_fn(
            Catalog, conv, _cattrs_omit_if_default=True, _cache=override(omit=True)
        ),
    )
    return conv


converter = _make_converter(diagnostic=False)
"""The package's `cattrs` converter (JSON-ready; levels as numbers, defaults omitted)."""

_diagnostic = _make_converter(diagnostic=True)


# --- dicts ----------------------------------------------------------------------------


def to_dict(obj: Any) -> dict[str, Any]:
    """Return `obj` as a document: a plain dict with its schema and kind.

    Parameters
    ----------
    obj : Catalog, Role, Skill, Tool, Profile, ... or an analysis result
        Any object of a kind listed in `KINDS`.

    Returns
    -------
    dict
        JSON- and TOML-ready: strings, numbers, booleans, lists and dicts only.

    Raises
    ------
    TypeError
        If `obj` is not of a serialisable kind.

    Examples
    --------
    >>> from ai_roles import Skill, to_dict
    >>> to_dict(Skill(id="sql", name="SQL", hours=30))
    {'schema': 'ai-roles/1', 'kind': 'skill', 'id': 'sql', 'name': 'SQL', 'hours': 30.0}
    """
    if isinstance(obj, (tuple, list)):
        return {"schema": SCHEMA, "kind": "list", "items": [_document(x) for x in obj]}
    return {"schema": SCHEMA, **_document(obj)}


def _document(obj: Any) -> dict[str, Any]:
    """Return `obj` as a document without its schema."""
    kind = _KIND_OF.get(type(obj))
    if kind is None:
        msg = f"{type(obj).__name__} objects are not ai_roles documents"
        raise TypeError(msg)
    body = converter.unstructure(obj)
    return {"kind": kind, kind: body} if _nested(type(obj)) else {"kind": kind, **body}


def _nested(cls: type[Any]) -> bool:
    """Whether documents of `cls` hold its fields under the kind's name.

    A class with a field called ``kind`` or ``schema`` (a `Tool` has a
    ``kind``) cannot spread its fields beside the document's own.
    """
    return any(a.name in {"schema", "kind"} for a in attrs.fields(cls))


@overload
def from_dict(data: Any, cls: type[T], *, source: str = "") -> T: ...
@overload
def from_dict(data: Any, cls: None = None, *, source: str = "") -> Any: ...
def from_dict(data: Any, cls: type[T] | None = None, *, source: str = "") -> Any:
    """Rebuild the object a document holds.

    Parameters
    ----------
    data : mapping
        A document as `to_dict` makes it, with ``"schema"`` and ``"kind"``.
    cls : type or None, optional (default = None)
        Insist on this class; by default the document's kind decides.
    source : str, optional (default = "")
        Where the document comes from, for error messages.

    Raises
    ------
    SchemaVersionError
        If the schema is missing, foreign or of a newer major version.
    CatalogError
        For everything else that is wrong, each problem with its location.

    Examples
    --------
    >>> from ai_roles import from_dict
    >>> from_dict({"schema": "ai-roles/1", "kind": "profile", "levels": {"python": 3}})
    Profile(levels=FrozenDict({'python': <Level.PRACTITIONER: 3>}))
    """
    if not isinstance(data, Mapping):
        raise CatalogError(
            [f"(document): {type(data).__name__} is not a document (a mapping)"], source
        )
    check_schema(data.get("schema"), "schema", source)
    if data.get("kind") == "list":
        if cls not in {None, tuple}:
            expected = _KIND_OF.get(cls, getattr(cls, "__name__", cls))
            raise CatalogError([f"kind: 'list' is not {expected!r}"], source)
        items = data.get("items")
        if set(data) != {"schema", "kind", "items"} or not isinstance(items, list):
            raise CatalogError(
                ["(document): a list document holds a list of documents as 'items'"], source
            )
        problems: list[str] = []
        result = []
        for i, item in enumerate(items):
            try:
                result.append(_from_document(item, None, f"items[{i}]."))
            except CatalogError as e:
                problems.extend(e.problems)
        if problems:
            raise CatalogError(problems, source)
        return tuple(result)
    try:
        return _from_document(data, cls, "")
    except CatalogError as e:
        raise CatalogError(e.problems, source) from None


def _from_document(data: Any, cls: type[Any] | None, where: str) -> Any:
    """Structure one document (its schema checked already); problems start with `where`."""
    if not isinstance(data, Mapping):
        raise CatalogError(
            [f"{where or '(document)'}: {type(data).__name__} is not a document (a mapping)"]
        )
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise CatalogError([f"{where}kind: {kind!r} is not a kind of document ({known})"])
    target = KINDS[kind]
    if cls is not None and not issubclass(target, cls):
        expected = _KIND_OF.get(cls, cls.__name__)
        raise CatalogError([f"{where}kind: {kind!r} is not {expected!r}"])
    body = {k: v for k, v in data.items() if k not in {"schema", "kind"}}
    if _nested(target):
        if set(body) != {kind}:
            raise CatalogError(
                [f"{where or '(document)'}: a {kind} document holds its fields under {kind!r}"]
            )
        body = body[kind]
    try:
        return converter.structure(body, target)
    except Exception as e:  # noqa: BLE001 (whatever failed, find and locate every problem)
        failure = e
    try:
        _diagnostic.structure(body, target)
    except cattrs.ClassValidationError as e:
        # The fields were fine, but the catalog's checks across objects were not.
        if len(e.exceptions) == 1 and isinstance(e.exceptions[0], CatalogError):
            raise CatalogError([where + p for p in e.exceptions[0].problems]) from None
        problems = cattrs.transform_error(e, path="$", format_exception=_describe)
        raise CatalogError([_located(p, where) for p in problems]) from None
    except (cattrs.BaseValidationError, ValueError, TypeError) as e:
        problems = cattrs.transform_error(e, path="$", format_exception=_describe)
        raise CatalogError([_located(p, where) for p in problems]) from None
    raise failure  # pragma: no cover (only if the two converters disagreed)


def _describe(exc: BaseException, _: type[Any] | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown field " + ", ".join(repr(k) for k in sorted(exc.extra_fields))
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, CatalogError):
        return "; ".join(exc.problems)
    message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return message or type(exc).__name__


_PROBLEM_RE = re.compile(r"(?s)(?:(?P<field>[a-z_]+): )?(?P<message>.*) @ \$(?P<path>.*)")


def _located(problem: str, where: str = "") -> str:
    """Turn cattrs' ``"msg @ $.a[1]"`` into our ``"a[1]: msg"``, after `where`."""
    match = _PROBLEM_RE.fullmatch(problem)
    if match is None:  # pragma: no cover (transform_error always appends the path)
        return where + problem
    path = match["path"].removeprefix(".")
    if match["field"]:
        path = f"{path}.{match['field']}" if path else match["field"]
    if not path:
        return f"{where.removesuffix('.') or '(document)'}: {match['message']}"
    return f"{where}{path}: {match['message']}"


# --- text -----------------------------------------------------------------------------


def dumps(obj: Any, format: Format = "json") -> str:  # noqa: A002 (the natural name)
    """Return `obj` as a JSON or TOML document.

    Deterministic: the same object gives the same text. JSON is indented by
    two spaces with sorted keys; TOML keeps the fields in model order.

    Raises
    ------
    ArgumentError
        If `format` is neither ``"json"`` nor ``"toml"``.

    Examples
    --------
    >>> from ai_roles import Profile, dumps
    >>> print(dumps(Profile(levels={"python": 3}), "toml"))
    schema = "ai-roles/1"
    kind = "profile"
    <BLANKLINE>
    [levels]
    python = 3
    <BLANKLINE>
    """
    document = to_dict(obj)
    fmt = _check_format(format)
    if fmt == "json":
        return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    return tomli_w.dumps(document)


@overload
def loads(
    text: str | bytes,
    format: Format = "json",
    *,
    cls: type[T],
    source: str = "",
) -> T: ...
@overload
def loads(
    text: str | bytes,
    format: Format = "json",
    *,
    cls: None = None,
    source: str = "",
) -> Any: ...
def loads(
    text: str | bytes,
    format: Format = "json",  # noqa: A002
    *,
    cls: type[T] | None = None,
    source: str = "",
) -> Any:
    """Rebuild the object a JSON or TOML document holds.

    Parameters
    ----------
    text : str or bytes
        The document (bytes are decoded as UTF-8).
    format : {"json", "toml"}, optional (default = "json")
    cls : type or None, optional (default = None)
        Insist on a class; by default the document's kind decides.
    source : str, optional (default = "")
        Where the text comes from, for error messages.

    Raises
    ------
    CatalogError
        If the text is not JSON/TOML or the document is not valid; every
        problem is listed with its location.
    SchemaVersionError
        If the schema is missing, foreign or newer.

    Examples
    --------
    >>> from ai_roles import Skill, dumps, loads
    >>> s = Skill(id="sql", name="SQL")
    >>> loads(dumps(s)) == s
    True
    """
    fmt = _check_format(format)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise CatalogError([f"byte {e.start}: not UTF-8 text"], source) from None
    try:
        data = (
            json.loads(text, parse_constant=_reject_constant)
            if fmt == "json"
            else tomllib.loads(text)
        )
    except RecursionError:
        raise CatalogError([f"not {fmt.upper()}: nested too deeply"], source) from None
    except json.JSONDecodeError as e:
        raise CatalogError(
            [f"line {e.lineno}, column {e.colno}: not JSON: {e.msg}"], source
        ) from None
    except ValueError as e:  # tomllib.TOMLDecodeError and the rejected constants
        raise CatalogError([f"not {fmt.upper()}: {e}"], source) from None
    return from_dict(data, cls, source=source)


def _reject_constant(name: str) -> float:
    msg = f"{name} is not a number JSON allows"
    raise ValueError(msg)


def _check_format(format: str) -> Format:  # noqa: A002
    if format == "json":
        return "json"
    if format == "toml":
        return "toml"
    msg = f"format: {format!r} is not 'json' or 'toml'"
    raise ArgumentError(msg)


def _format_of(path: Path, format: str | None) -> Format:  # noqa: A002
    if format is not None:
        return _check_format(format)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in {"json", "toml"}:
        msg = f"format: cannot tell it from {path.name!r}; pass format='json' or 'toml'"
        raise ArgumentError(msg)
    return _check_format(suffix)


# --- files ----------------------------------------------------------------------------


def dump(obj: Any, path: str | os.PathLike[str], format: Format | None = None) -> None:  # noqa: A002
    """Write `obj` as a document to `path`, atomically.

    The text is made first and written to a temporary file beside `path`,
    which then replaces it: a failure leaves `path` as it was.

    Parameters
    ----------
    obj : Catalog or any other kind of document
    path : str or path
    format : {"json", "toml"} or None, optional (default = None)
        By default taken from the suffix of `path`.
    """
    target = Path(path)
    atomic_write(target, dumps(obj, _format_of(target, format)))


@overload
def load(
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    cls: type[T],
) -> T: ...
@overload
def load(
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    cls: None = None,
) -> Any: ...
def load(
    path: str | os.PathLike[str],
    format: Format | None = None,  # noqa: A002
    *,
    cls: type[T] | None = None,
) -> Any:
    """Read the document in `path` and rebuild the object it holds.

    Parameters
    ----------
    path : str or path
    format : {"json", "toml"} or None, optional (default = None)
        By default taken from the suffix of `path`.
    cls : type or None, optional (default = None)
        Insist on a class; by default the document's kind decides.

    Raises
    ------
    CatalogError, SchemaVersionError
        As `loads`, the file named in the message.
    OSError
        If the file cannot be read.
    """
    target = Path(path)
    fmt = _format_of(target, format)
    return loads(target.read_bytes(), fmt, cls=cls, source=str(target))


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Return the built-in catalog, or the catalog in the file `path`.

    The built-in catalog is read once and shared (catalogs are immutable).

    Raises
    ------
    CatalogError
        If the file holds no valid catalog (or another kind of document).

    Examples
    --------
    >>> from ai_roles import load_catalog
    >>> load_catalog().role("Data Scientist").id
    'data-scientist'
    """
    if path is None:
        return _builtin_catalog()
    return load(path, cls=Catalog)


@functools.cache
def _builtin_catalog() -> Catalog:
    """Read the built-in catalog: its parsed JSON form when that matches the TOML source.

    ``catalog.json`` (written by ``python -m ai_roles.data``) holds the
    catalog's document and the SHA-256 of the ``catalog.toml`` it was made
    from; JSON parses several times faster than TOML. Should it be stale or
    missing, the TOML is read instead, so the answer never depends on it.
    """
    files = resources.files("ai_roles.data")
    source = files.joinpath("catalog.toml").read_bytes()
    try:
        cached = json.loads(files.joinpath("catalog.json").read_bytes())
    except (OSError, ValueError):
        cached = None
    if isinstance(cached, dict) and cached.get("source_sha256") == source_digest(source):
        return from_dict(cached["catalog"], Catalog, source="ai_roles/data/catalog.json")
    return loads(source, "toml", cls=Catalog, source="ai_roles/data/catalog.toml")


def source_digest(source: bytes) -> str:
    """Return the SHA-256 of the built-in catalog's TOML source, as ``catalog.json`` records it."""
    return hashlib.sha256(source).hexdigest()

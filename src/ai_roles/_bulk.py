"""Making tens of thousands of model objects fast: for the importers.

An official release becomes about 100,000 objects. Two costs dominate once
the files are read, and neither buys anything there: the per-field
converters and validators (the importers build or check every value
themselves), and cyclic garbage collections set off by the allocations (the
objects live on and hold no reference cycles).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import attrs

__all__ = ["paused_gc", "unchecked"]

T = TypeVar("T")

_MAKERS: dict[type, Callable[..., Any]] = {}


def unchecked(cls: type[T], /, **values: Any) -> T:
    """Return an instance of the attrs class `cls` holding `values` exactly as given.

    No converter, validator or ``__attrs_post_init__`` runs, so each value
    must already be what the constructor would store: tuples, a `FrozenDict`,
    floats, a `Level`, text that passes its checks. Every field must be
    given, by its name (not an attrs alias), including fields the
    constructor does not take (``init=False``). The importers' tests
    check that `attrs.evolve`, which validates, leaves each object they make
    unchanged; a `Catalog` of such objects still runs every cross-object check.

    Raises
    ------
    TypeError
        If a field is missing or `values` names one `cls` lacks.

    Examples
    --------
    >>> from ai_roles.model import Level, Prerequisite
    >>> unchecked(Prerequisite, item="docker", level=Level.WORKING)
    Prerequisite(item='docker', level=<Level.WORKING: 2>)
    """
    maker = _MAKERS.get(cls)
    if maker is None:
        maker = _MAKERS[cls] = _maker(cls)
    return maker(**values)  # type: ignore[no-any-return]


def _maker(cls: type) -> Callable[..., Any]:
    """Write, as attrs writes ``__init__``, a function making `cls` from one keyword per field.

    Each value goes straight into its slot, through the slot's descriptor.
    """
    names = [a.name for a in attrs.fields(cls)]
    # Its own names start with "__bulk_", so that no field name can shadow them.
    scope: dict[str, Any] = {"__bulk_new": object.__new__, "__bulk_cls": cls}
    lines = [f"def make(*, {', '.join(names)}):", "    __bulk_obj = __bulk_new(__bulk_cls)"]
    for number, name in enumerate(names):
        scope[f"__bulk_set_{number}"] = getattr(cls, name).__set__
        lines.append(f"    __bulk_set_{number}(__bulk_obj, {name})")
    lines.append("    return __bulk_obj")
    exec("\n".join(lines), scope)  # noqa: S102 (the text is made of attrs field names only)
    maker: Callable[..., Any] = scope["make"]
    maker.__qualname__ = f"unchecked.<{cls.__name__}>"
    return maker


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while the block runs; restore it however it ends.

    Reference counting still frees every object as usual: only the periodic
    sweeps for reference cycles wait, which a bulk load would otherwise set
    off every few hundred allocations, each walking every object made so far.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

"""Making tens of thousands of model objects fast: for the importers.

An official release becomes about 100,000 objects. Two costs dominate once
the files are read, and neither buys anything there: the per-field
converters and validators (the importers build or check every value
themselves), and cyclic garbage collections set off by the allocations (the
objects live on and hold no reference cycles).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import attrs

__all__ = ["paused_gc", "unchecked"]

T = TypeVar("T")

_WIDTHS: dict[type, int] = {}


def unchecked(cls: type[T], **values: Any) -> T:
    """Return an instance of the attrs class `cls` holding `values` exactly as given.

    No converter or validator runs, so each value must already be what the
    constructor would store: tuples, a `FrozenDict`, floats, a `Level`, text
    that passes its checks. Every field must be given. The importers' tests
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
    width = _WIDTHS.get(cls)
    if width is None:
        width = _WIDTHS[cls] = len(attrs.fields(cls))  # type: ignore[arg-type]
    if len(values) != width:
        msg = f"{cls.__name__} has {width} fields; {len(values)} given"
        raise TypeError(msg)
    obj = object.__new__(cls)
    for name, value in values.items():
        try:
            object.__setattr__(obj, name, value)  # frozen: the constructor's own way in
        except AttributeError:
            msg = f"{cls.__name__} has no field {name!r}"
            raise TypeError(msg) from None
    return obj


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

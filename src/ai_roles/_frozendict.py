"""An immutable, hashable mapping for the fields of frozen models."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

__all__ = ["FrozenDict"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(Mapping[K, V]):
    """A read-only `dict`, hashable when its values are, ordered by key.

    Equal to any mapping with the same items, like `dict`.

    Examples
    --------
    >>> d = FrozenDict({"onet": "15-2051.00", "esco": "http://data.europa.eu/esco/x"})
    >>> list(d)
    ['esco', 'onet']
    >>> d == {"esco": "http://data.europa.eu/esco/x", "onet": "15-2051.00"}
    True
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        pairs = sorted(dict(items or {}).items())  # keys are unique: values are never compared
        self._data: dict[K, V] = dict(pairs)
        self._hash: int | None = None

    @classmethod
    def of_sorted(cls, data: dict[K, V]) -> FrozenDict[K, V]:
        """Return `data`, whose keys are in sorted order already, as a `FrozenDict`, uncopied.

        For bulk builders making many small mappings: nothing is sorted or
        copied, so `data` must be sorted and never changed afterwards.

        Examples
        --------
        >>> FrozenDict.of_sorted({"esco": "http://data.europa.eu/esco/x", "isco": "2511"})
        FrozenDict({'esco': 'http://data.europa.eu/esco/x', 'isco': '2511'})
        """
        result = cls.__new__(cls)
        result._data, result._hash = data, None  # noqa: SLF001 (its own class)
        return result

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __reduce__(self) -> tuple[type[FrozenDict[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._data,))

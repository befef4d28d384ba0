"""Reading the official CSV and text files: from a folder or from the release zips.

Rows stream through the `csv` module, with what real releases bring: a
byte-order mark, CRLF line ends, quoted fields over several lines, fields
longer than `csv`'s default limit, ``n/a`` for missing values. Each row
comes with the line it starts on, so problems can name file and line.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import os
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from itertools import repeat
from pathlib import Path
from typing import IO, Any

if sys.version_info >= (3, 11):
    from typing import Self
else:  # pragma: no cover
    from typing_extensions import Self

from ai_roles.exceptions import AIRolesWarning, CatalogError

__all__ = [
    "DataWarning",
    "Row",
    "Source",
    "id_problem",
    "label_problem",
    "report",
    "slug",
    "summarise",
]

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # ESCO holds a field of over 600 kB


class DataWarning(AIRolesWarning):
    """Rows of an official release that an importer skipped or changed, and why."""


class Row(dict[str, str]):
    """A row of a file, as a mapping of column to value, with where it came from."""

    __slots__ = ("file", "line")
    file: str
    line: int


class Source:
    """The files of a release: a folder of files, a folder of zips, or one zip.

    Parameters
    ----------
    path : str or path
        A folder holding the files (or zips holding them), or a zip file.
    """

    def __init__(
        self, path: str | os.PathLike[str], progress: Callable[[str, float], None] | None = None
    ) -> None:
        self.path = Path(path)
        self.progress = progress
        self._stack = ExitStack()
        self._members: dict[str, tuple[zipfile.ZipFile | None, str]] = {}
        self._names: dict[str, str] = {}  # lowercase name -> the name as published
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self._add_zip(self.path)
        elif self.path.is_dir():
            for entry in sorted(self.path.iterdir()):
                if entry.suffix.lower() == ".zip" and zipfile.is_zipfile(entry):
                    self._add_zip(entry)
                elif entry.is_file():
                    self._members.setdefault(entry.name.lower(), (None, str(entry)))
                    self._names.setdefault(entry.name.lower(), entry.name)
        else:
            msg = f"{self.path}: not a folder or a zip file"
            raise FileNotFoundError(2, msg, str(self.path))

    def _add_zip(self, path: Path) -> None:
        archive = self._stack.enter_context(zipfile.ZipFile(path))
        for name in archive.namelist():
            self._members.setdefault(Path(name).name.lower(), (archive, name))
            self._names.setdefault(Path(name).name.lower(), Path(name).name)

    def close(self) -> None:
        """Close the zips."""
        self._stack.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def find(self, *names: str) -> str | None:
        """Return the first of `names` (case-insensitive) that the release has, or None."""
        for name in names:
            if name.lower() in self._members:
                return self._names[name.lower()]
        return None

    def require(self, *names: str) -> str:
        """Return the first of `names` the release has; raise `CatalogError` if none."""
        found = self.find(*names)
        if found is None:
            listed = " or ".join(names)
            raise CatalogError([f"{self.path}: no {listed}"])
        return found

    def _open(self, name: str) -> tuple[IO[bytes], str, int]:
        archive, member = self._members[name.lower()]
        if archive is None:
            return Path(member).open("rb"), member, Path(member).stat().st_size
        size = archive.getinfo(member).file_size
        return archive.open(member), f"{archive.filename}:{member}", size

    def rows(
        self, name: str, *, delimiter: str = ",", required: Sequence[str] = ()
    ) -> Iterator[Row]:
        """Yield the rows of `name` as mappings, with the file and the line each starts on.

        Raises
        ------
        CatalogError
            If a column in `required` is missing, a row has a different
            number of fields than the header, or the bytes are not UTF-8 CSV;
            the file and line are named.
        """
        label, header, lines = self._lines(name, delimiter, required, None)
        for line, values in lines:
            row = Row(zip(header, values, strict=True))
            row.file, row.line = label, line
            yield row

    def records(
        self, name: str, columns: Sequence[str], *, delimiter: str = ","
    ) -> tuple[str, Iterator[tuple[int, tuple[str, ...]]]]:
        """Return the file's label and its rows as ``(line, values of columns)``: for big files.

        Raises
        ------
        CatalogError
            As `rows`.
        """
        label, _, lines = self._lines(name, delimiter, columns, columns)
        return label, lines

    def table(
        self, name: str, columns: Sequence[str], *, delimiter: str = ","
    ) -> tuple[str, tuple[int, ...], Iterator[tuple[int, list[str]]]]:
        """Return the file's label, where `columns` are in a row, and its rows as ``(line, row)``.

        For the biggest files: each row comes whole, as read, so no tuple is
        made for it; index it with the positions.

        Raises
        ------
        CatalogError
            As `rows`.
        """
        label, header, lines = self._lines(name, delimiter, columns, None)
        return label, tuple(header.index(c) for c in columns), lines

    def _undecodable_line(self, name: str) -> int:
        """Return the line of `name` holding its first byte that is not UTF-8."""
        raw, _, _ = self._open(name)
        with raw:
            data = raw.read()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            before = data[: e.start]  # line breaks as the readers count them: \n, \r\n, \r
            return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        return 1  # pragma: no cover (only called once decoding has failed)

    def _lines(
        self, name: str, delimiter: str, required: Sequence[str], columns: Sequence[str] | None
    ) -> tuple[str, list[str], Iterator[tuple[int, Any]]]:
        """Open `name`; return its label, header and rows as ``(line, values)``.

        With `columns`, the values are a tuple of those columns only.
        """
        raw, label, size = self._open(name)
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        self._stack.callback(text.close)  # should reading stop half-way, e.g. at an error
        reader: Iterator[list[str]]
        # yields the rows in chunks, each row with the line it starts on
        in_chunks: Callable[[Any], Iterator[tuple[Sequence[int], list[list[str]]]]]
        blank: list[str]  # what a blank line reads as
        if delimiter == "\t":  # O*NET: nothing is quoted, so a line is a row, split at tabs
            text_lines = map(str.rstrip, text, repeat("\r\n"))  # (faster than methodcaller)
            reader = map(str.split, text_lines, repeat("\t"))
            in_chunks, blank = _one_per_line, [""]
        else:
            reader = csv.reader(text, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
            in_chunks, blank = _numbered, []
        try:
            header = next(reader)
        except (StopIteration, UnicodeDecodeError, csv.Error) as e:
            text.close()
            problem = "empty file" if isinstance(e, StopIteration) else str(e)
            line = self._undecodable_line(name) if isinstance(e, UnicodeDecodeError) else 1
            raise CatalogError([f"{label}:{line}: {problem}"]) from None
        missing = [c for c in required if c not in header]
        if missing:
            text.close()
            raise CatalogError([f"{label}:1: missing column(s) {', '.join(map(repr, missing))}"])
        pick: Callable[[list[str]], Any] | None = None
        if columns is not None:
            getter = operator.itemgetter(*(header.index(c) for c in columns))
            pick = (lambda values: (getter(values),)) if len(columns) == 1 else getter

        def chunks() -> Iterator[Iterator[tuple[int, Any]]]:
            # Rows go through in chunks, so that numbering, checking and picking
            # columns run in C; only a chunk with a blank line or a malformed
            # row takes the slower, exact way.
            width = len(header)
            with text:
                try:
                    for count, (numbers, rows) in enumerate(in_chunks(reader), 1):
                        lines, chunk = _well_formed(label, numbers, rows, width, blank)
                        yield zip(lines, chunk if pick is None else map(pick, chunk), strict=True)
                        if self.progress is not None and count % max(1, _PROGRESS // _CHUNK) == 0:
                            self.progress(name, min(1.0, raw.tell() / max(size, 1)))
                except csv.Error as e:
                    line = getattr(reader, "line_num", 0)  # the line it was parsing
                    raise CatalogError([f"{label}:{line}: {e}"]) from None
                except UnicodeDecodeError as e:
                    line = self._undecodable_line(name)
                    raise CatalogError([f"{label}:{line}: {e}"]) from None
            if self.progress is not None:
                self.progress(name, 1.0)

        return label, header, itertools.chain.from_iterable(chunks())


_CHUNK = 256
"""Rows read at a time: few enough to stay in the processor's cache."""

_PROGRESS = 4096
"""Rows read between calls to a progress function."""


def _one_per_line(rows: Iterator[list[str]]) -> Iterator[tuple[Sequence[int], list[list[str]]]]:
    """Yield `rows`, the rows after the header, one per line, in chunks with their lines."""
    first = 2
    while chunk := list(itertools.islice(rows, _CHUNK)):
        yield range(first, first + len(chunk)), chunk
        first += len(chunk)


def _numbered(reader: Any) -> Iterator[tuple[Sequence[int], list[list[str]]]]:
    """Yield the rows of a `csv` reader in chunks, with the line each row starts on.

    While every row takes one line, a chunk's numbers are a range. From the
    first row over several lines (a quoted field holding a line break) on, the
    reader's line count is taken after each row, in C, as it is read.
    """
    while True:
        first = reader.line_num + 1
        chunk = list(itertools.islice(reader, _CHUNK))
        if not chunk:
            return
        if reader.line_num - first + 1 != len(chunk):
            yield _starts(chunk, first), chunk
            break
        yield range(first, reader.line_num + 1), chunk
    ends = map(operator.attrgetter("line_num"), repeat(reader))  # a row's last line
    while True:
        first = reader.line_num + 1
        pairs = list(itertools.islice(zip(reader, ends, strict=False), _CHUNK))  # ends: endless
        if not pairs:
            return
        rows, last_lines = zip(*pairs, strict=True)
        yield [first, *map((1).__add__, last_lines[:-1])], list(rows)


def _starts(chunk: list[list[str]], first: int) -> list[int]:
    r"""Return the line each row of `chunk` starts on, the first starting on line `first`.

    A row takes one line plus one for each line break inside its fields:
    ``\n``, ``\r\n`` or a lone ``\r``, as the reader counts them.
    """
    # Joined with a separator, a "\r" ending one field and a "\n" starting the next stay two.
    texts = list(map(",".join, chunk))
    breaks = map(
        operator.sub,
        map(operator.add, map(str.count, texts, repeat("\n")), map(str.count, texts, repeat("\r"))),
        map(str.count, texts, repeat("\r\n")),
    )
    return list(itertools.accumulate(map((1).__add__, breaks), initial=first))[:-1]


def _well_formed(
    label: str, numbers: Sequence[int], chunk: list[list[str]], width: int, blank: list[str]
) -> tuple[Sequence[int], list[list[str]]]:
    """Return `numbers` and `chunk` without `blank` lines; raise `CatalogError` at a bad row."""
    if set(map(len, chunk)) == {width} and blank not in chunk:
        return numbers, chunk  # the common case
    kept = [(line, values) for line, values in zip(numbers, chunk, strict=True) if values != blank]
    for line, values in kept:
        if len(values) != width:
            problem = f"{len(values)} fields where the header has {width}"
            raise CatalogError([f"{label}:{line}: {problem}"])
    return [line for line, _ in kept], [values for _, values in kept]


def label_problem(text: str) -> str | None:
    """Why `text` cannot name a role, skill or tool (empty, or unprintable), if it cannot."""
    if text.isprintable() and text.strip():
        return None  # the common case, without making a slug
    if not text.strip():
        return f"{text!r} is not a name (empty)"
    if not slug(text).isprintable():
        return f"{text!r} is not a name (it holds control characters)"
    return None


def id_problem(text: str) -> str | None:
    """Why `text` cannot be part of an id (empty, unprintable or with white space), if it cannot."""
    if text and text.isprintable() and " " not in text:
        return None
    return f"{text!r} is not an id (printable text without white space)"


def slug(text: str) -> str:
    """Return `text` as an id part: lowercase, runs of white space made one ``-``."""
    return "-".join(text.lower().split())


def summarise(lines: Sequence[int], limit: int = 5) -> str:
    """Return line numbers for a message: the first few and how many more."""
    shown = ", ".join(str(n) for n in lines[:limit])
    more = f" and {len(lines) - limit} more" if len(lines) > limit else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def report(name: str, lines: Sequence[int], what: str) -> None:
    """Warn, if `lines` is not empty, that `name` has ``len(lines)`` rows that `what`."""
    if lines:
        warnings.warn(
            f"{name}: {len(lines)} {what} ({summarise(lines)})", DataWarning, stacklevel=4
        )

"""The machinery behind the fast importers: unchecked objects, the paused GC, chunked reading.

`ai_roles._bulk` makes model objects without converters or validators and
pauses the cyclic GC; `ai_roles.importers._source.Source` reads rows in
chunks and numbers them by fast paths; the O*NET importer pairs each LV
rating with the IM rating before it. These tests state what must still hold:
each object an importer makes is one the validating constructor accepts,
each row comes with the line it starts on, and ratings pair the same in any
order. Expected values come from the rows the tests write (lines counted in
the written text, requirements by the rules in `ai_roles.importers.onet`'s
docstring), never from the importers' output.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import io
import re
import shutil
import tempfile
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ai_roles import Catalog, CatalogError, Level, Prerequisite, Requirement, Role, Skill, Tool
from ai_roles._bulk import paused_gc, unchecked
from ai_roles.importers import DataWarning, _source, esco, onet
from ai_roles.importers._source import Source, slug
from releases import REAL, real_data
from strategies import catalogs

FIXTURES = Path(__file__).parent / "fixtures"
ESCO_A = FIXTURES / "esco" / "csv-v1.1.1"
ESCO_B = FIXTURES / "esco" / "csv-with-en-and-labels"
ONET = FIXTURES / "onet"

CHUNKS = [1, 2, 3, 7, 256]
"""Chunk sizes to read with: one row, a few, and more than any test file holds."""

FEW_CHUNKS = [1, 3, 256]
"""Chunk sizes for tests of one file: one row at a time, a few, and all at once."""

BREAK = re.compile(r"\r\n|\r|\n")
"""A line break as `csv` and universal newlines count one."""


# --- unchecked and paused_gc -----------------------------------------------------------


def model_objects(catalog: Catalog) -> Iterator[object]:
    """Every role, requirement, skill, tool and prerequisite of `catalog`."""
    for role in catalog.roles:
        yield role
        yield from role.requirements
    for item in (*catalog.skills, *catalog.tools):
        yield item
        yield from item.prerequisites


def field_values(obj: object) -> dict[str, object]:
    """The value of each attrs field of `obj`, by name."""
    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}


@given(catalogs(min_roles=1))
def test_unchecked_remakes_any_valid_object(catalog):
    """An object remade by `unchecked` from its own field values equals it and hashes alike."""
    for obj in model_objects(catalog):
        values = field_values(obj)
        copy = unchecked(type(obj), **values)
        assert type(copy) is type(obj)
        assert obj == copy
        assert hash(obj) == hash(copy)
        assert all(getattr(copy, name) is value for name, value in values.items())


SMALL_OBJECTS = [
    Prerequisite(item="docker", level=Level.WORKING),
    Requirement(options=("python",), level=Level.EXPERT, essential=False, importance=0.5),
    Skill(id="python", name="Python", external_ids={"esco": "x"}),
    Tool(id="docker", name="Docker", kind="platform", skills=("python",)),
    Role(id="ml-engineer", name="ML engineer", requirements=("python",)),
]


@pytest.mark.parametrize("obj", SMALL_OBJECTS, ids=lambda o: type(o).__name__)
def test_unchecked_objects_stay_frozen(obj):
    """An object made by `unchecked` is as immutable as one made by its constructor."""
    copy = unchecked(type(obj), **field_values(obj))
    name = attrs.fields(type(obj))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(copy, name, getattr(obj, name))


@pytest.mark.parametrize("obj", SMALL_OBJECTS, ids=lambda o: type(o).__name__)
def test_unchecked_needs_every_field(obj):
    """Leaving out any one field raises TypeError."""
    values = field_values(obj)
    for name in values:
        without = {k: v for k, v in values.items() if k != name}
        with pytest.raises(TypeError):
            unchecked(type(obj), **without)


@pytest.mark.parametrize("obj", SMALL_OBJECTS, ids=lambda o: type(o).__name__)
def test_unchecked_rejects_unknown_fields(obj):
    """A field the class lacks raises TypeError."""
    with pytest.raises(TypeError):
        unchecked(type(obj), **field_values(obj), colour="blue")


@pytest.fixture
def gc_restored():
    """Whatever a test does to the collector, put it back as it was afterwards."""
    was = gc.isenabled()
    try:
        yield
    finally:
        if was:
            gc.enable()
        else:  # pragma: no cover (the collector runs during tests)
            gc.disable()


def fail_while_paused() -> None:
    """Raise KeyError inside `paused_gc`, having checked the collector is off."""
    with paused_gc():
        assert not gc.isenabled()
        raise KeyError("inside")


@pytest.mark.usefixtures("gc_restored")
class TestPausedGC:
    def test_paused_inside_and_running_after(self):
        """The collector is off inside the block and on again after it."""
        gc.enable()
        with paused_gc():
            assert not gc.isenabled()
        assert gc.isenabled()

    def test_running_after_an_exception(self):
        """An exception leaves the block, and the collector is on again."""
        gc.enable()
        with pytest.raises(KeyError, match="inside"):
            fail_while_paused()
        assert gc.isenabled()

    @pytest.mark.parametrize("fails", [False, True])
    def test_stays_off_when_it_was_off(self, fails):
        """A collector already off before the block is still off after it, however it ends."""
        gc.disable()
        with contextlib.suppress(KeyError), paused_gc():
            assert not gc.isenabled()
            if fails:
                raise KeyError("inside")
        assert not gc.isenabled()

    def test_nested(self):
        """An inner pause leaves the collector off for the rest of the outer one."""
        gc.enable()
        with paused_gc():
            with paused_gc():
                pass
            assert not gc.isenabled()
        assert gc.isenabled()


# --- every object an importer makes is valid -------------------------------------------


def assert_valid(catalog: Catalog) -> None:
    """Check every object of `catalog` against its validating constructor and its key order."""
    unique = {id(obj): obj for obj in model_objects(catalog)}  # requirements are shared
    assert unique
    for obj in unique.values():
        remade = attrs.evolve(obj)  # runs every converter and validator again
        assert remade == obj
        assert hash(remade) == hash(obj)
    for thing in (*catalog.roles, *catalog.skills, *catalog.tools):
        assert list(thing.external_ids) == sorted(thing.external_ids), thing.id


def quietly(loader, path: Path) -> Catalog:
    """Import `path` with the DataWarnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return loader(path)


@pytest.mark.parametrize(
    ("loader", "path"),
    [(esco.load, ESCO_A), (esco.load, ESCO_B), (onet.load, ONET)],
    ids=["esco-v1.1.1", "esco-en-and-labels", "onet"],
)
def test_fixture_imports_are_valid(loader, path):
    """Each object imported from a fixture release passes validation and keeps its ids sorted."""
    catalog = quietly(loader, path)
    assert catalog.roles
    assert catalog.skills
    assert_valid(catalog)


@pytest.fixture(scope="module")
def real_esco() -> Catalog:
    """One import of the official ESCO release."""
    return quietly(esco.load, REAL / "esco-v1.1.1")


@pytest.fixture(scope="module")
def real_onet() -> Catalog:
    """One import of the official O*NET release."""
    return quietly(onet.load, REAL / "onet")


@real_data
def test_real_esco_import_is_valid(real_esco):
    """Each object imported from ESCO v1.1.1 passes validation and keeps its ids sorted."""
    assert_valid(real_esco)


@real_data
def test_real_onet_import_is_valid(real_onet):
    """Each object imported from O*NET passes validation and keeps its ids sorted."""
    assert real_onet.tools
    assert real_onet.role("onet/15-2051.00").responsibilities  # task texts: checked too
    assert_valid(real_onet)


# --- Source: rows and the lines they start on ------------------------------------------

PIECES = ["a", "b", " ", ",", '"', "\t", "\n", "\r\n", "\r", "é", "中", "😀", "n/a"]

BREAKING = ["", "a", "\r", "\n", "\r\n", "a\r", "\nb", "\n\r", '"', ",", "é中"]
"""Whole fields that start or end with a line break, or need quotes, or are empty."""

csv_fields = st.one_of(
    st.sampled_from(BREAKING),
    st.sampled_from(BREAKING),  # twice as likely as each other kind
    st.lists(st.sampled_from(PIECES), max_size=4).map("".join),
    st.text(max_size=3),
)
"""CSV field text: delimiters, quotes, every line break, non-ASCII, empty."""

tab_fields = st.one_of(
    st.lists(st.sampled_from([p for p in PIECES if not set(p) & set("\t\r\n")]), max_size=3).map(
        "".join
    ),
    st.text(st.characters(exclude_characters="\t\r\n", exclude_categories=("Cs",)), max_size=3),
)
"""Tab-file field text: anything but tabs and line breaks."""


@attrs.frozen
class Document:
    """A file as written: its text, header and rows, and the line each row starts on."""

    text: str
    header: list[str]
    rows: list[list[str]]
    lines: list[int]


def csv_line(values: list[str], terminator: str) -> str:
    """`values` as `csv.writer` writes them, quoted so that they read back whole."""
    # csv.writer quotes a field only for the line breaks in its own line terminator
    # (Python 3.11); a field with another break must be quoted, or it splits the row.
    other_breaks = set("\r\n") - set(terminator)
    needs_all = any(set(v) & other_breaks for v in values)
    out = io.StringIO(newline="")
    writer = csv.writer(
        out,
        lineterminator=terminator,
        quoting=csv.QUOTE_ALL if needs_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow(values)
    return out.getvalue()


def tab_line(values: list[str], terminator: str) -> str:
    """`values` as O*NET writes them: joined with tabs, nothing quoted."""
    return "\t".join(values) + terminator


def assemble(header, rows, blanks, terminator, line_of, *, bom=False) -> Document:
    """Write the header, then each row after its blank lines; count the line each row starts on."""
    parts = ["\ufeff" if bom else "", line_of(header, terminator)]
    offsets = []
    for count, row in zip(blanks[:-1], rows, strict=True):
        parts.append(terminator * count)
        offsets.append(sum(map(len, parts)))
        parts.append(line_of(row, terminator))
    parts.append(terminator * blanks[-1])
    text = "".join(parts)
    lines = [1 + len(BREAK.findall(text, 0, offset)) for offset in offsets]
    return Document(text=text, header=header, rows=rows, lines=lines)


@st.composite
def documents(draw, *, tabs: bool = False, min_width: int = 1) -> Document:
    """A comma (or tab) file of random rows, with blank lines here and there."""
    width = draw(st.integers(min_width, 4))
    if tabs:
        header = [f"c{i}" for i in range(width)]
    else:  # a header may hold a quoted line break too
        header = [f"c{i}" + draw(st.sampled_from(["", " x", "\ny", '"q"'])) for i in range(width)]
    fields = tab_fields if tabs else csv_fields
    rows = draw(st.lists(st.lists(fields, min_size=width, max_size=width), max_size=24))
    size = len(rows) + 1
    blanks = draw(st.lists(st.sampled_from([0, 0, 0, 1, 2]), min_size=size, max_size=size))
    terminator = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    line_of = tab_line if tabs else csv_line
    return assemble(header, rows, blanks, terminator, line_of, bom=draw(st.booleans()))


@contextlib.contextmanager
def written(text: str | bytes, name: str) -> Iterator[Path]:
    """A new folder holding `text` (UTF-8 unless bytes) as the file `name`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = text.encode("utf-8") if isinstance(text, str) else text
        (folder / name).write_bytes(data)
        yield folder


def read_all(folder: Path, name: str, header: list[str], delimiter: str):
    """The rows of `name` as `records`, `rows` and `table` give them."""
    columns = header[::-1]  # records picks columns in any order
    with Source(folder) as source:
        label, records = source.records(name, columns, delimiter=delimiter)
        from_records = list(records)
        from_rows = list(source.rows(name, delimiter=delimiter))
        table_label, at, table = source.table(name, header, delimiter=delimiter)
        from_table = list(table)
    assert label == table_label == str(folder / name)
    assert at == tuple(range(len(header)))
    assert all(row.file == label for row in from_rows)
    return from_records, [(row.line, row) for row in from_rows], from_table


def assert_read_back(doc: Document, name: str, delimiter: str, chunk: int) -> None:
    """Reading `doc` in chunks of `chunk` rows gives its rows, each with the line it starts on."""
    with written(doc.text, name) as folder, mock.patch.object(_source, "_CHUNK", chunk):
        records, rows, table = read_all(folder, name, doc.header, delimiter)
    assert [(n, tuple(r[::-1])) for n, r in zip(doc.lines, doc.rows, strict=True)] == records
    expected = zip(doc.lines, doc.rows, strict=True)
    assert [(n, dict(zip(doc.header, r, strict=True))) for n, r in expected] == [
        (n, dict(row)) for n, row in rows
    ]
    assert [(n, list(r)) for n, r in zip(doc.lines, doc.rows, strict=True)] == table


@settings(max_examples=150)
@given(documents(), st.sampled_from(CHUNKS))
def test_csv_rows_and_their_lines(doc, chunk):
    """A comma file reads back as written, blank lines skipped, each row with its first line."""
    reread = csv.reader(io.StringIO(doc.text.removeprefix("\ufeff"), newline=""))
    assert [doc.header, *doc.rows] == [row for row in reread if row]  # the test writes right
    assert_read_back(doc, "x.csv", ",", chunk)


@settings(max_examples=100)
@given(documents(tabs=True, min_width=2), st.sampled_from(CHUNKS))
def test_tab_rows_and_their_lines(doc, chunk):
    """A tab file reads back as written, blank lines skipped, each row with its line."""
    assert_read_back(doc, "x.txt", "\t", chunk)


@pytest.mark.parametrize("chunk", FEW_CHUNKS)
def test_line_breaks_either_side_of_a_field_boundary(chunk):
    r"""A field ending in ``\r`` and the next starting with ``\n`` are two line breaks, not one."""
    text = 'h1,h2\n"a\r","\nb"\nc,d\n'  # lines: h1,h2 | "a | "," | b" | c,d
    doc = Document(text=text, header=["h1", "h2"], rows=[["a\r", "\nb"], ["c", "d"]], lines=[2, 5])
    assert_read_back(doc, "x.csv", ",", chunk)


@pytest.mark.parametrize("chunk", FEW_CHUNKS)
def test_a_one_column_row_of_one_empty_field_is_a_row(chunk):
    """In a one-column CSV, a row ``""`` (one empty field) is kept, blank lines or not."""
    text = 'h\n""\n\nv\n'
    doc = Document(text=text, header=["h"], rows=[[""], ["v"]], lines=[2, 4])
    assert_read_back(doc, "x.csv", ",", chunk)


@pytest.mark.parametrize("chunk", FEW_CHUNKS)
def test_one_column_tab_file_skips_blank_lines(chunk):
    """In a one-column tab file a blank line is skipped, like in any other file."""
    doc = Document(text="h\r\nu\r\n\r\nv\r\n", header=["h"], rows=[["u"], ["v"]], lines=[2, 4])
    assert_read_back(doc, "x.txt", "\t", chunk)


def assert_malformed_at(text: str, name: str, delimiter: str, chunk: int, line: int) -> None:
    """Reading `text` raises CatalogError naming the file and `line`, whichever method reads."""
    with written(text, name) as folder, mock.patch.object(_source, "_CHUNK", chunk):
        label = str(folder / name)
        with Source(folder) as source:
            readers = [
                lambda: list(source.records(name, ["h1"], delimiter=delimiter)[1]),
                lambda: list(source.rows(name, delimiter=delimiter)),
                lambda: list(source.table(name, ["h1"], delimiter=delimiter)[2]),
            ]
            for read in readers:
                with pytest.raises(CatalogError) as caught:
                    read()
                assert str(caught.value).startswith(f"{label}:{line}: "), str(caught.value)


@st.composite
def malformed(draw, *, tabs: bool = False):
    """A file and the line of its one row with a wrong number of fields."""
    doc = draw(documents(tabs=tabs, min_width=2 if tabs else 1))
    width = len(doc.header)
    wrong = draw(st.sampled_from([w for w in (width - 1, width + 1) if w >= 1]))
    bad = draw(st.lists(tab_fields if tabs else csv_fields, min_size=wrong, max_size=wrong))
    if tabs:
        bad[0] += "x"  # one field of nothing would be a blank line
    at = draw(st.integers(0, len(doc.rows)))
    rows = [*doc.rows[:at], bad, *doc.rows[at:]]
    terminator = draw(st.sampled_from(["\r\n", "\n"]))
    size = len(rows) + 1
    blanks = draw(st.lists(st.sampled_from([0, 0, 1]), min_size=size, max_size=size))
    line_of = tab_line if tabs else csv_line
    bad_doc = assemble(doc.header, rows, blanks, terminator, line_of)
    return bad_doc, bad_doc.lines[at]


@settings(max_examples=60)
@given(malformed(), st.sampled_from(CHUNKS))
def test_csv_row_with_wrong_width(case, chunk):
    """A comma-file row with too few or too many fields raises CatalogError naming its line."""
    doc, line = case
    with written(doc.text, "x.csv") as folder, mock.patch.object(_source, "_CHUNK", chunk):
        label = str(folder / "x.csv")
        with Source(folder) as source, pytest.raises(CatalogError) as caught:
            list(source.records("x.csv", doc.header[:1])[1])
    assert str(caught.value).startswith(f"{label}:{line}: "), str(caught.value)


@settings(max_examples=40)
@given(malformed(tabs=True), st.sampled_from(CHUNKS))
def test_tab_row_with_wrong_width(case, chunk):
    """A tab-file row with too few or too many fields raises CatalogError naming its line."""
    doc, line = case
    with written(doc.text, "x.txt") as folder, mock.patch.object(_source, "_CHUNK", chunk):
        label = str(folder / "x.txt")
        with Source(folder) as source, pytest.raises(CatalogError) as caught:
            list(source.records("x.txt", doc.header[:1], delimiter="\t")[1])
    assert str(caught.value).startswith(f"{label}:{line}: "), str(caught.value)


@pytest.mark.parametrize("chunk", FEW_CHUNKS)
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_short_row_after_a_multi_line_field(chunk, end):
    """A short comma-file row after a field over three lines is named by its own line."""
    text = f'h1,h2{end}"x{end}y{end}z",1{end}p,q{end}r{end}s,t{end}'
    assert_malformed_at(text, "x.csv", ",", chunk, line=6)


@pytest.mark.parametrize("chunk", FEW_CHUNKS)
def test_short_row_of_one_empty_field(chunk):
    """A two-column CSV row ``""`` (one empty field, not a blank line) is malformed."""
    text = 'h1,h2\na,b\n\n""\nc,d\n'
    assert_malformed_at(text, "x.csv", ",", chunk, line=4)


@pytest.mark.parametrize("chunk", FEW_CHUNKS)
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_long_tab_row_after_blank_lines(chunk, end):
    """A tab-file row with a field too many, after blank lines, is named by its own line."""
    text = f"h1\th2{end}a\tb{end}{end}c\td{end}{end}{end}e\tf\tg{end}h\ti{end}"
    assert_malformed_at(text, "x.txt", "\t", chunk, line=7)


def undecodable(delimiter: str, rows: int, lead: str = "") -> tuple[bytes, int]:
    """A file whose last row holds a byte that is not UTF-8; and that row's line."""
    end = "\r\n" if delimiter == "\t" else "\n"
    header = delimiter.join(["h1", "h2"]) + end
    body = "".join(f"row {i}{delimiter}value {i}{end}" for i in range(rows))
    text = header + lead + body
    bad = f"bad{delimiter}".encode() + b"caf\xe9" + end.encode()
    return text.encode() + bad, 1 + len(BREAK.findall(text))


def assert_undecodable_at(data: bytes, name: str, delimiter: str, chunk: int, line: int) -> None:
    """Reading `data` raises CatalogError naming the file and `line`."""
    with written(data, name) as folder, mock.patch.object(_source, "_CHUNK", chunk):
        label = str(folder / name)
        with Source(folder) as source, pytest.raises(CatalogError) as caught:
            list(source.records(name, ["h1", "h2"], delimiter=delimiter)[1])
    assert str(caught.value).startswith(f"{label}:{line}: "), str(caught.value)


@pytest.mark.parametrize("chunk", [3, 256])
@pytest.mark.parametrize(("name", "delimiter"), [("x.csv", ","), ("x.txt", "\t")])
def test_undecodable_byte_far_in(name, delimiter, chunk):
    """A byte that is not UTF-8 on line 1,000 or so raises CatalogError naming that line."""
    lead = '"two\nlines",x\n' if delimiter == "," else ""
    data, line = undecodable(delimiter, 1200, lead)
    assert line > 1000
    assert_undecodable_at(data, name, delimiter, chunk, line)


@pytest.mark.parametrize("chunk", [3, 256])
def test_undecodable_byte_after_a_lone_carriage_return(chunk):
    r"""A line break ``\r`` inside a quoted field counts as a line before an undecodable byte."""
    data, line = undecodable(",", 1200, lead='"two\rlines",x\n')
    assert_undecodable_at(data, "x.csv", ",", chunk, line)


@pytest.mark.parametrize(("name", "delimiter"), [("x.csv", ","), ("x.txt", "\t")])
def test_undecodable_byte_in_a_small_file(name, delimiter):
    """In a file smaller than a read-ahead block, an undecodable byte on line 5 names line 5."""
    data, line = undecodable(delimiter, 3)
    assert line == 5
    assert_undecodable_at(data, name, delimiter, 256, line)


@pytest.mark.parametrize("method", ["records", "rows", "table"])
@pytest.mark.parametrize("zipped", [False, True])
def test_progress(tmp_path, method, zipped):
    """Progress for each file goes from 0 to 1 without going back, and ends at 1."""
    lines = [f"{i},{'x' * (i % 40)}\r\n" for i in range(3000)]
    names = {"a.csv": "h1,h2\r\n" + "".join(lines), "b.csv": "h1,h2\r\n" + "".join(lines[:900])}
    for name, text in names.items():
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    path = tmp_path
    if zipped:
        path = tmp_path / "release.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                archive.write(tmp_path / name, f"folder/{name}")
    calls: list[tuple[str, float]] = []
    with (
        mock.patch.object(_source, "_CHUNK", 16),
        mock.patch.object(_source, "_PROGRESS", 64),
        Source(path, progress=lambda *call: calls.append(call)) as source,
    ):
        for name, text in names.items():
            if method == "records":
                rows = list(source.records(name, ["h2"])[1])
            elif method == "rows":
                rows = list(source.rows(name))
            else:
                rows = list(source.table(name, ["h2"])[2])
            assert len(rows) == text.count("\n") - 1
    assert {name for name, _ in calls} == set(names)
    for name in names:
        shares = [share for called, share in calls if called == name]
        assert all(0 <= share <= 1 for share in shares), shares
        assert shares == sorted(shares)
        assert shares[-1] == 1.0
    assert any(share < 1 for name, share in calls if name == "a.csv")  # reported as it reads


# --- O*NET ratings ---------------------------------------------------------------------

SKILLS_LINES = (ONET / "Skills.txt").read_bytes().decode().splitlines(keepends=True)  # CRLF
SKILLS_HEADER, SKILLS_ROWS = SKILLS_LINES[0], SKILLS_LINES[1:]
COLUMNS = SKILLS_HEADER.rstrip("\r\n").split("\t")
CODE, ELEMENT, SCALE, VALUE, SUPPRESS, IRRELEVANT = (
    COLUMNS.index(c)
    for c in (
        "O*NET-SOC Code",
        "Element ID",
        "Scale ID",
        "Data Value",
        "Recommend Suppress",
        "Not Relevant",
    )
)
OCCUPATIONS = {
    line.split("\t")[0]
    for line in (ONET / "Occupation Data.txt").read_bytes().decode().splitlines()[1:]
}


def fields_of(row: str) -> list[str]:
    """The fields of a ratings row."""
    return row.rstrip("\r\n").split("\t")


SKILL_ELEMENTS = {f"onet/{fields_of(row)[ELEMENT]}" for row in SKILLS_ROWS}


def changed(row: str, **values: str) -> str:
    """`row` with some fields replaced: ``code``, ``element``, ``scale`` or ``value``."""
    fields = fields_of(row)
    for key, at in (("code", CODE), ("element", ELEMENT), ("scale", SCALE), ("value", VALUE)):
        if key in values:
            fields[at] = values[key]
    return "\t".join(fields) + "\r\n"


def level_for(value: float) -> Level:
    """The level an LV rating stands for, read off `onet.LEVELS`."""
    for limit, level in onet.LEVELS:
        if value < limit:
            return level
    return Level.EXPERT


def expected_requirements(rows: list[str]) -> dict[str, set[Requirement]]:
    """Each known occupation's Skills requirements by the documented rules; the last rating wins."""
    ratings: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in rows:
        fields = fields_of(row)
        ratings.setdefault((fields[CODE], fields[ELEMENT]), {})[fields[SCALE]] = fields
    expected: dict[str, set[Requirement]] = {code: set() for code in OCCUPATIONS}
    for (code, element), pair in ratings.items():
        im, lv = pair.get("IM"), pair.get("LV")
        if code not in OCCUPATIONS or im is None or lv is None:
            continue
        if lv[IRRELEVANT] == "Y" or "Y" in (im[SUPPRESS], lv[SUPPRESS]):
            continue
        importance = float(im[VALUE])
        expected[code].add(
            Requirement(
                options=(f"onet/{element}",),
                level=level_for(float(lv[VALUE])),
                essential=importance >= 3,
                importance=importance / 5,
            )
        )
    return expected


def skill_requirements(catalog: Catalog) -> dict[str, set[Requirement]]:
    """Each role's requirements of elements rated in Skills.txt, by occupation code."""
    found = {}
    for role in catalog.roles:
        rated = [r for r in role.requirements if r.options[0] in SKILL_ELEMENTS]
        assert len(rated) == len(set(rated)), role.id  # each element once
        found[role.external_ids["onet"]] = set(rated)
    return found


def load_onet(path: Path) -> tuple[Catalog, list[str]]:
    """Import `path`, returning the catalog and the DataWarning messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        catalog = onet.load(path)
    assert all(issubclass(w.category, DataWarning) for w in caught)
    return catalog, [str(w.message) for w in caught]


def onet_error(path: Path) -> str:
    """The message of the CatalogError that importing `path` raises.

    The error is not kept: its traceback holds the importer's frames, and with
    them any file the importer left open (see `test_files_closed_after_an_error`).
    """
    try:
        load_onet(path)
    except CatalogError as e:
        return str(e)
    raise AssertionError(f"{path}: imported without a CatalogError")


@contextlib.contextmanager
def onet_release(rows: list[str], occupations: str | None = None) -> Iterator[Path]:
    """A copy of the O*NET fixture with `rows` as the ratings of Skills.txt."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "onet"
        shutil.copytree(ONET, folder, ignore=shutil.ignore_patterns("*.md", "broken"))
        (folder / "Skills.txt").write_bytes((SKILLS_HEADER + "".join(rows)).encode())
        if occupations is not None:
            (folder / "Occupation Data.txt").write_bytes(occupations.encode())
        yield folder


def kinds(messages: list[str]) -> Counter[str]:
    """The count each warning gives, by file and kind (its lines left out)."""
    counts: Counter[str] = Counter()
    for message in messages:
        found = re.fullmatch(r"(.*?): (\d+) (.*?) \(lines? [\d, ]+(?: and \d+ more)?\)", message)
        assert found, message
        counts[f"{found[1]}: {found[3]}"] += int(found[2])
    return counts


def lines_of(messages: list[str], words: str) -> list[int]:
    """The lines the one Skills.txt warning matching `words` lists."""
    found = [m for m in messages if m.startswith("Skills.txt:") and re.search(words, m)]
    assert len(found) == 1, messages
    listed = re.search(r"\(lines? ([\d, ]+)\)$", found[0])
    assert listed, found[0]
    return [int(n) for n in listed[1].split(", ")]


@functools.cache
def unshuffled() -> tuple[Catalog, list[str]]:
    """The fixture, imported as it is."""
    with onet_release(SKILLS_ROWS) as folder:
        return load_onet(folder)


def test_fixture_ratings_follow_the_rules():
    """The fixture's Skills requirements are those the documented rules give."""
    catalog, _ = unshuffled()
    assert expected_requirements(SKILLS_ROWS) == skill_requirements(catalog)


@settings(max_examples=25)
@given(st.permutations(SKILLS_ROWS))
def test_shuffled_ratings_make_the_same_catalog(rows):
    """Ratings in any order give the same roles, requirements, skills, tools and warning counts."""
    with onet_release(rows) as folder:
        catalog, messages = load_onet(folder)
    before, before_messages = unshuffled()
    assert expected_requirements(rows) == skill_requirements(catalog)
    assert {r.id: set(r.requirements) for r in before.roles} == {
        r.id: set(r.requirements) for r in catalog.roles
    }
    assert {r.id: attrs.evolve(r, requirements=()) for r in before.roles} == {
        r.id: attrs.evolve(r, requirements=()) for r in catalog.roles
    }
    assert set(before.skills) == set(catalog.skills)
    assert set(before.tools) == set(catalog.tools)
    assert kinds(before_messages) == kinds(messages)
    im_rows = [fields_of(r) for r in rows if fields_of(r)[SCALE] == "IM"]
    for role in catalog.roles:  # requirements in the order of their IM rows
        code = role.external_ids["onet"]
        rated = [r.options[0] for r in role.requirements if r.options[0] in SKILL_ELEMENTS]
        in_file = [f"onet/{f[ELEMENT]}" for f in im_rows if f[CODE] == code]
        assert rated == [e for e in in_file if e in rated]


# 11-3021.00 Critical Thinking, rated IM 4.12 (line 4) and LV 4.00 (line 5)
CT_IM, CT_LV = 2, 3  # their indices in SKILLS_ROWS
CT_CODE, CT_ELEMENT = "11-3021.00", "2.A.2.a"


def requirement_of(catalog: Catalog, code: str, element: str) -> list[Requirement]:
    """The requirements of occupation `code` for `element`."""
    role = catalog.role(f"onet/{code}")
    return [r for r in role.requirements if r.options == (f"onet/{element}",)]


@pytest.mark.parametrize(
    "placement",
    ["both pairs in order", "earlier pair split", "both pairs split", "later pair split"],
)
def test_repeated_rating_keeps_the_later(placement):
    """A pair rated twice warns of the repeat, and the role requires the later rating."""
    rest = [r for i, r in enumerate(SKILLS_ROWS) if i not in {0, 1, CT_IM, CT_LV}]
    first = [SKILLS_ROWS[CT_IM], SKILLS_ROWS[CT_LV]]
    later = [
        changed(SKILLS_ROWS[CT_IM], value="2.00"),
        changed(SKILLS_ROWS[CT_LV], value="6.00"),
    ]
    mathematics = SKILLS_ROWS[0:2]
    if placement == "both pairs in order":
        rows = [*first, *mathematics, *rest, *later]
    elif placement == "earlier pair split":
        rows = [first[0], mathematics[0], first[1], mathematics[1], *rest, *later]
    elif placement == "later pair split":
        rows = [*first, *rest, later[0], mathematics[0], later[1], mathematics[1]]
    else:  # each pair with another IM row between its IM and its LV
        rows = [first[0], mathematics[0], first[1], mathematics[1], *rest[:-2]]
        rows += [later[0], rest[-2], later[1], rest[-1]]
    with onet_release(rows) as folder:
        catalog, messages = load_onet(folder)
    assert lines_of(messages, "repeat")
    wanted = Requirement(
        options=(f"onet/{CT_ELEMENT}",), level=Level.EXPERT, essential=False, importance=0.4
    )
    assert [wanted] == requirement_of(catalog, CT_CODE, CT_ELEMENT)
    assert expected_requirements(rows) == skill_requirements(catalog)


@settings(max_examples=20)
@given(st.sampled_from(range(len(SKILLS_ROWS))))
def test_rating_without_its_pair(removed):
    """With one row of a pair removed, its partner is warned about by line and not imported."""
    rows = [r for i, r in enumerate(SKILLS_ROWS) if i != removed]
    gone = fields_of(SKILLS_ROWS[removed])
    partner = next(
        i
        for i, row in enumerate(rows)
        if fields_of(row)[CODE] == gone[CODE]
        and fields_of(row)[ELEMENT] == gone[ELEMENT]
        and fields_of(row)[SCALE] != gone[SCALE]
    )
    with onet_release(rows) as folder:
        catalog, messages = load_onet(folder)
    assert expected_requirements(rows) == skill_requirements(catalog)
    if gone[CODE] in OCCUPATIONS:
        assert [partner + 2] == lines_of(messages, "without their importance or level pair")
        assert not requirement_of(catalog, gone[CODE], gone[ELEMENT])
    else:  # skipped for the missing occupation, which is the reason that comes first
        assert partner + 2 in lines_of(messages, "occupations missing from Occupation Data")
        assert not any(m.startswith("Skills.txt:") and "without their" in m for m in messages)


REPEAT = SKILLS_ROWS[CT_IM : CT_LV + 1]
"""11-3021.00 Critical Thinking rated again, alike: either pair kept makes the same catalog."""


@functools.cache
def with_repeat_at_end() -> tuple[Catalog, list[str]]:
    """The fixture with the repeated pair after every other row."""
    with onet_release([*SKILLS_ROWS, *REPEAT]) as folder:
        return load_onet(folder)


@settings(max_examples=25)
@given(st.permutations([*SKILLS_ROWS, *REPEAT]))
def test_shuffled_repeat_counts_alike(rows):
    """With one pair rated twice, ratings in any order give the same catalog and warning counts."""
    with onet_release(rows) as folder:
        catalog, messages = load_onet(folder)
    before, before_messages = with_repeat_at_end()
    assert {r.id: set(r.requirements) for r in before.roles} == {
        r.id: set(r.requirements) for r in catalog.roles
    }
    assert (
        1
        == kinds(before_messages)[
            "Skills.txt: ratings repeated later for the same occupation and element;"
            " the last is kept"
        ]
    )
    assert kinds(before_messages) == kinds(messages)


def test_unpaired_rating_that_is_not_a_number():
    """A rating that is not a number raises CatalogError, even without its pair."""
    rows = [r for i, r in enumerate(SKILLS_ROWS) if i != CT_LV]
    rows[CT_IM] = changed(rows[CT_IM], value="abc")
    with onet_release(rows) as folder:
        message = onet_error(folder)
    assert f"Skills.txt:{CT_IM + 2}:" in message
    assert "'abc'" in message


@pytest.mark.parametrize(
    ("index", "value"),
    [
        (CT_IM, "6"),
        (CT_IM, "0.5"),
        (CT_IM, "nan"),
        (CT_IM, "inf"),
        (CT_IM, "n/a"),
        (CT_LV, "7.5"),
        (CT_LV, "-1"),
        (CT_LV, "nan"),
        (CT_LV, "inf"),
    ],
)
def test_rating_off_its_scale(index, value):
    """A Data Value off its scale raises CatalogError naming the row's line and the value."""
    rows = list(SKILLS_ROWS)
    rows[index] = changed(rows[index], value=value)
    with onet_release(rows) as folder:
        message = onet_error(folder)
    assert f"Skills.txt:{index + 2}:" in message
    assert repr(value) in message


@settings(max_examples=40)
@given(
    st.sampled_from([CT_IM, CT_LV]),
    st.floats() | st.sampled_from([1.0, 5.0, 0.0, 7.0, 2.0, 3.5, 3.0, -0.0]),
)
@example(CT_IM, 5.000001)
@example(CT_LV, -1e-9)
def test_rating_values(index, number):
    """A rating on its scale is imported by the rules; one off its scale raises CatalogError."""
    rows = list(SKILLS_ROWS)
    rows[index] = changed(rows[index], value=repr(number))
    low, high = (1, 5) if index == CT_IM else (0, 7)
    with onet_release(rows) as folder:
        if low <= number <= high:
            catalog, _ = load_onet(folder)
            im, lv = (float(fields_of(rows[i])[VALUE]) for i in (CT_IM, CT_LV))
            wanted = Requirement(
                options=(f"onet/{CT_ELEMENT}",),
                level=level_for(lv),
                essential=im >= 3,
                importance=im / 5,
            )
            assert [wanted] == requirement_of(catalog, CT_CODE, CT_ELEMENT)
        else:
            message = onet_error(folder)
            assert f"Skills.txt:{index + 2}:" in message
            assert repr(repr(number)) in message


def test_element_id_with_a_space():
    """An Element ID holding a space raises CatalogError naming the column and line."""
    rows = list(SKILLS_ROWS)
    for i in (CT_IM, CT_LV):
        rows[i] = changed(rows[i], element="2.A 2.a")
    with onet_release(rows) as folder:
        message = onet_error(folder)
    assert "Skills.txt:4:" in message
    assert "Element ID" in message


def test_occupation_code_with_a_space():
    """An O*NET-SOC Code holding a space raises CatalogError naming the column and line."""
    text = (ONET / "Occupation Data.txt").read_bytes().decode()
    broken = text.replace("\n15-2041.00\t", "\n15-2041 00\t", 1)
    assert broken != text
    with onet_release(SKILLS_ROWS, occupations=broken) as folder:
        message = onet_error(folder)
    assert "Occupation Data.txt:4:" in message
    assert "O*NET-SOC Code" in message


@pytest.mark.parametrize("file", ["Skills.txt", "Occupation Data.txt"])
def test_files_closed_after_an_error(file):
    """Once a malformed row has stopped an import, no file of the release is left open."""
    rows, occupations = list(SKILLS_ROWS), None
    if file == "Skills.txt":
        rows[CT_IM] = changed(rows[CT_IM], value="9")
    else:
        text = (ONET / "Occupation Data.txt").read_bytes().decode()
        occupations = text.replace("\n15-2041.00\t", "\n15-2041 00\t", 1)
    opened = []
    real_open = Path.open

    def recording_open(self, *args, **kwargs):
        opened.append(real_open(self, *args, **kwargs))
        return opened[-1]

    with onet_release(rows, occupations) as folder:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            with (
                mock.patch.object(Path, "open", recording_open),
                pytest.raises(CatalogError) as caught,
            ):
                onet.load(folder)
        try:  # the error is still held, as a caller that logs it holds it
            assert caught.value.__traceback__ is not None
            left_open = [Path(f.name).name for f in opened if not f.closed]
        finally:
            for f in opened:  # so that no warning of an unclosed file comes later
                f.close()
    assert file in {Path(f.name).name for f in opened}
    assert [] == left_open


# --- slug ------------------------------------------------------------------------------


@given(st.text())
@example(" Data\u00a0Scientist \x1c x ")
@example("\u0130stanbul  Tools")
def test_slug(text):
    """A slug is the text stripped, lowercased, each run of white space made one hyphen."""
    assert re.sub(r"\s+", "-", text.strip().lower()) == slug(text)


# --- the rarer errors -------------------------------------------------------------------


def test_missing_column():
    """A file without a column asked for raises CatalogError naming the file, line 1 and column."""
    with (
        written("a,b\n1,2\n", "x.csv") as folder,
        Source(folder) as source,
        pytest.raises(CatalogError, match=r"x\.csv:1: missing column\(s\) 'c'"),
    ):
        source.table("x.csv", ["a", "c"])


def test_csv_error_names_the_line():
    """An error of the csv module itself (here a field over its size limit) names the line."""
    text = "a,b\n1,2\n3," + "x" * 50 + "\n"
    limit = csv.field_size_limit()
    csv.field_size_limit(20)
    try:
        with written(text, "x.csv") as folder, Source(folder) as source:
            _, records = source.records("x.csv", ["a", "b"])
            with pytest.raises(CatalogError, match=r"x\.csv:3: field larger than field limit"):
                list(records)
    finally:
        csv.field_size_limit(limit)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "empty"), ("  \t", "empty"), ("Data\x00Science", "control characters")],
)
def test_label_problem(text, problem):
    """Empty or blank labels and labels with control characters cannot name anything."""
    found = _source.label_problem(text)
    assert found is not None
    assert problem in found


def test_labels_that_name():
    """Printable labels, and labels whose only control characters are white space, name things."""
    assert _source.label_problem("Data Scientist") is None
    assert _source.label_problem("Data\tScientist\n") is None  # white space becomes "-"


@pytest.mark.parametrize("code", ["", "15 2051.00", "15-2051.00\x00"])
def test_id_problem(code):
    """Empty ids, ids with white space and unprintable ids are refused; others pass."""
    assert _source.id_problem(code) is not None
    assert _source.id_problem("15-2051.00") is None


def test_occupation_without_a_title():
    """An occupation row without a title raises CatalogError naming Occupation Data and the line."""
    text = (ONET / "Occupation Data.txt").read_bytes().decode()
    lines = text.splitlines(keepends=True)
    code, _, description = lines[1].rstrip("\r\n").split("\t")
    lines[1] = f"{code}\t\t{description}\r\n"
    with onet_release(SKILLS_ROWS, occupations="".join(lines)) as folder:
        message = onet_error(folder)
    assert "Occupation Data.txt:2:" in message
    assert "without a code or a title" in message


def test_flagged_pair_rated_again():
    """A pair flagged Not Relevant, then rated again: the later is imported; each counted once."""
    flagged = next(
        i
        for i, row in enumerate(SKILLS_ROWS)
        if fields_of(row)[IRRELEVANT] == "Y" and fields_of(row)[CODE] in OCCUPATIONS
    )
    im, lv = SKILLS_ROWS[flagged - 1], SKILLS_ROWS[flagged]
    assert fields_of(im)[SCALE] == "IM"
    fields = fields_of(lv)
    fields[IRRELEVANT] = "N"
    again = [im, "\t".join(fields) + "\r\n"]
    rows = [*SKILLS_ROWS, *again]
    with onet_release(rows) as folder:
        catalog, messages = load_onet(folder)
    code, element = fields[CODE], fields[ELEMENT]
    assert len(requirement_of(catalog, code, element)) == 1  # the later pair, not flagged
    assert flagged + 1 in lines_of(messages, "repeated later")  # the earlier pair's IM line
    assert flagged + 1 not in lines_of(messages, "Not Relevant")
    base = kinds(unshuffled()[1])
    now = kinds(messages)
    not_relevant = "Skills.txt: ratings marked Not Relevant; not imported"
    assert now[not_relevant] == base[not_relevant] - 1


def test_unpaired_rating_of_a_new_element_is_checked():
    """A lone rating of an element seen nowhere else still has its Element ID checked."""
    lone = changed(SKILLS_ROWS[CT_IM], element="2.Z 9")
    with onet_release([*SKILLS_ROWS, lone]) as folder:
        message = onet_error(folder)
    assert f"Skills.txt:{len(SKILLS_ROWS) + 2}:" in message
    assert "Element ID" in message


def test_technology_without_a_name():
    """A Technology Skills row whose Example is blank raises CatalogError naming the line."""
    with onet_release(SKILLS_ROWS) as folder:
        path = folder / "Technology Skills.txt"
        lines = path.read_bytes().decode().splitlines(keepends=True)
        fields = lines[1].split("\t")
        fields[1] = "   "
        lines[1] = "\t".join(fields)
        path.write_bytes("".join(lines).encode())
        message = onet_error(folder)
    assert "Technology Skills.txt:2: Example:" in message


# --- found in review: repeats out of order, two files, order, names --------------------

REPEAT_A = [SKILLS_ROWS[CT_IM], SKILLS_ROWS[CT_LV]]
REPEAT_B = [changed(SKILLS_ROWS[CT_IM], value="2.00"), changed(SKILLS_ROWS[CT_LV], value="6.00")]


@pytest.mark.parametrize(
    "order",
    # every interleaving of IM a, IM b (in that order) with LV a, LV b (in that order)
    ["IaLaIbLb", "IaIbLaLb", "IaLaLbIb", "LaIaIbLb", "LaIaLbIb", "LaLbIaIb"],
)
def test_repeat_pairs_in_file_order(order):
    """Rated twice, interleaved: the first IM pairs with the first LV; the last pair stays."""
    rows_of = {"Ia": REPEAT_A[0], "La": REPEAT_A[1], "Ib": REPEAT_B[0], "Lb": REPEAT_B[1]}
    repeat = [rows_of[order[i : i + 2]] for i in range(0, 8, 2)]
    rest = [r for i, r in enumerate(SKILLS_ROWS) if i not in {CT_IM, CT_LV}]
    with onet_release([*rest, *repeat]) as folder:
        catalog, messages = load_onet(folder)
    later = Requirement(
        options=(f"onet/{CT_ELEMENT}",), level=Level.EXPERT, essential=False, importance=0.4
    )
    assert [later] == requirement_of(catalog, CT_CODE, CT_ELEMENT)
    assert len(lines_of(messages, "repeated later")) == 1


def test_an_element_rated_in_two_files():
    """Knowledge.txt rating an element Skills.txt rated for the same occupation is an error."""
    with onet_release(SKILLS_ROWS) as folder:
        path = folder / "Knowledge.txt"
        text = path.read_bytes().decode()
        path.write_bytes((text + "".join(REPEAT_A)).encode())
        line = text.count("\n") + 1
        message = onet_error(folder)
    assert f"Knowledge.txt:{line}:" in message
    assert CT_ELEMENT in message


def test_requirements_in_the_order_of_their_im_rows():
    """Pairs completed out of order still come in the order of their IM rows."""
    mathematics = SKILLS_ROWS[0:2]  # IM, LV of 2.A.1.e for 11-3021.00
    rest = [r for i, r in enumerate(SKILLS_ROWS) if i not in {0, 1, CT_IM, CT_LV}]
    rows = [mathematics[0], REPEAT_A[0], REPEAT_A[1], mathematics[1], *rest]
    with onet_release(rows) as folder:
        catalog, _ = load_onet(folder)
    options = [r.options[0] for r in catalog.role(f"onet/{CT_CODE}").requirements]
    assert options.index("onet/2.A.1.e") < options.index(f"onet/{CT_ELEMENT}")


def test_a_blank_element_name_on_an_lv_row():
    """The Element Name of an element's first LV row is checked too."""
    fields = fields_of(SKILLS_ROWS[CT_LV])
    fields[2] = " "
    rows = list(SKILLS_ROWS)
    rows[CT_LV] = "\t".join(fields) + "\r\n"
    rest = [r for i, r in enumerate(rows) if i not in {CT_IM, CT_LV}]
    with onet_release([rows[CT_IM], rows[CT_LV], *rest]) as folder:
        message = onet_error(folder)
    assert "Skills.txt:3: Element Name:" in message


@attrs.frozen(kw_only=True)
class Awkward:
    """A class whose field names a generated maker might use for itself."""

    obj: int
    new: int
    cls: int
    make: int


def test_unchecked_field_names_cannot_shadow_its_own():
    """Fields named like the maker's own variables are set like any other."""
    made = unchecked(Awkward, obj=1, new=2, cls=3, make=4)
    assert made == Awkward(obj=1, new=2, cls=3, make=4)


def test_progress_with_chunks_bigger_than_its_step(tmp_path):
    """Progress is reported (ending at 1.0) with chunks larger than the progress step."""
    (tmp_path / "a.csv").write_text("a,b\n" + "1,2\n" * 10, encoding="utf-8")
    calls = []
    with (
        mock.patch.object(_source, "_CHUNK", 5000),
        Source(tmp_path, lambda *c: calls.append(c)) as s,
    ):
        assert len(list(s.records("a.csv", ["a"])[1])) == 10
    assert calls[-1] == ("a.csv", 1.0)


def reference_requirements(rows: list[str]) -> dict[str, list[Requirement]]:
    """Each known occupation's Skills requirements by the documented pairing rule, in order.

    Per occupation and element, the k-th IM row pairs with the k-th LV row in
    file order; the last pair is kept; requirements follow the IM rows of the
    pairs kept.
    """
    by_key: dict[tuple[str, str], dict[str, list[tuple[int, list[str]]]]] = {}
    for line, row in enumerate(rows, 2):
        fields = fields_of(row)
        scales = by_key.setdefault((fields[CODE], fields[ELEMENT]), {"IM": [], "LV": []})
        if fields[SCALE] in scales:
            scales[fields[SCALE]].append((line, fields))
    kept: dict[str, list[tuple[int, Requirement]]] = {code: [] for code in OCCUPATIONS}
    for (code, element), scales in by_key.items():
        pairs = list(zip(scales["IM"], scales["LV"], strict=False))
        if code not in OCCUPATIONS or not pairs:
            continue
        (line, im), (_, lv) = pairs[-1]
        if lv[IRRELEVANT] == "Y" or "Y" in (im[SUPPRESS], lv[SUPPRESS]):
            continue
        importance = float(im[VALUE])
        requirement = Requirement(
            options=(f"onet/{element}",),
            level=level_for(float(lv[VALUE])),
            essential=importance >= 3,
            importance=importance / 5,
        )
        kept[code].append((line, requirement))
    return {code: [r for _, r in sorted(pairs)] for code, pairs in kept.items()}


RATED_ELEMENTS = ["2.A.1.a", "2.A.1.b", "2.A.2.a"]
"""Skills the generated ratings rate: Reading Comprehension, Active Listening, Critical Thinking."""


@st.composite
def rating_rows(draw) -> list[str]:
    """Ratings of a few occupations (one unknown) and elements, repeated and in any order."""
    codes = [*sorted(OCCUPATIONS)[:2], "99-9999.99"]
    elements = RATED_ELEMENTS
    template = fields_of(SKILLS_ROWS[CT_IM])
    rows = []
    for _ in range(draw(st.integers(1, 14))):
        fields = list(template)
        fields[CODE] = draw(st.sampled_from(codes))
        fields[ELEMENT] = draw(st.sampled_from(elements))
        fields[SCALE] = draw(st.sampled_from(["IM", "LV", "IM", "LV", "XX"]))
        high = 5 if fields[SCALE] == "IM" else 7
        fields[VALUE] = f"{draw(st.integers(100 if high == 5 else 0, high * 100)) / 100:.2f}"
        fields[SUPPRESS] = draw(st.sampled_from(["N", "N", "N", "Y"]))
        fields[IRRELEVANT] = draw(st.sampled_from(["N", "N", "N", "Y"]))
        rows.append("\t".join(fields) + "\r\n")
    return rows


@settings(max_examples=60, deadline=None)
@given(rating_rows())
def test_pairing_follows_the_documented_rule(rows):
    """Any rows, repeated and out of order: requirements as the documented rule gives them."""
    with onet_release(rows) as folder:
        catalog, _ = load_onet(folder)
    expected = reference_requirements(rows)
    for role in catalog.roles:
        code = role.external_ids["onet"]
        if code in expected:
            rated = [
                r for r in role.requirements if r.options[0][5:] in RATED_ELEMENTS
            ]  # (not the fixture's Knowledge ratings or technologies)
            assert expected[code] == rated

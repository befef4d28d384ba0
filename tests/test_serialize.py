from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given

import ai_roles
from ai_roles import (
    Catalog,
    CatalogError,
    EffortModel,
    Level,
    Prerequisite,
    Profile,
    Requirement,
    Role,
    SchemaVersionError,
    Skill,
    Tool,
    dump,
    dumps,
    from_dict,
    load,
    load_catalog,
    loads,
    to_dict,
)
from strategies import catalogs

HEADER = {"schema": "ai-roles/1", "kind": "catalog"}


def catalog_doc(**fields):
    return {**HEADER, **fields}


class TestRoundTrips:
    @given(catalogs())
    def test_json(self, catalog):
        """JSON round trips are the identity, and the bytes are stable."""
        text = dumps(catalog)
        again = loads(text)
        assert catalog == again
        assert text == dumps(again)

    @given(catalogs())
    def test_toml(self, catalog):
        """TOML round trips are the identity, and the bytes are stable."""
        text = dumps(catalog, "toml")
        again = loads(text, "toml")
        assert catalog == again
        assert text == dumps(again, "toml")

    @given(catalogs())
    def test_dicts(self, catalog):
        """to_dict gives plain JSON data that from_dict turns back into the catalog."""
        data = to_dict(catalog)
        assert json.loads(json.dumps(data)) == data
        assert catalog == from_dict(data, Catalog)

    @pytest.mark.parametrize(
        "obj",
        [
            Skill(id="sql", name="SQL", hours=30, prerequisites=["x"], external_ids={"esco": "u"}),
            Tool(id="docker", name="Docker", kind="platform", skills=["containers"]),
            Requirement(
                options=("pytorch", "tensorflow"), level=3, essential=False, importance=0.5
            ),
            Role(id="r", name="R", requirements=["sql"], responsibilities=["do"], sources=["s"]),
            Profile(levels={"python": 3, "sql": 1}),
            EffortModel(fractions=(0.2, 0.5, 1.0, 3.0)),
            Prerequisite(item="docker", level=Level.PRACTITIONER),
        ],
    )
    @pytest.mark.parametrize("fmt", ["json", "toml"])
    def test_every_public_type(self, obj, fmt):
        """Every public model type round-trips through both formats, with its kind."""
        assert obj == loads(dumps(obj, fmt), fmt)
        assert obj == loads(dumps(obj, fmt), fmt, cls=type(obj))

    def test_defaults_omitted_levels_as_numbers(self):
        """Fields at their default are left out; levels are written as numbers."""
        data = to_dict(Requirement(options="x", level=Level.EXPERT))
        assert {"schema": "ai-roles/1", "kind": "requirement", "options": ["x"], "level": 4} == data

    def test_level_names_accepted(self):
        """Documents may spell levels as names, in any case."""
        doc = {"schema": "ai-roles/1", "kind": "requirement", "options": "x", "level": "Expert"}
        assert Requirement(options="x", level=Level.EXPERT) == from_dict(doc)

    def test_bytes_and_bom(self):
        """Bytes are decoded as UTF-8, with or without a byte-order mark."""
        text = dumps(Skill(id="x", name="Ünïcode"))
        assert Skill(id="x", name="Ünïcode") == loads(b"\xef\xbb\xbf" + text.encode())

    def test_not_serialisable(self):
        """Objects that are not documents are refused with a TypeError."""
        with pytest.raises(TypeError, match="dict objects are not ai_roles documents"):
            to_dict({"a": 1})


class TestBadDocuments:
    @pytest.mark.parametrize(
        ("text", "fmt", "message"),
        [
            ("{", "json", "line 1, column 2: not JSON"),
            ('{"a": NaN}', "json", "not JSON: NaN is not a number JSON allows"),
            ("x = ", "toml", "not TOML: "),
            ("[1, 2]", "json", "(document): list is not a document (a mapping)"),
            ("42", "json", "(document): int is not a document (a mapping)"),
        ],
    )
    def test_not_a_document(self, text, fmt, message):
        """Text that is not a document at all is a CatalogError saying so."""
        with pytest.raises(CatalogError, match=re.escape(message)):
            loads(text, fmt)

    def test_not_utf8(self):
        """Bytes that are not UTF-8 are a CatalogError naming the byte."""
        with pytest.raises(CatalogError, match=re.escape("byte 0: not UTF-8 text")):
            loads(b"\xff\xfe{}")

    @pytest.mark.parametrize(
        ("doc", "message"),
        [
            ({"kind": "catalog"}, "schema: missing"),
            ({"schema": "ai-roles/2", "kind": "catalog"}, "schema: 'ai-roles/2' is newer"),
            (
                {"schema": "other/1", "kind": "catalog"},
                "schema: 'other/1' is not an ai-roles schema",
            ),
            ({"schema": 1, "kind": "catalog"}, "schema: 1 is not an ai-roles schema"),
            (
                {"schema": "ai-roles/0", "kind": "catalog"},
                "schema: 'ai-roles/0' is not a version that exists",
            ),
        ],
    )
    def test_schema(self, doc, message):
        """A missing, foreign or newer schema is a SchemaVersionError."""
        with pytest.raises(SchemaVersionError, match=re.escape(message)):
            from_dict(doc)

    def test_minor_version_accepted(self):
        """A newer minor version of the same major schema is read."""
        assert Catalog() == from_dict({"schema": "ai-roles/1.3", "kind": "catalog"})

    @pytest.mark.parametrize(
        ("doc", "cls", "message"),
        [
            ({"schema": "ai-roles/1"}, None, "kind: None is not a kind of document"),
            (
                {"schema": "ai-roles/1", "kind": "job"},
                None,
                "kind: 'job' is not a kind of document",
            ),
            (
                {"schema": "ai-roles/1", "kind": "skill", "id": "a", "name": "A"},
                Catalog,
                "kind: 'skill' is not 'catalog'",
            ),
        ],
    )
    def test_kind(self, doc, cls, message):
        """The kind is required, known, and what the caller insists on."""
        with pytest.raises(CatalogError, match=re.escape(message)):
            from_dict(doc, cls)

    @pytest.mark.parametrize(
        ("fields", "problems"),
        [
            # missing and extra fields
            ({"roles": [{"id": "r"}]}, ["roles[0].name: required field missing"]),
            (
                {"skills": [{"id": "s", "name": "S", "level": 3}]},
                ["skills[0]: unknown field 'level'"],
            ),
            ({"owner": "me"}, ["(document): unknown field 'owner'"]),
            # wrong types
            ({"roles": "r"}, ["roles: 'r' is not a list"]),
            ({"roles": ["r"]}, ["roles[0]: 'r' is not a table of fields"]),
            ({"skills": [{"id": "s", "name": 5}]}, ["skills[0].name: 5 is not a string"]),
            (
                {"skills": [{"id": "s", "name": "S", "hours": "ten"}]},
                ["skills[0].hours: 'ten' is not a number"],
            ),
            (
                {"skills": [{"id": "s", "name": "S", "hours": True}]},
                ["skills[0].hours: True is not a number"],
            ),
            (
                {"skills": [{"id": "s", "name": "S", "aliases": "x"}]},
                ["skills[0].aliases: 'x' is not a list"],
            ),
            (
                {"skills": [{"id": "s", "name": "S", "aliases": [1]}]},
                ["skills[0].aliases[0]: 1 is not a string"],
            ),
            (
                {"skills": [{"id": "s", "name": "S", "external_ids": []}]},
                ["skills[0].external_ids: [] is not a table of values"],
            ),
            (
                {"skills": [{"id": "s", "name": "S", "external_ids": {"onet": 3}}]},
                ["skills[0].external_ids: 'onet': 3 is not a string"],
            ),
            # bad values
            (
                {"skills": [{"id": "s s", "name": "S"}]},
                ["skills[0].id: 's s' is not an id (printable text without whitespace)"],
            ),
            (
                {"skills": [{"id": "s", "name": ""}]},
                ["skills[0].name: '' is not a name (a non-empty string)"],
            ),
            (
                {"skills": [{"id": "s", "name": "S", "hours": -2}]},
                ["skills[0].hours: -2.0 is not a number of hours (finite and >= 0)"],
            ),
            (
                {
                    "skills": [
                        {"id": "s", "name": "S", "prerequisites": [{"item": "x", "level": 9}]}
                    ]
                },
                ["skills[0].prerequisites[0].level: 9 is not a level (0-4 or its name)"],
            ),
            (
                {"effort": {"fractions": [0.1, 0.4, 1.0]}},
                ["effort.fractions: [0.1, 0.4, 1.0] is not 4 fractions (awareness to expert)"],
            ),
            # cross-object problems
            (
                {"roles": [{"id": "r", "name": "R", "requirements": [{"options": "nope"}]}]},
                ["roles[0].requirements[0].options[0]: unknown item 'nope'"],
            ),
        ],
    )
    def test_each_problem_located(self, fields, problems):
        """Each malformed field is a CatalogError whose message names where it is."""
        with pytest.raises(CatalogError) as info:
            from_dict(catalog_doc(**fields))
        assert problems == list(info.value.problems)

    def test_all_problems_at_once(self):
        """Problems in different places are all reported together."""
        doc = catalog_doc(
            roles=[
                {
                    "id": "r x",
                    "name": "",
                    "requirements": [
                        {"options": "py", "level": 7, "importance": 1.5, "essential": "yes"}
                    ],
                }
            ],
            skills=[{"id": "py", "name": "Python", "hours": -3}],
        )
        with pytest.raises(CatalogError) as info:
            from_dict(doc)
        assert [
            "roles[0].id: 'r x' is not an id (printable text without whitespace)",
            "roles[0].name: '' is not a name (a non-empty string)",
            "roles[0].requirements[0].level: 7 is not a level (0-4 or its name)",
            "roles[0].requirements[0].essential: 'yes' is not true or false",
            "roles[0].requirements[0].importance: 1.5 is not an importance (a number in (0, 1])",
            "skills[0].hours: -3.0 is not a number of hours (finite and >= 0)",
        ] == list(info.value.problems)


class TestFiles:
    @pytest.mark.parametrize("suffix", [".json", ".toml", ".TOML"])
    def test_format_from_suffix(self, tmp_path, suffix):
        """dump and load pick the format from the file's suffix."""
        catalog = Catalog(name="c", skills=[Skill(id="a", name="A")])
        path = tmp_path / f"catalog{suffix}"
        dump(catalog, path)
        assert catalog == load(path)
        assert catalog == load_catalog(path)
        assert path.read_text(encoding="utf-8") == dumps(catalog, suffix.lower()[1:])  # type: ignore[arg-type]

    def test_unknown_suffix(self, tmp_path):
        """A suffix that names no format is a ValueError naming the argument."""
        with pytest.raises(ValueError, match=re.escape("format: cannot tell it from 'c.yaml'")):
            dump(Catalog(), tmp_path / "c.yaml")
        dump(Catalog(), tmp_path / "c.yaml", format="json")
        assert Catalog() == load(tmp_path / "c.yaml", format="json")

    def test_unknown_format(self):
        """An unknown format is a ValueError naming the argument."""
        with pytest.raises(ValueError, match=re.escape("format: 'xml' is not 'json' or 'toml'")):
            dumps(Catalog(), "xml")  # type: ignore[arg-type]

    def test_errors_name_the_file(self, tmp_path):
        """Problems in a file are reported with the file's path."""
        path = tmp_path / "bad.json"
        path.write_text('{"schema": "ai-roles/1", "kind": "catalog", "roles": 3}', encoding="utf-8")
        with pytest.raises(CatalogError, match=re.escape(f"{path}: roles: 3 is not a list")):
            load(path)

    def test_load_catalog_insists_on_a_catalog(self, tmp_path):
        """load_catalog refuses a document of another kind."""
        path = tmp_path / "skill.json"
        dump(Skill(id="a", name="A"), path)
        with pytest.raises(CatalogError, match="kind: 'skill' is not 'catalog'"):
            load_catalog(path)

    def test_dump_is_atomic(self, tmp_path, monkeypatch):
        """A failure while writing leaves the old file whole and no temporary file behind."""
        path = tmp_path / "catalog.json"
        dump(Catalog(name="old"), path)
        before = path.read_bytes()

        def fail(*_):
            raise OSError("disk full")

        monkeypatch.setattr(Path, "replace", fail)
        with pytest.raises(OSError, match="disk full"):
            dump(Catalog(name="new"), path)
        assert before == path.read_bytes()
        assert [path] == list(tmp_path.iterdir())

    def test_unserialisable_leaves_no_file(self, tmp_path):
        """Nothing is written when the object cannot be serialised."""
        with pytest.raises(TypeError):
            dump(object(), tmp_path / "x.json")
        assert [] == list(tmp_path.iterdir())


def test_builtin_catalog_is_shared_and_valid():
    """The built-in catalog loads through the public converter, once."""
    assert load_catalog() is load_catalog()
    assert isinstance(load_catalog(), Catalog)
    assert load_catalog() == loads(dumps(load_catalog()))


def test_version():
    """The package knows its version from its metadata."""
    assert re.match(r"\d+\.\d+", ai_roles.__version__)

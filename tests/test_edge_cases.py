"""Edge cases found in review: odd input gets a clear error from our hierarchy, and merges link."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import networkx as nx
import pytest

import ai_roles
from ai_roles import (
    ArgumentError,
    Catalog,
    CatalogError,
    Level,
    Requirement,
    Role,
    Skill,
    catalog_from_graph,
    loads,
    read_graphml,
    write_graphml,
)
from ai_roles.advice import next_skills
from ai_roles.cli import main
from ai_roles.importers import DataWarning, esco, onet
from ai_roles.paths import learning_path
from ai_roles.similarity import similarity

FIXTURES = Path(__file__).parent / "fixtures"
ESCO = FIXTURES / "esco" / "csv-v1.1.1"


def quiet_load(load, *args, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load(*args, **options)


class TestMergeLinks:
    def test_onet_technologies_link_to_builtin_tools(self):
        """Merged with O*NET, the built-in tools stand in for O*NET's, so roles compare."""
        merged = ai_roles.load_catalog().merge(quiet_load(onet.load, FIXTURES / "onet"))
        assert "onet-tech/python" not in merged  # O*NET's Python is the built-in one
        assert "python" in {
            o for q in merged.role("onet/15-2051.00").requirements for o in q.options
        }
        assert similarity(merged, "data-scientist", "onet/15-2051.00") > 0

    def test_stronger_requirement_kept(self):
        """Two requirements that become one item keep the higher level, importance and essential."""
        base = Catalog(skills=[Skill(id="x", name="X", external_ids={"esco": "u"})])
        other = Catalog(
            skills=[
                Skill(id="b1", name="B1", external_ids={"esco": "u"}),
                Skill(id="b2", name="B2", external_ids={"esco": "u"}),
            ],
            roles=[
                Role(
                    id="r",
                    name="R",
                    requirements=[
                        Requirement(options="b1", level=1, importance=0.2, essential=False),
                        Requirement(options="b2", level=4, importance=0.9),
                    ],
                )
            ],
        )
        expected = (Requirement(options="x", level=Level.EXPERT, importance=0.9, essential=True),)
        assert expected == base.merge(other).role("r").requirements


class TestProfiles:
    def test_names_in_profiles(self, capsys):
        """A person's items may be named by name; the CLI and closure turn them into ids."""
        assert 0 == main(["path", "mlops-engineer", "--have", "Machine learning:3"])
        assert "Traceback" not in capsys.readouterr().err
        cat = ai_roles.load_catalog()
        assert Level.PRACTITIONER == cat.closure({"Machine learning": 3}).level("machine-learning")

    def test_bad_level_in_profile(self):
        """A level out of range in a profile mapping is an ArgumentError naming the item."""
        with pytest.raises(ArgumentError, match=re.escape("profile['python']: 9 is not a level")):
            learning_path(ai_roles.load_catalog(), {"python": 9}, "data-scientist")

    @pytest.mark.parametrize("key", [None, 5, 2.5])
    def test_lookup_of_a_non_id(self, key):
        """Looking up something that is no id, name or object is an ArgumentError."""
        with pytest.raises(ArgumentError, match="is not an id, a name or an object"):
            ai_roles.load_catalog().role(key)

    def test_one_target_as_a_string(self):
        """next_skills takes one target given as a string, not its letters."""
        cat = ai_roles.load_catalog()
        assert next_skills(cat, {}, targets="mlops-engineer") == next_skills(
            cat, {}, targets=["mlops-engineer"]
        )


class TestGraphs:
    def test_requires_edges_without_group(self):
        """Requires edges without a group are separate requirements, not alternatives."""
        G = nx.DiGraph()
        for item in "abc":
            G.add_node(item, kind="skill", name=item.upper())
            G.add_edge("r", item, relation="requires", level=2)
        G.nodes["r"].update(kind="role", name="R")
        role = catalog_from_graph(G).role("r")
        assert [("a",), ("b",), ("c",)] == [q.options for q in role.requirements]

    def test_graph_attribute_of_the_wrong_type(self):
        """A graph whose name is not text is a CatalogError."""
        with pytest.raises(CatalogError, match="graph: "):
            catalog_from_graph(nx.DiGraph(name=5))

    def test_graphml_bad_json_attribute(self, tmp_path):
        """A .json attribute that is not JSON is a CatalogError naming the node and file."""
        path = tmp_path / "c.graphml"
        write_graphml(Catalog(skills=[Skill(id="s", name="a\x01b")]), path)
        path.write_text(path.read_text().replace('"a\\u0001b"', "{broken"))
        with pytest.raises(CatalogError, match=re.escape("nodes['s'].name.json: not JSON text")):
            read_graphml(path)


class TestDocuments:
    def test_kind_of_the_wrong_type(self):
        """A kind that is not text is a CatalogError, not a TypeError."""
        with pytest.raises(CatalogError, match="kind: "):
            loads('{"schema": "ai-roles/1", "kind": ["catalog"]}')

    @pytest.mark.parametrize(
        ("document", "message"),
        [
            (
                {
                    "kind": "similarity-matrix",
                    "ids": ["a", "b"],
                    "method": "cosine",
                    "values": [[1.0]],
                },
                "values: shape (1, 1) does not fit 2 ids (2 x 2)",
            ),
            (
                {"kind": "similarity-matrix", "ids": ["a"], "method": "bogus", "values": [[1.0]]},
                "method: 'bogus' is not a similarity method",
            ),
            ({"kind": "match", "role": "r", "score": 2.5}, "score: 2.5 is not a score in [0, 1]"),
            (
                {
                    "kind": "step",
                    "item": "x",
                    "from_level": 4,
                    "to_level": 1,
                    "hours": 1,
                    "reason": {"kind": "required", "of": "r", "level": 1},
                },
                "to_level: <Level.AWARENESS: 1> is not above from_level",
            ),
            (
                {"kind": "gap", "item": "x", "have": 0, "need": 2, "hours": -5},
                "hours: -5.0 is not a number of hours",
            ),
        ],
    )
    def test_results_are_validated(self, document, message):
        """Result documents that no analysis could produce are refused with the field named."""
        with pytest.raises(CatalogError, match=re.escape(message)):
            ai_roles.from_dict({"schema": "ai-roles/1", **document})

    def test_nested_too_deeply(self):
        """Absurd nesting is a CatalogError, not a RecursionError."""
        with pytest.raises(CatalogError, match="nested too deeply"):
            loads("[" * 100_000 + "]" * 100_000)


class TestImporterInput:
    def test_bytes_that_are_not_utf8(self, tmp_path):
        """A file that is not UTF-8 is a CatalogError naming the file and line."""
        release = tmp_path / "esco"
        shutil.copytree(ESCO, release)
        skills = release / "skills_en.csv"
        skills.write_bytes(skills.read_bytes() + b'"broken \xff\xfe row"\r\n')
        with pytest.raises(CatalogError, match=r"skills_en\.csv:\d+: .*codec can't decode"):
            quiet_load(esco.load, release)

    def test_label_that_names_nothing(self, tmp_path):
        """An occupation whose label is blank is a CatalogError naming the file and line."""
        release = tmp_path / "esco"
        shutil.copytree(ESCO, release)
        occupations = release / "occupations_en.csv"
        text = occupations.read_text(encoding="utf-8")
        label = "data scientist"
        assert label in text
        occupations.write_text(text.replace(f",{label},", ", \t ,", 1), encoding="utf-8")
        with pytest.raises(
            CatalogError, match=r"occupations_en\.csv:\d+: preferredLabel: .* is not a name"
        ):
            quiet_load(esco.load, release)

    def test_isco_group_as_a_string(self):
        """A single ISCO group may be given as a string."""
        assert quiet_load(esco.load, ESCO, isco_groups="25") == quiet_load(
            esco.load, ESCO, isco_groups=["25"]
        )
        assert (
            quiet_load(esco.load, ESCO, occupations="data scientist").roles[0].name
            == "data scientist"
        )

    def test_repeated_concept_warned(self, tmp_path):
        """A skill URI listed twice is warned about and the first row kept."""
        release = tmp_path / "esco"
        shutil.copytree(ESCO, release)
        skills = release / "skills_en.csv"
        records = skills.read_bytes().split(b"\r\n")  # records end in CRLF, fields hold LF
        skills.write_bytes(b"\r\n".join([*records[:2], records[1], *records[2:]]))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DataWarning)
            esco.load(release)
        messages = [str(w.message) for w in caught]
        assert any(
            m.startswith("skills_en.csv: 1 skills repeat a URI read before") for m in messages
        )


class TestFiles:
    def test_errors_name_the_file_asked_for(self, tmp_path):
        """Writing into a missing folder or onto a folder names that path, not a temporary file."""
        with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path / "no" / "c.json"))):
            ai_roles.dump(Catalog(), tmp_path / "no" / "c.json")
        with pytest.raises(IsADirectoryError, match=re.escape(str(tmp_path))):
            ai_roles.dump(Catalog(), tmp_path, format="json")

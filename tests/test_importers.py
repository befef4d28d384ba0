"""The ESCO and O*NET importers, on small fixtures of real rows and on the official releases.

The fixtures and where each row comes from are described in
``tests/fixtures/esco/README.md`` and ``tests/fixtures/onet/README.md``.
Expected values are read off those rows by the mapping rules the importers
document, never off the importers' output.
"""

from __future__ import annotations

import contextlib
import csv
import re
import shutil
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs
import pytest

import ai_roles
from ai_roles import Catalog, CatalogError, Level, Requirement, Seniority, Skill
from ai_roles.importers import DataWarning, esco, onet
from ai_roles.paths import learning_path
from ai_roles.similarity import most_similar, similarity
from releases import REAL, real_data

FIXTURES = Path(__file__).parent / "fixtures"
ESCO_A = FIXTURES / "esco" / "csv-v1.1.1"
ESCO_B = FIXTURES / "esco" / "csv-with-en-and-labels"
ESCO_BROKEN = FIXTURES / "esco" / "broken"
ONET = FIXTURES / "onet"
ONET_BROKEN = ONET / "broken"

ESCO_ZIPS = {
    "esco-v1.1.1-classification-en-csv.zip": (
        "occupations_en.csv",
        "skills_en.csv",
        "skillGroups_en.csv",
    ),
    "esco-v1.1.1-relations-csv.zip": (
        "occupationSkillRelations.csv",
        "skillSkillRelations.csv",
        "broaderRelationsSkillPillar.csv",
    ),
}

# A warning names rows it did not import with one of these; the others name rows
# imported with a change (an empty skill type).
NOT_IMPORTED = re.compile(r"skipped|dropped|not imported|kept once")

OCCUPATION = "http://data.europa.eu/esco/occupation/"
SKILL = "http://data.europa.eu/esco/skill/"

# --- helpers -------------------------------------------------------------------------


@contextlib.contextmanager
def data_warnings() -> Iterator[list[str]]:
    """Record the warnings issued inside; afterwards check each is a DataWarning."""
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield messages
    assert all(issubclass(w.category, DataWarning) for w in caught), [
        str(w.message) for w in caught
    ]
    messages.extend(str(w.message) for w in caught)


def load(
    loader: Callable[..., Catalog], path: Path, **options: object
) -> tuple[Catalog, list[str]]:
    """Import `path`, returning the catalog and the messages of the DataWarnings issued."""
    with data_warnings() as messages:
        catalog = loader(path, **options)
    return catalog, messages


def line_of(path: Path, text: str) -> int:
    """The line of `path` (1-based, any line break counted) where `text` first occurs."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if text in line:
            return number
    msg = f"{text!r} not in {path}"
    raise AssertionError(msg)


def count_of(message: str) -> int:
    """The count a DataWarning message gives: the first number after the file name."""
    found = re.search(r"\.(?:csv|txt)\b\D*?(\d+)", message)
    assert found, message
    return int(found.group(1))


def lines_in(message: str) -> list[int]:
    """The line numbers a DataWarning message lists."""
    found = re.search(r"\blines? ((?:\d+(?:, )?)+)", message)
    assert found, message
    return [int(n) for n in found.group(1).split(", ")]


def about(file: str) -> str:
    """A pattern for a message about `file` (not another file whose name ends alike)."""
    return rf"(?:^|[/\\:]){re.escape(file)}\b"


def the_warning(messages: Iterable[str], file: str, words: str) -> str:
    """The one message about `file` that matches `words`."""
    found = [m for m in messages if re.search(about(file), m) and re.search(words, m)]
    assert len(found) == 1, found
    return found[0]


def not_imported(messages: Iterable[str], file: str) -> int:
    """The rows of `file` the warnings say were not imported."""
    return sum(
        count_of(m) for m in messages if re.search(about(file), m) and NOT_IMPORTED.search(m)
    )


def copy_release(
    source: Path, to: Path, *, without: Iterable[str] = (), replace: Iterable[Path] = ()
) -> Path:
    """Copy the files of `source` into a new folder, leaving out and replacing some."""
    to.mkdir()
    left_out = set(without)
    for entry in source.iterdir():
        if entry.is_file() and entry.name not in left_out and entry.suffix != ".md":
            shutil.copy(entry, to / entry.name)
    for entry in replace:
        shutil.copy(entry, to / entry.name)
    return to


def data_rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """The data rows of a fixture file, read with `csv` as a reference."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        quoting = csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE
        return list(csv.DictReader(f, delimiter=delimiter, quoting=quoting))


def esco_id(label: str) -> str:
    """The documented id of an ESCO concept: its preferred label, lowercased, spaces to ``-``."""
    return "esco/" + label.lower().replace(" ", "-")


def ids(objects: Iterable[ai_roles.Role | ai_roles.Skill | ai_roles.Tool]) -> set[str]:
    return {o.id for o in objects}


# --- ESCO ----------------------------------------------------------------------------

# Each fixture occupation's relations, as the fixture file lists them (the
# synthetic repeat of data analyst -> statistics and the relations pointing at
# what the fixture lacks left out).
ESSENTIAL, OPTIONAL = "essential", "optional"
ESCO_REQUIREMENTS = {
    "computer vision engineer": {
        "machine learning": ESSENTIAL,
        "statistics": ESSENTIAL,
        "Python (computer programming)": ESSENTIAL,
        "handle data samples": ESSENTIAL,
        "perform data cleansing": ESSENTIAL,
        "deliver visual presentation of data": ESSENTIAL,
        "deep learning": OPTIONAL,
        "debug software": OPTIONAL,
    },
    "data scientist": {
        "statistics": ESSENTIAL,
        "use data processing techniques": ESSENTIAL,
        "handle data samples": ESSENTIAL,
        "perform data cleansing": ESSENTIAL,
        "deliver visual presentation of data": ESSENTIAL,
        "design database in the cloud": OPTIONAL,
    },
    "cloud engineer": {
        "implement cloud security and compliance": ESSENTIAL,
        "cloud technologies": ESSENTIAL,
        "debug software": ESSENTIAL,
        "design database in the cloud": ESSENTIAL,
        "Python (computer programming)": OPTIONAL,
    },
    "ICT project manager": {
        "ICT project management": ESSENTIAL,
        "ICT project management methodologies": ESSENTIAL,
        "carry out project activities": OPTIONAL,
        "apply organisational techniques": OPTIONAL,
    },
    "data analyst": {
        "statistics": ESSENTIAL,
        "use data processing techniques": ESSENTIAL,
        "analyse big data": ESSENTIAL,
        "handle data samples": ESSENTIAL,
        "perform data cleansing": ESSENTIAL,
        "database": OPTIONAL,
        "cloud technologies": OPTIONAL,
        "manage quantitative data": OPTIONAL,
        "deliver visual presentation of data": OPTIONAL,
    },
    "software developer": {
        "project management": ESSENTIAL,
        "debug software": ESSENTIAL,
        "SQL": OPTIONAL,
        "Python (computer programming)": OPTIONAL,
    },
}

# Skill -> the preferred label of its group (broaderRelationsSkillPillar + skillGroups),
# or its skill type where its broader concept is another skill.
ESCO_CATEGORIES = {
    "gather data": "gathering information from physical or electronic sources",
    "use data processing techniques": "managing, gathering and storing digital data",
    "carry out project activities": "organising, planning and scheduling work and activities",
    "debug software": "programming computer systems",
    "machine learning": "information and communication technologies not elsewhere classified",
    "database": "database and network design and administration",
    "analyse big data": "analysing and evaluating information and data",
    "handle data samples": "gathering information from physical or electronic sources",
    "perform data cleansing": "managing, gathering and storing digital data",
    "manage quantitative data": "managing, gathering and storing digital data",
    "SQL": "software and applications development and analysis",
    "digital data processing": "accessing and analysing digital data",
    "project management": "management and administration",
    "design database in the cloud": "designing ict systems or applications",
    "statistics": "statistics",
    "ICT project management": "management and administration",
    "cloud technologies": "database and network design and administration",
    "ICT project management methodologies": "management and administration",
    "implement cloud security and compliance": "performing risk analysis and management",
    "deliver visual presentation of data": "presenting research or technical information",
    "Python (computer programming)": "software and applications development and analysis",
    "apply organisational techniques": "planning events and programmes",
    "deep learning": "knowledge",  # its broader concept is a skill, not a group
}

# The essential skill-skill relations of the fixture that are kept.
ESCO_PREREQUISITES = {
    "manage quantitative data": {
        "gather data",
        "use data processing techniques",
        "analyse big data",
        "handle data samples",
    },
    "design database in the cloud": {"database"},
    "carry out project activities": {"project management"},
    "ICT project management methodologies": {"ICT project management"},
}

DATA_ANALYST_SKILLS = {*ESCO_REQUIREMENTS["data analyst"], "gather data"}
ICT_ONLY_SKILLS = {
    "ICT project management",
    "ICT project management methodologies",
    "carry out project activities",
    "apply organisational techniques",
}


def esco_requirement(label: str, kind: str) -> Requirement:
    """The requirement an ESCO relation maps to, by the documented rule."""
    essential = kind == ESSENTIAL
    return Requirement(
        options=(esco_id(label),),
        level=Level.PRACTITIONER if essential else Level.WORKING,
        essential=essential,
        importance=1.0 if essential else esco.OPTIONAL_IMPORTANCE,
    )


@pytest.fixture(scope="module")
def esco_fixture() -> tuple[Catalog, list[str]]:
    return load(esco.load, ESCO_A)


@pytest.fixture(scope="module")
def esco_catalog(esco_fixture: tuple[Catalog, list[str]]) -> Catalog:
    return esco_fixture[0]


@pytest.fixture
def esco_zips(tmp_path: Path) -> Path:
    """The layout-A files zipped as the release ships them, in a folder of their own."""
    folder = tmp_path / "esco-v1.1.1"
    folder.mkdir()
    for name, members in ESCO_ZIPS.items():
        with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as archive:
            for member in members:
                archive.write(ESCO_A / member, member)
    return folder


class TestEscoRoles:
    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("data scientist", "esco/data-scientist"),
            ("computer vision engineer", "esco/computer-vision-engineer"),
            ("ICT project manager", "esco/ict-project-manager"),
        ],
    )
    def test_id_is_the_preferred_label(self, esco_catalog, label, expected):
        """A role's id is ``esco/`` and its preferred label, lowercased, spaces made ``-``."""
        assert label == esco_catalog.role(expected).name

    def test_every_occupation_is_a_role(self, esco_catalog):
        """Each row of occupations_en.csv becomes one role."""
        rows = data_rows(ESCO_A / "occupations_en.csv")
        assert {esco_id(r["preferredLabel"]) for r in rows} == ids(esco_catalog.roles)

    def test_data_scientist(self, esco_catalog):
        """Summary, family, external ids and sources come from the occupation row."""
        role = esco_catalog.role("esco/data-scientist")
        uri = OCCUPATION + "258e46f9-0075-4a2e-adae-1ff0477e0f30"
        assert "2511" == role.family
        assert {"esco": uri, "isco": "2511"} == dict(role.external_ids)
        assert role.summary.startswith("Data scientists find and interpret rich data sources")
        assert any("ESCO v1.1.1" in source for source in role.sources)

    @pytest.mark.parametrize(
        ("role", "expected"),
        [
            (
                "esco/data-scientist",
                (
                    "data research scientist",
                    "research data scientist",
                    "data expert",
                    "data engineer",
                ),
            ),
            (
                "esco/ict-project-manager",
                (
                    "ICT project managers",
                    "web project manager",
                    "IT project manager",
                    "IT projects manager",
                    "web projects manager",
                ),
            ),
            (
                "esco/data-analyst",
                ("data warehousing analyst", "data storage analyst", "data warehouse analyst"),
            ),
        ],
    )
    def test_aliases_are_the_other_labels(self, esco_catalog, role, expected):
        """Aliases are the alternative labels (one a line) without the preferred label."""
        assert expected == esco_catalog.role(role).aliases

    def test_catalog_name(self, esco_catalog):
        """The catalog is named after the taxonomy."""
        assert "ESCO" == esco_catalog.name


class TestEscoSkills:
    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("Python (computer programming)", "esco/python-(computer-programming)"),
            ("SQL", "esco/sql"),
            ("ICT project management methodologies", "esco/ict-project-management-methodologies"),
        ],
    )
    def test_id_is_the_preferred_label(self, esco_catalog, label, expected):
        """A skill's id is ``esco/`` and its preferred label, lowercased, spaces made ``-``."""
        assert label == esco_catalog.skill(expected).name

    def test_every_skill_comes_in(self, esco_catalog):
        """Without filters, each row of skills_en.csv becomes one skill, with `HOURS` hours."""
        rows = data_rows(ESCO_A / "skills_en.csv")
        assert {esco_id(r["preferredLabel"]) for r in rows} == ids(esco_catalog.skills)
        assert {esco.HOURS} == {s.hours for s in esco_catalog.skills}
        assert () == esco_catalog.tools

    @pytest.mark.parametrize(
        ("label", "uri", "expected"),
        [
            (
                "statistics",
                "7ee4c2ea-b349-4bd2-81a3-ec31475d4833",
                {"esco.skill_type": "knowledge", "esco.reuse_level": "cross-sector"},
            ),
            (
                "debug software",
                "2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1",
                {"esco.skill_type": "skill/competence", "esco.reuse_level": "sector-specific"},
            ),
            (
                "implement cloud security and compliance",  # empty skillType
                "c13fb093-5ffb-491a-b8b7-fa2d42a57e2e",
                {"esco.reuse_level": "sector-specific"},
            ),
            (
                "digital data processing",  # empty skillType and reuseLevel
                "629685b8-5f9e-4522-8cff-b3e2c4ec625a",
                {},
            ),
        ],
    )
    def test_external_ids(self, esco_catalog, label, uri, expected):
        """External ids: the URI, the skill type and the reuse level (where not empty)."""
        skill = esco_catalog.skill(esco_id(label))
        assert {"esco": SKILL + uri, **expected} == dict(skill.external_ids)

    @pytest.mark.parametrize(("label", "expected"), ESCO_CATEGORIES.items())
    def test_category_is_the_skill_group(self, esco_catalog, label, expected):
        """The category is the skill group's label, or the skill type where there is no group."""
        assert expected == esco_catalog.skill(esco_id(label)).category

    def test_aliases(self, esco_catalog):
        """Aliases are the alternative labels without the preferred one; none when empty."""
        python = esco_catalog.skill("esco/python-(computer-programming)")
        expected = (
            "Python3",
            "Pyston",
            "Py3K",
            "Python2",
            "Python prog",
            "Python 3K",
            "Python3000",
            "Python",
            "Python 3k",
        )
        assert expected == python.aliases
        assert () == esco_catalog.skill("esco/carry-out-project-activities").aliases
        assert () == esco_catalog.skill("esco/debug-software").aliases  # only its own label

    def test_description(self, esco_catalog):
        """The description comes from the skill row."""
        sql = esco_catalog.skill("esco/sql")
        assert sql.description.startswith("The computer language SQL is a query language")

    @pytest.mark.parametrize("label", ESCO_CATEGORIES)
    def test_prerequisites(self, esco_catalog, label):
        """Essential skill-skill relations become prerequisites at `Level.WORKING`."""
        expected = {
            ai_roles.Prerequisite(item=esco_id(p), level=Level.WORKING)
            for p in ESCO_PREREQUISITES.get(label, ())
        }
        assert expected == set(esco_catalog.skill(esco_id(label)).prerequisites)


class TestEscoRequirements:
    @pytest.mark.parametrize(("occupation", "relations"), ESCO_REQUIREMENTS.items())
    def test_relations_become_requirements(self, esco_catalog, occupation, relations):
        """Essential -> practitioner, importance 1; optional -> working, `OPTIONAL_IMPORTANCE`."""
        role = esco_catalog.role(esco_id(occupation))
        expected = {esco_requirement(label, kind) for label, kind in relations.items()}
        assert expected == set(role.requirements)
        assert len(expected) == len(role.requirements)

    def test_a_repeated_pair_keeps_the_first(self, esco_catalog):
        """The synthetic optional repeat of data analyst -> statistics leaves it essential."""
        role = esco_catalog.role("esco/data-analyst")
        found = [r for r in role.requirements if r.options == ("esco/statistics",)]
        assert [esco_requirement("statistics", ESSENTIAL)] == found

    def test_every_relation_is_accounted_for(self, esco_fixture):
        """Imported requirements plus the relations warned as not imported are every row."""
        catalog, messages = esco_fixture
        rows = data_rows(ESCO_A / "occupationSkillRelations.csv")
        imported = sum(len(r.requirements) for r in catalog.roles)
        assert len(rows) == imported + not_imported(messages, "occupationSkillRelations.csv")
        assert 3 == len(rows) - imported  # missing occupation, missing skill, repeated pair

    def test_every_essential_skill_relation_is_accounted_for(self, esco_fixture):
        """Prerequisites plus the essential skill-skill relations warned about are every one."""
        catalog, messages = esco_fixture
        rows = data_rows(ESCO_A / "skillSkillRelations.csv")
        essential = [r for r in rows if r["relationType"] == ESSENTIAL]
        imported = sum(len(s.prerequisites) for s in catalog.skills)
        assert len(essential) == imported + not_imported(messages, "skillSkillRelations.csv")


class TestEscoLayouts:
    def test_release_zips(self, esco_catalog, esco_zips):
        """The two release zips in a folder import to the same catalog as the files."""
        catalog, _ = load(esco.load, esco_zips)
        assert esco_catalog == catalog

    def test_one_zip(self, esco_catalog, tmp_path):
        """One zip of every file imports to the same catalog as the files."""
        path = tmp_path / "esco.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for members in ESCO_ZIPS.values():
                for member in members:
                    archive.write(ESCO_A / member, f"esco/{member}")
        catalog, _ = load(esco.load, path)
        assert esco_catalog == catalog

    def test_later_releases(self, esco_fixture):
        """Relation files with ``_en`` and label columns import to the same catalog."""
        catalog, messages = load(esco.load, ESCO_B)
        assert esco_fixture[0] == catalog
        assert [count_of(m) for m in esco_fixture[1]] == [count_of(m) for m in messages]

    def test_without_skill_groups(self, tmp_path):
        """Without skillGroups_en.csv a skill's category is its skill type."""
        path = copy_release(ESCO_A, tmp_path / "release", without=["skillGroups_en.csv"])
        catalog, _ = load(esco.load, path)
        for row in data_rows(ESCO_A / "skills_en.csv"):
            if row["skillType"]:
                assert row["skillType"] == catalog.skill(esco_id(row["preferredLabel"])).category

    def test_without_skill_relations(self, tmp_path):
        """Without skillSkillRelations.csv no skill has prerequisites."""
        path = copy_release(ESCO_A, tmp_path / "release", without=["skillSkillRelations.csv"])
        catalog, _ = load(esco.load, path)
        assert [] == [s.id for s in catalog.skills if s.prerequisites]


class TestEscoFilters:
    def test_isco_group(self, esco_catalog):
        """``isco_groups=["25"]`` keeps the ICT professionals and only the skills they need."""
        catalog, _ = load(esco.load, ESCO_A, isco_groups=["25"])
        others = {"esco/ict-project-manager", "esco/data-entry-clerk"}
        assert ids(esco_catalog.roles) - others == ids(catalog.roles)
        dropped = {esco_id(s) for s in {*ICT_ONLY_SKILLS, "digital data processing"}}
        assert ids(esco_catalog.skills) - dropped == ids(catalog.skills)

    def test_occupation_by_label(self, esco_catalog):
        """An occupation by label keeps its role, the skills it needs and their prerequisites."""
        catalog, _ = load(esco.load, ESCO_A, occupations=["data analyst"])
        assert [esco_catalog.role("esco/data-analyst")] == list(catalog.roles)
        # gather data: required by no occupation, a prerequisite of manage quantitative data
        assert {esco_id(s) for s in DATA_ANALYST_SKILLS} == ids(catalog.skills)
        assert {esco_catalog.skill(s.id) for s in catalog.skills} == set(catalog.skills)

    def test_occupation_by_uri(self):
        """An occupation by URI keeps its role; prerequisites of its skills come along."""
        uri = OCCUPATION + "8b6388a4-4904-471b-9331-d3b1211f5525"
        catalog, _ = load(esco.load, ESCO_A, occupations=[uri])
        assert {"esco/ict-project-manager"} == ids(catalog.roles)
        expected = {*ICT_ONLY_SKILLS, "project management"}  # needed by carry out project …
        assert {esco_id(s) for s in expected} == ids(catalog.skills)

    def test_either_filter(self):
        """With both filters an occupation passing either is kept."""
        catalog, _ = load(esco.load, ESCO_A, isco_groups=["2512"], occupations=["data scientist"])
        expected = {"esco/cloud-engineer", "esco/software-developer", "esco/data-scientist"}
        assert expected == ids(catalog.roles)


# Each fixture occupation's seniority, by the first digit of its ISCO group:
# 1 managers lead; 2 professionals, 3 technicians (and 0 armed forces) mid; 4-9 entry.
ESCO_SENIORITY = {
    "computer vision engineer": Seniority.MID,  # 2511
    "data scientist": Seniority.MID,  # 2511
    "cloud engineer": Seniority.MID,  # 2512
    "data entry clerk": Seniority.ENTRY,  # 4132
    "ICT project manager": Seniority.LEAD,  # 1330
    "data analyst": Seniority.MID,  # 2511
    "software developer": Seniority.MID,  # 2512
}


def rewritten(path: Path, change: Callable[[list[list[str]]], None]) -> None:
    """Rewrite the CSV file `path` as the release writes it, after `change` to its rows."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


class TestEscoSeniority:
    @pytest.mark.parametrize(("occupation", "expected"), ESCO_SENIORITY.items())
    def test_by_isco_major_group(self, esco_catalog, occupation, expected):
        """Managers lead, professionals and technicians are mid, the other groups entry."""
        assert expected == esco_catalog.role(esco_id(occupation)).seniority

    def test_every_occupation(self, esco_catalog):
        """Every fixture occupation is listed above, with no experience asked for."""
        assert {esco_id(o) for o in ESCO_SENIORITY} == ids(esco_catalog.roles)
        assert {()} == {r.experience for r in esco_catalog.roles}

    def test_table(self):
        """`ISCO_MAJOR_GROUPS` maps each first digit of an ISCO group as documented."""
        expected = {
            **dict.fromkeys("023", Seniority.MID),
            "1": Seniority.LEAD,
            **dict.fromkeys("456789", Seniority.ENTRY),
        }
        assert expected == dict(esco.ISCO_MAJOR_GROUPS)

    @pytest.mark.parametrize("group", ["", "x"])
    def test_without_isco_group(self, tmp_path, group):
        """An occupation without an ISCO group is mid and reported, with its line."""
        path = copy_release(ESCO_A, tmp_path / "release")
        occupations = path / "occupations_en.csv"

        def ungroup(rows: list[list[str]]) -> None:
            for row in rows:
                if row[3] == "ICT project manager":
                    row[2] = group

        rewritten(occupations, ungroup)
        catalog, messages = load(esco.load, path)
        role = catalog.role("esco/ict-project-manager")
        assert (Seniority.MID, group) == (role.seniority, role.family)
        assert ("isco" in role.external_ids) == bool(group)
        message = the_warning(messages, "occupations_en.csv", "ISCO group")
        line = line_of(occupations, "8b6388a4-4904-471b-9331-d3b1211f5525")
        assert (1, [line]) == (count_of(message), lines_in(message))


# Each quirk: the file, words its warning must contain, the count and the lines.
ESCO_QUIRKS = [
    pytest.param(
        "skills_en.csv",
        r"empty skill ?type",
        2,
        [
            line_of(ESCO_A / "skills_en.csv", "629685b8-5f9e-4522-8cff-b3e2c4ec625a"),
            line_of(ESCO_A / "skills_en.csv", "c13fb093-5ffb-491a-b8b7-fa2d42a57e2e"),
        ],
        id="skill-with-empty-type",
    ),
    pytest.param(
        "occupationSkillRelations.csv", "occupation missing", 1, [26], id="missing-occupation"
    ),
    pytest.param("occupationSkillRelations.csv", "skill missing", 1, [11], id="missing-skill"),
    pytest.param("occupationSkillRelations.csv", "repeat", 1, [40], id="repeated-pair"),
    pytest.param("occupationSkillRelations.csv", "empty skillType", 1, [17], id="empty-type"),
    pytest.param("skillSkillRelations.csv", "cycle", 1, [12], id="cycle"),
    pytest.param("skillSkillRelations.csv", "missing", 2, [7, 10], id="missing-related-skill"),
]


class TestEscoQuirks:
    @pytest.mark.parametrize(("file", "words", "count", "lines"), ESCO_QUIRKS)
    def test_warned(self, file, words, count, lines):
        """Each quirk gives one DataWarning naming the file, the count and the lines."""
        with data_warnings(), pytest.warns(DataWarning, match=rf"{about(file)}.*{words}") as w:
            esco.load(ESCO_A)
        message = the_warning((str(x.message) for x in w), file, words)
        assert (count, lines) == (count_of(message), lines_in(message))

    def test_warnings_point_at_the_caller(self):
        """The warnings are attributed to the code that called the importer."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            esco.load(ESCO_A)
        assert caught
        assert {__file__} == {w.filename for w in caught}

    def test_cycle_keeps_the_first(self, esco_catalog):
        """Of the two relations making a cycle, the one read first is kept."""
        analyse = esco_catalog.skill("esco/analyse-big-data")
        manage = esco_catalog.skill("esco/manage-quantitative-data")
        assert () == analyse.prerequisites
        assert "esco/analyse-big-data" in {p.item for p in manage.prerequisites}


class TestEscoErrors:
    def test_malformed_skill_row(self, tmp_path):
        """A row with too few fields raises CatalogError naming the file and its first line."""
        broken = ESCO_BROKEN / "skills_en.csv"
        line = line_of(broken, "1fcce318-3212-487a-ac07-4941bc85060d")  # after multi-line rows
        path = copy_release(ESCO_A, tmp_path / "release", replace=[broken])
        with data_warnings(), pytest.raises(CatalogError, match=rf"skills_en\.csv:{line}\b"):
            esco.load(path)

    @pytest.mark.parametrize("packed", [False, True], ids=["folder", "zips"])
    def test_malformed_relation_row(self, tmp_path, esco_zips, packed):
        """A short relation row raises CatalogError naming the file (in its zip) and line."""
        broken = ESCO_BROKEN / "occupationSkillRelations.csv"
        if packed:
            path = esco_zips
            name = "esco-v1.1.1-relations-csv.zip"
            (path / name).unlink()
            with zipfile.ZipFile(path / name, "w") as archive:
                archive.write(broken, broken.name)
                for member in ESCO_ZIPS[name][1:]:
                    archive.write(ESCO_A / member, member)
        else:
            path = copy_release(ESCO_A, tmp_path / "release", replace=[broken])
        match = r"occupationSkillRelations\.csv:4\b"
        with data_warnings(), pytest.raises(CatalogError, match=match):
            esco.load(path)

    @pytest.mark.parametrize(
        "missing", ["occupations_en.csv", "skills_en.csv", "occupationSkillRelations.csv"]
    )
    def test_missing_file(self, tmp_path, missing):
        """A release without one of the files it needs raises CatalogError naming it."""
        path = copy_release(ESCO_A, tmp_path / "release", without=[missing])
        with data_warnings(), pytest.raises(CatalogError, match=re.escape(Path(missing).stem)):
            esco.load(path)

    def test_no_such_path(self, tmp_path):
        """A path that does not exist raises FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            esco.load(tmp_path / "nowhere")

    def test_bad_relation_type(self, tmp_path):
        """A relation type other than essential or optional raises CatalogError with its line."""
        path = copy_release(ESCO_A, tmp_path / "release")
        relations = path / "occupationSkillRelations.csv"
        lines = relations.read_bytes().split(b"\r\n")
        lines[2] = lines[2].replace(b",essential,", b",mandatory,")
        relations.write_bytes(b"\r\n".join(lines))
        match = r"occupationSkillRelations\.csv:3\b.*'mandatory'"
        with data_warnings(), pytest.raises(CatalogError, match=match):
            esco.load(path)


# --- Catalog.merge --------------------------------------------------------------------


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return ai_roles.load_catalog()


@pytest.fixture(scope="module")
def merged(builtin, esco_catalog) -> Catalog:
    return builtin.merge(esco_catalog)


# Built-in item -> the fixture's ESCO skill with the same ``esco`` external id (the
# built-in catalog may link more).
LINKED = {
    "statistics": "esco/statistics",
    "data-cleaning": "esco/perform-data-cleansing",
    "data-visualization": "esco/deliver-visual-presentation-of-data",
    "machine-learning": "esco/machine-learning",
    "deep-learning": "esco/deep-learning",
    "python": "esco/python-(computer-programming)",
    "sql": "esco/sql",
    "cloud-computing": "esco/cloud-technologies",
}


def linked(builtin: Catalog, imported: Catalog) -> dict[str, str]:
    """Built-in item -> imported skill, for each pair sharing an ``esco`` external id."""
    by_uri = {s.external_ids["esco"]: s.id for s in imported.skills}
    return {
        item.id: by_uri[item.external_ids["esco"]]
        for item in builtin.items
        if item.external_ids.get("esco") in by_uri
    }


class TestMerge:
    def test_links_through_esco_ids(self, builtin, esco_catalog, merged):
        """Each ESCO skill whose URI a built-in item carries is replaced by the built-in one."""
        pairs = linked(builtin, esco_catalog)
        assert LINKED.items() <= pairs.items()
        assert set() == ids(merged.items) & set(pairs.values())
        for ours in pairs:
            assert builtin.item(ours) == merged.item(ours)
        data_scientist = merged.role("esco/data-scientist")
        options = {o for r in data_scientist.requirements for o in r.options}
        assert {"statistics", "data-cleaning", "data-visualization"} <= options
        role = merged.role("esco/computer-vision-engineer")
        options = {o for r in role.requirements for o in r.options}
        assert {"machine-learning", "deep-learning", "python", "statistics"} <= options

    def test_keeps_everything_else(self, builtin, esco_catalog, merged):
        """Every other role and skill of both catalogs is in the result."""
        assert ids(builtin.roles) | ids(esco_catalog.roles) == ids(merged.roles)
        dropped = set(linked(builtin, esco_catalog).values())
        assert ids(builtin.items) | (ids(esco_catalog.items) - dropped) == ids(merged.items)
        assert (builtin.name, builtin.version) == (merged.name, merged.version)

    def test_roles_become_comparable(self, merged):
        """The built-in data scientist and ESCO's share skills after merging."""
        assert similarity(merged, "data-scientist", "esco/data-scientist") > 0

    def test_learning_path_between_catalogs(self, merged):
        """A path from the built-in data scientist to ESCO's needs only what it lacks."""
        path = learning_path(merged, "data-scientist", "esco/data-scientist")
        assert "esco/data-scientist" == path.target
        steps = {step.item for step in path.steps}
        # no built-in role asks for these two ESCO skills
        assert {"esco/use-data-processing-techniques", "esco/handle-data-samples"} <= steps
        # the linked ones (statistics, data cleaning, ...) are not learnt again where held
        held = merged.closure(merged.profile_of("data-scientist"))
        role = merged.role("esco/data-scientist")
        met = {o for r in role.requirements for o in r.options if held.level(o) >= r.level}
        assert met
        assert set() == met & steps

    def test_same_id_different_object(self, esco_catalog):
        """Two different objects with one id raise CatalogError naming the id."""
        other = Catalog(skills=[Skill(id="esco/statistics", name="statistics, but not ESCO's")])
        with pytest.raises(CatalogError, match=re.escape("'esco/statistics'")):
            other.merge(esco_catalog)

    @pytest.mark.parametrize("which", ["builtin", "esco_catalog"])
    def test_with_itself(self, request, which):
        """Merging a catalog with itself gives the same catalog."""
        catalog = request.getfixturevalue(which)
        assert catalog == catalog.merge(catalog)


# --- O*NET ----------------------------------------------------------------------------

ONET_CODES = {
    "11-3021.00",
    "15-1221.00",
    "15-2041.00",
    "15-2051.00",
    "29-2099.01",
    "43-9021.00",
}

ONET_ALIASES = {
    "11-3021.00": {
        "Chief Information Security Officer (CISO)",
        "CISO",
        "Data Processing Manager",
        "Information Technology Manager (IT Manager)",
        "IT Manager",
    },
    "15-1221.00": {
        "AI Engineer (Artificial Intelligence Engineer)",
        "AI Engineer",
        "Computer Scientist",
        "Machine Learning Engineer",
    },
    "15-2041.00": {"Applied Statistician", "Data Analyst"},
    "15-2051.00": {"Data Analyst", "Data Scientist", "Machine Learning Engineer"},
    # "Neurodiagnostic Technologists" is the title itself; "EEG Technologist" is the
    # short title of two alternate titles
    "29-2099.01": {
        "EEG Technologist (Electroencephalograph Technologist)",
        "EEG Technologist",
        "Electroencephalogram Technologist (EEG Technologist)",
    },
}

# (occupation, element): (IM, LV) of every rating pair the importer should keep.
ONET_RATINGS = {
    ("11-3021.00", "2.A.1.e"): (3.12, 3.12),
    ("11-3021.00", "2.A.2.a"): (4.12, 4.00),
    ("11-3021.00", "2.A.2.c"): (3.25, 3.50),
    ("11-3021.00", "2.B.1.d"): (3.00, 3.25),
    ("11-3021.00", "2.B.3.e"): (2.75, 2.62),
    ("11-3021.00", "2.B.3.j"): (1.38, 0.62),
    ("11-3021.00", "2.C.2.a"): (1.78, 1.42),
    ("11-3021.00", "2.C.3.a"): (4.77, 6.13),
    ("11-3021.00", "2.C.4.a"): (3.16, 4.67),
    ("15-1221.00", "2.A.1.e"): (3.38, 4.38),
    ("15-1221.00", "2.A.2.a"): (4.00, 4.25),
    ("15-1221.00", "2.A.2.c"): (3.00, 3.50),
    ("15-1221.00", "2.B.1.d"): (2.50, 2.62),
    ("15-1221.00", "2.B.3.e"): (3.62, 4.50),
    ("15-1221.00", "2.C.2.a"): (2.47, 2.47),
    ("15-1221.00", "2.C.3.a"): (4.57, 6.11),
    ("15-1221.00", "2.C.4.a"): (4.06, 5.43),
    ("15-1221.00", "2.C.7.e"): (1.41, 1.21),
    ("15-2041.00", "2.A.1.e"): (4.88, 5.38),
    ("15-2041.00", "2.A.2.a"): (4.00, 4.50),
    ("15-2041.00", "2.A.2.c"): (3.12, 3.00),
    ("15-2041.00", "2.B.1.d"): (2.00, 2.00),
    ("15-2041.00", "2.B.3.e"): (3.00, 3.12),
    ("15-2041.00", "2.C.2.a"): (2.00, 2.00),  # Recommend Suppress is n/a
    ("15-2041.00", "2.C.3.a"): (4.19, 5.57),
    ("15-2041.00", "2.C.4.a"): (4.67, 6.24),
    ("15-2041.00", "2.C.4.b"): (1.71, 1.57),
}

# Pairs not imported: Not Relevant (some also Recommend Suppress), Recommend Suppress.
ONET_DROPPED = [
    ("11-3021.00", "2.B.3.d"),
    ("15-1221.00", "2.B.3.d"),
    ("15-1221.00", "2.B.3.j"),
    ("15-2041.00", "2.B.3.d"),
    ("15-2041.00", "2.B.3.j"),
    ("11-3021.00", "2.C.2.b"),
    ("11-3021.00", "2.C.7.e"),  # Not Relevant and Recommend Suppress
    ("15-1221.00", "2.C.2.b"),  # Not Relevant and Recommend Suppress
    ("15-2041.00", "2.C.2.b"),
    ("15-2041.00", "2.C.7.e"),
    ("11-3021.00", "2.C.4.b"),  # Recommend Suppress
    ("15-1221.00", "2.C.4.b"),  # no LV row
]

ONET_CATEGORIES = {
    "2.A.1.e": "Content",
    "2.A.2.a": "Process",
    "2.A.2.c": "Process",
    "2.B.1.d": "Social Skills",
    "2.B.3.e": "Technical Skills",
    "2.B.3.j": "Technical Skills",
    "2.C.2.a": "Manufacturing and Production",
    "2.C.3.a": "Engineering and Technology",
    "2.C.4.a": "Mathematics and Science",
    "2.C.4.b": "Mathematics and Science",
    "2.C.7.e": "Arts and Humanities",
}

# Occupation -> {technology: In Demand}, the rows of Technology Skills.txt.
ONET_TECHNOLOGY = {
    "11-3021.00": {
        "Atlassian JIRA": False,
        "Microsoft Excel": True,
        "MySQL": False,
        "Python": False,
        "Tableau": False,
    },
    "15-1221.00": {
        "Git": True,
        "Microsoft Excel": False,
        "MySQL": False,
        "Python": True,
        "TensorFlow": True,
    },
    "15-2041.00": {
        "Microsoft Excel": True,
        "Python": True,
        "R": True,
        "SAS": True,
        "SAS JMP": False,
        "Tableau": True,
    },
    "15-2051.00": {
        "Atlassian JIRA": False,
        "Jupyter software": False,
        "Microsoft Excel": True,
        "pandas": True,
        "Python": True,  # the first listing; the synthetic second one says N
        "R": True,
        "Scikit-learn": True,
        "Structured query language SQL": True,
        "TensorFlow": True,
    },
}


def documented_level(value: float) -> Level:
    """O*NET level to `Level` as `onet.LEVELS` documents it: below 2, 3.5, 5, and above."""
    if value < 2:
        return Level.AWARENESS
    if value < 3.5:
        return Level.WORKING
    if value < 5:
        return Level.PRACTITIONER
    return Level.EXPERT


def onet_requirement(im: float, lv: float, element: str) -> Requirement:
    """The requirement an IM/LV pair maps to, by the documented rule."""
    return Requirement(
        options=(f"onet/{element}",),
        level=documented_level(lv),
        essential=im >= 3,
        importance=im / 5,
    )


def tech_id(example: str) -> str:
    return "onet-tech/" + "-".join(example.lower().split())


def pairs_of(path: Path) -> dict[tuple[str, str], list[int]]:
    """The (occupation, element) pairs of a ratings file, with the lines of their rows."""
    pairs: dict[tuple[str, str], list[int]] = {}
    for line, row in enumerate(data_rows(path, "\t"), 2):
        if row["Scale ID"] in {"IM", "LV"}:
            pairs.setdefault((row["O*NET-SOC Code"], row["Element ID"]), []).append(line)
    return pairs


@pytest.fixture(scope="module")
def onet_fixture() -> tuple[Catalog, list[str]]:
    return load(onet.load, ONET)


@pytest.fixture(scope="module")
def onet_catalog(onet_fixture: tuple[Catalog, list[str]]) -> Catalog:
    return onet_fixture[0]


class TestOnetRoles:
    def test_every_occupation_is_a_role(self, onet_catalog):
        """Each row of Occupation Data becomes a role ``onet/<code>``, named by its title."""
        assert {f"onet/{c}" for c in ONET_CODES} == ids(onet_catalog.roles)
        role = onet_catalog.role("onet/15-2051.00")
        assert "Data Scientists" == role.name
        assert {"onet": "15-2051.00"} == dict(role.external_ids)
        assert role.summary.startswith("Develop and implement a set of techniques")
        assert "O*NET" == onet_catalog.name

    @pytest.mark.parametrize(("code", "expected"), ONET_ALIASES.items())
    def test_aliases(self, onet_catalog, code, expected):
        """Aliases: alternate and short titles, not 'n/a', not the title, each once."""
        aliases = onet_catalog.role(f"onet/{code}").aliases
        assert expected == set(aliases)
        assert len(expected) == len(aliases)

    def test_data_scientists_have_only_technology(self, onet_catalog):
        """Data Scientists, without ratings, come in with their technology skills only."""
        role = onet_catalog.role("onet/15-2051.00")
        options = [o for r in role.requirements for o in r.options]
        expected = {tech_id(t) for t in ONET_TECHNOLOGY["15-2051.00"]}
        assert expected == set(options)
        assert len(expected) == len(options)  # Python once, though listed twice


class TestOnetRatings:
    @pytest.mark.parametrize(("pair", "values"), ONET_RATINGS.items())
    def test_pair_becomes_requirement(self, onet_catalog, pair, values):
        """Importance IM / 5, essential when IM >= 3, level from LV by the documented thresholds."""
        code, element = pair
        role = onet_catalog.role(f"onet/{code}")
        found = [r for r in role.requirements if r.options == (f"onet/{element}",)]
        assert [onet_requirement(*values, element)] == found

    @pytest.mark.parametrize("pair", ONET_DROPPED)
    def test_flagged_pairs_are_not_imported(self, onet_catalog, pair):
        """Not Relevant, Recommend Suppress and unpaired ratings give no requirement."""
        code, element = pair
        role = onet_catalog.role(f"onet/{code}")
        assert [] == [r for r in role.requirements if f"onet/{element}" in r.options]

    def test_rated_roles_have_exactly_their_pairs(self, onet_catalog):
        """A rated role's non-technology requirements are exactly its kept pairs."""
        for code in ("11-3021.00", "15-1221.00", "15-2041.00"):
            role = onet_catalog.role(f"onet/{code}")
            rated = {r for r in role.requirements if r.options[0].startswith("onet/")}
            expected = {
                onet_requirement(*values, element)
                for (c, element), values in ONET_RATINGS.items()
                if c == code
            }
            assert expected == rated

    @pytest.mark.parametrize(("element", "category"), ONET_CATEGORIES.items())
    def test_skills(self, onet_catalog, element, category):
        """Elements become skills ``onet/<id>``: the content model's parent as category."""
        skill = onet_catalog.skill(f"onet/{element}")
        assert category == skill.category
        assert {"onet": element} == dict(skill.external_ids)
        assert onet.HOURS == skill.hours

    def test_skill_names_and_descriptions(self, onet_catalog):
        """Names come from the ratings, descriptions from the content model."""
        programming = onet_catalog.skill("onet/2.B.3.e")
        assert ("Programming", "Writing computer programs for various purposes.") == (
            programming.name,
            programming.description,
        )
        assert "Mathematics" == onet_catalog.skill("onet/2.A.1.e").name
        assert "Mathematics" == onet_catalog.skill("onet/2.C.4.a").name

    def test_only_required_skills(self, onet_catalog):
        """Elements no role requires (all their ratings dropped) are not skills."""
        assert {f"onet/{e}" for e in ONET_CATEGORIES} == ids(onet_catalog.skills)

    def test_without_content_model(self, tmp_path):
        """Without the content model the category is "skills" or "knowledge"."""
        path = copy_release(ONET, tmp_path / "release", without=["Content Model Reference.txt"])
        catalog, _ = load(onet.load, path)
        for element in ONET_CATEGORIES:
            expected = "knowledge" if element.startswith("2.C") else "skills"
            assert expected == catalog.skill(f"onet/{element}").category

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0.0, Level.AWARENESS),
            (1.99, Level.AWARENESS),
            (2.0, Level.WORKING),
            (2.01, Level.WORKING),
            (3.49, Level.WORKING),
            (3.5, Level.PRACTITIONER),
            (3.51, Level.PRACTITIONER),
            (4.99, Level.PRACTITIONER),
            (5.0, Level.EXPERT),
            (5.01, Level.EXPERT),
            (7.0, Level.EXPERT),
        ],
    )
    def test_level_of(self, value, expected):
        """Below 2 awareness, below 3.5 working, below 5 practitioner, else expert."""
        assert expected == onet.level_of(value)

    def test_levels_table(self):
        """`LEVELS` holds the documented thresholds."""
        expected = ((2.0, Level.AWARENESS), (3.5, Level.WORKING), (5.0, Level.PRACTITIONER))
        assert expected == onet.LEVELS

    @pytest.mark.parametrize("file", ["Skills.txt", "Knowledge.txt"])
    def test_every_pair_is_accounted_for(self, onet_fixture, file):
        """Imported pairs plus the pairs the warnings count are every (occupation, element)."""
        catalog, messages = onet_fixture
        pairs = pairs_of(ONET / file)
        elements = {f"onet/{element}" for _, element in pairs}
        imported = sum(
            r.options[0] in elements for role in catalog.roles for r in role.requirements
        )
        assert len(pairs) == imported + not_imported(messages, file)


class TestOnetTechnology:
    @pytest.mark.parametrize(
        ("example", "commodity", "title", "hot"),
        [
            ("Python", "43232405", "Object or component oriented development software", "Y"),
            (
                "Jupyter software",
                "43232405",
                "Object or component oriented development software",
                "N",
            ),
            ("SAS JMP", "43232605", "Analytical or scientific software", "N"),
            (
                "Structured query language SQL",
                "43232306",
                "Data base user interface and query software",
                "Y",
            ),
            ("pandas", "43232306", "Data base user interface and query software", "N"),
            ("Scikit-learn", "43232402", "Development environment software", "N"),
            ("Git", "43232203", "File versioning software", "Y"),
        ],
    )
    def test_tool(self, onet_catalog, example, commodity, title, hot):
        """A technology is a software tool: commodity, code and hotness kept; linkable by name."""
        tool = onet_catalog.tool(tech_id(example))
        assert (example, "software", title, onet.HOURS) == (
            tool.name,
            tool.kind,
            tool.category,
            tool.hours,
        )
        link = "tech/" + " ".join(example.lower().split()).replace(" ", "-")
        expected = {"onet": link, "onet.commodity": commodity, "onet.hot_technology": hot}
        assert expected == dict(tool.external_ids)

    @pytest.mark.parametrize(
        ("example", "expected"),
        [
            ("Structured query language SQL", "onet-tech/structured-query-language-sql"),
            ("Microsoft Excel", "onet-tech/microsoft-excel"),
            ("SAS JMP", "onet-tech/sas-jmp"),
        ],
    )
    def test_tool_id(self, onet_catalog, example, expected):
        """A tool's id is ``onet-tech/`` and the example, lowercased, spaces made ``-``."""
        assert example == onet_catalog.tool(expected).name

    def test_every_technology_is_a_tool(self, onet_catalog):
        """Each technology of an occupation in the release is one tool."""
        expected = {tech_id(t) for techs in ONET_TECHNOLOGY.values() for t in techs}
        assert expected == ids(onet_catalog.tools)

    @pytest.mark.parametrize(("code", "technologies"), ONET_TECHNOLOGY.items())
    def test_requirements(self, onet_catalog, code, technologies):
        """Optional, at working level, `IN_DEMAND_IMPORTANCE` when In Demand else the default."""
        role = onet_catalog.role(f"onet/{code}")
        found = {r for r in role.requirements if r.options[0].startswith("onet-tech/")}
        expected = {
            Requirement(
                options=(tech_id(example),),
                level=Level.WORKING,
                essential=False,
                importance=onet.IN_DEMAND_IMPORTANCE if in_demand else onet.TECHNOLOGY_IMPORTANCE,
            )
            for example, in_demand in technologies.items()
        }
        assert expected == found

    def test_every_row_is_accounted_for(self, onet_fixture):
        """Technology requirements plus the rows warned as not imported are every row."""
        catalog, messages = onet_fixture
        rows = data_rows(ONET / "Technology Skills.txt", "\t")
        imported = sum(
            r.options[0].startswith("onet-tech/") for x in catalog.roles for r in x.requirements
        )
        assert len(rows) == imported + not_imported(messages, "Technology Skills.txt")


class TestOnetFilters:
    def test_soc_prefix(self, onet_catalog):
        """``soc_prefix="15-2"`` keeps those occupations and only what they require."""
        catalog, _ = load(onet.load, ONET, soc_prefix="15-2")
        assert {"onet/15-2041.00", "onet/15-2051.00"} == ids(catalog.roles)
        statisticians = {e for (c, e) in ONET_RATINGS if c == "15-2041.00"}
        assert {f"onet/{e}" for e in statisticians} == ids(catalog.skills)
        expected = {tech_id(t) for c in ("15-2041.00", "15-2051.00") for t in ONET_TECHNOLOGY[c]}
        assert expected == ids(catalog.tools)
        assert {onet_catalog.role(r.id) for r in catalog.roles} == set(catalog.roles)

    def test_several_prefixes(self):
        """Several prefixes keep the occupations matching any."""
        catalog, _ = load(onet.load, ONET, soc_prefix=["11-", "29-"])
        assert {"onet/11-3021.00", "onet/29-2099.01"} == ids(catalog.roles)


class TestOnetLayouts:
    def test_zip(self, onet_catalog, tmp_path):
        """A zip of the files (in a folder, as O*NET ships it) imports to the same catalog."""
        path = tmp_path / "db_29_2_text.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry in ONET.glob("*.txt"):
                archive.write(entry, f"db_29_2_text/{entry.name}")
        catalog, _ = load(onet.load, path)
        assert onet_catalog == catalog

    def test_occupation_data_alone(self, tmp_path):
        """Only Occupation Data is required: its roles come in without requirements."""
        path = copy_release(ONET, tmp_path / "release")
        for entry in path.iterdir():
            if entry.name != "Occupation Data.txt":
                entry.unlink()
        catalog, messages = load(onet.load, path)
        assert [] == messages
        assert {f"onet/{c}" for c in ONET_CODES} == ids(catalog.roles)
        assert [] == [r.id for r in catalog.roles if r.requirements]


# Each fixture occupation's seniority, from its row of Job Zones.txt: zones 1-2
# entry, 3-5 mid; management (SOC major group 11) lead whatever its zone.
ONET_SENIORITY = {
    "11-3021.00": Seniority.LEAD,  # zone 4, a management occupation
    "15-1221.00": Seniority.MID,  # zone 5
    "15-2041.00": Seniority.MID,  # zone 5
    "15-2051.00": Seniority.MID,  # zone 4
    "29-2099.01": Seniority.MID,  # zone 3
    "43-9021.00": Seniority.ENTRY,  # zone 2
}


def without_line(path: Path, text: str) -> None:
    """Remove the line of the text file `path` holding `text` (CRLF kept)."""
    lines = path.read_bytes().decode().splitlines(keepends=True)
    path.write_bytes("".join(x for x in lines if text not in x).encode())


class TestOnetSeniority:
    @pytest.mark.parametrize(("code", "expected"), ONET_SENIORITY.items())
    def test_by_job_zone(self, onet_catalog, code, expected):
        """Zones 1-2 are entry, 3-5 mid; management occupations lead."""
        assert expected == onet_catalog.role(f"onet/{code}").seniority

    def test_every_occupation(self, onet_catalog):
        """Every fixture occupation is listed above, with no experience asked for."""
        assert ONET_CODES == set(ONET_SENIORITY)
        assert {()} == {r.experience for r in onet_catalog.roles}

    def test_table(self):
        """`JOB_ZONES` and `MANAGEMENT` hold the documented mapping."""
        expected = {1: Seniority.ENTRY, 2: Seniority.ENTRY}
        expected |= dict.fromkeys((3, 4, 5), Seniority.MID)
        assert expected == dict(onet.JOB_ZONES)
        assert "11-" == onet.MANAGEMENT

    def test_without_job_zones(self, onet_fixture, tmp_path):
        """Without Job Zones.txt every role is mid, silently; nothing else changes."""
        path = copy_release(ONET, tmp_path / "release", without=["Job Zones.txt"])
        catalog, messages = load(onet.load, path)
        assert {Seniority.MID} == {r.seniority for r in catalog.roles}
        mid = [attrs.evolve(r, seniority=Seniority.MID) for r in onet_fixture[0].roles]
        assert mid == list(catalog.roles)
        assert [m for m in onet_fixture[1] if "Job Zones" not in m] == messages

    def test_occupation_without_a_zone(self, tmp_path):
        """An occupation Job Zones.txt does not list is mid."""
        path = copy_release(ONET, tmp_path / "release")
        without_line(path / "Job Zones.txt", "43-9021.00")
        catalog, _ = load(onet.load, path)
        assert Seniority.MID == catalog.role("onet/43-9021.00").seniority

    def test_zone_given_again(self, tmp_path):
        """A zone given again for an occupation replaces the first, which is reported."""
        path = copy_release(ONET, tmp_path / "release")
        with (path / "Job Zones.txt").open("ab") as f:
            f.write(b"43-9021.00\t4\t08/2018\tAnalyst\r\n")  # synthetic
        catalog, messages = load(onet.load, path)
        assert Seniority.MID == catalog.role("onet/43-9021.00").seniority
        message = the_warning(messages, "Job Zones.txt", "again")
        assert (1, [8]) == (count_of(message), lines_in(message))

    @pytest.mark.parametrize(
        ("words", "lines"),
        [("Job Zone other than 1-5", [3, 7]), ("code that is not one", [4])],
        ids=["zone", "code"],
    )
    def test_malformed_rows_warn(self, tmp_path, words, lines):
        """Rows with a zone off 1-5 or a malformed code are skipped, named by file and line."""
        broken = ONET_BROKEN / "Job Zones.txt"
        path = copy_release(ONET, tmp_path / "release", replace=[broken])
        catalog, messages = load(onet.load, path)
        message = the_warning(messages, "Job Zones.txt", words)
        assert (len(lines), lines) == (count_of(message), lines_in(message))
        seniority = {r.external_ids["onet"]: r.seniority for r in catalog.roles}
        # rows skipped: 15-1221.00 (zone 6), 15-2041 (its code cut), 43-9021.00 (zone n/a)
        expected = dict.fromkeys(ONET_CODES, Seniority.MID)
        expected["11-3021.00"] = Seniority.LEAD
        assert expected == seniority

    def test_malformed_row_raises(self, tmp_path):
        """A row with too few fields raises CatalogError naming the file and line."""
        path = copy_release(ONET, tmp_path / "release")
        with (path / "Job Zones.txt").open("ab") as f:
            f.write(b"43-9021.00\t2\r\n")  # synthetic
        with data_warnings(), pytest.raises(CatalogError, match=r"Job Zones\.txt:9\b"):
            onet.load(path)


# Each fixture occupation's rows of Task Statements.txt, by Task Type, in file order
# (fixture lines in the comments). 11-3021.00's Task IDs (968, 975, 967, 976) are not
# ascending: the file's order is kept, not the IDs'. 29-2099.01 and 43-9021.00 have
# no rows; 15-2031.00's row (line 12) points at an occupation the fixture lacks.
ONET_TASKS = {
    "11-3021.00": {
        "Core": (
            (
                "Direct daily operations of department, analyzing workflow, establishing "
                "priorities, developing standards and setting deadlines."
            ),  # 2
            (
                "Meet with department heads, managers, supervisors, vendors, and others, to "
                "solicit cooperation and resolve problems."
            ),  # 3
            (
                "Consult with users, management, vendors, and technicians to assess computing "
                "needs and system requirements."
            ),  # 4
            "Develop and interpret organizational goals, policies, and procedures.",  # 5
        ),
        "Supplemental": ("Manage backup, security and user help systems.",),  # 6
    },
    "15-1221.00": {
        "Core": (
            "Analyze problems to develop solutions involving computer hardware and software.",
            (
                "Apply theoretical expertise and innovation to create or apply new technology, "
                "such as adapting principles for applying computers to new uses."
            ),  # 8
            "Develop and interpret organizational goals, policies, and procedures.",  # 9
        ),
        "Supplemental": (
            (
                "Maintain network hardware and software, direct network security measures, and "
                "monitor networks to ensure availability to system users."
            ),  # 10
            (
                "Direct daily operations of departments, coordinating project activities with "
                "other departments."
            ),  # 11
        ),
    },
    "15-2041.00": {
        "Core": (
            (
                "Analyze and interpret statistical data to identify significant differences in "
                "relationships among sources of information."
            ),  # 13
            (
                "Evaluate the statistical methods and procedures used to obtain data to ensure "
                "validity, applicability, efficiency, and accuracy."
            ),  # 14
            (
                "Report results of statistical analyses, including information in the form of "
                "graphs, charts, and tables."
            ),  # 15
        ),
        "Supplemental": ("Prepare and structure data warehouses for storing data.",),  # 16
    },
    "15-2051.00": {
        "n/a": (
            "Analyze, manipulate, or process large sets of data using statistical software.",
            "Clean and manipulate raw data using statistical software.",  # 18
            "Write new functions or applications in programming languages to conduct analyses.",
        ),
    },
    "29-2099.01": {},
    "43-9021.00": {},
}

TASK_ORDER = ("Core", "Supplemental", "n/a")
"""The documented order of the kinds of task (n/a: rows without a Task Type)."""


def documented_tasks(by_type: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Tasks listed by type, in the documented order: Core, Supplemental, the others."""
    return tuple(task for kind in TASK_ORDER for task in by_type.get(kind, ()))


def responsibilities(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Each role's responsibilities, by its O*NET-SOC code."""
    return {r.external_ids["onet"]: r.responsibilities for r in catalog.roles}


class TestOnetTasks:
    @pytest.mark.parametrize(("code", "by_type"), ONET_TASKS.items())
    def test_responsibilities(self, onet_catalog, code, by_type):
        """An occupation's tasks are its responsibilities: Core, Supplemental, then the rest."""
        expected = documented_tasks(by_type)
        assert expected == onet_catalog.role(f"onet/{code}").responsibilities

    def test_every_occupation(self):
        """Every fixture occupation is listed above."""
        assert ONET_CODES == set(ONET_TASKS)

    def test_every_row_is_accounted_for(self, onet_fixture):
        """Responsibilities plus the rows warned as not imported are every row."""
        catalog, messages = onet_fixture
        rows = data_rows(ONET / "Task Statements.txt", "\t")
        imported = sum(len(r.responsibilities) for r in catalog.roles)
        assert len(rows) == imported + not_imported(messages, "Task Statements.txt")
        assert 1 == len(rows) - imported  # 15-2031.00, missing from Occupation Data

    def test_order_of_the_rows(self, tmp_path):
        """Read backwards, the file gives each kind backwards, still Core first."""
        path = copy_release(ONET, tmp_path / "release")
        file = path / "Task Statements.txt"
        header, *rows = file.read_bytes().decode().splitlines(keepends=True)
        file.write_bytes("".join([header, *reversed(rows)]).encode())
        catalog, _ = load(onet.load, path)
        expected = {
            code: tuple(task for kind in TASK_ORDER for task in by_type.get(kind, ())[::-1])
            for code, by_type in ONET_TASKS.items()
        }
        assert expected == responsibilities(catalog)

    def test_task_types(self):
        """`TASK_TYPES` holds the kinds listed first, in order."""
        assert ("Core", "Supplemental") == onet.TASK_TYPES

    def test_without_task_statements(self, onet_fixture, tmp_path):
        """Without Task Statements.txt no role has tasks, silently; nothing else changes."""
        path = copy_release(ONET, tmp_path / "release", without=["Task Statements.txt"])
        catalog, messages = load(onet.load, path)
        assert {()} == {r.responsibilities for r in catalog.roles}
        bare = [attrs.evolve(r, responsibilities=()) for r in onet_fixture[0].roles]
        assert bare == list(catalog.roles)
        assert [m for m in onet_fixture[1] if "Task Statements" not in m] == messages

    @pytest.mark.parametrize(
        ("words", "lines"),
        [
            ("empty Task; skipped", [4, 10]),
            ("code that is not one; skipped", [7]),
            ("listed again for an occupation; kept once", [6, 13]),
            ("Task Type other than Core, Supplemental or n/a; listed last", [12]),
        ],
        ids=["empty", "code", "again", "type"],
    )
    def test_malformed_rows_warn(self, tmp_path, words, lines):
        """Each kind of bad row gives a DataWarning naming the file, how many and their lines."""
        broken = ONET_BROKEN / "Task Statements.txt"
        path = copy_release(ONET, tmp_path / "release", replace=[broken])
        _, messages = load(onet.load, path)
        message = the_warning(messages, "Task Statements.txt", words)
        assert (len(lines), lines) == (count_of(message), lines_in(message))

    def test_malformed_rows_left_out(self, tmp_path):
        """Bad rows are left out, texts stripped, repeats kept once where Core puts them."""
        broken = ONET_BROKEN / "Task Statements.txt"
        path = copy_release(ONET, tmp_path / "release", replace=[broken])
        catalog, _ = load(onet.load, path)
        managers = ONET_TASKS["11-3021.00"]
        statisticians = ONET_TASKS["15-2041.00"]
        expected = dict.fromkeys(ONET_CODES, ())
        expected["11-3021.00"] = (
            managers["Core"][0],  # line 3 (again on line 6, as Supplemental)
            managers["Core"][2],  # line 5, with spaces around it
            *managers["Supplemental"],  # line 2, before the Core rows
        )  # line 4: empty
        expected["15-2041.00"] = (
            statisticians["Core"][2],  # line 11 (again on line 13); line 10: n/a
            *statisticians["Supplemental"],  # line 9
            statisticians["Core"][0],  # line 8: empty Task Type
            "Develop and test experimental designs, sampling techniques, and analytical methods.",
        )  # the last: line 12, Task Type "Essential"; line 7: a code cut short
        assert expected == responsibilities(catalog)

    def test_malformed_row_raises(self, tmp_path):
        """A row with too few fields raises CatalogError naming the file and line."""
        path = copy_release(ONET, tmp_path / "release")
        with (path / "Task Statements.txt").open("ab") as f:
            f.write(b"15-2051.00\t21836\tRecommend data-driven solutions to key stakeholders.\r\n")
        with data_warnings(), pytest.raises(CatalogError, match=r"Task Statements\.txt:20\b"):
            onet.load(path)


# Each quirk: the file, words its warning must contain, and the (occupation, element)
# pairs or rows (by their lines) it concerns.
ONET_QUIRKS = [
    pytest.param(
        "Skills.txt",
        "Not Relevant",
        [(10, 11), (24, 25), (28, 29), (40, 41), (44, 45)],
        id="skills-not-relevant",
    ),
    pytest.param("Skills.txt", "Occupation Data", [(30, 31)], id="skills-missing-occupation"),
    pytest.param(
        "Knowledge.txt",
        "Not Relevant",
        [(4, 5), (12, 13), (16, 17), (27, 28), (35, 36)],
        id="knowledge-not-relevant",
    ),
    pytest.param("Knowledge.txt", "Suppress", [(10, 11)], id="knowledge-suppressed"),
    pytest.param("Knowledge.txt", "pair", [(22,)], id="knowledge-unpaired"),
    pytest.param("Technology Skills.txt", "again", [(28,)], id="technology-repeated"),
    pytest.param(
        "Technology Skills.txt", "Occupation Data", [(12,)], id="technology-missing-occupation"
    ),
    pytest.param("Alternate Titles.txt", "Occupation Data", [(8,)], id="titles-missing-occupation"),
    pytest.param("Job Zones.txt", "Occupation Data", [(4,)], id="zone-missing-occupation"),
    pytest.param("Task Statements.txt", "Occupation Data", [(12,)], id="tasks-missing-occupation"),
]


class TestOnetQuirks:
    @pytest.mark.parametrize(("file", "words", "pairs"), ONET_QUIRKS)
    def test_warned(self, file, words, pairs):
        """Each quirk gives one DataWarning naming the file, how many and their lines."""
        with data_warnings(), pytest.warns(DataWarning, match=rf"{about(file)}.*{words}") as w:
            onet.load(ONET)
        message = the_warning((str(x.message) for x in w), file, words)
        assert len(pairs) == count_of(message)
        listed = lines_in(message)
        hit = {pair for pair in pairs for line in listed if line in pair}
        assert all(any(line in pair for pair in pairs) for line in listed), listed
        assert min(len(pairs), 5) == len(hit)

    def test_warnings_point_at_the_caller(self):
        """The warnings are attributed to the code that called the importer."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            onet.load(ONET)
        assert caught
        assert {__file__} == {w.filename for w in caught}


class TestOnetErrors:
    def test_malformed_row(self, tmp_path):
        """A row with too few fields raises CatalogError naming the file and line."""
        path = copy_release(ONET, tmp_path / "release", replace=[ONET_BROKEN / "Skills.txt"])
        with data_warnings(), pytest.raises(CatalogError, match=r"Skills\.txt:4\b"):
            onet.load(path)

    def test_data_value_not_a_number(self, tmp_path):
        """A Data Value that is not a number raises CatalogError naming file, line and value."""
        path = copy_release(ONET, tmp_path / "release", replace=[ONET_BROKEN / "Knowledge.txt"])
        with data_warnings(), pytest.raises(CatalogError, match=r"Knowledge\.txt:7\b.*'n/a'"):
            onet.load(path)

    def test_missing_occupation_data(self, tmp_path):
        """A release without Occupation Data raises CatalogError naming it."""
        path = copy_release(ONET, tmp_path / "release", without=["Occupation Data.txt"])
        with data_warnings(), pytest.raises(CatalogError, match="Occupation Data"):
            onet.load(path)

    def test_no_such_path(self, tmp_path):
        """A path that does not exist raises FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            onet.load(tmp_path / "nowhere.zip")


# --- the official releases -------------------------------------------------------------


@pytest.fixture(scope="module")
def real_esco() -> tuple[Catalog, list[str]]:
    """One import of the release, its warnings recorded (all of them DataWarnings)."""
    return load(esco.load, REAL / "esco-v1.1.1")


@pytest.fixture(scope="module")
def real_onet() -> tuple[Catalog, list[str]]:
    """One import of the release, its warnings recorded (all of them DataWarnings)."""
    return load(onet.load, REAL / "onet")


@real_data
class TestRealEsco:
    def test_size(self, real_esco):
        """ESCO v1.1.1 has 3,007 occupations and 13,896 skills."""
        catalog, _ = real_esco
        assert (3007, 13896) == (len(catalog.roles), len(catalog.skills))

    def test_every_relation_is_accounted_for(self, real_esco):
        """The requirements plus the relations warned as not imported are all 123,855."""
        catalog, messages = real_esco
        imported = sum(len(r.requirements) for r in catalog.roles)
        assert 123_855 == imported + not_imported(messages, "occupationSkillRelations.csv")

    def test_known_quirks(self, real_esco):
        """The release's 67 relations to a missing occupation and 5 empty skill types are warned."""
        _, messages = real_esco
        file = "occupationSkillRelations.csv"
        assert 67 == count_of(the_warning(messages, file, "occupation missing"))
        assert 5 == count_of(the_warning(messages, file, "empty skillType"))

    @pytest.mark.parametrize(
        ("occupation", "expected"),
        [
            ("airport chief executive", Seniority.LEAD),  # 1120
            ("ICT project manager", Seniority.LEAD),  # 1330
            ("data scientist", Seniority.MID),  # 2511
            ("fleet commander", Seniority.MID),  # 0110, armed forces
            ("data entry clerk", Seniority.ENTRY),  # 4132
            ("kitchen porter", Seniority.ENTRY),  # 9412
        ],
    )
    def test_seniority(self, real_esco, occupation, expected):
        """Named occupations have the seniority of their ISCO major group."""
        catalog, _ = real_esco
        assert expected == catalog.role(esco_id(occupation)).seniority

    def test_seniority_of_every_occupation(self, real_esco):
        """Every occupation has the seniority its ISCO group's first digit gives."""
        catalog, messages = real_esco
        by_digit = {"1": Seniority.LEAD, **dict.fromkeys("456789", Seniority.ENTRY)}
        expected = {
            uri: by_digit.get(group[:1], Seniority.MID) for uri, group in real_isco_groups().items()
        }
        assert expected == {r.external_ids["esco"]: r.seniority for r in catalog.roles}
        assert [] == [m for m in messages if "ISCO group" in m]  # every one has a group

    def test_data_scientist_nearest(self, real_esco):
        """The data scientist's ten nearest occupations (default method) include the data analyst.

        Written from knowledge: the two share statistics, data mining and
        visualisation, and people move between them both ways.
        """
        catalog, _ = real_esco
        nearest = [m.role for m in most_similar(catalog, esco_id("data scientist"), k=10)]
        assert esco_id("data analyst") in nearest


def real_isco_groups() -> dict[str, str]:
    """Each occupation URI of the ESCO release, with its ISCO group, read with `csv`."""
    name = "esco-v1.1.1-classification-en-csv.zip"
    with zipfile.ZipFile(REAL / "esco-v1.1.1" / name) as archive:
        member = next(m for m in archive.namelist() if m.endswith("occupations_en.csv"))
        text = archive.read(member).decode("utf-8-sig")
    reader = csv.DictReader(text.splitlines(keepends=True))
    return {row["conceptUri"]: row["iscoGroup"] for row in reader}


@real_data
class TestRealOnet:
    def test_data_scientist_nearest(self, real_onet):
        """Data scientists' ten nearest occupations (default method) include statisticians."""
        catalog, _ = real_onet
        nearest = [m.role for m in most_similar(catalog, "onet/15-2051.00", k=10)]
        assert "onet/15-2041.00" in nearest

    def test_size(self, real_onet):
        """O*NET 29.2 has 1,016 occupations."""
        catalog, _ = real_onet
        assert 1016 == len(catalog.roles)

    @pytest.mark.parametrize("file", ["Skills.txt", "Knowledge.txt"])
    def test_every_pair_is_accounted_for(self, real_onet, file):
        """Every (occupation, element) pair of the ratings is imported or warned about."""
        catalog, messages = real_onet
        pairs = pairs_of(REAL / "onet" / file)
        elements = {f"onet/{element}" for _, element in pairs}
        imported = sum(
            r.options[0] in elements for role in catalog.roles for r in role.requirements
        )
        assert len(pairs) == imported + not_imported(messages, file)

    def test_every_technology_row_is_accounted_for(self, real_onet):
        """The 32,627 technology rows are requirements or warned about."""
        catalog, messages = real_onet
        imported = sum(
            r.options[0].startswith("onet-tech/") for x in catalog.roles for r in x.requirements
        )
        assert 32_627 == imported + not_imported(messages, "Technology Skills.txt")

    def test_data_scientists(self, real_onet):
        """15-2051.00 Data Scientists come in with technology requirements only."""
        catalog, _ = real_onet
        role = catalog.role("onet/15-2051.00")
        assert role.requirements
        assert all(r.options[0].startswith("onet-tech/") for r in role.requirements)

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("11-1011.00", Seniority.LEAD),  # Chief Executives, zone 5
            ("11-9051.00", Seniority.LEAD),  # Food Service Managers, zone 2
            ("11-9199.00", Seniority.MID),  # Managers, All Other: no zone
            ("15-2051.00", Seniority.MID),  # Data Scientists, zone 4
            ("43-9021.00", Seniority.ENTRY),  # Data Entry Keyers, zone 2
        ],
    )
    def test_seniority(self, real_onet, code, expected):
        """Named occupations have the seniority their Job Zone and SOC code give."""
        catalog, _ = real_onet
        assert expected == catalog.role(f"onet/{code}").seniority

    def test_seniority_of_every_occupation(self, real_onet):
        """Every occupation has the seniority the documented rule gives; mid without a zone."""
        catalog, messages = real_onet
        expected = {r.external_ids["onet"]: Seniority.MID for r in catalog.roles}
        for row in data_rows(REAL / "onet" / "Job Zones.txt", "\t"):
            code, zone = row["O*NET-SOC Code"], int(row["Job Zone"])
            if code.startswith("11-"):
                expected[code] = Seniority.LEAD
            else:
                expected[code] = Seniority.ENTRY if zone <= 2 else Seniority.MID
        assert expected == {r.external_ids["onet"]: r.seniority for r in catalog.roles}
        assert [] == [m for m in messages if "Job Zones" in m]  # no quirk in this file

    def test_every_task_row_is_accounted_for(self, real_onet):
        """The 18,796 task rows are responsibilities or warned about."""
        catalog, messages = real_onet
        imported = sum(len(r.responsibilities) for r in catalog.roles)
        assert 18_796 == imported + not_imported(messages, "Task Statements.txt")

    def test_responsibilities_of_every_occupation(self, real_onet):
        """Each occupation's tasks, Core, Supplemental then the others, each in file order."""
        catalog, _ = real_onet
        rank = {"Core": 0, "Supplemental": 1}
        rows = data_rows(REAL / "onet" / "Task Statements.txt", "\t")
        tasks: dict[str, list[tuple[int, int, str]]] = {}
        for line, row in enumerate(rows, 2):
            kind = rank.get(row["Task Type"], 2)
            tasks.setdefault(row["O*NET-SOC Code"], []).append((kind, line, row["Task"].strip()))
        expected = {r.external_ids["onet"]: () for r in catalog.roles}
        for code, listed in tasks.items():
            expected[code] = tuple(dict.fromkeys(text for _, _, text in sorted(listed)))
        assert expected == responsibilities(catalog)

    def test_data_scientists_tasks(self, real_onet):
        """15-2051.00 Data Scientists have their 16 tasks (analysts': no Core) in file order."""
        catalog, _ = real_onet
        rows = [
            row
            for row in data_rows(REAL / "onet" / "Task Statements.txt", "\t")
            if row["O*NET-SOC Code"] == "15-2051.00"
        ]
        assert {"n/a"} == {row["Task Type"] for row in rows}
        role = catalog.role("onet/15-2051.00")
        assert 16 == len(role.responsibilities)
        assert tuple(row["Task"] for row in rows) == role.responsibilities
        assert role.responsibilities[0].startswith("Analyze, manipulate, or process large sets")

    @pytest.mark.parametrize(
        "code",
        [
            "11-2011.00",  # Advertising and Promotions Managers: Core, Supplemental and n/a
            "11-3021.00",  # Computer and Information Systems Managers
            "15-2041.00",  # Statisticians
        ],
    )
    def test_core_task_first(self, real_onet, code):
        """An occupation with Core tasks lists its first Core row first, its other rows after."""
        catalog, _ = real_onet
        rows = [
            row
            for row in data_rows(REAL / "onet" / "Task Statements.txt", "\t")
            if row["O*NET-SOC Code"] == code
        ]
        first_core = next(row["Task"] for row in rows if row["Task Type"] == "Core")
        role = catalog.role(f"onet/{code}")
        assert first_core == role.responsibilities[0]
        assert sorted(row["Task"] for row in rows) == sorted(role.responsibilities)

    def test_no_task_quirks(self, real_onet):
        """Release 29.2's Task Statements need no warning: no bad, blank or repeated rows."""
        _, messages = real_onet
        assert [] == [m for m in messages if "Task Statements" in m]

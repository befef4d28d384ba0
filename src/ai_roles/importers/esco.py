"""Import ESCO, the European Skills, Competences, Qualifications and Occupations taxonomy.

`load` reads the official CSV download (v1.1 and later) — a folder of the
files, a folder of the release zips, or one zip — and returns a `Catalog`:

================================  =============================================
ESCO                              ai_roles
================================  =============================================
occupation                        `Role`: id ``esco/<preferred label>``,
                                  aliases from the alternative labels, summary
                                  from the description, family the ISCO group,
                                  external ids ``esco`` (URI) and ``isco``,
                                  seniority by the ISCO major group
                                  (`ISCO_MAJOR_GROUPS`)
skill or knowledge                `Skill`: id ``esco/<preferred label>``,
                                  category the skill group it belongs to (its
                                  skill type where it has none), external ids
                                  ``esco`` (URI), ``esco.skill_type`` and
                                  ``esco.reuse_level``
essential relation                `Requirement` at `Level.PRACTITIONER`,
                                  essential, importance 1
optional relation                 `Requirement` at `Level.WORKING`, optional,
                                  importance `OPTIONAL_IMPORTANCE`
essential skill-skill relation    `Prerequisite` at `Level.WORKING`, unless it
                                  would close a cycle (then dropped, reported)
================================  =============================================

ESCO has no proficiency levels and no learning effort: every imported skill
takes `HOURS` hours to practitioner, and the levels above are this module's
reading of "essential" and "optional". Real-data quirks — relations pointing
at occupations or skills the release lacks, empty skill types — are handled
and reported with `DataWarning`; a malformed row raises `CatalogError`
naming the file and line. An occupation's seniority is read off the skill
level ISCO-08 gives its major group: managers lead, professionals and
technicians are mid, the other groups entry (docs/esco.md gives the
reasons). Attribution: "ESCO v1.1.1, European Commission"
(Commission Decision 2011/833/EU).
"""

from __future__ import annotations

import os
import types
from collections.abc import Callable, Iterable, Mapping

from ai_roles._bulk import paused_gc, unchecked
from ai_roles._frozendict import FrozenDict
from ai_roles.exceptions import CatalogError
from ai_roles.importers._source import Source, label_problem, report, slug
from ai_roles.model import Catalog, Level, Prerequisite, Requirement, Role, Seniority, Skill

__all__ = ["HOURS", "ISCO_MAJOR_GROUPS", "OPTIONAL_IMPORTANCE", "load"]

HOURS = 40.0
"""Hours to practitioner given to every ESCO skill (ESCO records no effort)."""

OPTIONAL_IMPORTANCE = 0.75
"""The importance of an optional skill (essential ones have 1.0); see docs/importers.md."""

ISCO_MAJOR_GROUPS: Mapping[str, Seniority] = types.MappingProxyType(
    {
        "0": Seniority.MID,  # armed forces occupations: officers to ranks, in one group
        "1": Seniority.LEAD,  # managers
        "2": Seniority.MID,  # professionals (ISCO skill level 4)
        "3": Seniority.MID,  # technicians and associate professionals (skill level 3)
        "4": Seniority.ENTRY,  # clerical support workers (skill level 2)
        "5": Seniority.ENTRY,  # service and sales workers (2)
        "6": Seniority.ENTRY,  # skilled agricultural, forestry and fishery workers (2)
        "7": Seniority.ENTRY,  # craft and related trades workers (2)
        "8": Seniority.ENTRY,  # plant and machine operators and assemblers (2)
        "9": Seniority.ENTRY,  # elementary occupations (skill level 1)
    }
)
"""The seniority of an occupation by its ISCO-08 major group, the first digit of ``iscoGroup``.

An occupation without an ISCO group is `Seniority.MID` (and reported). See
docs/esco.md.
"""

_OCCUPATIONS = ("occupations_en.csv", "occupations.csv")
_SKILLS = ("skills_en.csv", "skills.csv")
_RELATIONS = ("occupationSkillRelations_en.csv", "occupationSkillRelations.csv")
_SKILL_RELATIONS = ("skillSkillRelations_en.csv", "skillSkillRelations.csv")
_BROADER = ("broaderRelationsSkillPillar_en.csv", "broaderRelationsSkillPillar.csv")
_GROUPS = ("skillGroups_en.csv", "skillGroups.csv")


def load(
    path: str | os.PathLike[str],
    *,
    isco_groups: Iterable[str] | None = None,
    occupations: Iterable[str] | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> Catalog:
    """Return the occupations and skills of an ESCO release as a catalog.

    Parameters
    ----------
    path : str or path
        A folder of the CSV files, a folder of the release zips, or one zip.
        Relation files may carry the ``_en`` suffix (later releases) or not
        (v1.1.1), with or without label columns.
    isco_groups : iterable of str or None, optional (default = None)
        Keep only occupations whose ISCO group starts with one of these codes
        (``"25"`` keeps every ICT professional).
    occupations : iterable of str or None, optional (default = None)
        Keep only occupations with these URIs (or preferred labels). With both
        filters, an occupation passing either is kept. Skills are kept when a
        kept occupation requires them, with their prerequisites.
    progress : callable or None, optional (default = None)
        Called as ``progress(file name, share read)`` while files are read.

    Returns
    -------
    Catalog
        Named ``"ESCO"``, version ``"v1.1.1"``: the release this importer is
        built and tested against, which each role's `sources` cites. Later
        releases in the same layout import too; set the version yourself
        with `attrs.evolve` to cite them.

    Raises
    ------
    CatalogError
        If a required file or column is missing, or a row is malformed; the
        file and line are named.

    Warns
    -----
    DataWarning
        For each kind of row skipped or changed, with its count and lines.
    """
    with Source(path, progress) as source, paused_gc():
        taken: set[str] = set()  # ids made so far: skills first, then occupations
        skills = _skills(source, taken)
        roles_rows = _occupations(source, taken)
        requirements = _relations(source, roles_rows, skills)
        needs = _prerequisites(source, skills)
        categories = _categories(source)
        keep = _kept(roles_rows, isco_groups, occupations)
        seniority = ISCO_MAJOR_GROUPS.get
        roles = [
            unchecked(
                Role,
                id=row["id"],
                name=row["preferredLabel"],
                summary=row["description"].strip(),
                why="",
                responsibilities=(),
                requirements=requirements[uri],
                family=row["iscoGroup"],
                aliases=_labels(row["altLabels"], row["preferredLabel"]),
                external_ids=FrozenDict.of_sorted(
                    {"esco": uri, "isco": row["iscoGroup"]} if row["iscoGroup"] else {"esco": uri}
                ),
                sources=_SOURCES,
                seniority=seniority(row["iscoGroup"][:1], Seniority.MID),
                experience=(),
            )
            for uri, row in roles_rows.items()
            if uri in keep
        ]
        if isco_groups is None and occupations is None:
            wanted = {row["id"] for row in skills.values()}  # the whole release
        else:
            wanted = _closure({o for r in roles for q in r.requirements for o in q.options}, needs)
        items = [
            unchecked(
                Skill,
                id=row["id"],
                name=row["preferredLabel"],
                category=categories.get(uri) or row["skillType"] or "skill",
                description=row["description"].strip(),
                prerequisites=needs.get(row["id"], ()),
                hours=HOURS,
                aliases=_labels(row["altLabels"], row["preferredLabel"]),
                external_ids=_skill_ids(uri, row),
                related=(),
                replaces=(),
            )
            for uri, row in skills.items()
            if row["id"] in wanted
        ]
        return Catalog(name="ESCO", version="v1.1.1", roles=roles, skills=items)


_SOURCES = ("ESCO v1.1.1, European Commission",)


def _labels(text: str, preferred: str) -> tuple[str, ...]:
    """Split ESCO's newline-separated labels, without the preferred one or repeats."""
    if not text:
        return ()
    labels = dict.fromkeys(map(str.strip, text.split("\n")))
    labels.pop("", None)
    folded = preferred.casefold()
    if folded in map(str.casefold, labels):  # the preferred label, listed again
        return tuple(label for label in labels if label.casefold() != folded)
    return tuple(labels)


def _skill_ids(uri: str, row: dict[str, str]) -> FrozenDict[str, str]:
    ids = {"esco": uri}  # in sorted order
    if row["reuseLevel"]:
        ids["esco.reuse_level"] = row["reuseLevel"]
    if row["skillType"]:
        ids["esco.skill_type"] = row["skillType"]
    return FrozenDict.of_sorted(ids)


def _unique_id(label: str, taken: set[str]) -> str:
    base = "esco/" + slug(label)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _skills(source: Source, taken: set[str]) -> dict[str, dict[str, str]]:
    """Read the skills, keyed by URI; an id is made for each."""
    name = source.require(*_SKILLS)
    columns = ("skillType", "reuseLevel", "preferredLabel", "altLabels", "description")
    skills = _concepts(source, name, columns, "skill", taken)
    empty = [int(r["line"]) for r in skills.values() if not r["skillType"] or not r["reuseLevel"]]
    report(name, empty, "skills with an empty skill type or reuse level; imported without them")
    return skills


def _occupations(source: Source, taken: set[str]) -> dict[str, dict[str, str]]:
    """Read the occupations, keyed by URI; an id is made for each."""
    name = source.require(*_OCCUPATIONS)
    columns = ("iscoGroup", "preferredLabel", "altLabels", "description")
    occupations = _concepts(source, name, columns, "occupation", taken)
    groupless = [
        int(r["line"]) for r in occupations.values() if r["iscoGroup"][:1] not in ISCO_MAJOR_GROUPS
    ]
    report(name, groupless, "occupations without an ISCO group; imported as mid seniority")
    return occupations


def _concepts(
    source: Source, name: str, columns: tuple[str, ...], kind: str, taken: set[str]
) -> dict[str, dict[str, str]]:
    """Read a file of ESCO concepts, keyed by URI, each with its new ``id`` and its ``line``."""
    concepts: dict[str, dict[str, str]] = {}
    repeated: list[int] = []
    label, records = source.records(name, ("conceptUri", *columns))
    for line, values in records:
        row = dict(zip(("conceptUri", *columns), values, strict=True))
        if not row["conceptUri"] or not row["preferredLabel"]:
            missing = (
                f"a{'n' if kind[0] in 'aeiou' else ''} {kind} without a URI or a preferred label"
            )
            raise CatalogError([f"{label}:{line}: {missing}"])
        problem = label_problem(row["preferredLabel"])
        if problem is not None:
            raise CatalogError([f"{label}:{line}: preferredLabel: {problem}"])
        if row["conceptUri"] in concepts:
            repeated.append(line)
            continue
        row["id"] = _unique_id(row["preferredLabel"], taken)
        row["line"] = str(line)
        concepts[row["conceptUri"]] = row
    report(name, repeated, f"{kind}s repeat a URI read before; the first is kept")
    return concepts


def _relations(
    source: Source, occupations: dict[str, dict[str, str]], skills: dict[str, dict[str, str]]
) -> dict[str, tuple[Requirement, ...]]:
    """Each occupation's requirements, in the order first read."""
    name = source.require(*_RELATIONS)
    found: dict[str, dict[str, Requirement]] = {uri: {} for uri in occupations}
    no_occupation: list[int] = []
    no_skill: list[int] = []
    no_type: list[int] = []
    repeated: list[int] = []
    # relationType -> skill URI -> requirement; immutable, one serves every occupation
    made: dict[str, dict[str, Requirement]] = {"essential": {}, "optional": {}}
    columns = ("occupationUri", "relationType", "skillType", "skillUri")
    label, (at_occupation, at_kind, at_type, at_skill), rows = source.table(name, columns)
    for line, row in rows:
        by_skill = made.get(row[at_kind])
        if by_skill is None:
            problem = f"relationType {row[at_kind]!r} is not 'essential' or 'optional'"
            raise CatalogError([f"{label}:{line}: {problem}"])
        needs = found.get(row[at_occupation])
        if needs is None:
            no_occupation.append(line)
            continue
        skill = row[at_skill]
        requirement = by_skill.get(skill)
        if requirement is None:
            concept = skills.get(skill)
            if concept is None:
                no_skill.append(line)
                continue
            essential = row[at_kind] == "essential"
            requirement = by_skill[skill] = unchecked(
                Requirement,
                options=(concept["id"],),
                level=Level.PRACTITIONER if essential else Level.WORKING,
                essential=essential,
                importance=1.0 if essential else OPTIONAL_IMPORTANCE,
            )
        held = needs.get(skill)
        if held is not None:
            repeated.append(line)
            if held.essential or not requirement.essential:
                continue  # the stronger relation wins
        if not row[at_type]:
            no_type.append(line)
        needs[skill] = requirement
    for lines, what in (
        (
            no_occupation,
            "relations point at an occupation missing from the occupations file; skipped",
        ),
        (no_skill, "relations point at a skill missing from the skills file; skipped"),
        (repeated, "relations repeat an occupation-skill pair; kept once, essential if any is"),
        (no_type, "relations have an empty skillType; imported (the skill's own type is used)"),
    ):
        report(name, lines, what)
    # as tuples: held in dicts until the end, the 124,000 requirements take 17 MB more
    return {occupation: tuple(needs.values()) for occupation, needs in found.items()}


def _prerequisites(
    source: Source, skills: dict[str, dict[str, str]]
) -> dict[str, tuple[Prerequisite, ...]]:
    """Essential skill-skill relations as prerequisites, dropping those that close a cycle."""
    name = source.find(*_SKILL_RELATIONS)
    if name is None:
        return {}
    needs: dict[str, list[str]] = {}
    dropped: list[int] = []
    missing: list[int] = []
    repeated: list[int] = []
    columns = ("originalSkillUri", "relationType", "relatedSkillUri")
    for row in source.rows(name, required=columns):
        if row["relationType"] != "essential":
            continue
        original, related = skills.get(row["originalSkillUri"]), skills.get(row["relatedSkillUri"])
        if original is None or related is None:
            missing.append(row.line)
            continue
        dependent, prerequisite = original["id"], related["id"]
        if prerequisite == dependent or _reaches(needs, prerequisite, dependent):
            dropped.append(row.line)
            continue
        if prerequisite in needs.get(dependent, []):
            repeated.append(row.line)
            continue
        needs.setdefault(dependent, []).append(prerequisite)
    report(name, dropped, "essential relations would close a prerequisite cycle; dropped")
    report(name, repeated, "essential relations repeat one already read; skipped")
    report(name, missing, "relations point at skills missing from the skills file; skipped")
    return {
        d: tuple(Prerequisite(item=p, level=Level.WORKING) for p in ps) for d, ps in needs.items()
    }


def _reaches(needs: dict[str, list[str]], start: str, goal: str) -> bool:
    """Whether `start` already needs `goal`, directly or not."""
    stack, seen = [start], {start}
    while stack:
        for nxt in needs.get(stack.pop(), ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def _categories(source: Source) -> dict[str, str]:
    """Each skill's category: the preferred label of the skill group it belongs to."""
    broader, labels = source.find(*_BROADER), source.find(*_GROUPS)
    if broader is None or labels is None:
        return {}
    _, group_records = source.records(labels, ("conceptUri", "preferredLabel"))
    names = {concept: label for _, (concept, label) in group_records}
    categories: dict[str, str] = {}
    _, records = source.records(broader, ("conceptUri", "broaderUri"))
    for _, (concept, parent) in records:
        group = names.get(parent)
        if group is not None:
            categories.setdefault(concept, group)
    return categories


def _kept(
    rows: dict[str, dict[str, str]],
    isco_groups: Iterable[str] | None,
    occupations: Iterable[str] | None,
) -> set[str]:
    if isco_groups is None and occupations is None:
        return set(rows)
    if isinstance(isco_groups, str):
        isco_groups = (isco_groups,)
    if isinstance(occupations, str):
        occupations = (occupations,)
    prefixes = tuple(isco_groups or ())
    wanted = {o.casefold() for o in occupations or ()}
    return {
        uri
        for uri, row in rows.items()
        if (prefixes and row["iscoGroup"].startswith(prefixes))
        or uri.casefold() in wanted
        or row["preferredLabel"].casefold() in wanted
    }


def _closure(items: set[str], needs: dict[str, tuple[Prerequisite, ...]]) -> set[str]:
    stack = list(items)
    while stack:
        for p in needs.get(stack.pop(), ()):
            if p.item not in items:
                items.add(p.item)
                stack.append(p.item)
    return items

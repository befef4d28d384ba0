from __future__ import annotations

import io
import math
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import ai_roles
from ai_roles import Profile
from ai_roles.advice import next_skills
from ai_roles.careers import career_path
from ai_roles.cli import main
from ai_roles.paths import learning_path, skill_gap
from ai_roles.similarity import explain, most_similar

CATALOG = ai_roles.load_catalog()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert (0, "") == (code, err)
    return ai_roles.loads(out)


class TestSuccess:
    def test_roles(self, capsys):
        """`roles` lists every role with a count; --family filters."""
        code, out, _ = run(capsys, "roles")
        assert code == 0
        for role in CATALOG.roles:
            assert role.id in out
        assert out.rstrip().endswith(f"{len(CATALOG.roles)} roles")
        code, out, _ = run(capsys, "roles", "--family", "research")
        assert "ai-research-scientist" in out
        assert "mlops-engineer" not in out

    def test_show(self, capsys):
        """`show` prints the role's responsibilities and requirements, alternatives joined."""
        code, out, _ = run(capsys, "show", "data scientist")
        assert code == 0
        assert out.startswith("Data Scientist (data-scientist)")
        assert "Python / R" in out
        assert "Data cleaning and preprocessing" in out

    def test_similar(self, capsys):
        """`similar` ranks the roles most like a role."""
        code, out, _ = run(capsys, "similar", "mlops-engineer", "-k", "2", "--method", "jaccard")
        nearest = most_similar(CATALOG, "mlops-engineer", k=1, method="jaccard")[0].role
        assert code == 0
        assert CATALOG.role(nearest).name in out.splitlines()[3]

    def test_compare(self, capsys):
        """`compare` prints the score and the shared items with their contributions."""
        code, out, _ = run(capsys, "compare", "data-scientist", "machine-learning-engineer")
        score = explain(CATALOG, "data-scientist", "machine-learning-engineer").score
        assert code == 0
        assert f"{score:.3f}" in out.splitlines()[0]
        assert "Machine learning" in out
        assert "only Data Scientist:" in out

    def test_gap(self, capsys):
        """`gap` lists what the source lacks, with a count."""
        code, out, _ = run(capsys, "gap", "data-scientist", "mlops-engineer")
        gaps = skill_gap(CATALOG, "data-scientist", "mlops-engineer")
        assert code == 0
        assert f"{len(gaps)} gaps" in out
        assert "Docker" in out

    def test_path(self, capsys):
        """`path` prints the steps in order and the total."""
        code, out, _ = run(capsys, "path", "Data Scientist", "MLOps Engineer")
        path = learning_path(CATALOG, "data-scientist", "mlops-engineer")
        assert code == 0
        assert out.index("Docker") < out.index("Kubernetes")
        assert f"total: {path.total_hours:,.0f} h in {len(path.steps)} steps" in out
        assert "for MLflow / Kubeflow: MLflow" in out

    def test_path_for_a_person(self, capsys, tmp_path):
        """--have and --profile replace the source role."""
        code, out, _ = run(capsys, "path", "--have", "python:3,sql:working", "data-scientist")
        assert code == 0
        assert out.startswith("From your profile to Data Scientist")
        assert "| R " not in out
        profile = tmp_path / "me.toml"
        ai_roles.dump(Profile(levels={"python": 3, "sql": 2}), profile)
        _, again, _ = run(capsys, "path", "--profile", str(profile), "data-scientist")
        assert out == again

    @pytest.mark.parametrize(("fmt", "start"), [("mermaid", "flowchart"), ("dot", "digraph")])
    def test_path_pictures(self, capsys, fmt, start):
        """`path --format mermaid|dot` prints the picture of the path."""
        code, out, _ = run(capsys, "path", "data-scientist", "mlops-engineer", "--format", fmt)
        assert code == 0
        assert out.lstrip().startswith(start)
        assert "Kubernetes" in out

    def test_career(self, capsys):
        """`career` prints the roles in order, each move and the total."""
        code, out, _ = run(
            capsys, "career", "data-scientist", "mlops-engineer", "--max-step-hours", "inf"
        )
        assert code == 0
        assert "Data Scientist -> MLOps Engineer" in out

    def test_career_k(self, capsys):
        """`career -k 2` prints two paths."""
        code, out, _ = run(
            capsys,
            "career",
            "data-scientist",
            "mlops-engineer",
            "--max-step-hours",
            "2000",
            "-k",
            "2",
        )
        assert code == 0
        assert "Path 1 of 2:" in out
        assert "Path 2 of 2:" in out

    def test_next(self, capsys):
        """`next` suggests items for a person, or from a role."""
        code, out, _ = run(capsys, "next", "--have", "python:3", "-k", "2")
        best = next_skills(CATALOG, {"python": 3}, k=2)
        assert code == 0
        assert CATALOG.item(best[0].item).name in out
        code, out, _ = run(
            capsys, "next", "data-scientist", "--target", "mlops-engineer", "-k", "1"
        )
        assert code == 0

    @pytest.mark.parametrize("fmt", ["json", "toml", "graphml", "node-link", "dot", "mermaid"])
    def test_export(self, capsys, tmp_path, fmt):
        """`export` writes the catalog in each format, to a file or standard output."""
        code, out, _ = run(capsys, "export", "--format", fmt)
        assert code == 0
        assert out
        target = tmp_path / f"catalog.{fmt}"
        code, _, _ = run(capsys, "export", "--format", fmt, "-o", str(target))
        assert code == 0
        assert out == target.read_text(encoding="utf-8")
        if fmt in {"json", "toml"}:
            assert CATALOG == ai_roles.loads(out, fmt)
        if fmt == "graphml":
            assert CATALOG == ai_roles.read_graphml(target)

    def test_validate(self, capsys, tmp_path):
        """`validate` says a good file is valid."""
        path = tmp_path / "c.toml"
        ai_roles.dump(CATALOG, path)
        code, out, _ = run(capsys, "validate", str(path))
        assert code == 0
        assert f"valid: {len(CATALOG.roles)} roles" in out

    def test_catalog_option(self, capsys, tmp_path):
        """--catalog reads another catalog for any subcommand."""
        small = ai_roles.Catalog(
            skills=[ai_roles.Skill(id="sql", name="SQL")],
            roles=[ai_roles.Role(id="analyst", name="Analyst", requirements=["sql"])],
        )
        path = tmp_path / "small.json"
        ai_roles.dump(small, path)
        code, out, _ = run(capsys, "roles", "--catalog", str(path))
        assert code == 0
        assert "analyst" in out
        assert "1 roles" in out

    def test_main_module(self, capsys, monkeypatch):
        """`python -m ai_roles` exits with main's code."""
        monkeypatch.setattr(sys, "argv", ["ai-roles", "roles"])
        with pytest.raises(SystemExit) as info:
            runpy.run_module("ai_roles", run_name="__main__")
        assert 0 == info.value.code
        assert "data-scientist" in capsys.readouterr().out

    def test_python_dash_m(self):
        """`python -m ai_roles` runs the command."""
        result = subprocess.run(
            [sys.executable, "-m", "ai_roles", "show", "mlops-engineer"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.startswith("MLOps Engineer (mlops-engineer)")


FIXTURES = Path(__file__).parent / "fixtures"


class TestImport:
    @pytest.mark.parametrize(
        ("taxonomy", "folder", "role"),
        [("esco", "esco/csv-v1.1.1", "esco/data-scientist"), ("onet", "onet", "onet/15-2041.00")],
    )
    def test_import_writes_a_catalog(self, capsys, tmp_path, taxonomy, folder, role):
        """`import` writes the release as a catalog file, notes skipped rows, says what it wrote."""
        target = tmp_path / "catalog.json"
        code, out, err = run(capsys, "import", taxonomy, str(FIXTURES / folder), "-o", str(target))
        assert 0 == code
        catalog = ai_roles.load_catalog(target)
        assert role in catalog
        assert out.startswith(f"{target}: {len(catalog.roles)} roles")
        assert "ai-roles: note: " in err  # the fixtures hold quirks on purpose

    def test_catalog_from_a_release(self, capsys):
        """--catalog esco:PATH works with any subcommand."""
        code, out, _ = run(
            capsys, "show", "data scientist", "--catalog", f"esco:{FIXTURES / 'esco/csv-v1.1.1'}"
        )
        assert 0 == code
        assert out.startswith("data scientist (esco/data-scientist)")

    def test_progress_bar_on_a_terminal(self, tmp_path):
        """On a terminal, the import draws a progress bar on standard error."""

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        err = Terminal()
        target = tmp_path / "onet.json"
        code = main(
            ["import", "onet", str(FIXTURES / "onet"), "-o", str(target)],
            out=io.StringIO(),
            err=err,
        )
        assert 0 == code
        assert "onet [##############################] 100%" in err.getvalue()

    def test_output_suffix_checked_first(self, capsys, tmp_path):
        """An output file that names no format is refused before the import starts."""
        code, _, err = run(capsys, "import", "esco", str(tmp_path / "nowhere"), "-o", "x.txt")
        assert 2 == code
        assert "-o: 'x.txt' must end in .json or .toml" in err

    def test_missing_release(self, capsys, tmp_path):
        """A release that is not there exits 2 with one line."""
        code, _, err = run(
            capsys, "import", "esco", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.json")
        )
        assert 2 == code
        assert "not a folder or a zip file" in err


class TestJson:
    """--json prints exactly `ai_roles.dumps` of the result."""

    def test_roles(self, capsys):
        assert CATALOG.roles == run_json(capsys, "roles")

    def test_show(self, capsys):
        assert CATALOG.role("mlops-engineer") == run_json(capsys, "show", "mlops-engineer")

    def test_similar(self, capsys):
        assert most_similar(CATALOG, "mlops-engineer", k=3) == run_json(
            capsys, "similar", "mlops-engineer", "-k", "3"
        )

    def test_compare(self, capsys):
        expected = explain(CATALOG, "data-scientist", "mlops-engineer", method="coverage")
        assert expected == run_json(
            capsys, "compare", "data-scientist", "mlops-engineer", "--method", "coverage"
        )

    def test_gap(self, capsys):
        assert skill_gap(CATALOG, "data-scientist", "mlops-engineer") == run_json(
            capsys, "gap", "data-scientist", "mlops-engineer"
        )

    def test_path(self, capsys):
        expected = learning_path(CATALOG, {"python": 3}, "mlops-engineer", include_optional=True)
        assert expected == run_json(
            capsys, "path", "--have", "python:practitioner", "mlops-engineer", "--optional"
        )

    def test_career(self, capsys):
        expected = career_path(CATALOG, "data-scientist", "mlops-engineer", max_step_hours=math.inf)
        assert expected == run_json(
            capsys, "career", "data-scientist", "mlops-engineer", "--max-step-hours", "inf"
        )

    def test_next(self, capsys):
        assert next_skills(CATALOG, {"python": 3}, k=2) == run_json(
            capsys, "next", "--have", "python:3", "-k", "2"
        )


class TestBadInput:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ["show", "data scientst"],
                "error: unknown role 'data scientst'; did you mean 'data-scientist'",
            ),
            (["path", "data-scientist", "mlops enginer"], "did you mean 'mlops-engineer'"),
            (
                ["path", "--have", "pyton:3", "mlops-engineer"],
                "unknown item 'pyton'; did you mean 'python'",
            ),
            (
                ["path", "--have", "python:guru", "mlops-engineer"],
                "--have: 'guru' in 'python:guru' is not a level",
            ),
            (
                ["path", "--have", "python:", "mlops-engineer"],
                "--have: 'python:' is not item:level",
            ),
            (["path", "--have", ",", "mlops-engineer"], "--have: no items given"),
            (
                ["path", "--have", "python:3", "data-scientist", "mlops-engineer"],
                "give only the TARGET role",
            ),
            (["path", "mlops-engineer"], "give a SOURCE and a TARGET role"),
            (["similar", "mlops-engineer", "-k", "0"], "k: 0 is not a whole number >= 1"),
            (
                ["career", "data-scientist", "mlops-engineer", "--max-step-hours", "nan"],
                "max_step_hours: nan",
            ),
            (
                ["career", "data-scientist", "mlops-engineer", "--max-step-hours", "-5"],
                "max_step_hours: -5.0",
            ),
            (["roles", "--family", "astrology"], "--family: no role of family 'astrology'"),
            (["next"], "give your skills with --have or --profile"),
            (
                ["next", "data-scientist", "--have", "python:3"],
                "give a ROLE or --have/--profile, not both",
            ),
            (
                ["roles", "--catalog", "/nonexistent/catalog.toml"],
                "No such file or directory: /nonexistent/catalog.toml",
            ),
            (
                ["path", "--profile", "/nonexistent/me.json", "mlops-engineer"],
                "No such file or directory",
            ),
        ],
    )
    def test_exit_2_with_one_line(self, capsys, argv, message):
        """Bad input exits 2 with one clear line on standard error and no traceback."""
        code, out, err = run(capsys, *argv)
        assert 2 == code
        assert "" == out
        assert message in err
        assert err.startswith("ai-roles: error: ")
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1

    @pytest.mark.parametrize(
        "argv",
        [
            ["show", "mlops enginer"],
            ["similar", "mlops enginer"],
            ["compare", "mlops enginer", "data-scientist"],
            ["gap", "data-scientist", "mlops enginer"],
            ["path", "mlops enginer", "data-scientist"],
            ["career", "data-scientist", "mlops enginer", "--max-step-hours", "100"],
            ["next", "mlops enginer"],
            ["next", "--have", "python:3", "--target", "mlops enginer"],
        ],
    )
    def test_unknown_role_in_every_subcommand(self, capsys, argv):
        """Every subcommand that takes a role refuses an unknown one with a suggestion, exit 2."""
        code, out, err = run(capsys, *argv)
        assert (2, "") == (code, out)
        assert err.startswith("ai-roles: error: unknown role 'mlops enginer'; did you mean")
        assert "'mlops-engineer'" in err
        assert 1 == len(err.splitlines())

    @pytest.mark.parametrize("command", ["roles", "show data-scientist", "export --format json"])
    def test_missing_catalog_in_every_subcommand(self, capsys, command):
        """A missing --catalog file exits 2, naming the file."""
        code, _, err = run(capsys, *command.split(), "--catalog", "/nonexistent.toml")
        assert 2 == code
        assert "No such file or directory: /nonexistent.toml" in err

    def test_invalid_catalog_file(self, capsys, tmp_path):
        """An invalid catalog file exits 2 and names the problem's file and location."""
        path = tmp_path / "bad.json"
        path.write_text(
            '{"schema": "ai-roles/1", "kind": "catalog", "roles": [{"id": "a b", "name": "A"}]}'
        )
        code, _, err = run(capsys, "roles", "--catalog", str(path))
        assert 2 == code
        assert f"{path}: roles[0].id: 'a b' is not an id" in err

    def test_validate_lists_every_problem(self, capsys, tmp_path):
        """`validate` prints every problem with its location and exits 2."""
        path = tmp_path / "bad.toml"
        path.write_text(
            'schema = "ai-roles/1"\nkind = "catalog"\n'
            '[[roles]]\nid = "r"\nname = "R"\nrequirements = [{options = "pyhton", level = 9}]\n'
            '[[skills]]\nid = "python"\nname = "Python"\nhours = -1\n'
        )
        code, out, _ = run(capsys, "validate", str(path))
        assert 2 == code
        assert out.splitlines() == [
            f"{path}: 2 problems",
            "  roles[0].requirements[0].level: 9 is not a level (0-4 or its name)",
            "  skills[0].hours: -1.0 is not a number of hours (finite and >= 0)",
        ]

    def test_validate_missing_file(self, capsys):
        """`validate` of a missing file exits 2."""
        code, _, err = run(capsys, "validate", "/nonexistent.toml")
        assert 2 == code
        assert "No such file or directory" in err

    def test_usage_errors(self, capsys):
        """argparse's own usage errors exit 2 too."""
        code, _, err = run(capsys, "similar", "mlops-engineer", "--method", "euclid")
        assert 2 == code
        assert "invalid choice: 'euclid'" in err
        code, _, _ = run(capsys)
        assert 2 == code

    def test_no_path_exits_1(self, capsys):
        """No career path within the budget exits 1 and says what would do."""
        code, _, err = run(
            capsys,
            "career",
            "ai-product-manager",
            "ai-research-scientist",
            "--max-step-hours",
            "10",
        )
        assert 1 == code
        assert re.search(r"--max-step-hours [\d.]+ gives a path", err)

    def test_help(self, capsys):
        """--help exits 0 and lists the subcommands."""
        code, out, _ = run(capsys, "--help")
        assert 0 == code
        for command in (
            "roles",
            "show",
            "similar",
            "compare",
            "gap",
            "path",
            "career",
            "next",
            "export",
            "validate",
        ):
            assert command in out

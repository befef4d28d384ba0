"""The project's promises to a newcomer: the README's commands, the examples, the docs."""

from __future__ import annotations

import re
import runpy
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from ai_roles.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)\n```", quickstart, flags=re.DOTALL)


def test_readme_has_two_commands():
    """The Quickstart is exactly two one-line shell commands."""
    commands = readme_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)


def test_ci_runs_the_readme_test_command():
    """`.ci/run` runs the README's test command word for word."""
    test_command = readme_commands()[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_main_job_is_a_learning_path():
    """The README's first command installs the package and prints a learning path."""
    command = readme_commands()[0]
    assert "pip install -q ." in command
    assert command.endswith('ai-roles path "Data Scientist" "MLOps Engineer"')


def test_readme_cli_output_is_real(capsys):
    """The CLI output shown in the README is what the command prints today."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ ai-roles (.*?)\n(.*?)```", text, flags=re.DOTALL)
    assert block
    assert 0 == main(shlex.split(block[1]))
    assert block[2] == capsys.readouterr().out


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path, capsys, monkeypatch):
    """Each example runs to completion and prints something."""
    monkeypatch.setattr(sys, "argv", [str(path)])
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip()


def test_quickstart_shows_the_role(capsys):
    """The quickstart prints the role and its article tools, alternatives joined."""
    runpy.run_path(str(ROOT / "examples" / "quickstart.py"), run_name="quickstart")["main"](
        "Data Scientist", "MLOps Engineer"
    )
    out = capsys.readouterr().out
    assert out.startswith("MLOps Engineer: ")
    assert "MLflow / Kubeflow" in out
    assert "From Data Scientist:" in out


def test_quickstart_as_a_script():
    """The quickstart runs as the README runs it, in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py"), "MLOps Engineer"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Docker" in result.stdout
    assert "MLflow / Kubeflow" in result.stdout

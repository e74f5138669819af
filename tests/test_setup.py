"""The set-up files agree with each other: pyproject.toml, environment.yml, README, CI."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower()


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(r): r.split(";")[0].replace(" ", "") for r in requirements}


def _conda_requirements() -> dict[str, str]:
    text = (ROOT / "environment.yml").read_text()
    dependencies = text.split("dependencies:", 1)[1]
    found = {}
    for line in dependencies.splitlines():
        # conda packages, and the pip-only ones listed under "pip:"
        match = re.match(
            r"^(?:  |      )- ([A-Za-z0-9_.\-]+[<>=!~][^#\s]*|[A-Za-z0-9_.\-]+)\s*(#.*)?$", line
        )
        if match and _name(match.group(1)) not in {"python", "pip"}:
            found[_name(match.group(1))] = match.group(1)
    return found


def test_environment_yml_lists_the_same_packages_and_bounds_as_pyproject():
    assert _conda_requirements() == _pyproject_requirements()


def test_environment_yml_installs_the_course_itself_with_pip():
    assert re.search(
        r"^\s+- -e \.\[test\]\s*$", (ROOT / "environment.yml").read_text(), re.MULTILINE
    )


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    first_block = re.search(r"```bash\n(.*?)```", readme, re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["python3 dev.py demo", "python3 dev.py test"]
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()


def test_python_floor_matches_in_both_files():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    floor = project["requires-python"].lstrip(">=")
    assert f"python>={floor}" in (ROOT / "environment.yml").read_text()

"""Where a course's files live, and how to run nbgrader on them."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Where this checkout's code lives: the default course, and what no sandbox may see. A course's
# own folders are asked of a Course.
REPO_ROOT = Path(__file__).resolve().parent.parent
OPTKIT = REPO_ROOT / "optkit"  # the student helper package vendored into every release folder
# The whole course's public casebook, for the course's own notebooks and tests (optkit reads it
# where OPTKIT_CASEBOOK points); a build artifact: each release folder carries its own.
COURSE_CASEBOOK = REPO_ROOT / "build" / "casebook" / "public_cases.json"


@dataclass(frozen=True)
class Course:
    """A course directory in nbgrader's layout: source/, notebooks/ (release), submitted/, ..."""

    root: Path = REPO_ROOT

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def release(self) -> Path:
        return self.root / "notebooks"

    @property
    def submitted(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def demo_root(self) -> Path:
        """Where `autograder demo` builds its scratch course unless told otherwise."""
        return self.root / ".demo"

    def results_dir(self, assignment: str) -> Path:
        """One grading record per submission (``result_path``): what report and export read."""
        return self.reports / assignment / "submissions"

    def result_path(self, assignment: str, student: str) -> Path:
        """The grading record of one submission."""
        return self.results_dir(assignment) / f"{student}.json"

    def autograded_notebook(self, assignment: str, student: str) -> Path:
        return self.autograded / student / assignment / self.source_notebook(assignment).name

    @property
    def config_file(self) -> Path:
        """nbgrader's configuration of the course (the course's GradingSettings too)."""
        return self.root / "nbgrader_config.py"

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def db_url(self) -> str:
        # timeout: parallel graders wait for SQLite's write lock instead of failing.
        return f"sqlite:///{self.gradebook}?timeout=120"

    def assignments(self) -> list[str]:
        """Assignment ids (folder names such as 03_momentum) found in source/, in order."""
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and p.name[:2].isdigit())

    def source_notebook(self, assignment: str) -> Path:
        """The single instructor notebook of an assignment."""
        notebooks = sorted((self.source / assignment).glob("*.ipynb"))
        if len(notebooks) != 1:
            raise ValueError(
                f"{assignment}: expected exactly one notebook in source, found {len(notebooks)}"
            )
        return notebooks[0]

    def release_notebook(self, assignment: str) -> Path:
        """The notebook students received (its file name is the one they must submit)."""
        return self.release / assignment / self.source_notebook(assignment).name

    @property
    def course_id(self) -> str:
        from .settings import load_config

        return load_config(self.root).CourseDirectory.get("course_id", "default_course")

    def students(self, assignment: str) -> list[str]:
        """Students who have a submission folder for the assignment."""
        if not self.submitted.exists():
            return []
        return sorted(p.parent.name for p in self.submitted.glob(f"*/{assignment}") if p.is_dir())

    def nbgrader_command(self, *args: str) -> list[str]:
        """An nbgrader command line bound to this course's root and gradebook."""
        return [
            sys.executable,
            "-m",
            "nbgrader",
            *args,
            f"--CourseDirectory.root={self.root}",
            f"--CourseDirectory.db_url={self.db_url}",
        ]

    def nbgrader(self, what: str, *args, settings: dict | None = None, **kwargs) -> str:
        """Call one of nbgrader's own commands in this process (``NbGraderAPI.<what>``, e.g.
        ``generate_assignment``), bound to this course; returns its log, raises RuntimeError
        with it on failure. ``settings`` adds configuration: {"Section": {"trait": value}}.
        (A new nbgrader process would spend seconds on imports.)"""
        import copy

        from nbgrader.apps.api import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        from .settings import load_config

        _read_alembic_version_in_process()
        config = copy.deepcopy(load_config(self.root))
        config.CourseDirectory.root = str(self.root)
        config.CourseDirectory.db_url = self.db_url
        for section, values in (settings or {}).items():
            for trait, value in values.items():
                setattr(config[section], trait, value)
        api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
        done = getattr(api, what)(*args, **kwargs)
        if not done["success"]:
            raise RuntimeError(
                f"nbgrader {what} {' '.join(map(str, args))} failed:\n"
                f"{(done.get('error') or done.get('log') or '')[-3000:]}"
            )
        return done.get("log", "")

    def run_nbgrader(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        """Run nbgrader in the course root (so it reads the course's nbgrader_config.py)."""
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("text", True)
        env = {**grading_environment(), **kwargs.pop("env", {})}
        return subprocess.run(self.nbgrader_command(*args), cwd=self.root, env=env, **kwargs)


def _read_alembic_version_in_process() -> None:
    """A new gradebook asks for the schema's revision by running the `alembic` command, which
    spends seconds importing (and must be on PATH); the same answer comes from alembic's own
    API in this process. Only how the answer is found changes, not what nbgrader does with it."""
    import nbgrader.api

    if getattr(nbgrader.api.get_alembic_version, "in_process", False):
        return
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

    def head() -> str:
        config = AlembicConfig()
        config.set_main_option(
            "script_location", str(Path(nbgrader.api.__file__).parent / "alembic")
        )
        return ScriptDirectory.from_config(config).get_current_head()

    head.in_process = True
    nbgrader.api.get_alembic_version = head


def grading_environment() -> dict[str, str]:
    """The environment of nbgrader subprocesses: this interpreter's tools first on PATH (nbgrader
    runs alembic by name), and a non-interactive matplotlib."""
    tools = str(Path(sys.executable).parent)
    return dict(
        os.environ, PATH=os.pathsep.join([tools, os.environ.get("PATH", "")]), MPLBACKEND="Agg"
    )

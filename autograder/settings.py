"""The course's own grading settings, declared once as traitlets, read from nbgrader_config.py."""

from pathlib import Path

from traitlets import Bool, Float, Integer, Unicode
from traitlets.config import Config, Configurable, PyFileConfigLoader


class GradingSettings(Configurable):
    """Limits and parallelism of `autograder grade` (set them as c.GradingSettings.<name>).

    The per-cell time limit is nbgrader's own ``c.Execute.timeout``."""

    jobs = Integer(2, help="Submissions graded at the same time (one sandbox each).").tag(
        config=True
    )
    sandbox = Bool(
        True,
        help="Run every submission in a bubblewrap sandbox. Turning it off (or passing "
        "--no-sandbox) lets student code read and change this machine's files; results and "
        "reports then carry a warning.",
    ).tag(config=True)
    memory_limit_mb = Integer(
        2048, help="Memory of one submission's processes in all (and address space of each), MiB."
    ).tag(config=True)
    submission_timeout = Integer(
        600, help="Wall-clock limit for running one submission, in seconds; then it is killed."
    ).tag(config=True)
    max_processes = Integer(
        96, help="Processes and threads one submission may run at once (the kernel uses ~20)."
    ).tag(config=True)
    max_file_mb = Integer(64, help="Largest file a submission may write, MiB.").tag(config=True)
    disk_mb = Integer(
        256, help="Size of each writable area of the sandbox (home, /tmp, output), MiB."
    ).tag(config=True)
    max_output_mb = Integer(
        32,
        help="Outputs of all cells (and, separately, the test records) kept per submission, MiB.",
    ).tag(config=True)
    max_cell_output_kb = Integer(
        2048, help="Output kept of one cell, KiB; the rest is dropped with a note."
    ).tag(config=True)
    cpu_cores = Float(
        1.5,
        help="CPU cores a submission may keep busy (over 3 s); more stops the run. Above "
        "1.1 its processes are given the lowest priority, so the others keep their core.",
    ).tag(config=True)
    figures_in_feedback = Bool(
        True,
        help="Run each submission's kernel with matplotlib's inline backend, so the "
        "figures the student's code draws appear (as PNG images) in the autograded notebook and "
        "the feedback. Off: the non-interactive Agg backend, no figures, a little faster.",
    ).tag(config=True)
    scheduler = Unicode(
        "",
        help="Address of a Dask scheduler (tcp://host:8786) whose workers run the sandboxed "
        "submissions; empty: on this machine. `autograder grade --scheduler` overrides it.",
    ).tag(config=True)
    cluster_timeout = Float(
        60, help="Seconds to wait for the Dask scheduler to answer, and for a usable worker."
    ).tag(config=True)


def load_config(course_root: Path) -> Config:
    """The traitlets configuration in the course's nbgrader_config.py (empty if there is none)."""
    from .course import Course

    config_file = Course(Path(course_root)).config_file
    if not config_file.exists():
        return Config()
    return PyFileConfigLoader(config_file.name, path=str(config_file.parent)).load_config()


def load_settings(course_root: Path, config: Config | None = None) -> GradingSettings:
    """The GradingSettings of a course."""
    return GradingSettings(config=config if config is not None else load_config(course_root))


def cell_timeout(config: Config) -> int:
    """nbgrader's per-cell time limit (``c.Execute.timeout``), 30 s if unset."""
    value = config.Execute.get("timeout", 30) if "Execute" in config else 30
    return int(value) if value and value > 0 else 30

"""The course's own grading settings, declared once as traitlets and read from nbgrader_config.py."""
from pathlib import Path

from traitlets import Integer
from traitlets.config import Config, Configurable, PyFileConfigLoader


class GradingSettings(Configurable):
    """Limits and parallelism of `autograder grade` (set them as c.GradingSettings.<name>)."""

    jobs = Integer(2, help="Submissions graded at the same time (one kernel each).").tag(config=True)
    memory_limit_mb = Integer(
        2048, help="Address-space cap of one grading process and its kernel, in MiB."
    ).tag(config=True)
    submission_timeout = Integer(
        600, help="Wall-clock limit for grading one submission, in seconds; then it is killed."
    ).tag(config=True)


def load_config(course_root: Path) -> Config:
    """The traitlets configuration in the course's nbgrader_config.py (empty if there is none)."""
    config_file = Path(course_root) / "nbgrader_config.py"
    if not config_file.exists():
        return Config()
    return PyFileConfigLoader(config_file.name, path=str(config_file.parent)).load_config()


def load_settings(course_root: Path) -> GradingSettings:
    """The GradingSettings of a course."""
    return GradingSettings(config=load_config(course_root))

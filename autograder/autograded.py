"""`autograded`: build the autograded notebook from the sandbox's outputs and the verdicts, and
save the grades into the gradebook through nbgrader.

Everything the sandbox returns is untrusted: each output is rebuilt from the fields nbformat
allows, with only text and PNG/JPEG images kept as they are and HTML or Markdown cleaned by
nbconvert's ``SanitizeHTML`` (no script of a student's runs in an instructor's or a student's
browser), then cut to nbgrader's ``LimitOutput``. An image is kept only when it is strict
base64 of a file with a PNG (or JPEG) signature, within one cell's output cap
(``GradingSettings.max_cell_output_kb``): the student's figures reach the feedback, a forged
or oversized "image" is dropped. Test cells show the trusted verdict instead of
whatever the recording printed, so feedback, formgrader and the gradebook tell one story.
"""

import base64
import binascii
import copy

import nbformat
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbgrader.api import Gradebook
from nbgrader.preprocessors import AssignLatePenalties, LimitOutput, SaveAutoGrades

from . import notebooks
from .settings import GradingSettings

TEXT_MIMES = ("text/plain", "text/latex")
IMAGE_MIMES = ("image/png", "image/jpeg")
SIGNATURES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
MARKUP_MIMES = ("text/html", "text/markdown")
MAX_TEXT = 1 << 20
MAX_IMAGE = 8 << 20
# SanitizeHTML's tags, plus the harmless ones notebooks print (tables, paragraphs, ...).
SAFE_TAGS = [
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
]
SAFE_ATTRIBUTES = {
    "a": ["href", "title"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan"],
}
KEPT_CELL_METADATA = ("nbgrader", "deletable", "editable", "tags")
KEPT_NOTEBOOK_METADATA = ("kernelspec", "language_info")


def assemble(nb, cells: list | None, verdicts: dict, release_nb, config):
    """The autograded notebook: ``nb`` (sanitized), its cells' outputs from the sandbox (``cells``,
    None when nothing ran), each test cell showing its verdict."""
    graded = nbformat.from_dict(copy.deepcopy(nb))
    aligned = cells if isinstance(cells, list) and len(cells) == len(graded.cells) else None
    released = {cell.get("id"): cell.source for cell in release_nb.cells}
    cleaner = SanitizeHTML(config=config, tags=SAFE_TAGS, attributes=SAFE_ATTRIBUTES, strip=True)
    image_cap = GradingSettings(config=config).max_cell_output_kb * 1024
    for index, cell in enumerate(graded.cells):
        cell.metadata = {
            key: cell.metadata[key] for key in KEPT_CELL_METADATA if key in cell.metadata
        }
        if cell.cell_type == "code":
            verdict = verdicts.get(notebooks.grade_id(cell))
            ran = (aligned[index] if aligned else None) or {}
            cell.outputs = (
                verdict.outputs() if verdict else safe_outputs(ran.get("outputs"), image_cap)
            )
            count = ran.get("execution_count") if isinstance(ran, dict) else None
            cell.execution_count = count if type(count) is int and count >= 0 else None
            cell.outputs = cleaner.sanitize_code_outputs(cell.outputs)
        elif released.get(cell.get("id")) != cell.source:  # written by the student
            cell.source = cleaner.sanitize_html_tags(cell.source)
            cell.pop("attachments", None)
    graded.metadata = {
        key: graded.metadata[key] for key in KEPT_NOTEBOOK_METADATA if key in graded.metadata
    }
    # A stream arrives in pieces that depend on timing; merged, the same run gives the same
    # notebook on any machine (and the output limit cuts it at the same place).
    graded, _ = CoalesceStreamsPreprocessor().preprocess(graded, {})
    graded, _ = LimitOutput(config=config).preprocess(graded, {})
    return graded


def placeholder(release_nb, problems: list[str], verdicts: dict):
    """What the autograded folder holds for a notebook that could not be run: the notebook the
    student was given, a note saying why at the top, and every test cell's verdict."""
    graded = nbformat.from_dict(copy.deepcopy(release_nb))
    note = "**This submission could not be graded:** " + "; ".join(problems)
    graded.cells.insert(0, nbformat.v4.new_markdown_cell(note))
    for cell in graded.cells:
        if cell.cell_type == "code" and notebooks.grade_id(cell) in verdicts:
            cell.outputs = verdicts[notebooks.grade_id(cell)].outputs()
    return graded


def safe_outputs(raw, image_cap: int = MAX_IMAGE) -> list:
    """The outputs a sandbox reported, rebuilt field by field; anything else is dropped.
    ``image_cap``: the largest image kept, in bytes of its base64 text."""
    outputs = []
    for item in raw if isinstance(raw, list) else []:
        output = _safe_output(item, image_cap) if isinstance(item, dict) else None
        if output is not None:
            outputs.append(output)
    return outputs


def _safe_output(item, image_cap: int):
    kind = item.get("output_type")
    if kind == "stream" and item.get("name") in ("stdout", "stderr"):
        return nbformat.v4.new_output("stream", name=item["name"], text=_text(item.get("text")))
    if kind == "error":
        trace = item.get("traceback")
        return nbformat.v4.new_output(
            "error",
            ename=_text(item.get("ename"))[:200],
            evalue=_text(item.get("evalue")),
            traceback=[_text(line) for line in trace[:200]] if isinstance(trace, list) else [],
        )
    if kind in ("display_data", "execute_result"):
        data = _safe_data(item.get("data"), image_cap)
        if not data:
            return None
        output = nbformat.v4.new_output(kind, data=data)
        if kind == "execute_result":
            count = item.get("execution_count")
            output.execution_count = count if type(count) is int and count >= 0 else None
        return output
    return None


def _safe_data(data, image_cap: int) -> dict:
    if not isinstance(data, dict):
        return {}
    safe = {}
    for mime in TEXT_MIMES + MARKUP_MIMES:
        if mime in data:
            safe[mime] = _text(data[mime])
    for mime in IMAGE_MIMES:
        image = safe_image(data.get(mime), mime, image_cap)
        if image:
            safe[mime] = image
    return safe


def safe_image(value, mime: str, cap: int) -> str:
    """``value`` as one line of strict base64 if it encodes a ``mime`` image (its file
    signature) in at most ``cap`` characters; else "" (the output loses it, never a part)."""
    if isinstance(value, list):
        value = "".join(part for part in value if isinstance(part, str))
    if not isinstance(value, str) or len(value) > 2 * cap:  # (line breaks do not count)
        return ""
    image = value.replace("\n", "")
    if not image or len(image) > cap:
        return ""
    try:
        decoded = base64.b64decode(image.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return ""
    return image if decoded.startswith(SIGNATURES[mime]) else ""


def _text(value, cap: int = MAX_TEXT) -> str:
    if isinstance(value, list):
        value = "".join(part for part in value if isinstance(part, str))
    return value[:cap] if isinstance(value, str) else ""


class SaveVerdicts(SaveAutoGrades):
    """nbgrader's SaveAutoGrades (comments, manually graded answers) with every test cell's
    score taken from its trusted verdict (``resources["verdicts"]``), present in the notebook
    or not."""

    def _add_score(self, cell, resources) -> None:
        if notebooks.grade_id(cell) not in resources["verdicts"]:
            super()._add_score(cell, resources)

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            for grade_id, verdict in resources["verdicts"].items():
                grade = gradebook.find_grade(
                    grade_id, info["notebook"], info["assignment"], info["student"]
                )
                grade.auto_score = verdict.points
                grade.needs_manual_grade = grade.manual_score is not None
            gradebook.db.commit()
        return nb, resources


def save_grades(nb, resources: dict, config) -> None:
    """Write the grades (SaveVerdicts) and any late penalty (nbgrader's AssignLatePenalties)."""
    for step in (SaveVerdicts, AssignLatePenalties):
        nb, resources = step(config=config).preprocess(nb, resources)

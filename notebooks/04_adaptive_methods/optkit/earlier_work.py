"""Your own functions of earlier notebooks, copied into a later one (taught in 06_training, §3).

``copy_into_this_cell(name, ...)`` finds, for every graded function named, the notebook of the
assignment it belongs to (``<folder>/<assignment>/<notebook>.ipynb``, the folders side by side as
they were handed out), takes the last ``def`` of that name from your code cells, and

* defines the functions in your notebook at once, and
* replaces the text of the cell it runs in by their code (the mechanism of IPython's ``%load``),
  so that your notebook holds your functions themselves.

Nothing else is copied: not the reference, not the checks, only what you wrote. A notebook that
is missing, or a function that is not there or still raises ``NotImplementedError``, stops the
copy with a message naming every problem. When your work is graded, only this notebook's folder
is there: the cell must then hold your functions, not the call.
"""

import ast
import json
import os
import sys
from pathlib import Path

from .contracts import get_contract

GRADING_NOTE = (
    "While your work is graded only this notebook's folder is there, so this cell must "
    "hold your functions themselves, not the call that copies them."
)


class EarlierWorkError(Exception):
    """The functions could not be copied; the message says which and why."""


def copy_into_this_cell(*names: str, folder=".."):
    """Define your functions ``names`` from your earlier notebooks here, and put their code in
    this cell (replacing the call). ``folder`` holds the assignment folders (default: the folder
    above this notebook's). Prints what it copied and from where."""
    text, sources = gather(names, folder)
    exec(compile(text, "<your earlier work>", "exec"), sys._getframe(1).f_globals)
    print(f"Copied your {', '.join(names)} from {', '.join(sources)}.")
    if _replace_this_cell(text):
        print(
            "This cell now holds their code instead of the call. If it still shows the call "
            "(some editors cannot replace a cell's text), paste the code of "
            "print(optkit.earlier_work.code(...the same names...)) into it."
        )
    else:
        print("Paste this code into the cell, in place of the call:\n\n" + text)


def code(*names: str, folder="..") -> str:
    """The code of your functions ``names``, as ``copy_into_this_cell`` copies it."""
    return gather(names, folder)[0]


def gather(names, folder="..") -> tuple[str, list[str]]:
    """The code of your functions ``names`` and the notebooks it comes from (as given paths).
    Raises EarlierWorkError listing every function that cannot be copied."""
    problems, parts, sources = [], [], []
    for name in names:
        try:
            notebook = find_notebook(Path(folder), get_contract(name).assignment)
            parts.append(f"# {name}, from {notebook}\n{function_source(notebook, name)}")
            if str(notebook) not in sources:
                sources.append(str(notebook))
        except (EarlierWorkError, KeyError) as error:
            problems.append(f"- {name}: {error.args[0]}")
    if problems:
        grading = os.environ.get("NBGRADER_EXECUTION") == "autograde"
        raise EarlierWorkError(
            "Could not copy your earlier work:\n"
            + "\n".join(problems)
            + "\n"
            + (
                GRADING_NOTE
                if grading
                else "Fix it there (or paste your "
                "functions into this cell yourself) and run this cell again."
            )
        )
    return "\n\n\n".join(parts) + "\n", sources


def find_notebook(folder: Path, assignment: str) -> Path:
    """The one notebook of ``folder/assignment``."""
    where = folder / assignment
    found = sorted(p for p in where.glob("*.ipynb") if not p.name.startswith("."))
    if len(found) != 1:
        have = "no notebook" if not found else f"{len(found)} notebooks"
        raise EarlierWorkError(
            f"found {have} in {where} (folder={str(folder)!r}: the folder that "
            f"holds your {assignment} folder)"
        )
    return found[0]


def function_source(notebook: Path, name: str) -> str:
    """The last top-level ``def name`` of the notebook's code cells, as you wrote it."""
    found, unreadable = None, False
    for source in _code_cells(notebook):
        try:
            tree = ast.parse(source)
        except SyntaxError:
            unreadable = unreadable or f"def {name}(" in source
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                found = (source, node)
    if found is None:
        raise EarlierWorkError(
            f"{notebook} has no cell that defines it"
            + (" (a cell that mentions it is not valid Python)" if unreadable else "")
        )
    source, node = found
    if _raises_not_implemented(node):
        raise EarlierWorkError(
            f"it still raises NotImplementedError in {notebook}: finish it there"
        )
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return "\n".join(source.splitlines()[first - 1 : node.end_lineno])


def _code_cells(notebook: Path) -> list[str]:
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EarlierWorkError(f"cannot read {notebook} ({error})") from None
    return [
        "".join(c["source"]) if isinstance(c.get("source"), list) else str(c.get("source", ""))
        for c in cells
        if isinstance(c, dict) and c.get("cell_type") == "code"
    ]


def _raises_not_implemented(node: ast.FunctionDef) -> bool:
    for raised in ast.walk(node):
        if isinstance(raised, ast.Raise) and raised.exc is not None:
            exc = raised.exc.func if isinstance(raised.exc, ast.Call) else raised.exc
            if isinstance(exc, ast.Name) and exc.id == "NotImplementedError":
                return True
    return False


def _replace_this_cell(code: str) -> bool:
    """Ask Jupyter to replace the running cell's text by ``code`` (as ``%load`` does)."""
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    if shell is None or not hasattr(shell, "set_next_input"):
        return False
    header = (
        "# Copied from your earlier notebooks by optkit.earlier_work.copy_into_this_cell.\n"
        "# Changed a function there? Put the call back here and run this cell again.\n\n"
    )
    shell.set_next_input(header + code, replace=True)
    return True

"""How a check's message is laid out for the student: 80 columns, the hint on lines of its own.

A message is read in three places that do not wrap it kindly: the notebook's output area (wraps
mid-word), nbgrader's Validate dialog (does not wrap at all) and ``nbgrader validate`` in a
terminal (cuts every line). So every line a check writes is at most :data:`WIDTH` characters,
broken between words. The message says what failed, then expected against got, then the likely
mistake and its hint; the mistake's internal key is not part of the text (a check returns it
beside the message, for the instructor's report).
"""

import textwrap
from dataclasses import dataclass

WIDTH = 80
HINT_INDENT = "    "


@dataclass(frozen=True)
class Failure:
    """A failed check: its message (one logical line per fact; :func:`fit` lays it out for
    reading), and the ``function:key`` of every catalogued mistake it names, in order."""

    message: str
    mistakes: tuple[str, ...] = ()

    def __add__(self, other: "Failure") -> "Failure":
        return Failure(f"{self.message}\n{other.message}", self.mistakes + other.mistakes)


def fit(text: str, width: int = WIDTH) -> str:
    """``text`` with every line longer than ``width`` broken between words; a continuation is
    indented two more spaces than its line, so it reads as part of it."""
    lines = []
    for line in text.splitlines() or [""]:
        indent = line[: len(line) - len(line.lstrip())]
        lines += [line] if len(line) <= width else _wrapped(line.strip(), width, indent)
    return "\n".join(lines)


def _wrapped(text: str, width: int, indent: str) -> list[str]:
    """Greedy line filling that keeps a short bracketed group such as ``(3, 2)`` or
    ``[0, 1]`` on one line; a word longer than a line is cut (nothing else fits)."""
    lines, current = [], indent
    for word in _words(text):
        gap = "" if current.strip() == "" else " "
        if len(current) + len(gap) + len(word) <= width:
            current += gap + word
            continue
        if current.strip():
            lines.append(current)
        current = indent + "  "
        while len(current) + len(word) > width:  # longer than any line: cut it
            room = width - len(current)
            lines.append(current + word[:room])
            word = word[room:]
        current += word
    return lines + [current] * bool(current.strip())


def _words(text: str) -> list[str]:
    """``text`` split at spaces outside brackets (a bracketed group longer than 30 characters
    splits at its spaces too)."""
    words, current, depth = [], "", 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(depth - 1, 0)
        if char == " " and (depth == 0 or len(current) > 30):
            words += [current] * bool(current)
            current = ""
        elif char != " " or current:
            current += char
    return words + [current] * bool(current)


def mistake_lines(title: str, hint: str, width: int = WIDTH) -> list[str]:
    """The lines that name a catalogued mistake: its title, then its hint, indented."""
    title = title.rstrip(".")
    return fit(f"Likely mistake: {title}.", width).splitlines() + textwrap.wrap(
        hint,
        width,
        initial_indent=HINT_INDENT,
        subsequent_indent=HINT_INDENT,
        break_on_hyphens=False,
    )


def mistake_failure(function: str, key: str, title: str, hint: str) -> Failure:
    """The part of a failure that names mistake ``key`` of ``function``."""
    return Failure("\n".join(mistake_lines(title, hint)), (f"{function}:{key}",))

"""Mistakes written as their slip: an answer's source, a few ``(old, new)`` edits, compiled.

A mistakes module states once the answer its slips start from -- the reference's own source
(``inspect.getsource``) or a correct answer written the way students often write it -- and each
mistake as the edits that make it wrong, so the slip reads at a glance. ``slipped`` compiles the
edited source into the module and registers it with ``linecache``: ``inspect.getsource`` still
gives the whole answer cell a student might write, which the sample class pastes into a
notebook. (The leading underscore keeps this module out of the catalog's registry.)
"""

import inspect
import linecache
import re

_DEF = re.compile(r"^def \w+\(", re.MULTILINE)
_DOCSTRING = re.compile(r'    """.*?"""\n', re.DOTALL)


def source(function) -> str:
    """The source of ``function``, the answer a slip may start from."""
    return inspect.getsource(function)


def slipped(
    answer: str, name: str, what: str, *edits: tuple[str, str], namespace: dict, once: bool = False
):
    """``answer`` (the source of one function) renamed ``name``, its docstring replaced by
    ``what``, with each ``(old, new)`` edit applied at every place ``old`` occurs (it must occur;
    with ``once``, exactly once), compiled into ``namespace`` (a module's ``globals()``) and
    returned."""
    header, body = answer.split(":\n", 1)  # the signature, and what follows it
    indent = " " * len(_DEF.search(header).group())  # of the signature's continuation lines
    header = _DEF.sub(f"def {name}(", header, count=1).replace(
        "\n" + indent, "\n" + " " * len(f"def {name}(")
    )
    text = _DOCSTRING.sub(f'    """{what}"""\n', header + ":\n" + body, count=1)
    for old, new in edits:
        if text.count(old) != 1 if once else old not in text:
            raise ValueError(
                f"{name}: {old!r} is not {'exactly one place' if once else 'in'} "
                "the answer it slips from"
            )
        text = text.replace(old, new)
    filename = f"<catalogued mistake {name}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    exec(compile(text, filename, "exec"), namespace)
    return namespace[name]


def zeros_answer(*states: str) -> str:
    """A correct initializer returning dicts of zeros named ``states`` (``"v"``, ``"s"``), keyed
    ``"dWl"``, ``"dbl"`` and shaped like ``"Wl"``, ``"bl"``: the answer the state slips start
    from (for one state, the reference initializers of momentum, AdaGrad and RMSProp)."""
    lines = [f"    {x} = {{}}\n" for x in states]
    lines.append("    for l in range(1, L + 1):\n")
    lines += [
        f'        {x}["d{p}" + str(l)] = np.zeros_like(parameters["{p}" + str(l)])\n'
        for x in states
        for p in "Wb"
    ]
    return (
        "def initialize(parameters):\n"
        '    """The state of the optimizer."""\n'
        "    L = len(parameters) // 2\n" + "".join(lines) + f"    return {', '.join(states)}\n"
    )


# The slips an initializer of optimizer state can make, as edits of ``zeros_answer``.
W_ZEROS = 'np.zeros_like(parameters["W" + str(l)])'
B_ZEROS = 'np.zeros_like(parameters["b" + str(l)])'
PARAMETER_KEYS = (
    ('["dW" + str(l)] =', '["W" + str(l)] ='),
    ('["db" + str(l)] =', '["b" + str(l)] ='),
)
ONES = (("np.zeros_like(", "np.ones_like("),)
B_SHAPED_LIKE_W = ((B_ZEROS, W_ZEROS),)
MISSING_LAST_LAYER = (("range(1, L + 1)", "range(1, L)"),)
STARTS_AT_PARAMETERS = (
    (W_ZEROS, 'parameters["W" + str(l)]'),
    (B_ZEROS, 'parameters["b" + str(l)]'),
)
FLAT = (
    (W_ZEROS, 'np.zeros(len(parameters["W" + str(l)]))'),
    (B_ZEROS, 'np.zeros(len(parameters["b" + str(l)]))'),
)
INTEGER_ZEROS = (
    (W_ZEROS, 'np.zeros(parameters["W" + str(l)].shape, dtype=int)'),
    (B_ZEROS, 'np.zeros(parameters["b" + str(l)].shape, dtype=int)'),
)


def aliases_parameters(x: str) -> tuple[tuple[str, str], ...]:
    """The edits by which state ``x`` holds the parameter arrays and zeroes them in place."""
    last = f'        {x}["db" + str(l)] = parameters["b" + str(l)]\n'
    return (
        (f'{x}["dW" + str(l)] = {W_ZEROS}', f'{x}["dW" + str(l)] = parameters["W" + str(l)]'),
        (
            f'        {x}["db" + str(l)] = {B_ZEROS}\n',
            last + f'        {x}["dW" + str(l)] *= 0\n        {x}["db" + str(l)] *= 0\n',
        ),
    )

"""Hidden reference implementations of every graded function (never shipped to students).

The contracts (``optkit.contracts``) are the one registry of graded functions; everything else
about a function is found from its assignment by one naming rule. A function of assignment
``NN_topic`` (e.g. ``07_robust_training``) has

* its reference in ``solutions/<topic>.py``,
* its cases in ``solutions/cases/<topic>.py``,
* its mistakes in ``solutions/mistakes/<topic>.py``,
* its correct variants in ``solutions/alternatives/<topic>.py``.

Modules are imported on first use, so a module that is still being written breaks only its
own assignment. ``tests/solutions/test_registry.py`` names whatever a graded function lacks.
"""

import importlib

KINDS = ("cases", "mistakes", "alternatives")


def topic(assignment: str) -> str:
    """``robust_training`` for assignment ``07_robust_training``."""
    number, _, name = assignment.partition("_")
    if not (number.isdigit() and name):
        raise ValueError(f"an assignment is named NN_topic, not {assignment!r}")
    return name


def module_name(assignment: str, kind: str = "") -> str:
    """The module that holds the references of ``assignment`` (``kind`` ""), or their cases,
    mistakes or alternatives (``kind`` one of KINDS)."""
    if kind and kind not in KINDS:
        raise ValueError(f"kind is one of {KINDS} or '', not {kind!r}")
    package = f"{__name__}.{kind}" if kind else __name__
    return f"{package}.{topic(assignment)}"


def module_of(function: str, kind: str = "") -> str:
    """``module_name`` of graded ``function``'s assignment."""
    from optkit.contracts import get_contract

    return module_name(get_contract(function).assignment, kind)


def import_if_present(name: str):
    """The module ``name``; None when its file does not exist (any other import error, a bug
    in that module, propagates)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:
            return None
        raise


def home(function: str, kind: str = ""):
    """The imported ``module_of(function, kind)``, or None when it does not exist."""
    return import_if_present(module_of(function, kind))


def reference(name: str):
    """The reference implementation of graded function ``name``."""
    module = home(name)
    if module is None or not hasattr(module, name):
        raise LookupError(
            f"no reference for {name!r}: define it in {module_of(name).replace('.', '/')}.py"
        )
    return getattr(module, name)

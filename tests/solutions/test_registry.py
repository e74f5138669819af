"""The contracts are the one registry: every graded function has every piece its assignment owns.

A graded function of assignment ``NN_topic`` needs a reference in ``solutions/<topic>.py``,
public and hidden cases in ``solutions/cases/<topic>.py``, catalogued mistakes in
``solutions/mistakes/<topic>.py``, a correct variant in ``solutions/alternatives/<topic>.py`` and
a solution cell with a public and a hidden test cell in ``source/NN_topic/``. ``missing`` says
in words what is not there, so a new function's failure is its to-do list.
"""

import importlib
import pkgutil

import pytest

import solutions
from autograder import notebooks
from autograder.course import Course
from autograder.grade_id import GradeId
from optkit.contracts import CONTRACTS, Contract
from solutions import cases, import_if_present, module_name, topic


def _file(name: str) -> str:
    return name.replace(".", "/") + ".py"


def _cases_missing(contract: Contract) -> list[str]:
    """No module, or no @public / @hidden generator defined in it."""
    name, module = contract.name, module_name(contract.assignment, "cases")
    if import_if_present(module) is None:
        return [f"no cases module: {_file(module)}"]
    found = {"public": cases._PUBLIC.get(name), "hidden": cases._HIDDEN.get(name)}
    return [
        f"no {kind} case: add a @{kind}({name!r}) generator to {_file(module)}"
        for kind, generator in found.items()
        if generator is None or generator.__module__ != module
    ]


def _solutions_missing(contract: Contract) -> list[str]:
    """The reference, the mistakes and the alternatives, each in its module of the assignment."""
    name, assignment = contract.name, contract.assignment
    where = {kind: module_name(assignment, kind) for kind in ("", "mistakes", "alternatives")}
    found = {kind: import_if_present(module) for kind, module in where.items()}
    gaps = []
    if not hasattr(found[""], name):
        gaps.append(f"no reference: define {name} in {_file(where[''])}")
    if found["mistakes"] is None:
        gaps.append(f"no mistakes module: {_file(where['mistakes'])}")
    elif not any(m.function == name for m in found["mistakes"].MISTAKES):
        gaps.append(
            f"no catalogued mistake: list one of {name} in MISTAKES of {_file(where['mistakes'])}"
        )
    if not getattr(found["alternatives"], "CORRECT", {}).get(name):
        gaps.append(
            f"no correct variant: add {name!r} to CORRECT of {_file(where['alternatives'])}"
        )
    return gaps


def _notebook_missing(contract: Contract, course: Course) -> list[str]:
    """A solution cell named after the function, and its public and hidden test cells."""
    folder = course.source / contract.assignment
    if not folder.is_dir():
        return [
            f"no source notebook: source/{contract.assignment}/{topic(contract.assignment)}.ipynb"
        ]
    cells = notebooks.cells_by_id(notebooks.read(course.source_notebook(contract.assignment)))
    wanted = [contract.name] + [str(GradeId(contract.name, kind)) for kind in ("public", "hidden")]
    return [
        f"no cell {grade_id} in source/{contract.assignment}"
        for grade_id in wanted
        if grade_id not in cells
    ]


def missing(contract: Contract, course: Course = Course()) -> list[str]:
    """Everything graded function ``contract.name`` lacks, each naming where to add it."""
    return (
        _solutions_missing(contract)
        + _cases_missing(contract)
        + _notebook_missing(contract, course)
    )


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_every_graded_function_has_every_piece_of_its_assignment(name):
    assert missing(CONTRACTS[name]) == []


def test_a_new_graded_function_is_told_everything_it_lacks():
    newcomer = Contract("shiny_rule", "10_shiny_topic", ("parameters",), ("parameters",))
    assert missing(newcomer) == [
        "no reference: define shiny_rule in solutions/shiny_topic.py",
        "no mistakes module: solutions/mistakes/shiny_topic.py",
        "no correct variant: add 'shiny_rule' to CORRECT of solutions/alternatives/shiny_topic.py",
        "no cases module: solutions/cases/shiny_topic.py",
        "no source notebook: source/10_shiny_topic/shiny_topic.ipynb",
    ]


def test_a_function_added_to_an_existing_assignment_is_told_each_cell_and_case_it_lacks():
    newcomer = Contract("shiny_rule", "03_momentum", ("parameters",), ("parameters",))
    assert missing(newcomer) == [
        "no reference: define shiny_rule in solutions/momentum.py",
        "no catalogued mistake: list one of shiny_rule in MISTAKES of "
        "solutions/mistakes/momentum.py",
        "no correct variant: add 'shiny_rule' to CORRECT of solutions/alternatives/momentum.py",
        "no public case: add a @public('shiny_rule') generator to solutions/cases/momentum.py",
        "no hidden case: add a @hidden('shiny_rule') generator to solutions/cases/momentum.py",
        "no cell shiny_rule in source/03_momentum",
        "no cell test_shiny_rule_public in source/03_momentum",
        "no cell test_shiny_rule_hidden in source/03_momentum",
    ]


def _modules(package) -> list:
    """The assignment modules of ``package`` (a leading underscore marks a shared helper, such
    as ``solutions.mistakes._slips``)."""
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]


@pytest.mark.parametrize("kind", ["", *solutions.KINDS])
def test_every_module_is_named_after_an_assignment(kind):
    package = importlib.import_module(f"solutions.{kind}" if kind else "solutions")
    topics = {topic(contract.assignment) for contract in CONTRACTS.values()}
    strays = [
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.ispkg and not info.name.startswith("_") and info.name not in topics
    ]
    assert strays == [], f"modules of {package.__name__} named after no assignment"


def test_every_mistake_and_variant_sits_in_the_module_of_its_function():
    import solutions.alternatives
    import solutions.mistakes

    misplaced = [
        f"{m.function}:{m.key} in {module.__name__}"
        for module in _modules(solutions.mistakes)
        for m in module.MISTAKES
        if module_name(CONTRACTS[m.function].assignment, "mistakes") != module.__name__
    ]
    misplaced += [
        f"{name} in {module.__name__}"
        for module in _modules(solutions.alternatives)
        for name in module.CORRECT
        if module_name(CONTRACTS[name].assignment, "alternatives") != module.__name__
    ]
    assert misplaced == []


@pytest.mark.parametrize(
    "assignment, kind, expected",
    [
        ("07_robust_training", "", "solutions.robust_training"),
        ("01_gradient_descent", "cases", "solutions.cases.gradient_descent"),
        (
            "09_landscape_and_initialization",
            "mistakes",
            "solutions.mistakes.landscape_and_initialization",
        ),
    ],
)
def test_the_naming_rule(assignment, kind, expected):
    assert module_name(assignment, kind) == expected


@pytest.mark.parametrize("assignment", ["momentum", "03", "3x_momentum", "03_"])
def test_an_assignment_not_named_nn_topic_is_refused(assignment):
    with pytest.raises(ValueError, match="NN_topic"):
        topic(assignment)

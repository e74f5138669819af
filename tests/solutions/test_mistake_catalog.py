"""The mistake catalog: every mistake fails both checks and is the one diagnosis named for it."""

import ast
import builtins
import inspect
import textwrap
from functools import lru_cache

import pytest

import optkit
from autograder import notebooks
from autograder.course import Course
from autograder.hidden_checks import hidden_check
from optkit.contracts import CONTRACTS, get_contract
from optkit.messages import WIDTH, fit, mistake_lines
from optkit.signatures import params_of, problem
from solutions.mistakes import Mistake, catalog, functions_with_mistakes
from tests.conftest import named_mistakes

MISTAKES = [mistake for name in functions_with_mistakes() for mistake in catalog(name)]
IDS = [f"{m.function}:{m.key}" for m in MISTAKES]


def _diagnoses(run, mistake) -> list[str]:
    with pytest.raises(optkit.CheckFailure) as caught:
        run(mistake.function, mistake.implementation)
    return named_mistakes(caught.value)


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_the_public_check_fails_and_names_exactly_this_mistake(mistake):
    assert _diagnoses(optkit.check, mistake) == [f"{mistake.function}:{mistake.key}"]


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_the_hidden_check_fails_and_names_exactly_this_mistake(mistake):
    assert _diagnoses(hidden_check, mistake) == [f"{mistake.function}:{mistake.key}"]


@pytest.mark.parametrize("name", ["initialize_velocity", "update_parameters_with_momentum"])
def test_momentum_has_at_least_six_catalogued_mistakes(name):
    assert len(catalog(name)) >= 6


def test_every_mistake_belongs_to_a_contract_and_keys_are_unique_identifiers():
    assert set(functions_with_mistakes()) <= set(CONTRACTS)
    assert len(set(IDS)) == len(IDS)
    assert all(m.key.isidentifier() and m.key == m.key.lower() for m in MISTAKES)
    assert catalog("update_lr") == [] or all(isinstance(m, Mistake) for m in catalog("update_lr"))


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_titles_and_hints_read_well_and_teach_without_code(mistake):
    assert mistake.title and "\n" not in mistake.title and ". " not in mistake.title
    assert not mistake.title.endswith(".")
    assert mistake.hint.endswith(".") and "\n" not in mistake.hint
    for code in ("np.", "=", "[", "def ", "()", "**", "+="):
        assert code not in mistake.hint, code
    lines = mistake_lines(mistake.title, mistake.hint)
    assert all(len(line) <= WIDTH for line in lines) and fit("\n".join(lines)).splitlines() == lines
    assert " ".join(line.strip() for line in lines) == (
        f"Likely mistake: {mistake.title}. {mistake.hint}"
    )


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_implementations_are_self_contained_with_the_contract_signature(mistake):
    """The sample class pastes a mistake's source into a notebook: it may only use np and the
    names the notebook binds before the exercise (06_training: the network helpers, OPTIMIZERS
    and the earlier work). Keyword-only extras of the notebook's template (costs) may follow.
    A mistake whose slip is the signature takes the contract's arguments in another order or
    with another default (or lacks a list to fill), and the signature check says so."""
    contract = get_contract(mistake.function)
    parameters = inspect.signature(mistake.implementation).parameters.values()
    extras = [p for p in parameters if p.kind is p.KEYWORD_ONLY]
    names = tuple(p.name for p in parameters if p not in extras)
    slip = problem(contract, params_of(mistake.implementation))
    assert names == contract.args or (slip and sorted(names) == sorted(contract.args))
    assert slip is None or any(
        words in slip for words in ("it must be argument", "the default of", "keyword argument")
    )
    assert all(p.default is not p.empty for p in extras)
    tree = ast.parse(textwrap.dedent(inspect.getsource(mistake.implementation)))
    [function] = tree.body
    assert not function.decorator_list
    local = {arg.arg for arg in function.args.args + function.args.kwonlyargs} | {
        node.id
        for node in ast.walk(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
    }
    used = {
        node.id
        for node in ast.walk(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    assert used - local - set(dir(builtins)) <= {"np"} | _notebook_names(mistake.function)


@lru_cache(maxsize=None)
def _notebook_names(function: str) -> frozenset:
    """Top-level names the source notebook of ``function`` binds before its exercise cell."""
    try:
        nb = notebooks.read(Course().source_notebook(get_contract(function).assignment))
    except ValueError:  # the notebook is not written yet
        return frozenset()
    names = set()
    for cell in nb.cells:
        if notebooks.grade_id(cell) == function:
            break
        if cell.cell_type != "code":
            continue
        code = "\n".join(
            line
            for line in notebooks.strip_solution_markers(cell.source).splitlines()
            if not line.lstrip().startswith(("%", "!"))
        )
        for node in ast.parse(code).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {
                    n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)
                }
    return frozenset(names)

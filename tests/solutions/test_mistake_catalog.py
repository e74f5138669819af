"""The mistake catalog: every mistake fails both checks and is the one diagnosis named for it."""
import ast
import builtins
import inspect
import textwrap

import pytest

import optkit
from autograder.hidden_checks import hidden_check
from optkit.compare import DIAGNOSIS_PATTERN, diagnosis_line
from optkit.contracts import CONTRACTS, get_contract
from solutions.mistakes import Mistake, catalog, functions_with_mistakes

MISTAKES = [mistake for name in functions_with_mistakes() for mistake in catalog(name)]
IDS = [f"{m.function}:{m.key}" for m in MISTAKES]


def _diagnoses(run, mistake) -> list[str]:
    with pytest.raises(optkit.CheckFailure) as caught:
        run(mistake.function, mistake.implementation)
    return [match.group(1) for match in DIAGNOSIS_PATTERN.finditer(str(caught.value))]


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
    line = diagnosis_line(mistake.function, mistake.key, mistake.title, mistake.hint)
    match = DIAGNOSIS_PATTERN.fullmatch(line)
    assert (match["title"], match["hint"]) == (mistake.title, mistake.hint)


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_implementations_are_self_contained_with_the_contract_signature(mistake):
    """The sample class pastes a mistake's source into a notebook: it may only use np."""
    assert tuple(inspect.signature(mistake.implementation).parameters) == get_contract(
        mistake.function).args
    tree = ast.parse(textwrap.dedent(inspect.getsource(mistake.implementation)))
    [function] = tree.body
    assert not function.decorator_list
    local = {arg.arg for arg in function.args.args} | {
        node.id for node in ast.walk(function) if isinstance(node, ast.Name)
        and isinstance(node.ctx, ast.Store)}
    used = {node.id for node in ast.walk(function) if isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Load)}
    assert used - local - set(dir(builtins)) <= {"np"}

"""autograder.casebook: the casebooks are fresh, hold what the checks need, and only that."""

import json

import pytest

from autograder import casebook, notebooks
from autograder.course import COURSE_CASEBOOK, OPTKIT, Course
from autograder.hidden_checks import mistake_params
from optkit.contracts import CONTRACTS, get_contract
from optkit.public_checks import CASEBOOK, stored_cases
from optkit.runner import judge, observe
from solutions import reference
from solutions.cases import functions_with_cases, public_cases
from solutions.mistakes import catalog

COURSE = Course()
# 06's notebook brings along the student's functions of 01-05 and checks each of them there.
EARLIER_WORK_OF_06 = {
    "random_mini_batches",
    "update_parameters_with_gd",
    "initialize_velocity",
    "update_parameters_with_momentum",
    "initialize_adam",
    "update_parameters_with_adam",
    "update_lr",
    "schedule_lr_decay",
}


def test_the_tests_read_the_whole_course_casebook_built_from_the_solutions_now():
    assert CASEBOOK == COURSE_CASEBOOK
    assert casebook.same_casebook(CASEBOOK.read_text(encoding="utf-8"), casebook.render())


def test_optkit_sources_hold_no_casebook():
    assert not list(OPTKIT.rglob("*.json")), "casebooks are built into build/ and release folders"


@pytest.mark.parametrize("assignment", COURSE.assignments())
def test_an_assignment_casebook_holds_its_functions_and_the_earlier_ones_it_brings(assignment):
    own = {name for name, contract in CONTRACTS.items() if contract.assignment == assignment}
    expected = own | (EARLIER_WORK_OF_06 if assignment == "06_training" else set())
    found = casebook.functions_of(notebooks.read(COURSE.source_notebook(assignment)), assignment)
    assert sorted(found) == sorted(expected) and found == sorted(found)
    assert set(get_contract("model").uses) <= EARLIER_WORK_OF_06


def test_a_casebook_of_some_functions_holds_exactly_them_as_the_whole_one_does():
    names = ["initialize_velocity", "update_lr"]
    some, whole = json.loads(casebook.render(names)), json.loads(casebook.render())
    assert list(some["functions"]) == names
    assert some["functions"] == {name: whole["functions"][name] for name in names}


def test_staleness_ignores_rounding_but_not_a_changed_value():
    text = CASEBOOK.read_text(encoding="utf-8")
    book = json.loads(text)
    first = next(iter(book["functions"].values()))["cases"][0]
    rounded, changed = json.loads(text), json.loads(text)
    _first_float(next(iter(rounded["functions"].values()))["cases"][0], 1 + 1e-13)
    _first_float(next(iter(changed["functions"].values()))["cases"][0], 1 + 1e-6)
    assert casebook.same_casebook(text, json.dumps(rounded))
    assert not casebook.same_casebook(text, json.dumps(changed))
    assert first


def _first_float(tree, factor) -> bool:
    """Scale the first non-zero float found in ``tree`` in place."""
    items = (
        tree.items()
        if isinstance(tree, dict)
        else enumerate(tree)
        if isinstance(tree, list)
        else []
    )
    for key, value in items:
        if isinstance(value, float) and value:
            tree[key] = value * factor
            return True
        if isinstance(value, (dict, list)) and _first_float(value, factor):
            return True
    return False


def test_the_casebook_is_versioned_json_covering_every_function_with_cases():
    book = json.loads(CASEBOOK.read_text(encoding="utf-8"))
    assert book["schema_version"] == casebook.SCHEMA_VERSION
    assert list(book["functions"]) == functions_with_cases()


@pytest.mark.parametrize("name", functions_with_cases())
def test_stored_cases_replay_the_reference_and_keep_only_differing_mistakes(name):
    contract = get_contract(name)
    stored = stored_cases(name)
    entry = json.loads(CASEBOOK.read_text(encoding="utf-8"))["functions"][name]
    assert [case.label for case in stored] == [case.label for case in public_cases(name)]
    assert list(entry["mistakes"]) == [mistake.key for mistake in catalog(name)]
    for mistake in catalog(name):  # a slip of the signature is stored as the signature
        assert ("signature" in entry["mistakes"][mistake.key]) == (
            mistake_params(mistake) is not None
        )
    for case, raw in zip(stored, entry["cases"]):
        assert not judge(
            contract, case.expected, observe(contract, reference(name), case.inputs, case.style)
        )
        for mistake in catalog(name):
            if mistake_params(mistake) is not None:
                assert mistake.key not in raw["mistake_outputs"]
                continue
            differs = bool(
                judge(
                    contract,
                    case.expected,
                    observe(contract, mistake.implementation, case.inputs, case.style),
                )
            )
            assert (mistake.key in raw["mistake_outputs"]) == differs, (case.label, mistake.key)


def test_writing_the_casebook_elsewhere_gives_the_same_data(tmp_path):
    target = casebook.write_public_casebook(tmp_path / "data" / "public_cases.json")
    assert casebook.same_casebook(
        CASEBOOK.read_text(encoding="utf-8"), target.read_text(encoding="utf-8")
    )

"""Public and hidden checks of every graded function, parametrized over the registry: the
contracts (``optkit.contracts``), the reference solutions, the correct variants
(``solutions.alternatives``), the mistake catalog (``solutions.mistakes``) and the cheats
(``tests.implementations.cheats``). What only one assignment needs sits in its own
``test_checks_<assignment>.py`` beside this file."""

import numpy as np
import pytest

import optkit
from autograder import hidden_checks
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from optkit.contracts import CONTRACTS, get_contract
from optkit.signatures import contract_params, render
from solutions import reference
from solutions.alternatives import correct_variants
from solutions.cases import hidden_cases, public_cases
from solutions.mistakes import catalog
from tests.conftest import hidden_failure, public_failure
from tests.implementations.cheats import CHEATS

FUNCTIONS = list(CONTRACTS)
CORRECT = [(name, fn) for name in FUNCTIONS for fn in correct_variants(name)]
# Assignments whose correct variants must also pass the hidden check at every grading seed.
EVERY_SEED = {"05_learning_rate_decay", "07_robust_training"}
# The least number of catalogued mistakes and of correct variants (5 and 1 unless said here).
MISTAKES_AT_LEAST = {
    "update_parameters_with_adam": 8,
    "schedule_lr_decay": 8,
    "model": 8,
    "initialize_velocity": 6,
    "update_parameters_with_momentum": 6,
    "classify_critical_point": 6,
    "initialize_parameters": 6,
    "precondition_gradients": 6,
}
VARIANTS_AT_LEAST = {"update_parameters_with_gd": 5, "model": 2}
# Assignments where a cheat may pass the first hidden cases (their wrong answer fits some).
CHEAT_FITS_SOME = {
    "05_learning_rate_decay",
    "07_robust_training",
    "09_landscape_and_initialization",
}
# The floating-point array input of each function whose cases come in float32 and float64.
FLOAT_INPUT = {
    **{
        name: lambda kwargs: kwargs["parameters"]["W1"]
        for name, contract in CONTRACTS.items()
        if contract.args[0] == "parameters"
    },
    "random_mini_batches": lambda kwargs: kwargs["X"],
    "model": lambda kwargs: kwargs["X"],
    "clip_gradients": lambda kwargs: kwargs["grads"]["dW1"],
    "add_gradient_noise": lambda kwargs: kwargs["grads"]["dW1"],
    "rank_weights": lambda kwargs: kwargs["fitness"],
    "acceptance_probability": lambda kwargs: kwargs["delta"],
    "tournament_selection": lambda kwargs: kwargs["fitness"],
    "classify_critical_point": lambda kwargs: kwargs["hessian"],
    "precondition_gradients": lambda kwargs: kwargs["grads"]["dW1"],
}


def test_the_registry_has_a_contract_reference_cases_and_cheat_for_every_function():
    for name in FUNCTIONS:
        assert reference(name) and public_cases(name) and name in CHEATS


@pytest.mark.parametrize("name", FUNCTIONS)
def test_the_reference_passes_public_and_hidden(name, capsys):
    optkit.check(name, reference(name))
    hidden_check(name, reference(name))
    assert capsys.readouterr().out.splitlines() == [
        f"✓ {name} passed {len(public_cases(name))} public cases.",
        "  Hidden tests with random cases run when your work is graded.",
        f"✓ {name} passed {len(hidden_judged_cases(name))} hidden cases.",
    ]


@pytest.mark.parametrize("name, fn", CORRECT, ids=[f"{name}:{fn.__name__}" for name, fn in CORRECT])
def test_correct_implementations_written_differently_pass_both(name, fn, capsys):
    optkit.check(name, fn)
    hidden_check(name, fn)
    seeds = range(5) if get_contract(name).assignment in EVERY_SEED else ()
    for seed in seeds:  # and whatever the grading seed
        hidden_check(name, fn, seed=seed)
    assert capsys.readouterr().out.count("✓") == 2 + len(seeds)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_function_has_correct_variants_and_catalogued_mistakes(name):
    assert len(correct_variants(name)) >= VARIANTS_AT_LEAST.get(name, 1)
    assert len(catalog(name)) >= MISTAKES_AT_LEAST.get(name, 5)


@pytest.mark.parametrize("name", sorted(FLOAT_INPUT))
def test_both_case_sets_include_float32_and_float64_inputs(name):
    hidden = [case.kwargs for case in hidden_cases(name, np.random.default_rng(0))]
    graded = [case.inputs for case in hidden_judged_cases(name)]
    for cases in ([case.kwargs for case in public_cases(name)], hidden, graded):
        dtypes = {FLOAT_INPUT[name](kwargs).dtype for kwargs in cases}
        assert dtypes == {np.dtype(np.float32), np.dtype(np.float64)}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_a_cheat_that_knows_the_public_answers_passes_public_but_not_hidden(name, capsys):
    optkit.check(name, CHEATS[name])
    assert f"passed {len(public_cases(name))} public cases" in capsys.readouterr().out
    first = "" if get_contract(name).assignment in CHEAT_FITS_SOME else "1 of "
    assert hidden_failure(name, CHEATS[name]).startswith(f"✗ {name} failed hidden case {first}")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_a_wrong_signature_is_refused_before_running(name):
    """The first argument renamed: both checks show the signature the exercise asks for."""
    contract = get_contract(name)
    asked = render(contract_params(contract))
    namespace = {}
    exec(
        f"def renamed{asked.replace(contract.args[0], 'renamed_' + contract.args[0], 1)}:\n"
        "    raise AssertionError('never run')\n",
        namespace,
    )
    for run in (public_failure, hidden_failure):
        message = run(name, namespace["renamed"])
        assert "must take its arguments in this order" in message
        assert f"\n    {asked}\n" in message


@pytest.mark.parametrize("name", FUNCTIONS)
def test_hidden_cases_are_deterministic_and_the_seed_can_be_changed(name, monkeypatch):
    labels = [case.label for case in hidden_judged_cases(name)]
    assert labels == [case.label for case in hidden_judged_cases(name)]
    assert labels[:3] == [case.label for case in hidden_judged_cases(name, n_cases=3)]
    other = [case.label for case in hidden_judged_cases(name, seed=7)]
    monkeypatch.setenv(hidden_checks.SEED_VARIABLE, "7")
    assert [case.label for case in hidden_judged_cases(name)] == other != labels

"""Public and hidden checks of 04_adaptive_methods: what its cases cover and what its messages
say (what every function shares is in ``test_checks.py``)."""

import re

import numpy as np
import pytest

import optkit
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from optkit.contracts import get_contract
from optkit.runner import judge, observe
from solutions import reference
from solutions.cases import public_cases
from solutions.mistakes import catalog
from tests.conftest import hidden_failure, named_mistakes
from tests.implementations.signed import signed

UPDATES = [
    "update_parameters_with_adagrad",
    "update_parameters_with_rmsprop",
    "update_parameters_with_adam",
]
ADAM = "update_parameters_with_adam"
STATE = {"update_parameters_with_adagrad": "G", "update_parameters_with_rmsprop": "s", ADAM: "s"}


@pytest.mark.parametrize("name", UPDATES)
def test_update_cases_have_first_steps_nonzero_states_and_tiny_gradients(name):
    for cases in (public_cases(name), hidden_judged_cases(name)):
        states = [
            case.kwargs[STATE[name]] if hasattr(case, "kwargs") else case.inputs[STATE[name]]
            for case in cases
        ]
        assert all(np.all(a >= 0) for state in states for a in state.values())
        zero = [all(np.all(a == 0) for a in state.values()) for state in states]
        assert any(zero) and zero.count(False) >= 2
        grads = [
            case.kwargs["grads"] if hasattr(case, "kwargs") else case.inputs["grads"]
            for case in cases
        ]
        assert any(max(np.abs(a).max() for a in g.values()) < 1e-4 for g in grads)


def test_hidden_adam_cases_cover_step_counts_betas_and_layers():
    cases = hidden_judged_cases(ADAM)
    steps = {case.inputs["t"] for case in cases}
    assert {1, 2, 10, 1000} <= steps and min(steps) == 1
    assert len({case.inputs["parameters"]["W1"].dtype for case in cases}) == 2
    assert len({len(case.inputs["parameters"]) // 2 for case in cases}) >= 3
    assert all(case.inputs.get("beta1", 0.9) != case.inputs.get("beta2", 0.999) for case in cases)
    for case in cases:  # the first step starts from zero moments, as it does in training
        if case.inputs["t"] == 1:
            assert all(np.all(a == 0) for a in case.inputs["v"].values())


@pytest.mark.parametrize("name", UPDATES)
def test_every_default_is_left_out_somewhere_and_epsilons_with_epsilon_sized_gradients(name):
    contract = get_contract(name)
    for cases in (public_cases(name), hidden_judged_cases(name)):
        inputs = [getattr(case, "kwargs", None) or case.inputs for case in cases]
        for arg in contract.defaults:
            left_out = [kwargs for kwargs in inputs if arg not in kwargs]
            assert left_out, arg
        tiny = [
            kwargs
            for kwargs in inputs
            if "epsilon" not in kwargs
            and max(float(np.max(np.abs(g))) for g in kwargs["grads"].values()) < 1e-7
        ]
        assert tiny


def test_epsilon_inside_the_root_is_caught_thanks_to_the_tiny_gradients():
    """With gradients ~1 the two placements of epsilon agree to ~1e-8; tiny gradients tell."""
    [mistake] = [m for m in catalog(ADAM) if m.key == "epsilon_inside_root"]
    contract = get_contract(ADAM)
    caught = {True: [], False: []}
    for case in hidden_judged_cases(ADAM):
        got = observe(contract, mistake.implementation, case.inputs)
        tiny = max(np.abs(a).max() for a in case.inputs["grads"].values()) < 1e-4
        caught[tiny].append(bool(judge(contract, case.expected, got)))
    assert caught[True] and all(caught[True])
    assert not all(caught[False])


def test_a_hidden_adam_failure_names_the_case_and_item_but_never_an_expected_value():
    def off(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
        result = list(
            reference(ADAM)(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        )
        result[4] = {key: value * 1.01 for key, value in result[4].items()}
        return tuple(result)

    message = hidden_failure(ADAM, off)
    cases = hidden_judged_cases(ADAM)
    assert message.splitlines()[0] == (
        f"✗ {ADAM} failed hidden case 1 of {len(cases)}: {cases[0].label}"
    )
    assert 'returned s_corrected["dW1"]:' in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    assert "def " not in message and "solutions" not in message


def test_adam_that_returns_only_three_items_is_told_what_to_return():
    [mistake] = [m for m in catalog(ADAM) if m.key == "corrected_not_returned"]
    message = hidden_failure(ADAM, mistake.implementation)
    assert "expected a tuple (parameters, v, s, v_corrected, s_corrected) of 5 items" in message
    assert named_mistakes(message) == [f"{ADAM}:corrected_not_returned"]


@pytest.mark.parametrize("name", UPDATES)
def test_modifying_the_gradients_is_reported(name):
    def scales_grads(**inputs):
        result = reference(name)(**inputs)
        inputs["grads"]["dW1"] *= 2.0
        return result

    message = hidden_failure(name, signed(name, scales_grads))
    assert "input grads: was modified by your function" in message


@pytest.mark.parametrize("share", ["one dict", "same arrays"])
def test_returning_one_state_twice_fails_both_checks(share):
    """Equal values, but one dict (or one set of arrays) cannot hold two different averages."""

    def shared(parameters):
        v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
        return (v, v) if share == "one dict" else (v, dict(v))

    for run in (optkit.check, hidden_check):
        with pytest.raises(optkit.CheckFailure, match="returned v and s: are the same object"):
            run("initialize_adam", shared)

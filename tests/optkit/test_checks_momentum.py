"""Public and hidden checks of 03_momentum: what its cases cover and what its messages say (what
every function shares is in ``test_checks.py``)."""

import re

import numpy as np
import pytest

from autograder import hidden_checks
from autograder.hidden_checks import hidden_judged_cases
from optkit.contracts import get_contract
from solutions import reference
from solutions.cases import Case
from tests.conftest import default_seed_cases, hidden_failure

MOMENTUM = "update_parameters_with_momentum"


def test_hidden_momentum_cases_cover_layers_betas_and_a_moving_velocity():
    cases = default_seed_cases(MOMENTUM)
    layers = {len(case.kwargs["parameters"]) // 2 for case in cases}
    betas = {case.kwargs["beta"] for case in cases}
    assert layers <= set(range(1, 6)) and len(layers) >= 3
    assert {0.0, 0.5, 0.9, 0.99} <= betas and all(0 <= beta < 1 for beta in betas)
    moving = [case for case in cases if any(np.any(a != 0) for a in case.kwargs["v"].values())]
    assert len(moving) >= len(cases) - 1


def test_a_hidden_failure_names_the_case_and_place_but_never_an_expected_value():
    def off(parameters, grads, v, beta, learning_rate):
        parameters, v = reference(MOMENTUM)(parameters, grads, v, beta, learning_rate)
        parameters["W1"] = parameters["W1"] * 1.01
        return parameters, v

    message = hidden_failure(MOMENTUM, off)
    case = hidden_judged_cases(MOMENTUM)[0]
    assert message.splitlines()[0] == (
        f"✗ {MOMENTUM} failed hidden case 1 of {len(hidden_judged_cases(MOMENTUM))}: {case.label}"
    )
    assert 'returned parameters["W1"]:' in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    parameters, v = case.expected.returned
    for array in list(parameters.values()) + list(v.values()):
        for value in array.ravel():
            assert f"{value:.6g}" not in message or abs(value) < 1e-3
    assert "def " not in message and "solutions" not in message


def test_a_hidden_failure_reports_modified_gradients_and_none():
    def zeroes_grads(parameters, grads, v, beta, learning_rate):
        result = reference(MOMENTUM)(parameters, grads, v, beta, learning_rate)
        grads["dW1"][...] = 0.0
        return result

    assert "input grads: was modified by your function" in hidden_failure(MOMENTUM, zeroes_grads)
    assert "returned None" in hidden_failure(
        MOMENTUM, lambda parameters, grads, v, beta, learning_rate: None
    )


def test_a_crashing_reference_never_shows_its_code():
    broken = Case(
        "no gradients",
        {
            "parameters": {"W1": np.ones((1, 1)), "b1": np.ones((1, 1))},
            "grads": {},
            "v": {},
            "beta": 0.9,
            "learning_rate": 0.1,
        },
    )
    with pytest.raises(RuntimeError, match="bug in the course") as caught:
        hidden_checks._reference_observation(get_contract(MOMENTUM), broken)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__

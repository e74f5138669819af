"""Public and hidden checks of 01_gradient_descent: what its cases cover and what its messages
say (what every function shares is in ``test_checks.py``)."""

import re

import numpy as np

from autograder.hidden_checks import hidden_judged_cases
from solutions import reference
from solutions.mistakes import catalog
from tests.conftest import default_seed_cases, hidden_failure, named_mistakes, public_failure

GD = "update_parameters_with_gd"


def test_hidden_cases_cover_depths_learning_rates_and_edges():
    cases = default_seed_cases(GD)
    layers = {len(case.kwargs["parameters"]) // 2 for case in cases}
    rates = [case.kwargs["learning_rate"] for case in cases]
    assert {1, 5} <= layers and len(layers) >= 3
    assert 0.0 in rates and any(rate > 1 for rate in rates)
    # 0.5 and 1 would make "two steps" look like "no learning rate", and "squared" like correct.
    assert not {0.5, 1.0} & set(rates)
    assert any(all(np.all(g == 0) for g in case.kwargs["grads"].values()) for case in cases)
    shapes = {
        w.shape for case in cases for k, w in case.kwargs["parameters"].items() if k.startswith("W")
    }
    assert (1, 1) in shapes


def test_a_hidden_failure_names_the_case_and_place_but_never_an_expected_value():
    def off(parameters, grads, learning_rate):
        parameters = reference(GD)(parameters, grads, learning_rate)
        parameters["W1"] = parameters["W1"] * 1.01
        return parameters

    message = hidden_failure(GD, off)
    cases = hidden_judged_cases(GD)
    assert (
        message.splitlines()[0] == f"✗ {GD} failed hidden case 1 of {len(cases)}: {cases[0].label}"
    )
    assert 'returned parameters["W1"]:' in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    for array in cases[0].expected.returned.values():
        for value in array.ravel():
            assert f"{value:.6g}" not in message or abs(value) < 1e-3
    assert "def " not in message and "solutions" not in message


def test_messages_name_a_wrong_shape_a_missing_key_and_modified_gradients():
    def flattens_biases(parameters, grads, learning_rate):
        parameters = reference(GD)(parameters, grads, learning_rate)
        return {k: v.ravel() if k.startswith("b") else v for k, v in parameters.items()}

    def drops_b1(parameters, grads, learning_rate):
        parameters = reference(GD)(parameters, grads, learning_rate)
        del parameters["b1"]
        return parameters

    def zeroes_grads(parameters, grads, learning_rate):
        result = reference(GD)(parameters, grads, learning_rate)
        grads["dW1"][...] = 0.0
        return result

    assert re.search(
        r'returned parameters\["b1"\]: expected shape \(\d+, 1\); got shape',
        hidden_failure(GD, flattens_biases),
    )
    assert 'missing keys "b1"' in hidden_failure(GD, drops_b1)
    assert "input grads: was modified by your function" in hidden_failure(GD, zeroes_grads)


def test_a_public_failure_shows_expected_and_got_with_the_mistake_hint():
    sign_error = next(m for m in catalog(GD) if m.key == "sign_error")
    message = public_failure(GD, sign_error.implementation)
    assert message.startswith(f"✗ {GD} failed public case 1 of 3")
    assert re.search(r"expected -?\d", message) and ", got " in message
    assert named_mistakes(message) == [f"{GD}:sign_error"]
    assert "The parameters move uphill." in message

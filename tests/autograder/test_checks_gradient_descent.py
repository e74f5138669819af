"""Public and hidden checks of 01_gradient_descent on real implementations: correct, different, cheating."""
import copy
import re

import numpy as np
import pytest

import optkit
from autograder import hidden_checks
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from optkit.compare import EXACT, compare
from optkit.public_checks import stored_cases
from solutions import reference
from solutions.alternatives import correct_variants
from solutions.cases import hidden_cases, public_cases
from solutions.mistakes import catalog

GD = "update_parameters_with_gd"
CORRECT = correct_variants(GD)


def _hidden_failure(fn, **options) -> str:
    with pytest.raises(optkit.CheckFailure) as caught:
        hidden_check(GD, fn, **options)
    return str(caught.value)


def lookup_gd(parameters, grads, learning_rate):
    """A cheat: the stored answer of a public case, and the parameters unchanged otherwise."""
    inputs = {"parameters": parameters, "grads": grads, "learning_rate": learning_rate}
    for case in stored_cases(GD):
        if not compare(case.inputs, inputs, "inputs", EXACT):
            return copy.deepcopy(case.expected.returned)
    return parameters


def test_the_reference_passes_public_and_hidden(capsys):
    optkit.check(GD, reference(GD))
    hidden_check(GD, reference(GD))
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"✓ {GD} passed 3 public cases.")
    assert out[2] == f"✓ {GD} passed {len(hidden_judged_cases(GD))} hidden cases."


@pytest.mark.parametrize("fn", CORRECT, ids=[fn.__name__ for fn in CORRECT])
def test_correct_implementations_written_differently_pass_both(fn, capsys):
    optkit.check(GD, fn)
    hidden_check(GD, fn)
    assert capsys.readouterr().out.count("✓") == 2


def test_there_are_several_correct_variants_and_at_least_five_mistakes():
    assert len(CORRECT) >= 5
    assert len(catalog(GD)) >= 5


def test_both_case_sets_include_float32_and_float64_inputs():
    for cases in (public_cases(GD), hidden_cases(GD, np.random.default_rng(0))):
        dtypes = {case.kwargs["parameters"]["W1"].dtype for case in cases}
        assert dtypes == {np.dtype(np.float32), np.dtype(np.float64)}


def test_hidden_cases_cover_depths_learning_rates_and_edges():
    cases = hidden_cases(GD, np.random.default_rng(hidden_checks.DEFAULT_SEED))
    layers = {len(case.kwargs["parameters"]) // 2 for case in cases}
    rates = [case.kwargs["learning_rate"] for case in cases]
    assert {1, 5} <= layers and len(layers) >= 3
    assert 0.0 in rates and any(rate > 1 for rate in rates)
    # 0.5 and 1 would make "two steps" look like "no learning rate", and "squared" like correct.
    assert not {0.5, 1.0} & set(rates)
    assert any(all(np.all(g == 0) for g in case.kwargs["grads"].values()) for case in cases)
    shapes = {w.shape for case in cases for k, w in case.kwargs["parameters"].items()
              if k.startswith("W")}
    assert (1, 1) in shapes


def test_every_mistake_and_the_reference_disagree_on_some_public_case():
    """So that the public check can catch each mistake on its own."""
    for mistake in catalog(GD):
        with pytest.raises(optkit.CheckFailure):
            optkit.check(GD, mistake.implementation)


def test_a_cheat_that_knows_the_public_answers_passes_public_but_not_hidden(capsys):
    optkit.check(GD, lookup_gd)
    assert "passed 3 public cases" in capsys.readouterr().out
    assert _hidden_failure(lookup_gd).startswith(f"✗ {GD} failed hidden case 1 of ")


def test_a_hidden_failure_names_the_case_and_place_but_never_an_expected_value():
    def off(parameters, grads, learning_rate):
        parameters = reference(GD)(parameters, grads, learning_rate)
        parameters["W1"] = parameters["W1"] * 1.01
        return parameters
    message = _hidden_failure(off)
    cases = hidden_judged_cases(GD)
    assert message.splitlines()[0] == f"✗ {GD} failed hidden case 1 of {len(cases)}: {cases[0].label}"
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
    assert re.search(r'returned parameters\["b1"\]: expected shape \(\d+, 1\); got shape',
                     _hidden_failure(flattens_biases))
    assert 'missing keys "b1"' in _hidden_failure(drops_b1)
    assert "input grads: was modified by your function" in _hidden_failure(zeroes_grads)


def test_a_public_failure_shows_expected_and_got_with_the_mistake_hint():
    sign_error = next(m for m in catalog(GD) if m.key == "sign_error")
    with pytest.raises(optkit.CheckFailure) as caught:
        optkit.check(GD, sign_error.implementation)
    message = str(caught.value)
    assert message.startswith(f"✗ {GD} failed public case 1 of 3")
    assert re.search(r"expected -?\d", message) and ", got " in message
    assert caught.value.mistakes == (f"{GD}:sign_error",)
    assert "Likely mistake: The parameters move uphill." in message


def test_a_wrong_signature_is_refused_before_running():
    def renamed(params, grads, learning_rate):
        return params
    with pytest.raises(optkit.CheckFailure, match="must take its arguments in this order"):
        optkit.check(GD, renamed)

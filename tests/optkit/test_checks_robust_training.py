"""Public and hidden checks of 07_robust_training: what its cases cover, the forms an answer may
take and what its messages say (what every function shares is in ``test_checks.py``)."""

import re
import zlib

import numpy as np
import pytest

import optkit
from autograder import hidden_checks
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from solutions import reference
from solutions.cases import hidden_cases, public_cases
from solutions.mistakes import catalog
from tests.conftest import hidden_failure, named_mistakes, public_failure

CLIP, NOISE, STOP = "clip_gradients", "add_gradient_noise", "early_stopping"


def _graded_cases(name):
    """The hidden cases as graded (the seed hidden_check uses by default)."""
    return hidden_cases(
        name, np.random.default_rng([hidden_checks.DEFAULT_SEED, zlib.crc32(name.encode())])
    )


# ---------------------------------------------------------------- what the cases cover


@pytest.mark.parametrize("name", [CLIP, NOISE])
def test_gradient_cases_come_in_several_layer_counts(name):
    layers = {len(case.kwargs["grads"]) // 2 for case in _graded_cases(name)}
    assert {1, 2, 3, 5} <= layers


def _norm(grads):
    return np.sqrt(sum(np.sum(g.astype(float) ** 2) for g in grads.values()))


def test_clip_cases_cover_above_below_each_array_below_and_zero():
    for cases in (public_cases(CLIP), _graded_cases(CLIP)):
        ratios = [_norm(c.kwargs["grads"]) / c.kwargs["max_norm"] for c in cases]
        assert any(r > 1 for r in ratios) and any(r <= 1 for r in ratios)
        each_below = [
            c
            for c, r in zip(cases, ratios)
            if r > 1
            and all(np.linalg.norm(g) < c.kwargs["max_norm"] for g in c.kwargs["grads"].values())
        ]
        assert each_below
    ratios = [_norm(c.kwargs["grads"]) / c.kwargs["max_norm"] for c in _graded_cases(CLIP)]
    assert min(ratios) == 0 and max(ratios) > 10
    # max_norm >= 0.5: PyTorch's norm + 1e-6 stays within the tolerance (relative error < 2e-6).
    assert min(c.kwargs["max_norm"] for c in _graded_cases(CLIP)) >= 0.5


def test_noise_cases_cover_the_first_step_constant_noise_and_late_steps():
    cases = _graded_cases(NOISE)
    steps = {c.kwargs["t"] for c in cases}
    assert 0 in steps and max(steps) >= 100
    assert 0.0 in {c.kwargs.get("gamma") for c in cases}
    seeds = [c.kwargs["seed"] for c in cases if "seed" in c.kwargs]
    assert len(set(seeds)) == len(seeds)
    assert {0, 9, 99} <= {c.kwargs["t"] for c in public_cases(NOISE)}
    for cases in (public_cases(NOISE), cases):  # every default left out somewhere
        assert any(set(c.kwargs) == {"grads", "t"} for c in cases)
        assert any("seed" not in c.kwargs and "eta" in c.kwargs for c in cases)


def test_stopping_cases_sit_on_both_sides_of_the_patience_boundary():
    for cases in (public_cases(STOP), _graded_cases(STOP)):
        outcomes = [reference(STOP)(**c.kwargs) for c in cases]
        waited = [len(c.kwargs["val_losses"]) - 1 - best for c, (_, best) in zip(cases, outcomes)]
        patience = [c.kwargs.get("patience", 5) for c in cases]
        assert any(w == p for w, p in zip(waited, patience))  # stops just now
        assert any(w == p - 1 for w, p in zip(waited, patience))  # one epoch short
        assert {stop for stop, _ in outcomes} == {True, False}
        assert any(c.kwargs.get("min_delta", 0.0) > 0 for c in cases)
        for default in ("patience", "min_delta"):
            assert any(default not in c.kwargs for c in cases)
    kinds = {type(c.kwargs["val_losses"][0]) for c in _graded_cases(STOP)}
    assert kinds == {float, np.float32}


def test_min_delta_never_equals_a_gain_so_rounding_cannot_decide_a_case():
    for case in public_cases(STOP) + _graded_cases(STOP):
        losses, min_delta = case.kwargs["val_losses"], case.kwargs.get("min_delta", 0.0)
        if min_delta > 0:
            gains = np.subtract.outer(np.float64(losses), np.float64(losses))
            assert np.min(np.abs(np.abs(gains) - min_delta)) > 1e-4


# ------------------------------------------------------------- accepted and refused forms


def test_noise_computed_in_float32_passes():
    def float32_noise(grads, t, eta=0.3, gamma=0.55, seed=0):
        noisy = reference(NOISE)(grads, t, eta, gamma, seed)
        return {key: g.astype(np.float32) for key, g in noisy.items()}

    optkit.check(NOISE, float32_noise)
    hidden_check(NOISE, float32_noise)


def test_noise_drawn_in_float32_is_refused_on_float32_cases_only():
    """standard_normal(shape, dtype=float32) draws other numbers: the contract draws float64."""

    def float32_draws(grads, t, eta=0.3, gamma=0.55, seed=0):
        rng = np.random.default_rng(seed)
        sigma = np.sqrt(eta / (1 + t) ** gamma)
        return {
            key: g + sigma * rng.standard_normal(g.shape, dtype=g.dtype) for key, g in grads.items()
        }

    message = public_failure(NOISE, float32_draws)
    assert message.startswith(f"✗ {NOISE} failed public case 3 of {len(public_cases(NOISE))}")
    assert "float32" in message


def test_early_stopping_accepts_a_list_and_numpy_integers():
    def as_list(val_losses, patience=5, min_delta=0.0):
        stop, best = reference(STOP)(val_losses, patience, min_delta)
        return [stop, np.int64(best)]

    optkit.check(STOP, as_list)
    hidden_check(STOP, as_list)


def test_early_stopping_accepts_a_numpy_bool():
    def numpy_bool(val_losses, patience=5, min_delta=0.0):
        best = (
            int(np.argmin(val_losses))
            if min_delta == 0
            else reference(STOP)(val_losses, patience, min_delta)[1]
        )
        return np.int64(len(val_losses) - 1 - best) >= patience, best

    optkit.check(STOP, numpy_bool)


def test_early_stopping_refuses_a_number_for_stop_and_names_it():
    def number_for_stop(val_losses, patience=5, min_delta=0.0):
        stop, best = reference(STOP)(val_losses, patience, min_delta)
        return int(stop), best

    assert "returned stop: expected True or False (a bool); got int" in public_failure(
        STOP, number_for_stop
    )
    assert "returned stop: expected True or False (a bool); got int" in hidden_failure(
        STOP, number_for_stop
    )


# ---------------------------------------------------------------------------------- secrecy


def test_a_hidden_noise_failure_never_shows_an_expected_value():
    def slightly_off(grads, t, eta=0.3, gamma=0.55, seed=0):
        return reference(NOISE)(grads, t, eta * 1.01, gamma, seed)

    message = hidden_failure(NOISE, slightly_off)
    case = hidden_judged_cases(NOISE)[0]
    assert message.splitlines()[0] == (
        f"✗ {NOISE} failed hidden case 1 of {len(hidden_judged_cases(NOISE))}: {case.label}"
    )
    assert 'returned grads["dW1"]:' in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    for array in case.expected.returned.values():
        for value in array.ravel():
            assert f"{value:.6g}" not in message or abs(value) < 1e-3
    assert "def " not in message and "solutions" not in message


def test_a_hidden_stopping_failure_names_the_item_but_not_its_value():
    message = hidden_failure(STOP, lambda val_losses, patience=5, min_delta=0.0: (False, 0))
    assert "returned stop: the truth value differs" in message
    assert "expected True" not in message
    assert "expected True" in public_failure(
        STOP, lambda val_losses, patience=5, min_delta=0.0: (False, 0)
    )


def test_a_mistake_is_named_with_its_hint_in_both_checks():
    mistake = next(m for m in catalog(CLIP) if m.key == "per_array_norms")
    for message in (
        public_failure(CLIP, mistake.implementation),
        hidden_failure(CLIP, mistake.implementation),
    ):
        assert named_mistakes(message) == [f"{CLIP}:per_array_norms"]
        assert f"Likely mistake: {mistake.title}.\n" in message


def test_every_other_difference_of_a_public_case_shows_its_values():
    """A tie counted as an improvement: stop differs, and best_epoch's values are shown too."""
    [ties] = [m for m in catalog(STOP) if m.key == "ties_improve"]
    message = public_failure(STOP, ties.implementation)
    assert "returned stop: the truth value differs\n    expected True, got False" in message
    assert "Also different: returned best_epoch (expected 3, got 5)" in message
    assert "(expected" not in hidden_failure(STOP, ties.implementation)

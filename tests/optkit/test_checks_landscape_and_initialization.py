"""Public and hidden checks of 09_landscape_and_initialization: what its cases cover, and work
wrong in ways the catalog does not list (what every function shares is in ``test_checks.py``)."""

import re

import numpy as np

from solutions import reference
from solutions.cases import public_cases
from tests.conftest import default_seed_cases, hidden_failure, public_failure

CLASSIFY, INIT, PRECONDITION = (
    "classify_critical_point",
    "initialize_parameters",
    "precondition_gradients",
)


def test_every_kind_and_both_precisions_in_both_classify_case_sets():
    classify = reference(CLASSIFY)
    for cases in (public_cases(CLASSIFY), default_seed_cases(CLASSIFY)):
        assert {classify(**case.kwargs) for case in cases} == {
            "minimum",
            "maximum",
            "saddle",
            "degenerate",
        }
        assert {case.kwargs["hessian"].dtype for case in cases} == {
            np.dtype(np.float32),
            np.dtype(np.float64),
        }
        assert any("tol" in case.kwargs for case in cases)
        assert any(case.kwargs["hessian"].shape == (1, 1) for case in cases)
        assert any(not np.any(case.kwargs["hessian"]) for case in cases)
        sizes = [np.abs(case.kwargs["hessian"]).max() for case in cases]
        assert min(s for s in sizes if s) <= 1e-8 and max(sizes) >= 1e8
        # a saddle with a flat direction, and a flat direction beside curvature of one sign
        flat = [
            case
            for case in cases
            if case.kwargs["hessian"].shape[0] >= 3
            and np.linalg.matrix_rank(case.kwargs["hessian"]) < case.kwargs["hessian"].shape[0]
        ]
        assert {classify(**case.kwargs) for case in flat} >= {"saddle", "degenerate"}
        semidefinite = [
            np.linalg.eigvalsh(case.kwargs["hessian"].astype(float))
            for case in flat
            if classify(**case.kwargs) == "degenerate"
        ]
        assert any(e.max() > 1e-3 * abs(e).max() for e in semidefinite)  # bowls with a flat
        assert any(e.min() < -1e-3 * abs(e).max() for e in semidefinite)  # domes with a flat
    hidden = default_seed_cases(CLASSIFY)
    assert max(case.kwargs["hessian"].shape[0] for case in hidden) >= 6
    assert (
        min(np.abs(c.kwargs["hessian"]).max() for c in hidden if np.any(c.kwargs["hessian"]))
        < 1e-90
    )
    assert max(np.abs(c.kwargs["hessian"]).max() for c in hidden) > 1e90


def test_hidden_classify_labels_never_tell_the_kind():
    for case in default_seed_cases(CLASSIFY):
        assert not re.search(r"minimum|maximum|saddle|degenerate|signs", case.label)


def test_initializer_cases_cover_every_method_unequal_fans_and_the_default_seed():
    for cases in (public_cases(INIT), default_seed_cases(INIT)):
        assert {case.kwargs["method"] for case in cases} == {"zeros", "random", "xavier", "he"}
        assert any("seed" not in case.kwargs for case in cases)
        assert any(len(case.kwargs["layers_dims"]) >= 4 for case in cases)
        for method in ("xavier", "he"):
            assert any(
                dims[0] != dims[1]
                for case in cases
                if case.kwargs["method"] == method
                for dims in [case.kwargs["layers_dims"]]
            )
    fans = [d for case in default_seed_cases(INIT) for d in case.kwargs["layers_dims"][:-1]]
    assert min(fans) == 1 and max(fans) >= 4096


def test_preconditioner_cases_cover_zero_and_tiny_averages_scales_and_float32():
    for cases in (public_cases(PRECONDITION), default_seed_cases(PRECONDITION)):
        s_values = [v for case in cases for v in case.kwargs["s"].values()]
        assert any(np.any(v == 0) for v in s_values)
        assert any(np.any((v > 0) & (v < 1e-10)) for v in s_values)
        assert any(np.any(v > 1e10) for v in s_values)
        assert any("epsilon" in case.kwargs for case in cases)
        dtypes = {g.dtype for case in cases for g in case.kwargs["grads"].values()}
        assert dtypes == {np.dtype(np.float32), np.dtype(np.float64)}
        assert all(set(case.kwargs["s"]) == set(case.kwargs["grads"]) for case in cases)


def test_a_hidden_failure_names_the_case_but_never_an_expected_value():
    def always_minimum(hessian, tol=1e-6):
        return "minimum"

    message = hidden_failure(CLASSIFY, always_minimum)
    assert "returned kind:" in message
    assert not re.search(r"expected '", message) and "def " not in message


def test_changing_the_gradients_in_place_is_reported_as_a_modified_input():
    def in_place(grads, s, epsilon=1e-8):
        for key in grads:
            grads[key] /= np.sqrt(s[key]) + epsilon
        return grads

    for message in (public_failure(PRECONDITION, in_place), hidden_failure(PRECONDITION, in_place)):
        assert "input grads: was modified by your function" in message


def test_a_capitalized_kind_is_a_wrong_answer():
    def capitalized(hessian, tol=1e-6):
        return reference(CLASSIFY)(hessian, tol).capitalize()

    assert "returned kind: got str 'Minimum', not the expected value" in public_failure(
        CLASSIFY, capitalized
    )

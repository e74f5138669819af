"""optkit.compare: type, keys, shape, dtype and value differences, as students read them."""

import numpy as np

from optkit.compare import EXACT, Naming, Tolerance, compare, compare_returned

TOL = Tolerance()


def _text(problems, reveal=True):
    return "\n".join(line for problem in problems for line in problem.lines(reveal))


def test_equal_structures_have_no_problems():
    value = ({"W1": np.ones((2, 3)), "b1": np.zeros((2, 1))}, [(np.arange(3), 1.5)])
    assert compare(value, value, "x", TOL) == []


def test_missing_and_extra_keys_are_named():
    expected = {"dW1": np.zeros(2), "db1": np.zeros(2)}
    text = _text(compare(expected, {"W1": np.zeros(2), "dW1": np.zeros(2)}, "returned v", TOL))
    assert 'returned v: missing keys "db1"; unexpected keys "W1"' in text


def test_wrong_type_shape_and_dtype_are_reported_before_values():
    expected = {"dW1": np.zeros((2, 3))}
    assert "got a list of 2 items" in _text(compare(expected, {"dW1": [0, 0]}, "v", TOL))
    assert "expected a dict; got None" in _text(compare(expected, None, "v", TOL))
    shape = _text(compare(expected, {"dW1": np.ones(6)}, "v", TOL))
    assert 'v["dW1"]: expected shape (2, 3); got shape (6,)' in shape
    dtype = _text(compare(expected, {"dW1": np.zeros((2, 3), dtype=int)}, "v", TOL))
    assert "expected a floating-point dtype" in dtype and "integer" in dtype


def test_value_message_counts_errors_and_shows_expected_vs_got_only_when_revealed():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    got = np.array([[1.0, 2.5], [3.0, 0.0]])
    [problem] = compare(expected, got, 'returned v["dW2"]', TOL)
    public = "\n".join(problem.lines(reveal=True))
    assert public.startswith('returned v["dW2"]: 2 of 4 entries differ (rtol=1e-05, atol=1e-08)')
    assert "largest absolute error: 4 at [1, 1]" in public
    assert "largest relative error: 1 at [1, 1]" in public
    assert "first differing indices: [0, 1], [1, 1]" in public
    assert "at [0, 1]: expected 2, got 2.5" in public
    hidden = "\n".join(problem.lines(reveal=False))
    assert "expected 2" not in hidden and "got 2.5" not in hidden and "2 of 4 entries" in hidden


def test_float32_results_pass_within_their_precision_but_real_errors_do_not():
    expected = np.random.default_rng(0).normal(size=(4, 5))
    assert compare(expected, expected.astype(np.float32), "x", TOL) == []
    assert compare(expected.astype(np.float32), expected, "x", TOL) == []
    assert compare(expected, expected.astype(np.float32) + np.float32(1e-3), "x", TOL)
    assert compare(expected, expected.astype(np.float16), "x", TOL)  # no slack for float16


def test_float32_rounding_near_zero_is_tolerated():
    """Two correct float32 formulas differ by ~1e-7 absolute, more than atol=1e-8 near zero."""
    rng = np.random.default_rng(3)
    v, g = (rng.normal(size=20000).astype(np.float32) for _ in range(2))
    beta = 0.9
    reference = beta * v + (1 - beta) * g
    algebraic = beta * v + g - beta * g
    assert not np.allclose(algebraic, reference, rtol=1e-5, atol=1e-8)  # the plain rule fails
    assert compare(reference, algebraic, "v", TOL) == []
    assert compare(reference, algebraic + np.float32(1e-3), "v", TOL)


def test_nan_differs_from_a_number_but_matches_nan():
    expected = np.array([1.0, np.nan])
    assert compare(expected, np.array([1.0, np.nan]), "x", TOL) == []
    assert "1 of 2 entries differ" in _text(compare(expected, np.array([np.nan, np.nan]), "x", TOL))


def test_exact_comparison_rejects_one_ulp():
    expected = np.array([0.1, 0.2])
    nudged = np.nextafter(expected, 1.0)
    assert compare(expected, nudged, "x", TOL) == []
    assert "values must be identical" in _text(compare(expected, nudged, "x", EXACT))


def test_mini_batches_are_named_by_position_and_entry():
    naming = Naming("mini-batch", ("X_batch", "Y_batch"))
    batches = [(np.arange(4.0).reshape(2, 2), np.array([[0, 1]])) for _ in range(4)]
    wrong = [tuple(batch) for batch in batches]
    wrong[3] = (batches[3][0], np.array([[1, 0]]))
    text = _text(compare_returned(("mini_batches",), batches, wrong, EXACT, naming))
    assert text.startswith("mini-batch 3, Y_batch: 2 of 2 entries differ")
    short = _text(compare_returned(("mini_batches",), batches, wrong[:3], EXACT, naming))
    assert "expected 4 items; got 3" in short


def test_tuple_outputs_name_their_items_and_diagnose_arity():
    names = ("parameters", "v")
    expected = ({"W1": np.ones(2)}, {"dW1": np.zeros(2)})
    wrong = _text(compare_returned(names, expected, ({"W1": np.ones(2)}, {"dW1": np.ones(2)}), TOL))
    assert wrong.startswith('returned v["dW1"]: 2 of 2 entries differ')
    as_dict = _text(compare_returned(names, expected, {"W1": np.ones(2)}, TOL))
    assert "expected a tuple (parameters, v); got a dict; did you forget to return v?" in as_dict
    none = _text(compare_returned(names, expected, None, TOL))
    assert "returned None; did you forget the return statement?" in none
    triple = _text(compare_returned(names, expected, expected + (1,), TOL))
    assert "expected a tuple (parameters, v) of 2 items; got a tuple of 3 items" in triple
    assert compare_returned(names, expected, list(expected), TOL) == []


def test_numbers_accept_any_real_scalar_but_not_arrays_or_bools():
    assert compare(0.5, np.float64(0.5), "lr", TOL) == []
    assert compare(0.5, np.array(0.5), "lr", TOL) == []
    assert compare(2.0, 2, "lr", TOL) == []
    array = _text(compare(0.5, np.array([0.5]), "lr", TOL))
    assert "expected a number (float); got a numpy array" in array
    assert "got bool" in _text(compare(1.0, True, "lr", TOL))
    differs = _text(compare(0.5, 0.25, "returned learning_rate", TOL))
    assert "returned learning_rate: the value differs" in differs
    assert "expected 0.5, got 0.25" in differs
    assert compare(0.1 + 0.2, 0.3, "lr", TOL) == [] and compare(0.1 + 0.2, 0.3, "lr", EXACT)


def test_returned_items_that_are_one_object_are_reported():
    import numpy as np

    from optkit.compare import EXACT, compare_returned

    zeros = {"dW1": np.zeros((2, 2)), "db1": np.zeros((2, 1))}
    expected = ({k: v.copy() for k, v in zeros.items()}, {k: v.copy() for k, v in zeros.items()})
    same = compare_returned(("v", "s"), expected, (zeros, zeros), EXACT)
    assert [p.path for p in same] == ["returned v and s"] and "same object" in same[0].what
    shared_arrays = compare_returned(("v", "s"), expected, (zeros, dict(zeros)), EXACT)
    assert [p.path for p in shared_arrays] == ["returned v and s"]
    assert compare_returned(("v", "s"), expected, expected, EXACT) == []

"""optkit.signatures: a graded function is held to its contract's names, order and defaults,
and called the way the notebooks call it."""

import inspect

import pytest

from optkit.contracts import CONTRACTS, get_contract
from optkit.signatures import (
    MIXED,
    POSITIONAL,
    Param,
    call,
    contract_params,
    from_plain,
    params_of,
    problem,
    render,
    same_signature,
    same_value,
    to_plain,
)
from solutions import reference

RMSPROP = get_contract("update_parameters_with_rmsprop")


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_every_reference_fits_its_contract_and_renders_as_python_shows_it(name):
    contract = get_contract(name)
    assert problem(contract, params_of(reference(name))) is None
    assert render(contract_params(contract)) == str(inspect.signature(reference(name)))


@pytest.mark.parametrize(
    "source, words",
    [
        (
            "def f(parameters, grads, s, learning_rate=0.01, beta=0.9, epsilon=1e-8): pass",
            "beta is argument 5; it must be argument 4",
        ),
        (
            "def f(parameters, grads, s, beta, learning_rate, epsilon): pass",
            "beta has no default; it must default to 0.9",
        ),
        (
            "def f(parameters, grads, s, beta=0.99, learning_rate=0.01, epsilon=1e-8): pass",
            "the default of beta is 0.99; it must be 0.9",
        ),
        (
            "def f(params, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8): pass",
            "argument 1 is called params; it must be parameters",
        ),
        (
            "def f(parameters, grads, s, beta=0.9, learning_rate=0.01): pass",
            "it has no argument epsilon (argument 6)",
        ),
        (
            "def f(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8, *, t): pass",
            "extra argument t that the notebook never passes",
        ),
        ("def f(*args, **kwargs): pass", "it has no argument parameters (argument 1)"),
        (
            "def f(parameters, grads, s, /, beta=0.9, learning_rate=0.01, epsilon=1e-8): pass",
            "must be an ordinary argument",
        ),
    ],
)
def test_a_signature_that_does_not_fit_says_what_differs(source, words):
    namespace = {}
    exec(source, namespace)
    assert words in problem(RMSPROP, params_of(namespace["f"]))


@pytest.mark.parametrize(
    "source",
    [
        "def f(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8, "
        "verbose=False): pass",
        "def f(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8, "
        "*, log=None): pass",
        "def f(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-08, **extra): pass",
    ],
)
def test_extra_optional_arguments_are_harmless(source):
    namespace = {}
    exec(source, namespace)
    assert problem(RMSPROP, params_of(namespace["f"])) is None


def test_model_must_accept_the_list_it_fills_with_none_as_its_default():
    model = get_contract("model")
    params = contract_params(model)
    assert problem(model, params) is None and params[-1] == Param("costs", "KEYWORD_ONLY", True)
    assert "no keyword argument costs=None" in problem(model, params[:-1])
    assert "the default of costs must be None" in problem(
        model, params[:-1] + [Param("costs", "KEYWORD_ONLY", True, [])]
    )
    assert problem(model, params[:-1] + [Param("kwargs", "VAR_KEYWORD")]) is None


def test_defaults_agree_by_value_for_numbers_and_exactly_otherwise():
    assert same_value(1, 1.0) and same_value(1e-8, 1e-08) and same_value(None, None)
    assert not same_value(True, 1) and not same_value(None, 0) and not same_value(0.9, 0.99)


def test_calls_pass_arguments_by_position_as_far_as_the_case_gives_them_in_order():
    seen = []

    def spy(*args, **kwargs):
        seen.append((args, kwargs))

    arguments = {"parameters": 1, "grads": 2, "s": 3, "beta": 4, "epsilon": 6}
    call(RMSPROP, spy, arguments, POSITIONAL)
    call(RMSPROP, spy, arguments, MIXED)
    assert seen == [((1, 2, 3, 4), {"epsilon": 6}), ((1, 2), {"s": 3, "beta": 4, "epsilon": 6})]


def test_a_signature_travels_as_plain_data():
    params = params_of(reference("model"))
    assert from_plain(to_plain(params, lambda v: v), lambda v: v) == params
    with pytest.raises(ValueError):
        from_plain([["a", "POSITIONAL_OR_KEYWORD", 1, 2]], lambda v: v)


def test_a_signature_is_the_same_when_its_first_positional_parameters_agree():
    contract = [Param("grads"), Param("t"), Param("eta", has_default=True, default=0.3)]
    same = [Param("grads"), Param("t"), Param("eta", has_default=True, default=0.30000)]
    assert same_signature(contract, same, 3)
    assert same_signature(contract, same + [Param("costs", "KEYWORD_ONLY", True, None)], 3)
    assert same_signature(contract, [Param("grads"), Param("t"), Param("gamma")], 2)
    assert not same_signature(contract, [Param("grads"), Param("t"), Param("gamma")], 3)
    assert not same_signature(contract, [Param("grads"), Param("t"), Param("eta")], 3)
    assert not same_signature(contract, same[:2], 3)
    assert not same_signature(contract, same[:2] + [Param("eta", has_default=True, default=0.5)], 3)


def test_plain_data_that_is_no_signature_is_refused_and_long_names_are_cut():
    assert to_plain(None, repr) is None and from_plain(None, repr) is None
    for data in ({"a": 1}, [["a"]], [[1, "POSITIONAL_OR_KEYWORD"]], ["a"]):
        with pytest.raises(ValueError):
            from_plain(data, lambda v: v)
    [param] = from_plain([["x" * 500, "K" * 500]], lambda v: v)
    assert (len(param.name), len(param.kind), param.has_default) == (100, 30, False)

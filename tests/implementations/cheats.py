"""Cheats: functions that know the public answers and nothing else, one for every graded function.

They read the public casebook (which every student has) and return the stored expected output
when the inputs are a public case's, and a plausible wrong answer otherwise. The public check
cannot tell them apart from correct work; the hidden check must fail them.
"""

import copy

import numpy as np

from optkit import network
from optkit.compare import EXACT, compare
from optkit.contracts import CONTRACTS, get_contract
from optkit.public_checks import stored_cases
from tests.implementations.signed import signed


def _public_answer(name, inputs):
    """The stored expected output of the public case with exactly these inputs (its left-out
    defaults filled in), or None."""
    defaults = get_contract(name).defaults
    for case in stored_cases(name):
        if not compare({**defaults, **case.inputs}, inputs, "inputs", EXACT):
            return copy.deepcopy(case.expected.returned)
    return None


def knows_public(name, otherwise):
    """A cheat for ``name`` (with the contract's signature): the stored answer of a public case,
    else ``otherwise(**inputs)`` on a copy of the inputs."""

    def cheat(**inputs):
        answer = _public_answer(name, inputs)
        return answer if answer is not None else otherwise(**copy.deepcopy(inputs))

    return signed(name, cheat)


def _returns_its_inputs(name):
    """The returned items of ``name`` taken from its inputs (the state unchanged), or the
    parameters for an item that is not an input."""
    returns = get_contract(name).returns

    def otherwise(**inputs):
        values = tuple(inputs.get(item, inputs["parameters"]) for item in returns)
        return values[0] if len(values) == 1 else values

    return otherwise


def _cut_unshuffled(X, Y, mini_batch_size, seed):
    return [
        (X[:, k : k + mini_batch_size], Y[:, k : k + mini_batch_size])
        for k in range(0, X.shape[1], mini_batch_size)
    ]


def lookup_model(
    X,
    Y,
    layers_dims,
    optimizer,
    learning_rate=0.0007,
    mini_batch_size=64,
    beta=0.9,
    beta1=0.9,
    beta2=0.999,
    epsilon=1e-8,
    num_epochs=5000,
    print_cost=True,
    decay=None,
    decay_rate=1,
    *,
    costs=None,
):
    """The stored answer (and learning curve) of a public case, else the He initialization."""
    inputs = {key: value for key, value in locals().items() if key != "costs"}
    for case in stored_cases("model"):
        given = {key: inputs[key] for key in case.inputs}
        if not compare(case.inputs, given, "inputs", EXACT):
            if costs is not None:
                costs.extend(case.expected.inputs_after["costs"])
            return copy.deepcopy(case.expected.returned)
    return network.initialize_parameters_he(layers_dims)


_OTHERWISE = {
    "update_parameters_with_gd": lambda parameters, **_: parameters,
    "random_mini_batches": _cut_unshuffled,
    "initialize_velocity": lambda parameters: {"d" + k: p for k, p in parameters.items()},
    "update_parameters_with_momentum": lambda parameters, v, **_: (parameters, v),
    **{
        name: _returns_its_inputs(name)
        for name, contract in CONTRACTS.items()
        if contract.assignment == "04_adaptive_methods"
    },
    **{
        name: lambda learning_rate0, **_: learning_rate0
        for name, contract in CONTRACTS.items()
        if contract.assignment == "05_learning_rate_decay"
    },
    "clip_gradients": lambda grads, max_norm: grads,
    "add_gradient_noise": lambda grads, **_: grads,
    "early_stopping": lambda val_losses, **_: (False, len(val_losses) - 1),
    "rank_weights": lambda fitness: np.zeros(len(fitness)),
    "acceptance_probability": lambda delta, temperature: np.ones(delta.shape),
    "tournament_selection": lambda fitness, contestants: contestants[:, 0],
    "classify_critical_point": lambda hessian, tol: "minimum",
    "initialize_parameters": lambda **_: {},
    "precondition_gradients": lambda grads, **_: dict(grads),
}

CHEATS = {name: knows_public(name, otherwise) for name, otherwise in _OTHERWISE.items()}
CHEATS["model"] = lookup_model

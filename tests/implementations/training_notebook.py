"""The training loop ``model`` as 06_training's notebook defines it, beside a student's earlier
work (the graded functions of earlier notebooks that it calls by name)."""

import inspect

import numpy as np

import solutions.training
from optkit import network
from optkit.contracts import get_contract
from solutions import reference

EARLIER_WORK = get_contract("model").uses


def training_notebook(**earlier_work) -> dict:
    """The reference ``model`` defined in a notebook-like namespace: the names the notebook
    provides (np, the network helpers, OPTIMIZERS, the reference earlier work) overridden by
    ``earlier_work`` (a student's own versions; None leaves a name undefined)."""
    namespace = {"OPTIMIZERS": solutions.training.OPTIMIZERS, "np": np}
    namespace.update(
        {
            name: getattr(network, name)
            for name in (
                "initialize_parameters_he",
                "forward_propagation",
                "compute_cost",
                "backward_propagation",
            )
        }
    )
    namespace.update({name: reference(name) for name in EARLIER_WORK})
    namespace.update(earlier_work)
    namespace = {name: value for name, value in namespace.items() if value is not None}
    exec(inspect.getsource(solutions.training.model), namespace)
    return namespace


def adam_twice_the_rate(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """A wrong update_parameters_with_adam of an earlier notebook."""
    return reference("update_parameters_with_adam")(
        parameters, grads, v, s, t, 2 * learning_rate, beta1, beta2, epsilon
    )

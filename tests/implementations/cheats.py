"""Cheats: functions that know the public answers and nothing else.

They read the public casebook (which every student has) and return the stored expected output
when the inputs are a public case's, and a plausible wrong answer otherwise. The public check
cannot tell them apart from correct work; the hidden check must fail them.
"""
import copy

from optkit.compare import EXACT, compare
from optkit.contracts import get_contract
from optkit.public_checks import stored_cases


def _public_answer(name, inputs):
    """The stored expected output of the public case with exactly these inputs (its left-out
    defaults filled in), or None."""
    defaults = get_contract(name).defaults
    for case in stored_cases(name):
        if not compare({**defaults, **case.inputs}, inputs, "inputs", EXACT):
            return copy.deepcopy(case.expected.returned)
    return None


def lookup_velocity(parameters):
    answer = _public_answer("initialize_velocity", {"parameters": parameters})
    return answer if answer is not None else {"d" + key: value for key, value in parameters.items()}


def lookup_momentum(parameters, grads, v, beta, learning_rate):
    inputs = {"parameters": parameters, "grads": grads, "v": v, "beta": beta,
              "learning_rate": learning_rate}
    answer = _public_answer("update_parameters_with_momentum", inputs)
    return answer if answer is not None else (parameters, v)


CHEATS = {"initialize_velocity": lookup_velocity,
          "update_parameters_with_momentum": lookup_momentum}

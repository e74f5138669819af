"""Catalogued mistakes of 03_momentum: initialize_velocity and update_parameters_with_momentum.

Each mistake is written as its slip (``_slips``): the answer it starts from -- zeros for the
velocity, the reference update of ``solutions.momentum`` for the step -- and the few edits
that make it wrong, beside its key and title. The compiled function uses only ``np`` and its
source is the whole answer a student might write, which the sample class pastes into a notebook.
"""

import numpy as np  # noqa: F401  (the compiled slips use it)

from solutions.momentum import update_parameters_with_momentum as reference_update

from . import Mistake
from ._slips import (
    B_SHAPED_LIKE_W,
    B_ZEROS,
    FLAT,
    INTEGER_ZEROS,
    MISSING_LAST_LAYER,
    ONES,
    PARAMETER_KEYS,
    STARTS_AT_PARAMETERS,
    W_ZEROS,
    aliases_parameters,
    slipped,
    source,
    zeros_answer,
)

_INIT = "initialize_velocity"
_STEP = "update_parameters_with_momentum"
_ANSWERS = {_INIT: (zeros_answer("v"), "velocity"), _STEP: (source(reference_update), "momentum")}


def _slip(function, key, title, hint, what, *edits):
    """The mistake ``key`` of ``function``: its answer with ``edits``, documented by ``what``."""
    answer, prefix = _ANSWERS[function]
    implementation = slipped(answer, f"{prefix}_{key}", what, *edits, namespace=globals())
    return Mistake(key, function, title, hint, implementation)


_ALL_LAYERS = (
    "The loop must visit every layer from 1 to L inclusive; "
    "a Python range stops one before its end value."
)

# The lines of the reference step that the slips move.
_12 = " " * 12
_VELOCITY = f"{_12}v[key] = beta * v[key] + (1 - beta) * grads[key]\n"
_MOVE = f"{_12}parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * v[key]\n"

MISTAKES = [
    _slip(
        _INIT,
        "b_shaped_like_w",
        "The bias velocity is shaped like W",
        "Each velocity array must have the shape of its own parameter: the velocity of bl is "
        "a column shaped like bl, not like Wl.",
        "The bias velocity gets the shape of W.",
        *B_SHAPED_LIKE_W,
    ),
    _slip(
        _INIT,
        "parameter_keys",
        "The velocity uses the parameters' keys",
        'The velocity is keyed like the gradients: "dW1", "db1", and so on. The keys "W1", '
        '"b1" belong to the parameters.',
        'Keys "W1", "b1" instead of "dW1", "db1".',
        *PARAMETER_KEYS,
    ),
    _slip(
        _INIT,
        "ones",
        "The velocity starts at one instead of zero",
        "Momentum starts at rest: every entry of the initial velocity is zero, so the first "
        "step is a small gradient step.",
        "Ones instead of zeros.",
        *ONES,
    ),
    _slip(
        _INIT,
        "starts_at_parameters",
        "The velocity starts at the parameter values",
        "The velocity is a running average of gradients, not a copy of the parameters. "
        "Create new arrays of zeros with the shapes of the parameters.",
        "The velocity is the parameter arrays themselves.",
        *STARTS_AT_PARAMETERS,
    ),
    _slip(
        _INIT,
        "aliases_parameters",
        "The velocity shares its arrays with the parameters",
        "Putting a parameter array into v does not copy it, so zeroing v in place also zeroed "
        "the parameters. Create new arrays of zeros instead.",
        "Zeroing an alias of the parameters in place zeroes the parameters too.",
        *aliases_parameters("v"),
    ),
    _slip(
        _INIT,
        "missing_last_layer",
        "The last layer has no velocity",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _INIT,
        "flat_shape",
        "The velocity arrays are one-dimensional",
        "Passing the length of a parameter to the zeros function gives one entry per row. "
        "Use the full shape of each parameter.",
        "np.zeros(len(W)) is a 1-D vector with one entry per row.",
        *FLAT,
    ),
    _slip(
        _INIT,
        "integer_zeros",
        "The velocity has an integer dtype",
        "Integer arrays cannot hold the fractional averages that momentum stores. Create "
        "floating-point zeros: the default of the zeros functions, or the parameter's dtype.",
        "Integer zeros cannot hold the fractional averages momentum stores.",
        *INTEGER_ZEROS,
    ),
    _slip(
        _INIT,
        "scalar_zero",
        "The velocity entries are plain numbers, not arrays",
        "A single 0 is not an array: later code expects one array per parameter, with that "
        "parameter's shape.",
        "A plain 0 instead of an array of zeros.",
        (W_ZEROS, "0"),
        (B_ZEROS, "0"),
    ),
    _slip(
        _STEP,
        "beta_on_gradient",
        "beta multiplies both terms of the velocity update",
        "The new velocity is a weighted average: beta weights the old velocity, (1 - beta) "
        "weights the gradient, and the two weights add up to one.",
        "beta weights the gradient too: v = beta*v + beta*g.",
        ("(1 - beta) * grads[key]", "beta * grads[key]"),
    ),
    _slip(
        _STEP,
        "swapped_beta",
        "The weights beta and (1 - beta) are swapped",
        "beta weights the old velocity (the memory) and (1 - beta) the new gradient; with beta "
        "close to 1 the velocity changes slowly.",
        "v = (1-beta)*v + beta*g: the weights of memory and gradient are swapped.",
        ("beta * v[key] + (1 - beta) * grads", "(1 - beta) * v[key] + beta * grads"),
    ),
    _slip(
        _STEP,
        "no_dampening",
        "The gradient term is missing its (1 - beta) factor",
        "This course uses the exponentially weighted average: scale the gradient by "
        "(1 - beta) before adding it to beta times the old velocity.",
        "The classical form v = beta*v + g, without the (1 - beta) of the course's convention.",
        ("(1 - beta) * grads[key]", "grads[key]"),
    ),
    _slip(
        _STEP,
        "velocity_not_returned",
        "Only the parameters are returned",
        "The caller needs the new velocity for the next step: return the parameters and the "
        "velocity together, in that order.",
        "Right update, but only the parameters are returned.",
        ("return parameters, v", "return parameters"),
    ),
    _slip(
        _STEP,
        "returns_swapped",
        "The parameters and the velocity come back swapped",
        "Return the parameters first and the velocity second, as the exercise promises.",
        "Right update, returned as (v, parameters).",
        ("return parameters, v", "return v, parameters"),
    ),
    _slip(
        _STEP,
        "only_weights",
        "The biases are not updated",
        "Every layer has two parameters: give the bias the same velocity update and step as "
        "the weights.",
        "The biases (and their velocity) are never updated.",
        ('("W", "b")', '("W",)'),
    ),
    _slip(
        _STEP,
        "missing_last_layer",
        "The last layer is not updated",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _STEP,
        "gradient_step",
        "The step follows the gradient instead of the velocity",
        "Momentum moves the parameters along the velocity just computed, not along the raw "
        "gradient; otherwise the velocity has no effect.",
        "The velocity is updated but the step follows the raw gradient.",
        ("learning_rate * v[key]", "learning_rate * grads[key]"),
    ),
    _slip(
        _STEP,
        "stale_velocity",
        "The step uses the velocity from before the update",
        "Update the velocity first, then move the parameters with the new velocity.",
        "The step uses the old velocity; the velocity is updated afterwards.",
        (_VELOCITY, ""),
        (_MOVE, _MOVE + _VELOCITY),
    ),
    _slip(
        _STEP,
        "sign_error",
        "The parameters move uphill",
        "The velocity averages gradients, which point uphill; subtract the learning rate "
        "times the velocity to go downhill.",
        "The step adds the velocity: the parameters move uphill.",
        ("] - learning_rate", "] + learning_rate"),
    ),
    _slip(
        _STEP,
        "velocity_reset",
        "The velocity is reset to zero at every step",
        "The velocity passed in carries the memory of earlier steps; update that velocity "
        "instead of starting from zeros, or momentum never builds up.",
        "A fresh zero velocity every call: the memory of earlier steps is lost.",
        ("    L = len(parameters) // 2\n", "    L = len(parameters) // 2\n    v = {}\n"),
        (_VELOCITY, f"{_12}v[key] = np.zeros_like(parameters[name + str(l)])\n" + _VELOCITY),
    ),
    _slip(
        _STEP,
        "scales_grads_in_place",
        "The gradients are modified in place",
        "Scaling the gradient arrays in place changes the caller's gradients, which other "
        "code still uses. Compute the scaled gradient as a new array.",
        "Right result, but grads *= (1 - beta) changes the caller's gradients.",
        (_VELOCITY, f"{_12}grads[key] *= 1 - beta\n{_12}v[key] = beta * v[key] + grads[key]\n"),
    ),
]


# ---------------------------------------------------------------- signature slips

_ORDER = (
    "The notebook passes the arguments by position, so their order is part of the "
    "exercise: keep the signature given in the cell."
)

MISTAKES += [
    _slip(
        _STEP,
        "arguments_swapped",
        "The learning rate comes before beta in the signature",
        "The update takes the parameters, the gradients, the velocity, then beta, then the "
        "learning rate. " + _ORDER,
        "The learning rate before beta (the order of some other courses): called by position "
        "as\n    the notebook does, beta becomes the step size and the learning rate the "
        "average's decay.",
        ("v, beta, learning_rate)", "v, learning_rate, beta)"),
    ),
]

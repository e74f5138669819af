"""Catalogued mistakes of 04_adaptive_methods: AdaGrad, RMSProp and Adam, initializers and updates.

Each mistake is written as its slip (``_slips``): the answer it starts from -- a correct answer
written the way students often write these updates (in place, one layer at a time), or for the
signature slips the reference of ``solutions.adaptive_methods`` -- and the few edits that make it
wrong, beside its key and title. The compiled function uses only ``np`` and its source is the
whole answer a student might write, which the sample class pastes into a notebook.

None of them produces NaN or a numpy warning on any case (a warning printed while the hidden
check looks for mistakes would show a line of the mistake in a student's feedback), which is why
"the gradient is not squared" is absent: with negative gradients it takes the root of a negative
number. Returning one dictionary as both of Adam's moments (``v is s``) is absent too: two
dictionaries of zeros and one dictionary of zeros look alike to a check that compares values;
the notebook warns against it and its experiments assert it away.
"""

import numpy as np  # noqa: F401  (the compiled slips use it)

from solutions.adaptive_methods import update_parameters_with_adam, update_parameters_with_rmsprop

from . import Mistake
from ._slips import (
    B_SHAPED_LIKE_W,
    FLAT,
    INTEGER_ZEROS,
    MISSING_LAST_LAYER,
    ONES,
    PARAMETER_KEYS,
    STARTS_AT_PARAMETERS,
    aliases_parameters,
    slipped,
    source,
    zeros_answer,
)

# ---------------------------------------------------------------- the answers the slips start from

_ADAGRAD_ANSWER = '''\
def update(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """One AdaGrad step."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            G[k] += grads[k] ** 2
            parameters[p + str(l)] -= learning_rate * grads[k] / (np.sqrt(G[k]) + epsilon)
    return parameters, G
'''

_RMSPROP_ANSWER = '''\
def update(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """One RMSProp step."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            s[k] = beta * s[k] + (1 - beta) * grads[k] ** 2
            parameters[p + str(l)] -= learning_rate * grads[k] / (np.sqrt(s[k]) + epsilon)
    return parameters, s
'''

_ADAM_ANSWER = '''\
def update(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
           epsilon=1e-8):
    """One Adam step."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected
'''

_ADAGRAD_INIT = "initialize_adagrad"
_ADAGRAD = "update_parameters_with_adagrad"
_RMSPROP_INIT = "initialize_rmsprop"
_RMSPROP = "update_parameters_with_rmsprop"
_ADAM_INIT = "initialize_adam"
_ADAM = "update_parameters_with_adam"

_ANSWERS = {
    _ADAGRAD_INIT: (zeros_answer("G"), "adagrad_init"),
    _ADAGRAD: (_ADAGRAD_ANSWER, "adagrad"),
    _RMSPROP_INIT: (zeros_answer("s"), "rmsprop_init"),
    _RMSPROP: (_RMSPROP_ANSWER, "rmsprop"),
    _ADAM_INIT: (zeros_answer("v", "s"), "adam_init"),
    _ADAM: (_ADAM_ANSWER, "adam"),
}


def _slip(function, key, title, hint, what, *edits, answer=None):
    """The mistake ``key`` of ``function``: its answer (or ``answer``) with ``edits``, documented
    by ``what``."""
    start, prefix = _ANSWERS[function]
    implementation = slipped(answer or start, f"{prefix}_{key}", what, *edits, namespace=globals())
    return Mistake(key, function, title, hint, implementation)


# ---------------------------------------------------------------- hints shared by several mistakes

_ALL_LAYERS = (
    "The loop must visit every layer from 1 to L inclusive; "
    "a Python range stops one before its end value."
)
_STATE_KEYS = (
    'The optimizer state is keyed like the gradients: "dW1", "db1", and so on. '
    'The keys "W1", "b1" belong to the parameters.'
)
_STATE_ZERO = (
    "Before the first step no gradient has been seen, so the state starts at exactly "
    "zero. Division by zero is prevented by epsilon in the update, not by the "
    "starting value."
)
_OWN_SHAPE = (
    "Each state array must have the shape of its own parameter: the entry for bl is a "
    "column shaped like bl, not like Wl."
)
_EPS_OUTSIDE = (
    "Epsilon is added after taking the square root, to the root itself. Inside the "
    "root it acts like a floor near the square root of epsilon, which shrinks the "
    "steps of every parameter whose gradients are small."
)
_DIVIDE = (
    "The gradient is divided by the root of the average of squares: coordinates with "
    "large gradients get smaller steps. Multiplying does the opposite."
)
_ONLY_W = (
    "Every layer has two parameters: give the bias the same state update and step as the weights."
)
_NEW_STATE = (
    "Update the state first, including this step's squared gradient, then divide by "
    "the square root of the new state."
)

_ORDER = (
    "The notebook passes the hyper-parameters by position and leaves some out, so their "
    "order and defaults are part of the exercise: keep the signature given in the cell."
)


# The lines of the answers that the slips move.
_12 = " " * 12
_G_SUM = f"{_12}G[k] += grads[k] ** 2\n"
_G_STEP = f"{_12}parameters[p + str(l)] -= learning_rate * grads[k] / (np.sqrt(G[k]) + epsilon)\n"
_S_AVERAGE = f"{_12}s[k] = beta * s[k] + (1 - beta) * grads[k] ** 2\n"
_S_STEP = f"{_12}parameters[p + str(l)] -= learning_rate * grads[k] / (np.sqrt(s[k]) + epsilon)\n"
_ONLY_WEIGHTS = ('("W", "b")', '("W",)')
_B_ZEROS = 'np.zeros_like(parameters["b" + str(l)])'

MISTAKES = [
    _slip(
        _ADAGRAD_INIT,
        "parameter_keys",
        "G uses the parameters' keys",
        _STATE_KEYS,
        'Keys "W1", "b1" instead of "dW1", "db1".',
        *PARAMETER_KEYS,
    ),
    _slip(
        _ADAGRAD_INIT,
        "ones",
        "G starts at one instead of zero",
        _STATE_ZERO,
        "Ones, 'to avoid dividing by zero' -- that is epsilon's job.",
        *ONES,
    ),
    _slip(
        _ADAGRAD_INIT,
        "b_shaped_like_w",
        "The accumulator of the bias is shaped like W",
        _OWN_SHAPE,
        "The accumulator of b gets the shape of W.",
        *B_SHAPED_LIKE_W,
    ),
    _slip(
        _ADAGRAD_INIT,
        "missing_last_layer",
        "The last layer has no accumulator",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _ADAGRAD_INIT,
        "aliases_parameters",
        "G shares its arrays with the parameters",
        "Putting a parameter array into G does not copy it, so zeroing G in place also "
        "zeroed the parameters. Create new arrays of zeros instead.",
        "Zeroing an alias of the parameters in place zeroes the parameters too.",
        *aliases_parameters("G"),
    ),
    _slip(
        _ADAGRAD_INIT,
        "integer_zeros",
        "G has an integer dtype",
        "Integer arrays cannot hold sums of squared gradients. Create floating-point zeros: "
        "the default of the zeros functions, or the parameter's dtype.",
        "Integer zeros cannot hold sums of squared gradients.",
        *INTEGER_ZEROS,
    ),
    _slip(
        _ADAGRAD,
        "replaces_sum",
        "G is replaced by the squared gradient instead of growing",
        "AdaGrad adds this step's squared gradient to the running sum G that it was given; "
        "the sum remembers every gradient seen so far.",
        "G = g**2 replaces the sum instead of adding to it.",
        ("G[k] += grads[k]", "G[k] = grads[k]"),
    ),
    _slip(
        _ADAGRAD,
        "no_square_root",
        "The step divides by G instead of by its square root",
        "Divide by the square root of G plus epsilon: the root has the units of a gradient, "
        "so the step has the units of the learning rate.",
        "Divides by G + epsilon, without the square root.",
        ("np.sqrt(G[k]) + epsilon", "G[k] + epsilon"),
    ),
    _slip(
        _ADAGRAD,
        "epsilon_inside_root",
        "Epsilon is inside the square root",
        _EPS_OUTSIDE,
        "sqrt(G + epsilon) instead of sqrt(G) + epsilon.",
        ("/ (np.sqrt(G[k]) + epsilon)", "/ np.sqrt(G[k] + epsilon)"),
    ),
    _slip(
        _ADAGRAD,
        "stale_sum",
        "The step uses G from before this step's update",
        _NEW_STATE,
        "The step divides by the old G; G is updated afterwards.",
        (_G_SUM, ""),
        (_G_STEP, _G_STEP + _G_SUM),
    ),
    _slip(
        _ADAGRAD,
        "multiplies_by_root",
        "The step multiplies by the root instead of dividing",
        _DIVIDE,
        "Multiplies the gradient by sqrt(G) + epsilon instead of dividing.",
        ("grads[k] / (np.sqrt", "grads[k] * (np.sqrt"),
    ),
    _slip(
        _ADAGRAD,
        "sum_not_returned",
        "Only the parameters are returned",
        "The caller needs the new G for the next step: return the parameters and G together, "
        "in that order.",
        "Right update, but only the parameters are returned.",
        ("return parameters, G", "return parameters"),
    ),
    _slip(
        _ADAGRAD,
        "only_weights",
        "The biases are not updated",
        _ONLY_W,
        "The biases (and their accumulator) are never updated.",
        _ONLY_WEIGHTS,
    ),
    _slip(
        _ADAGRAD,
        "missing_last_layer",
        "The last layer is not updated",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _RMSPROP_INIT,
        "parameter_keys",
        "s uses the parameters' keys",
        _STATE_KEYS,
        'Keys "W1", "b1" instead of "dW1", "db1".',
        *PARAMETER_KEYS,
    ),
    _slip(
        _RMSPROP_INIT,
        "ones",
        "s starts at one instead of zero",
        _STATE_ZERO,
        "Ones, 'to avoid dividing by zero' -- that is epsilon's job.",
        *ONES,
    ),
    _slip(
        _RMSPROP_INIT,
        "b_shaped_like_w",
        "The average of the bias is shaped like W",
        _OWN_SHAPE,
        "The average of b gets the shape of W.",
        *B_SHAPED_LIKE_W,
    ),
    _slip(
        _RMSPROP_INIT,
        "missing_last_layer",
        "The last layer has no average",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _RMSPROP_INIT,
        "flat_shape",
        "The arrays of s are one-dimensional",
        "Passing the length of a parameter to the zeros function gives one entry per row. "
        "Use the full shape of each parameter.",
        "np.zeros(len(W)) is a 1-D vector with one entry per row.",
        *FLAT,
    ),
    _slip(
        _RMSPROP_INIT,
        "starts_at_parameters",
        "s starts at the parameter values",
        "s is a running average of squared gradients, not a copy of the parameters. Create "
        "new arrays of zeros with the shapes of the parameters.",
        "The average starts as the parameter arrays themselves.",
        *STARTS_AT_PARAMETERS,
    ),
    _slip(
        _RMSPROP,
        "multiplies_by_root",
        "The step multiplies by the root instead of dividing",
        _DIVIDE,
        "W -= lr * dW * sqrt(s + eps): multiplies by the root instead of dividing by it.",
        ("/ (np.sqrt(s[k]) + epsilon)", "* np.sqrt(s[k] + epsilon)"),
    ),
    _slip(
        _RMSPROP,
        "epsilon_inside_root",
        "Epsilon is inside the square root",
        _EPS_OUTSIDE,
        "sqrt(s + epsilon) instead of sqrt(s) + epsilon.",
        ("/ (np.sqrt(s[k]) + epsilon)", "/ np.sqrt(s[k] + epsilon)"),
    ),
    _slip(
        _RMSPROP,
        "swapped_beta",
        "The weights beta and (1 - beta) are swapped",
        "beta weights the old average (the memory) and (1 - beta) the new squared gradient; "
        "with beta close to 1 the average changes slowly.",
        "s = (1-beta)*s + beta*g**2: the weights of memory and new square are swapped.",
        ("beta * s[k] + (1 - beta) * grads", "(1 - beta) * s[k] + beta * grads"),
    ),
    _slip(
        _RMSPROP,
        "no_dampening",
        "The squared gradient is missing its (1 - beta) factor",
        "s is a weighted average, not a decaying sum: scale the squared gradient by "
        "(1 - beta) before adding it to beta times the old average.",
        "s = beta*s + g**2, without the (1 - beta) factor.",
        ("(1 - beta) * grads[k] ** 2", "grads[k] ** 2"),
    ),
    _slip(
        _RMSPROP,
        "no_square_root",
        "The step divides by s instead of by its square root",
        "Divide by the square root of s plus epsilon: the root has the units of a gradient, "
        "so the step has the units of the learning rate.",
        "Divides by s + epsilon, without the square root.",
        ("np.sqrt(s[k]) + epsilon", "s[k] + epsilon"),
    ),
    _slip(
        _RMSPROP,
        "stale_average",
        "The step uses s from before this step's update",
        _NEW_STATE,
        "The step divides by the old s; s is updated afterwards.",
        (_S_AVERAGE, ""),
        (_S_STEP, _S_STEP + _S_AVERAGE),
    ),
    _slip(
        _RMSPROP,
        "only_weights",
        "The biases are not updated",
        _ONLY_W,
        "The biases (and their average) are never updated.",
        _ONLY_WEIGHTS,
    ),
    _slip(
        _RMSPROP,
        "missing_last_layer",
        "The last layer is not updated",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _ADAM_INIT,
        "one_dict",
        "Only v is returned",
        "Adam keeps two moving averages, so the function returns two dictionaries of zeros: "
        "v for the gradients and s for their squares, in that order.",
        "Only v is created and returned.",
        answer=zeros_answer("v"),
    ),
    _slip(
        _ADAM_INIT,
        "parameter_keys",
        "v and s use the parameters' keys",
        _STATE_KEYS,
        'Keys "W1", "b1" instead of "dW1", "db1".',
        *PARAMETER_KEYS,
    ),
    _slip(
        _ADAM_INIT,
        "s_ones",
        "s starts at one instead of zero",
        _STATE_ZERO + " The bias correction also assumes that both averages start at zero.",
        "s starts at ones, 'to avoid dividing by zero'.",
        ('s["dW" + str(l)] = np.zeros_like', 's["dW" + str(l)] = np.ones_like'),
        ('s["db" + str(l)] = np.zeros_like', 's["db" + str(l)] = np.ones_like'),
    ),
    _slip(
        _ADAM_INIT,
        "b_shaped_like_w",
        "The moments of the bias are shaped like W",
        _OWN_SHAPE,
        "The moments of b get the shape of W.",
        *B_SHAPED_LIKE_W,
    ),
    _slip(
        _ADAM_INIT,
        "missing_last_layer",
        "The last layer has no moments",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
    _slip(
        _ADAM_INIT,
        "s_missing_biases",
        "s has no entries for the biases",
        "Both v and s need one array per parameter, weights and biases alike.",
        "s gets only the weights: its bias entries are forgotten.",
        (f'        s["db" + str(l)] = {_B_ZEROS}\n', ""),
    ),
    _slip(
        _ADAM_INIT,
        "aliases_parameters",
        "v shares its arrays with the parameters",
        "Putting a parameter array into v does not copy it, so zeroing v in place also "
        "zeroed the parameters. Create new arrays of zeros instead.",
        "Zeroing aliases of the parameters in place zeroes the parameters too.",
        *aliases_parameters("v"),
    ),
    _slip(
        _ADAM,
        "epsilon_inside_root",
        "Epsilon is inside the square root",
        _EPS_OUTSIDE,
        "sqrt(s_corrected + epsilon) instead of sqrt(s_corrected) + epsilon.",
        ("np.sqrt(s_corrected[k]) + epsilon)", "np.sqrt(s_corrected[k] + epsilon))"),
    ),
    _slip(
        _ADAM,
        "no_bias_correction",
        "The moments are not bias-corrected",
        "Both averages start at zero and are too small for the first steps: divide v by "
        "(1 - beta1 to the power t) and s by (1 - beta2 to the power t).",
        "No bias correction: v_corrected is v and s_corrected is s.",
        ("v[k] / (1 - beta1 ** t)", "v[k]"),
        ("s[k] / (1 - beta2 ** t)", "s[k]"),
    ),
    _slip(
        _ADAM,
        "correction_without_power",
        "The bias correction ignores the step count t",
        "After t steps the weights of an average that started at zero add up to 1 - beta to "
        "the power t; divide by that, not by 1 - beta, which is right only for the first step.",
        "Divides by 1 - beta instead of 1 - beta**t (right only at t = 1).",
        ("beta1 ** t", "beta1"),
        ("beta2 ** t", "beta2"),
    ),
    _slip(
        _ADAM,
        "correction_t_plus_one",
        "The bias correction is one step ahead",
        "t already counts the step being taken, so the first step has t equal to 1: raise "
        "beta to the power t itself, not t + 1.",
        "Bias correction with beta**(t + 1), as if t counted from 0.",
        ("beta1 ** t", "beta1 ** (t + 1)"),
        ("beta2 ** t", "beta2 ** (t + 1)"),
    ),
    _slip(
        _ADAM,
        "corrects_stored_moments",
        "v and s are overwritten with corrected values",
        "Keep the running averages v and s uncorrected (they carry over to the next step) "
        "and store the corrected values in v_corrected and s_corrected.",
        "v and s themselves are overwritten with their corrected values.",
        ("v_corrected[k] = v[k] / (1 - beta1 ** t)\n", "v[k] = v[k] / (1 - beta1 ** t)\n"),
        (
            "s_corrected[k] = s[k] / (1 - beta2 ** t)\n",
            "s[k] = s[k] / (1 - beta2 ** t)\n"
            f"{_12}v_corrected[k] = v[k]\n{_12}s_corrected[k] = s[k]\n",
        ),
    ),
    _slip(
        _ADAM,
        "swapped_betas",
        "beta1 and beta2 are swapped",
        "beta1 (0.9 by default) averages the gradients in v; beta2 (0.999 by default) "
        "averages the squared gradients in s, and each bias correction uses its own beta.",
        "beta2 drives the first moment and beta1 the second.",
        ("beta1 * v[k] + (1 - beta1)", "beta2 * v[k] + (1 - beta2)"),
        ("beta2 * s[k] + (1 - beta2)", "beta1 * s[k] + (1 - beta1)"),
        ("v[k] / (1 - beta1 ** t)", "v[k] / (1 - beta2 ** t)"),
        ("s[k] / (1 - beta2 ** t)", "s[k] / (1 - beta1 ** t)"),
    ),
    _slip(
        _ADAM,
        "squares_first_moment",
        "s averages the square of v instead of the squared gradient",
        "s is the moving average of this step's squared gradient, computed from "
        "the raw gradient, not from the averaged one.",
        "s averages v**2 (the square of the averaged gradient) instead of g**2.",
        ("(1 - beta2) * grads[k] ** 2", "(1 - beta2) * v[k] ** 2"),
    ),
    _slip(
        _ADAM,
        "multiplies_by_root",
        "The step multiplies by the root instead of dividing",
        _DIVIDE,
        "Multiplies by sqrt(s_corrected) + epsilon instead of dividing.",
        ("v_corrected[k] / (\n", "v_corrected[k] * (\n"),
    ),
    _slip(
        _ADAM,
        "step_uses_uncorrected",
        "The step uses the uncorrected moments",
        "The corrected moments are the ones the step needs: divide v_corrected by the square "
        "root of s_corrected plus epsilon.",
        "The corrected moments are computed and returned, but the step uses v and s.",
        ("learning_rate * v_corrected[k] /", "learning_rate * v[k] /"),
        ("np.sqrt(s_corrected[k])", "np.sqrt(s[k])"),
    ),
    _slip(
        _ADAM,
        "gradient_numerator",
        "The step follows the raw gradient instead of v",
        "The numerator of Adam's step is the bias-corrected average v_corrected; with the raw "
        "gradient the momentum part of Adam has no effect.",
        "The step's numerator is the raw gradient instead of v_corrected.",
        ("learning_rate * v_corrected[k] /", "learning_rate * grads[k] /"),
    ),
    _slip(
        _ADAM,
        "corrected_swapped",
        "v_corrected and s_corrected come back swapped",
        "Return the five items in the order of the exercise: parameters, v, s, v_corrected, "
        "s_corrected.",
        "Right update, but s_corrected is returned before v_corrected.",
        ("v, s, v_corrected, s_corrected\n", "v, s, s_corrected, v_corrected\n"),
    ),
    _slip(
        _ADAM,
        "corrected_not_returned",
        "The corrected moments are not returned",
        "Return five items: parameters, v, s, v_corrected and s_corrected.",
        "Right update, but only (parameters, v, s) are returned.",
        ("v, s, v_corrected, s_corrected\n", "v, s\n"),
    ),
    _slip(
        _ADAM,
        "only_weights",
        "The biases are not updated",
        _ONLY_W,
        "Only the weights are updated: the biases keep their values and moments.",
        _ONLY_WEIGHTS,
    ),
    _slip(
        _ADAM,
        "missing_last_layer",
        "The last layer is not updated",
        _ALL_LAYERS,
        "range(1, L) stops before layer L.",
        *MISSING_LAST_LAYER,
    ),
]


# ---------------------------------------------------------------- signature slips of the reference

_RMSPROP_REFERENCE = source(update_parameters_with_rmsprop)
_ADAM_REFERENCE = source(update_parameters_with_adam)

MISTAKES += [
    _slip(
        _RMSPROP,
        "arguments_swapped",
        "The learning rate comes before beta in the signature",
        "Called by position with beta then the learning rate, this version steps by beta and "
        "averages with the learning rate. " + _ORDER,
        "The learning rate before beta: right by name, wrong by position (the notebook's way).",
        ("beta=0.9, learning_rate=0.01,", "learning_rate=0.01, beta=0.9,"),
        answer=_RMSPROP_REFERENCE,
    ),
    _slip(
        _RMSPROP,
        "default_beta",
        "The default beta is 0.99 instead of 0.9",
        "Other libraries choose other defaults; this exercise's beta defaults to 0.9. " + _ORDER,
        "beta defaults to 0.99 (PyTorch's default), not the exercise's 0.9.",
        ("beta=0.9,", "beta=0.99,"),
        answer=_RMSPROP_REFERENCE,
    ),
    _slip(
        _ADAM,
        "betas_before_learning_rate",
        "The betas come before the learning rate",
        "The update takes t, then the learning rate, beta1, beta2 and epsilon, in that "
        "order. " + _ORDER,
        "The betas before the learning rate: right by name, wrong by position.",
        ("t, learning_rate=0.01,", "t, beta1=0.9, beta2=0.999,"),
        ("beta1=0.9, beta2=0.999, epsilon", "learning_rate=0.01, epsilon"),
        answer=_ADAM_REFERENCE,
    ),
    _slip(
        _ADAM,
        "default_epsilon",
        "The default epsilon is 1e-7 instead of 1e-8",
        "Other libraries choose other defaults; this exercise's epsilon defaults to one "
        "hundred millionth, as in the Adam paper. " + _ORDER,
        "epsilon defaults to 1e-7 (Keras's default), not the exercise's 1e-8.",
        ("epsilon=1e-8", "epsilon=1e-7"),
        answer=_ADAM_REFERENCE,
    ),
]

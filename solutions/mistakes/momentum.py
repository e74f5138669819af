"""Catalogued mistakes of 03_momentum: initialize_velocity and update_parameters_with_momentum.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.
"""
import numpy as np

from . import Mistake

# ---------------------------------------------------------------- initialize_velocity


def velocity_b_shaped_like_w(parameters):
    """The bias velocity gets the shape of W."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return v


def velocity_parameter_keys(parameters):
    """Keys "W1", "b1" instead of "dW1", "db1"."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["W" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["b" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v


def velocity_ones(parameters):
    """Ones instead of zeros."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.ones_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.ones_like(parameters["b" + str(l)])
    return v


def velocity_starts_at_parameters(parameters):
    """The velocity is the parameter arrays themselves."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = parameters["W" + str(l)]
        v["db" + str(l)] = parameters["b" + str(l)]
    return v


def velocity_aliases_parameters(parameters):
    """Zeroing an alias of the parameters in place zeroes the parameters too."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = parameters["W" + str(l)]
        v["db" + str(l)] = parameters["b" + str(l)]
        v["dW" + str(l)] *= 0
        v["db" + str(l)] *= 0
    return v


def velocity_missing_last_layer(parameters):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v


def velocity_flat(parameters):
    """np.zeros(len(W)) is a 1-D vector with one entry per row."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(len(parameters["W" + str(l)]))
        v["db" + str(l)] = np.zeros(len(parameters["b" + str(l)]))
    return v


def velocity_integer_zeros(parameters):
    """Integer zeros cannot hold the fractional averages momentum stores."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape, dtype=int)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape, dtype=int)
    return v


def velocity_scalar_zero(parameters):
    """A plain 0 instead of an array of zeros."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = 0
        v["db" + str(l)] = 0
    return v


# ---------------------------------------------------- update_parameters_with_momentum


def momentum_beta_on_gradient(parameters, grads, v, beta, learning_rate):
    """beta weights the gradient too: v = beta*v + beta*g."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + beta * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + beta * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_swapped_beta(parameters, grads, v, beta, learning_rate):
    """v = (1-beta)*v + beta*g: the weights of memory and gradient are swapped."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = (1 - beta) * v["dW" + str(l)] + beta * grads["dW" + str(l)]
        v["db" + str(l)] = (1 - beta) * v["db" + str(l)] + beta * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_no_dampening(parameters, grads, v, beta, learning_rate):
    """The classical form v = beta*v + g, without the (1 - beta) of the course's convention."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_velocity_not_returned(parameters, grads, v, beta, learning_rate):
    """Right update, but only the parameters are returned."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters


def momentum_returns_swapped(parameters, grads, v, beta, learning_rate):
    """Right update, returned as (v, parameters)."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return v, parameters


def momentum_only_weights(parameters, grads, v, beta, learning_rate):
    """The biases (and their velocity) are never updated."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
    return parameters, v


def momentum_missing_last_layer(parameters, grads, v, beta, learning_rate):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    for l in range(1, L):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_gradient_step(parameters, grads, v, beta, learning_rate):
    """The velocity is updated but the step follows the raw gradient."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters, v


def momentum_stale_velocity(parameters, grads, v, beta, learning_rate):
    """The step uses the old velocity; the velocity is updated afterwards."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
    return parameters, v


def momentum_sign_error(parameters, grads, v, beta, learning_rate):
    """The step adds the velocity: the parameters move uphill."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] + learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] + learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_velocity_reset(parameters, grads, v, beta, learning_rate):
    """A fresh zero velocity every call: the memory of earlier steps is lost."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_scales_grads_in_place(parameters, grads, v, beta, learning_rate):
    """Right result, but grads *= (1 - beta) changes the caller's gradients."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        grads["dW" + str(l)] *= 1 - beta
        grads["db" + str(l)] *= 1 - beta
        v["dW" + str(l)] = beta * v["dW" + str(l)] + grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


_INIT = "initialize_velocity"
_STEP = "update_parameters_with_momentum"
_ALL_LAYERS = ("The loop must visit every layer from 1 to L inclusive; "
               "a Python range stops one before its end value.")

MISTAKES = [
    Mistake("b_shaped_like_w", _INIT, "The bias velocity is shaped like W",
            "Each velocity array must have the shape of its own parameter: the velocity of bl is "
            "a column shaped like bl, not like Wl.", velocity_b_shaped_like_w),
    Mistake("parameter_keys", _INIT, "The velocity uses the parameters' keys",
            'The velocity is keyed like the gradients: "dW1", "db1", and so on. The keys "W1", '
            '"b1" belong to the parameters.', velocity_parameter_keys),
    Mistake("ones", _INIT, "The velocity starts at one instead of zero",
            "Momentum starts at rest: every entry of the initial velocity is zero, so the first "
            "step is a small gradient step.", velocity_ones),
    Mistake("starts_at_parameters", _INIT, "The velocity starts at the parameter values",
            "The velocity is a running average of gradients, not a copy of the parameters. "
            "Create new arrays of zeros with the shapes of the parameters.",
            velocity_starts_at_parameters),
    Mistake("aliases_parameters", _INIT, "The velocity shares its arrays with the parameters",
            "Putting a parameter array into v does not copy it, so zeroing v in place also zeroed "
            "the parameters. Create new arrays of zeros instead.", velocity_aliases_parameters),
    Mistake("missing_last_layer", _INIT, "The last layer has no velocity", _ALL_LAYERS,
            velocity_missing_last_layer),
    Mistake("flat_shape", _INIT, "The velocity arrays are one-dimensional",
            "Passing the length of a parameter to the zeros function gives one entry per row. "
            "Use the full shape of each parameter.", velocity_flat),
    Mistake("integer_zeros", _INIT, "The velocity has an integer dtype",
            "Integer arrays cannot hold the fractional averages that momentum stores. Create "
            "floating-point zeros: the default of the zeros functions, or the parameter's dtype.",
            velocity_integer_zeros),
    Mistake("scalar_zero", _INIT, "The velocity entries are plain numbers, not arrays",
            "A single 0 is not an array: later code expects one array per parameter, with that "
            "parameter's shape.", velocity_scalar_zero),
    Mistake("beta_on_gradient", _STEP, "beta multiplies both terms of the velocity update",
            "The new velocity is a weighted average: beta weights the old velocity, (1 - beta) "
            "weights the gradient, and the two weights add up to one.", momentum_beta_on_gradient),
    Mistake("swapped_beta", _STEP, "The weights beta and (1 - beta) are swapped",
            "beta weights the old velocity (the memory) and (1 - beta) the new gradient; with beta "
            "close to 1 the velocity changes slowly.", momentum_swapped_beta),
    Mistake("no_dampening", _STEP, "The gradient term is missing its (1 - beta) factor",
            "This course uses the exponentially weighted average: scale the gradient by "
            "(1 - beta) before adding it to beta times the old velocity.", momentum_no_dampening),
    Mistake("velocity_not_returned", _STEP, "Only the parameters are returned",
            "The caller needs the new velocity for the next step: return the parameters and the "
            "velocity together, in that order.", momentum_velocity_not_returned),
    Mistake("returns_swapped", _STEP, "The parameters and the velocity come back swapped",
            "Return the parameters first and the velocity second, as the exercise promises.",
            momentum_returns_swapped),
    Mistake("only_weights", _STEP, "The biases are not updated",
            "Every layer has two parameters: give the bias the same velocity update and step as "
            "the weights.", momentum_only_weights),
    Mistake("missing_last_layer", _STEP, "The last layer is not updated", _ALL_LAYERS,
            momentum_missing_last_layer),
    Mistake("gradient_step", _STEP, "The step follows the gradient instead of the velocity",
            "Momentum moves the parameters along the velocity just computed, not along the raw "
            "gradient; otherwise the velocity has no effect.", momentum_gradient_step),
    Mistake("stale_velocity", _STEP, "The step uses the velocity from before the update",
            "Update the velocity first, then move the parameters with the new velocity.",
            momentum_stale_velocity),
    Mistake("sign_error", _STEP, "The parameters move uphill",
            "The velocity averages gradients, which point uphill; subtract the learning rate "
            "times the velocity to go downhill.", momentum_sign_error),
    Mistake("velocity_reset", _STEP, "The velocity is reset to zero at every step",
            "The velocity passed in carries the memory of earlier steps; update that velocity "
            "instead of starting from zeros, or momentum never builds up.",
            momentum_velocity_reset),
    Mistake("scales_grads_in_place", _STEP, "The gradients are modified in place",
            "Scaling the gradient arrays in place changes the caller's gradients, which other "
            "code still uses. Compute the scaled gradient as a new array.",
            momentum_scales_grads_in_place),
]


# ---------------------------------------------------------------- signature slips


def momentum_arguments_swapped(parameters, grads, v, learning_rate, beta):
    """The learning rate before beta (the order of some other courses): called by position as
    the notebook does, beta becomes the step size and the learning rate the average's decay."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta * v[key] + (1 - beta) * grads[key]
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * v[key]
    return parameters, v


_ORDER = ("The notebook passes the arguments by position, so their order is part of the "
          "exercise: keep the signature given in the cell.")

MISTAKES += [
    Mistake("arguments_swapped", _STEP, "The learning rate comes before beta in the signature",
            "The update takes the parameters, the gradients, the velocity, then beta, then the "
            "learning rate. " + _ORDER, momentum_arguments_swapped),
]

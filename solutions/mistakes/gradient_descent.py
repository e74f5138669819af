"""Catalogued mistakes of 01_gradient_descent: update_parameters_with_gd.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.
"""

from . import Mistake


def gd_sign_error(parameters, grads, learning_rate):
    """The step adds the gradient: the parameters move uphill."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return parameters


def gd_only_weights(parameters, grads, learning_rate):
    """The biases are never updated."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    return parameters


def gd_missing_last_layer(parameters, grads, learning_rate):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def gd_only_last_layer(parameters, grads, learning_rate):
    """The update lines are indented outside the loop, so only layer L (the last l) moves."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W = parameters["W" + str(l)]
        b = parameters["b" + str(l)]
    parameters["W" + str(l)] = W - learning_rate * grads["dW" + str(l)]
    parameters["b" + str(l)] = b - learning_rate * grads["db" + str(l)]
    return parameters


def gd_bias_uses_weight_gradient(parameters, grads, learning_rate):
    """A copy-pasted line: the bias is updated with dW (broadcasting hides the shape clash)."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["dW" + str(l)]
    return parameters


def gd_no_learning_rate(parameters, grads, learning_rate):
    """The whole gradient is subtracted: the learning rate is forgotten."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - grads["db" + str(l)]
    return parameters


def gd_learning_rate_squared(parameters, grads, learning_rate):
    """The learning rate multiplies the gradient twice."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        step_W = learning_rate * grads["dW" + str(l)]
        step_b = learning_rate * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * step_W
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * step_b
    return parameters


def gd_two_steps_per_layer(parameters, grads, learning_rate):
    """A loop over the 2L keys treats each key as a layer, so every layer is updated twice."""
    for key in parameters:
        l = key[1:]
        parameters["W" + l] = parameters["W" + l] - learning_rate * grads["dW" + l]
        parameters["b" + l] = parameters["b" + l] - learning_rate * grads["db" + l]
    return parameters


def gd_returns_grads(parameters, grads, learning_rate):
    """Right update, but the gradients are returned instead of the parameters."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return grads


def gd_no_return(parameters, grads, learning_rate):
    """Right update in place, but the return statement is missing."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]


def gd_scales_grads_in_place(parameters, grads, learning_rate):
    """Right result, but grads *= learning_rate changes the caller's gradients."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        grads["dW" + str(l)] *= learning_rate
        grads["db" + str(l)] *= learning_rate
        parameters["W" + str(l)] = parameters["W" + str(l)] - grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - grads["db" + str(l)]
    return parameters


_GD = "update_parameters_with_gd"
_ALL_LAYERS = (
    "The loop must visit every layer from 1 to L inclusive; "
    "a Python range stops one before its end value."
)

MISTAKES = [
    Mistake(
        "sign_error",
        _GD,
        "The parameters move uphill",
        "The gradient points in the direction in which the loss grows fastest; subtract the "
        "learning rate times the gradient to go downhill.",
        gd_sign_error,
    ),
    Mistake(
        "only_weights",
        _GD,
        "The biases are not updated",
        "Every layer has two parameters: give the bias b the same step as the weights W, "
        "using its own gradient db.",
        gd_only_weights,
    ),
    Mistake(
        "missing_last_layer",
        _GD,
        "The last layer is not updated",
        _ALL_LAYERS,
        gd_missing_last_layer,
    ),
    Mistake(
        "only_last_layer",
        _GD,
        "Only the last layer is updated",
        "The update lines run once, after the loop has finished, so only the last value of "
        "the layer index is used. Indent them inside the loop body.",
        gd_only_last_layer,
    ),
    Mistake(
        "bias_uses_weight_gradient",
        _GD,
        "The bias is updated with the weight gradient",
        "Each parameter steps along its own gradient: W with dW and b with db. Numpy "
        "broadcasting can silently stretch a bias column to the shape of W.",
        gd_bias_uses_weight_gradient,
    ),
    Mistake(
        "no_learning_rate",
        _GD,
        "The learning rate is missing",
        "The step is the gradient scaled by the learning rate; subtracting the whole gradient "
        "takes steps that are far too long.",
        gd_no_learning_rate,
    ),
    Mistake(
        "learning_rate_squared",
        _GD,
        "The learning rate is applied twice",
        "Multiply the gradient by the learning rate exactly once. Scaling it twice scales the "
        "step by the square of the rate, which is much too short for a rate below one.",
        gd_learning_rate_squared,
    ),
    Mistake(
        "two_steps_per_layer",
        _GD,
        "Every layer takes two steps",
        "The parameters dict holds two entries per layer, W and b. A loop over its keys "
        "already visits each parameter once, so update only the parameter the key names, or "
        "loop over the L layers.",
        gd_two_steps_per_layer,
    ),
    Mistake(
        "returns_grads",
        _GD,
        "The gradients are returned instead of the parameters",
        "The caller keeps training with what the function returns: return the updated parameters.",
        gd_returns_grads,
    ),
    Mistake(
        "no_return",
        _GD,
        "Nothing is returned",
        "Even when the arrays are updated in place, the function must return the parameters "
        "dictionary, because the caller uses the returned value.",
        gd_no_return,
    ),
    Mistake(
        "scales_grads_in_place",
        _GD,
        "The gradients are modified in place",
        "Scaling the gradient arrays in place changes the caller's gradients, which other "
        "code still uses. Compute the step as a new array.",
        gd_scales_grads_in_place,
    ),
]

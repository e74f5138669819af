"""Catalogued mistakes of 09_landscape_and_initialization: classify_critical_point,
initialize_parameters and precondition_gradients.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.
"""

import numpy as np

from . import Mistake

# ---------------------------------------------------------------- classify_critical_point


def classify_by_determinant(hessian, tol=1e-6):
    """The sign of the determinant alone: a dome has a positive determinant too."""
    det = np.linalg.det(hessian)
    if np.isclose(det, 0.0):
        return "degenerate"
    return "minimum" if det > 0 else "saddle"


def classify_by_trace_and_determinant(hessian, tol=1e-6):
    """The 2 x 2 test (determinant, then trace) used in every dimension."""
    det, trace = np.linalg.det(hessian), np.trace(hessian)
    if np.isclose(det, 0.0):
        return "degenerate"
    if det < 0:
        return "saddle"
    return "minimum" if trace > 0 else "maximum"


def classify_without_degenerate(hessian, tol=1e-6):
    """Zero eigenvalues are counted with the positive or negative ones: no "degenerate"."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    if np.all(eigenvalues >= 0):
        return "minimum"
    if np.all(eigenvalues <= 0):
        return "maximum"
    return "saddle"


def classify_degenerate_first(hessian, tol=1e-6):
    """Any zero eigenvalue makes the point degenerate, even beside curvatures of both signs."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    zero = np.abs(eigenvalues) <= tol * np.max(np.abs(eigenvalues))
    if np.any(zero):
        return "degenerate"
    if np.all(eigenvalues > 0):
        return "minimum"
    if np.all(eigenvalues < 0):
        return "maximum"
    return "saddle"


def classify_exact_zero(hessian, tol=1e-6):
    """Only an eigenvalue exactly 0 counts as zero: rounding errors decide flat directions."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    positive, negative = np.any(eigenvalues > 0), np.any(eigenvalues < 0)
    if positive and negative:
        return "saddle"
    if np.any(eigenvalues == 0):
        return "degenerate"
    return "minimum" if positive else "maximum"


def classify_absolute_tolerance(hessian, tol=1e-6):
    """|eigenvalue| <= tol without the largest eigenvalue: a small loss looks flat everywhere."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    zero = np.abs(eigenvalues) <= tol
    positive = np.any((eigenvalues > 0) & ~zero)
    negative = np.any((eigenvalues < 0) & ~zero)
    if positive and negative:
        return "saddle"
    if np.any(zero):
        return "degenerate"
    return "minimum" if positive else "maximum"


def classify_by_diagonal(hessian, tol=1e-6):
    """The signs of the diagonal entries, as if the Hessian were diagonal."""
    diagonal = np.diag(hessian).astype(np.float64)
    zero = np.abs(diagonal) <= tol * np.max(np.abs(diagonal))
    positive = np.any((diagonal > 0) & ~zero)
    negative = np.any((diagonal < 0) & ~zero)
    if positive and negative:
        return "saddle"
    if np.any(zero):
        return "degenerate"
    return "minimum" if positive else "maximum"


def classify_swapped(hessian, tol=1e-6):
    """Positive curvature called a maximum and negative curvature a minimum."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    zero = np.abs(eigenvalues) <= tol * np.max(np.abs(eigenvalues))
    positive = np.any((eigenvalues > 0) & ~zero)
    negative = np.any((eigenvalues < 0) & ~zero)
    if positive and negative:
        return "saddle"
    if np.any(zero):
        return "degenerate"
    return "maximum" if positive else "minimum"


# ---------------------------------------------------------------- initialize_parameters


def init_xavier_fan_in_only(layers_dims, method, seed=0):
    """Xavier with sqrt(1 / fan_in): LeCun's rule, not Glorot's average of both fans."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(1 / fan_in),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_xavier_without_two(layers_dims, method, seed=0):
    """Xavier with sqrt(1 / (fan_in + fan_out)): half the variance Glorot asks for."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(1 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_he_without_two(layers_dims, method, seed=0):
    """He with sqrt(1 / fan_in): the factor 2 that makes up for ReLU's zeros is missing."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(1 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_he_fan_out(layers_dims, method, seed=0):
    """He with the fan-out n_l instead of the fan-in n_{l-1}."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_out),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_variance_as_scale(layers_dims, method, seed=0):
    """The variance multiplies the draws where its square root (the standard deviation) should."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {"zeros": 0.0, "random": 0.01, "xavier": 2 / (fan_in + fan_out), "he": 2 / fan_in}[
            method
        ]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_legacy_generator(layers_dims, method, seed=0):
    """np.random.seed and np.random.randn: the old global generator draws other numbers."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * np.random.randn(fan_out, fan_in)
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_generator_per_layer(layers_dims, method, seed=0):
    """A new generator with the same seed in every layer: every layer starts the same stream."""
    parameters = {}
    for l in range(1, len(layers_dims)):
        rng = np.random.default_rng(seed)
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_random_biases(layers_dims, method, seed=0):
    """The biases are drawn too, with the weights' scale."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = scale * rng.standard_normal((fan_out, 1))
    return parameters


def init_uniform_draws(layers_dims, method, seed=0):
    """rng.random draws uniformly from [0, 1): every weight is positive."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.random((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def init_transposed(layers_dims, method, seed=0):
    """Wl shaped (n_{l-1}, n_l): the layer's matrix is transposed."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_in, fan_out))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


# ---------------------------------------------------------------- precondition_gradients


def precondition_without_epsilon(grads, s, epsilon=1e-8):
    """No epsilon: where the average is 0 the division gives inf or NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return {key: grads[key] / np.sqrt(s[key]) for key in grads}


def precondition_epsilon_inside(grads, s, epsilon=1e-8):
    """epsilon inside the square root: sqrt(s + epsilon) is at least 1e-4, not 1e-8."""
    return {key: grads[key] / np.sqrt(s[key] + epsilon) for key in grads}


def precondition_without_root(grads, s, epsilon=1e-8):
    """Divided by s, not by its square root: the result keeps the units of 1 / gradient."""
    return {key: grads[key] / (s[key] + epsilon) for key in grads}


def precondition_current_gradient(grads, s, epsilon=1e-8):
    """The current gradient's own size replaces the running average: only signs remain."""
    return {key: grads[key] / (np.abs(grads[key]) + epsilon) for key in grads}


def precondition_multiplied(grads, s, epsilon=1e-8):
    """Multiplied by sqrt(s) + epsilon: steep coordinates get even larger steps."""
    return {key: grads[key] * (np.sqrt(s[key]) + epsilon) for key in grads}


def precondition_one_number_per_array(grads, s, epsilon=1e-8):
    """One average per array (its mean) instead of one per entry."""
    return {key: grads[key] / (np.sqrt(np.mean(s[key])) + epsilon) for key in grads}


_CLASSIFY = "classify_critical_point"
_INIT = "initialize_parameters"
_PRECONDITION = "precondition_gradients"

MISTAKES = [
    Mistake(
        "determinant_only",
        _CLASSIFY,
        "The point is classified by the determinant alone",
        "The determinant is the product of the eigenvalues: two negative curvatures give a "
        "positive product as two positive ones do, and in three dimensions two negative and "
        "one positive eigenvalue look like a minimum. Look at the sign of every eigenvalue.",
        classify_by_determinant,
    ),
    Mistake(
        "trace_and_determinant",
        _CLASSIFY,
        "The two by two test is used in every dimension",
        "A positive determinant with a positive trace means a minimum only for two "
        "parameters; with three, eigenvalues five, minus one and minus one pass that test and "
        "are a saddle. Use the signs of all the eigenvalues.",
        classify_by_trace_and_determinant,
    ),
    Mistake(
        "no_degenerate",
        _CLASSIFY,
        "Zero eigenvalues are never reported as degenerate",
        "An eigenvalue of zero means the Hessian does not see the curvature in that "
        "direction: higher-order terms decide, so the second-order test cannot tell and the "
        "answer is degenerate, unless curvatures of both signs already make a saddle.",
        classify_without_degenerate,
    ),
    Mistake(
        "degenerate_first",
        _CLASSIFY,
        "A saddle with a flat direction is called degenerate",
        "Check for curvatures of both signs first: one direction going up and another going "
        "down is a saddle whatever the flat directions do. Only when that fails does a zero "
        "eigenvalue make the point degenerate.",
        classify_degenerate_first,
    ),
    Mistake(
        "exact_zero",
        _CLASSIFY,
        "Only an eigenvalue exactly zero counts as zero",
        "Computed eigenvalues carry rounding errors, so a flat direction comes out as a tiny "
        "positive or negative number; count an eigenvalue as zero when its size is at most "
        "the tolerance times the largest eigenvalue size.",
        classify_exact_zero,
    ),
    Mistake(
        "absolute_tolerance",
        _CLASSIFY,
        "The tolerance is not relative to the largest eigenvalue",
        "Multiplying a loss by a positive constant does not change what its critical points "
        "are, so compare each eigenvalue size with the tolerance TIMES the largest eigenvalue "
        "size, not with the tolerance alone.",
        classify_absolute_tolerance,
    ),
    Mistake(
        "diagonal_only",
        _CLASSIFY,
        "The diagonal of the Hessian is read instead of its eigenvalues",
        "The diagonal holds the curvature along each axis only; when the variables are "
        "coupled the steepest and flattest directions are diagonal ones, found by the "
        "eigenvalues of the whole matrix.",
        classify_by_diagonal,
    ),
    Mistake(
        "swapped",
        _CLASSIFY,
        "Minimum and maximum are swapped",
        "Positive curvature in every direction means the loss rises whichever way you leave "
        "the point: a bowl, that is a minimum.",
        classify_swapped,
    ),
    Mistake(
        "xavier_fan_in_only",
        _INIT,
        "Xavier uses the fan-in only",
        "Glorot's rule balances the forward and the backward pass: its variance is two "
        "divided by the SUM of the fan-in and the fan-out; one over the fan-in alone is "
        "LeCun's rule.",
        init_xavier_fan_in_only,
    ),
    Mistake(
        "xavier_without_two",
        _INIT,
        "Xavier's variance is missing its factor two",
        "The variance is two divided by the sum of the fans, that is one over their average; "
        "one over the sum is half of it and shrinks the signal layer after layer.",
        init_xavier_without_two,
    ),
    Mistake(
        "he_without_two",
        _INIT,
        "He's variance is missing its factor two",
        "A ReLU sets about half of its inputs to zero and so halves the second moment; He's "
        "variance is two divided by the fan-in to make up for it.",
        init_he_without_two,
    ),
    Mistake(
        "he_fan_out",
        _INIT,
        "He uses the fan-out instead of the fan-in",
        "The fan-in is the number of inputs of each unit of layer l, the size of layer l minus "
        "one, which is the number of columns of its weight matrix.",
        init_he_fan_out,
    ),
    Mistake(
        "variance_as_scale",
        _INIT,
        "The variance multiplies the draws instead of its square root",
        "Multiplying a standard normal by a number c gives a variance of c squared, so scale "
        "the draws by the square root of the variance the rule asks for.",
        init_variance_as_scale,
    ),
    Mistake(
        "legacy_generator",
        _INIT,
        "The old global generator is used",
        "Draw from one generator created with the default generator constructor of "
        "numpy.random and the seed; the legacy seed and randn functions give other numbers.",
        init_legacy_generator,
    ),
    Mistake(
        "generator_per_layer",
        _INIT,
        "A new generator is created for every layer",
        "Create the generator once, before the loop: made again with the same seed in every "
        "layer, each layer starts from the same random numbers.",
        init_generator_per_layer,
    ),
    Mistake(
        "random_biases",
        _INIT,
        "The biases are drawn at random",
        "Start every bias at zero: random weights already break the symmetry between units, "
        "and drawing biases also uses up random numbers meant for the next layer's weights.",
        init_random_biases,
    ),
    Mistake(
        "uniform_draws",
        _INIT,
        "The weights are drawn uniformly between 0 and 1",
        "Draw from the standard normal distribution, centred on zero: weights that are all "
        "positive push every unit the same way and the variance is not the rule's.",
        init_uniform_draws,
    ),
    Mistake(
        "transposed",
        _INIT,
        "The weight matrices are transposed",
        "Layer l computes its weights times the previous activations, so its matrix has one "
        "row per unit of layer l and one column per unit of layer l minus one.",
        init_transposed,
    ),
    Mistake(
        "no_epsilon",
        _PRECONDITION,
        "The division has no epsilon",
        "Where the running average is zero the division by its square root gives infinity "
        "or not a number; add epsilon to the square root before dividing.",
        precondition_without_epsilon,
    ),
    Mistake(
        "epsilon_inside",
        _PRECONDITION,
        "Epsilon is added inside the square root",
        "Add epsilon AFTER taking the square root: inside, it becomes the square root of "
        "epsilon, ten thousand times larger, and swamps every coordinate whose average is "
        "below about epsilon.",
        precondition_epsilon_inside,
    ),
    Mistake(
        "without_root",
        _PRECONDITION,
        "The gradient is divided by the average itself",
        "The average holds SQUARED gradients: divide by its square root, which has the size "
        "of a gradient, so that the result is about one in every coordinate.",
        precondition_without_root,
    ),
    Mistake(
        "current_gradient",
        _PRECONDITION,
        "The current gradient replaces the running average",
        "Dividing each gradient by its own size keeps only its sign; the preconditioner uses "
        "the running average of squared gradients given as the second argument.",
        precondition_current_gradient,
    ),
    Mistake(
        "multiplied",
        _PRECONDITION,
        "The gradient is multiplied by the root of the average",
        "The preconditioner shrinks steep coordinates and stretches flat ones: DIVIDE each "
        "gradient by the square root of its average plus epsilon.",
        precondition_multiplied,
    ),
    Mistake(
        "one_number_per_array",
        _PRECONDITION,
        "One average per array instead of per entry",
        "RMSProp and Adam are diagonal preconditioners: every single entry has its own "
        "average, so divide entry by entry, never by the mean of a whole array.",
        precondition_one_number_per_array,
    ),
]

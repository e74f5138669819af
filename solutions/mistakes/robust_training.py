"""Catalogued mistakes of 07_robust_training: clip_gradients, add_gradient_noise, early_stopping.

Most mistakes are written as their slip (``_slips``): a correct answer written the way students
often write it, stated once per function below, and the edits that make it wrong, beside the
mistake's key and title. A mistake that is another way of doing it altogether (clipping every
entry, or each array by its own norm) is written out whole. Either way the function uses only
``np`` and its source is the whole answer a student might write, which the sample class pastes
into a notebook; its docstring says what is wrong.
"""

import numpy as np

from . import Mistake
from ._slips import slipped

# ---------------------------------------------------------------- the answers the slips start from

_CLIP_ANSWER = '''\
def clip_gradients(grads, max_norm):
    """Clip by the global norm."""
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    if norm > max_norm:
        return {key: g * (max_norm / norm) for key, g in grads.items()}
    return {key: g.copy() for key, g in grads.items()}
'''

_NOISE_ANSWER = '''\
def add_gradient_noise(grads, t, eta=0.3, gamma=0.55, seed=0):
    """Add annealed Gaussian noise."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta / (1 + t) ** gamma)
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy
'''

_STOP_ANSWER = '''\
def early_stopping(val_losses, patience=5, min_delta=0.0):
    """Stop after patience epochs without improvement."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(best_epoch)
'''

_CLIP = "clip_gradients"
_NOISE = "add_gradient_noise"
_STOP = "early_stopping"
_ANSWERS = {
    _CLIP: (_CLIP_ANSWER, "clip"),
    _NOISE: (_NOISE_ANSWER, "noise"),
    _STOP: (_STOP_ANSWER, "stopping"),
}


def _slip(function, key, title, hint, what, *edits):
    """The mistake ``key`` of ``function``: its answer with ``edits``, documented by ``what``."""
    answer, prefix = _ANSWERS[function]
    implementation = slipped(answer, f"{prefix}_{key}", what, *edits, namespace=globals())
    return Mistake(key, function, title, hint, implementation)


# The lines of the answers that the slips change.
_GLOBAL_NORM = "np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))"
_CLIP_UNCHANGED = "    return {key: g.copy() for key, g in grads.items()}\n"
_SIGMA = "np.sqrt(eta / (1 + t) ** gamma)"
_RNG = "    rng = np.random.default_rng(seed)\n"
_IMPROVES = "            best_epoch = epoch\n"

# ------------------------------------------------------------- mistakes written out whole


def clip_per_array(grads, max_norm):
    """Each array is clipped by its own norm instead of the global norm."""
    clipped = {}
    for key, g in grads.items():
        norm = np.sqrt(np.sum(g**2))
        if norm > max_norm:
            clipped[key] = g * (max_norm / norm)
        else:
            clipped[key] = g.copy()
    return clipped


def clip_elementwise(grads, max_norm):
    """np.clip caps every entry at max_norm: the direction changes, the norm is not capped."""
    return {key: np.clip(g, -max_norm, max_norm) for key, g in grads.items()}


def clip_none_when_small(grads, max_norm):
    """The return statement sits inside the if: a small gradient gives None."""
    norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
    if norm > max_norm:
        for key in grads:
            grads[key] = grads[key] * (max_norm / norm)
        return grads


MISTAKES = [
    Mistake(
        "per_array_norms",
        _CLIP,
        "Each array is clipped by its own norm",
        "Clipping uses ONE global norm: the square root of the sum of the squares of every "
        "entry of every gradient array. Scale all arrays by the same factor, so the direction "
        "of the whole gradient stays the same.",
        clip_per_array,
    ),
    _slip(
        _CLIP,
        "always_scales",
        "A gradient below max_norm is rescaled too",
        "Rescale only when the global norm exceeds max_norm; a gradient that is already "
        "short enough must come back with its values unchanged.",
        "Every gradient is rescaled to norm max_norm, also a small one (normalization).",
        ("    if norm > max_norm:\n        return", "    return"),
        (_CLIP_UNCHANGED, ""),
    ),
    _slip(
        _CLIP,
        "inverted_ratio",
        "The scale factor is norm divided by max_norm",
        "The factor must shrink the gradient to length max_norm: multiply by max_norm over "
        "the norm, which is below one whenever clipping happens.",
        "The scale factor is norm / max_norm: a large gradient gets even larger.",
        ("(max_norm / norm)", "(norm / max_norm)"),
    ),
    _slip(
        _CLIP,
        "squared_norm",
        "The sum of squares is used as the norm",
        "The L2 norm is the square root of the sum of squares. Without the root the "
        "gradient is clipped too often and to the wrong length.",
        "The sum of squares is used as the norm, without the square root.",
        (_GLOBAL_NORM, "sum(np.sum(g ** 2) for g in grads.values())"),
    ),
    Mistake(
        "elementwise",
        _CLIP,
        "Every entry is clipped separately",
        "Capping each entry at max_norm (value clipping) changes the direction of the "
        "gradient and does not bound its length. Clip by the global norm: one common scale "
        "factor for all entries.",
        clip_elementwise,
    ),
    _slip(
        _CLIP,
        "max_entry_norm",
        "The largest entry is used as the norm",
        "The norm to compare with max_norm is the L2 norm over all entries together, not "
        "the largest absolute entry.",
        "The largest absolute entry is used as the norm (the infinity norm).",
        (_GLOBAL_NORM, "max(np.max(np.abs(g)) for g in grads.values())"),
    ),
    _slip(
        _CLIP,
        "weights_only_norm",
        "The norm leaves out the bias gradients",
        "The global norm includes every array in grads, the bias gradients as well as the "
        "weight gradients.",
        "The norm counts only the weight gradients dW, not the bias gradients db.",
        ("for g in grads.values()))", 'for key, g in grads.items() if key.startswith("dW")))'),
    ),
    Mistake(
        "none_when_small",
        _CLIP,
        "Nothing is returned when no clipping is needed",
        "The function must return the gradients in both cases; check where your return "
        "statement sits.",
        clip_none_when_small,
    ),
    _slip(
        _NOISE,
        "std_from_variance_formula",
        "The variance is used as the standard deviation",
        "The schedule eta over (1 + t) to the power gamma gives the VARIANCE of the noise. "
        "Standard normal draws must be multiplied by its square root.",
        "eta / (1 + t)**gamma is the variance, but it is used as the standard deviation.",
        (_SIGMA, "eta / (1 + t) ** gamma"),
    ),
    _slip(
        _NOISE,
        "root_of_eta_only",
        "The square root covers eta but not the decay",
        "The standard deviation is the square root of the whole fraction, so the decay factor "
        "(1 + t) to the power gamma is under the root as well.",
        "The square root is taken of eta only: sigma = sqrt(eta) / (1 + t)**gamma.",
        (_SIGMA, "np.sqrt(eta) / (1 + t) ** gamma"),
    ),
    _slip(
        _NOISE,
        "grows",
        "The noise grows with t instead of shrinking",
        "Annealed noise starts large and fades: divide eta by (1 + t) to the power gamma "
        "instead of multiplying.",
        "eta * (1 + t)**gamma: the sign of the exponent is lost, so the noise grows.",
        ("eta / (1 + t)", "eta * (1 + t)"),
    ),
    _slip(
        _NOISE,
        "exponent_on_t_only",
        "The exponent gamma applies to t alone",
        "The whole sum (1 + t) is raised to the power gamma; put it in parentheses.",
        "eta / (1 + t**gamma): the exponent applies to t alone.",
        ("(1 + t) ** gamma", "(1 + t ** gamma)"),
    ),
    _slip(
        _NOISE,
        "t_not_shifted",
        "The step count is not shifted by one",
        "t counts the steps already taken and is 0 at the first step; the schedule divides "
        "by (1 + t) to the power gamma, so the first step has variance eta.",
        "eta / t**gamma: infinite noise at t = 0 and too much afterwards.",
        ("(1 + t) ** gamma", "np.power(t, gamma)"),
    ),
    _slip(
        _NOISE,
        "one_number",
        "One random number is shared by all entries",
        "Every entry of every gradient gets its own noise: draw a whole array shaped like "
        "the gradient.",
        "rng.standard_normal() without a shape: one number shifts every entry alike.",
        ("rng.standard_normal(g.shape)", "rng.standard_normal()"),
    ),
    _slip(
        _NOISE,
        "generator_per_array",
        "Every array gets the same noise",
        "Draw every array from the one generator made from the seed before the loop; a "
        "generator re-created with the same seed repeats the same numbers.",
        "A new generator with the same seed for every array: they all get the same noise.",
        (_RNG, ""),
        ("rng.standard_normal", "np.random.default_rng(seed).standard_normal"),
    ),
    _slip(
        _NOISE,
        "global_generator",
        "The noise comes from the legacy global generator",
        "Draw from a generator made with the default_rng function of numpy.random from the "
        "seed, using its standard_normal method; the old global seed and randn give other "
        "numbers.",
        "The legacy global generator (np.random.seed, np.random.randn) gives other numbers.",
        (_RNG, "    np.random.seed(seed)\n"),
        ("rng.standard_normal(g.shape)", "np.random.randn(*g.shape)"),
    ),
    _slip(
        _NOISE,
        "replaces_gradient",
        "The gradient is replaced by the noise",
        "The noise is added to the gradient: return each gradient plus its noise.",
        "Only the noise is returned: the gradient itself is dropped.",
        ("g + sigma", "sigma"),
    ),
    _slip(
        _STOP,
        "one_epoch_late",
        "Training stops one epoch too late",
        "Stop as soon as the number of epochs after the best one reaches patience; waiting "
        "for more than patience epochs is one too many.",
        "stop when MORE than patience epochs have passed: one epoch too late.",
        (">= patience", "> patience"),
    ),
    _slip(
        _STOP,
        "one_epoch_early",
        "Training stops one epoch too early",
        "Count only the epochs AFTER the best one: the last epoch's index minus the best "
        "epoch's index. The best epoch itself is not a waiting epoch.",
        "The best epoch itself is counted as a waiting epoch: one epoch too early.",
        ("len(val_losses) - 1 - best_epoch", "len(val_losses) - best_epoch"),
    ),
    _slip(
        _STOP,
        "ignores_min_delta",
        "min_delta is ignored",
        "An epoch improves only when its loss is lower than the best loss by more than "
        "min_delta; smaller gains do not reset the patience.",
        "Any decrease counts as an improvement, however small.",
        (" - min_delta:", ":"),
    ),
    _slip(
        _STOP,
        "adds_min_delta",
        "min_delta is added instead of subtracted",
        "An improvement must beat the best loss minus min_delta. Adding min_delta makes a "
        "slightly worse epoch count as an improvement.",
        "min_delta is added to the best loss: a slightly WORSE loss counts as an improvement.",
        ("- min_delta", "+ min_delta"),
    ),
    _slip(
        _STOP,
        "compares_to_previous",
        "Each epoch is compared with the previous epoch",
        "Compare every epoch with the BEST epoch so far. A small dip after a bad epoch is "
        "lower than its neighbour but not better than the best.",
        "Each epoch is compared with the epoch before it instead of the best one.",
        ("< val_losses[best_epoch]", "< val_losses[epoch - 1]"),
    ),
    _slip(
        _STOP,
        "ties_improve",
        "An epoch that ties the best counts as an improvement",
        "Improving means a strictly lower loss; an equal loss is no progress and must not "
        "reset the patience.",
        "<= instead of <: an epoch that only equals the best resets the patience.",
        ("] < val_losses", "] <= val_losses"),
    ),
    _slip(
        _STOP,
        "counter_never_reset",
        "Epochs without improvement are never reset",
        "Patience counts the epochs SINCE the best one. Epochs without improvement that came "
        "before an improvement no longer count.",
        "Every epoch without improvement is counted, also those before the last improvement.",
        ("    best_epoch = 0\n", "    best_epoch = 0\n    waited = 0\n"),
        (_IMPROVES, _IMPROVES + "        else:\n            waited += 1\n"),
        ("len(val_losses) - 1 - best_epoch >= patience", "waited >= patience"),
    ),
    _slip(
        _STOP,
        "returns_last_epoch",
        "The last epoch is returned instead of the best",
        "best_epoch is the index of the best epoch, the one whose parameters you restore, "
        "not the index of the latest epoch.",
        "The last epoch is returned instead of the best one.",
        ("int(best_epoch)", "int(len(val_losses) - 1)"),
    ),
    _slip(
        _STOP,
        "counts_from_one",
        "The best epoch is numbered from 1",
        "Epochs are indices into val_losses, so the first epoch is 0.",
        "Epochs are numbered from 1: the best epoch comes back one too high.",
        ("best_epoch = 0", "best_epoch = 1"),
        ("range(1, len(val_losses))", "range(2, len(val_losses) + 1)"),
        (
            "val_losses[epoch] < val_losses[best_epoch]",
            "val_losses[epoch - 1] < val_losses[best_epoch - 1]",
        ),
        ("len(val_losses) - 1 - best_epoch", "len(val_losses) - best_epoch"),
    ),
]


# ---------------------------------------------------------------- signature slips


def stopping_arguments_swapped(val_losses, min_delta=0.0, patience=5):
    """min_delta before patience: right by name, wrong by position."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    return len(val_losses) - 1 - best_epoch >= patience, best_epoch


def noise_gamma_first(grads, t, gamma=0.55, eta=0.3, seed=0):
    """gamma before eta: right by name, wrong by position."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta / (1 + t) ** gamma)
    return {key: g + sigma * rng.standard_normal(g.shape) for key, g in grads.items()}


_ORDER = (
    "The notebook passes the arguments by position, so their order is part of the "
    "exercise: keep the signature given in the cell."
)

MISTAKES += [
    Mistake(
        "arguments_swapped",
        _STOP,
        "min_delta comes before patience in the signature",
        "The function takes the losses, the patience, then min_delta. " + _ORDER,
        stopping_arguments_swapped,
    ),
    Mistake(
        "arguments_swapped",
        _NOISE,
        "gamma comes before eta in the signature",
        "The function takes the gradients, the step, eta, gamma, then the seed. " + _ORDER,
        noise_gamma_first,
    ),
]

"""Catalogued mistakes of 07_robust_training: clip_gradients, add_gradient_noise, early_stopping.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.
"""
import numpy as np

from . import Mistake

# ---------------------------------------------------------------------- clip_gradients


def clip_per_array(grads, max_norm):
    """Each array is clipped by its own norm instead of the global norm."""
    clipped = {}
    for key, g in grads.items():
        norm = np.sqrt(np.sum(g ** 2))
        if norm > max_norm:
            clipped[key] = g * (max_norm / norm)
        else:
            clipped[key] = g.copy()
    return clipped


def clip_always_scales(grads, max_norm):
    """Every gradient is rescaled to norm max_norm, also a small one (normalization)."""
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    return {key: g * (max_norm / norm) for key, g in grads.items()}


def clip_inverted_ratio(grads, max_norm):
    """The scale factor is norm / max_norm: a large gradient gets even larger."""
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    if norm > max_norm:
        return {key: g * (norm / max_norm) for key, g in grads.items()}
    return {key: g.copy() for key, g in grads.items()}


def clip_squared_norm(grads, max_norm):
    """The sum of squares is used as the norm, without the square root."""
    norm = sum(np.sum(g ** 2) for g in grads.values())
    if norm > max_norm:
        return {key: g * (max_norm / norm) for key, g in grads.items()}
    return {key: g.copy() for key, g in grads.items()}


def clip_elementwise(grads, max_norm):
    """np.clip caps every entry at max_norm: the direction changes, the norm is not capped."""
    return {key: np.clip(g, -max_norm, max_norm) for key, g in grads.items()}


def clip_max_entry_norm(grads, max_norm):
    """The largest absolute entry is used as the norm (the infinity norm)."""
    norm = max(np.max(np.abs(g)) for g in grads.values())
    if norm > max_norm:
        return {key: g * (max_norm / norm) for key, g in grads.items()}
    return {key: g.copy() for key, g in grads.items()}


def clip_weights_only_norm(grads, max_norm):
    """The norm counts only the weight gradients dW, not the bias gradients db."""
    norm = np.sqrt(sum(np.sum(g ** 2) for key, g in grads.items() if key.startswith("dW")))
    if norm > max_norm:
        return {key: g * (max_norm / norm) for key, g in grads.items()}
    return {key: g.copy() for key, g in grads.items()}


def clip_none_when_small(grads, max_norm):
    """The return statement sits inside the if: a small gradient gives None."""
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    if norm > max_norm:
        for key in grads:
            grads[key] = grads[key] * (max_norm / norm)
        return grads


# ------------------------------------------------------------------- add_gradient_noise


def noise_std_from_variance_formula(grads, t, eta=0.3, gamma=0.55, seed=0):
    """eta / (1 + t)**gamma is the variance, but it is used as the standard deviation."""
    rng = np.random.default_rng(seed)
    sigma = eta / (1 + t) ** gamma
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy


def noise_root_of_eta_only(grads, t, eta=0.3, gamma=0.55, seed=0):
    """The square root is taken of eta only: sigma = sqrt(eta) / (1 + t)**gamma."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta) / (1 + t) ** gamma
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy


def noise_grows(grads, t, eta=0.3, gamma=0.55, seed=0):
    """eta * (1 + t)**gamma: the sign of the exponent is lost, so the noise grows."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta * (1 + t) ** gamma)
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy


def noise_exponent_on_t_only(grads, t, eta=0.3, gamma=0.55, seed=0):
    """eta / (1 + t**gamma): the exponent applies to t alone."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta / (1 + t ** gamma))
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy


def noise_t_not_shifted(grads, t, eta=0.3, gamma=0.55, seed=0):
    """eta / t**gamma: infinite noise at t = 0 and too much afterwards."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta / np.power(t, gamma))
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy


def noise_one_number(grads, t, eta=0.3, gamma=0.55, seed=0):
    """rng.standard_normal() without a shape: one number shifts every entry alike."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta / (1 + t) ** gamma)
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal()
    return noisy


def noise_generator_per_array(grads, t, eta=0.3, gamma=0.55, seed=0):
    """A new generator with the same seed for every array: they all get the same noise."""
    sigma = np.sqrt(eta / (1 + t) ** gamma)
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * np.random.default_rng(seed).standard_normal(g.shape)
    return noisy


def noise_global_generator(grads, t, eta=0.3, gamma=0.55, seed=0):
    """The legacy global generator (np.random.seed, np.random.randn) gives other numbers."""
    np.random.seed(seed)
    sigma = np.sqrt(eta / (1 + t) ** gamma)
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * np.random.randn(*g.shape)
    return noisy


def noise_replaces_gradient(grads, t, eta=0.3, gamma=0.55, seed=0):
    """Only the noise is returned: the gradient itself is dropped."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(eta / (1 + t) ** gamma)
    noisy = {}
    for key, g in grads.items():
        noisy[key] = sigma * rng.standard_normal(g.shape)
    return noisy


# ----------------------------------------------------------------------- early_stopping


def stopping_one_epoch_late(val_losses, patience=5, min_delta=0.0):
    """stop when MORE than patience epochs have passed: one epoch too late."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch > patience
    return bool(stop), int(best_epoch)


def stopping_one_epoch_early(val_losses, patience=5, min_delta=0.0):
    """The best epoch itself is counted as a waiting epoch: one epoch too early."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - best_epoch >= patience
    return bool(stop), int(best_epoch)


def stopping_ignores_min_delta(val_losses, patience=5, min_delta=0.0):
    """Any decrease counts as an improvement, however small."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch]:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(best_epoch)


def stopping_adds_min_delta(val_losses, patience=5, min_delta=0.0):
    """min_delta is added to the best loss: a slightly WORSE loss counts as an improvement."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] + min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(best_epoch)


def stopping_compares_to_previous(val_losses, patience=5, min_delta=0.0):
    """Each epoch is compared with the epoch before it instead of the best one."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[epoch - 1] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(best_epoch)


def stopping_ties_improve(val_losses, patience=5, min_delta=0.0):
    """<= instead of <: an epoch that only equals the best resets the patience."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] <= val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(best_epoch)


def stopping_counter_never_reset(val_losses, patience=5, min_delta=0.0):
    """Every epoch without improvement is counted, also those before the last improvement."""
    best_epoch = 0
    waited = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
        else:
            waited += 1
    stop = waited >= patience
    return bool(stop), int(best_epoch)


def stopping_returns_last_epoch(val_losses, patience=5, min_delta=0.0):
    """The last epoch is returned instead of the best one."""
    best_epoch = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(len(val_losses) - 1)


def stopping_counts_from_one(val_losses, patience=5, min_delta=0.0):
    """Epochs are numbered from 1: the best epoch comes back one too high."""
    best_epoch = 1
    for epoch in range(2, len(val_losses) + 1):
        if val_losses[epoch - 1] < val_losses[best_epoch - 1] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - best_epoch >= patience
    return bool(stop), int(best_epoch)


_CLIP = "clip_gradients"
_NOISE = "add_gradient_noise"
_STOP = "early_stopping"

MISTAKES = [
    Mistake("per_array_norms", _CLIP, "Each array is clipped by its own norm",
            "Clipping uses ONE global norm: the square root of the sum of the squares of every "
            "entry of every gradient array. Scale all arrays by the same factor, so the direction "
            "of the whole gradient stays the same.", clip_per_array),
    Mistake("always_scales", _CLIP, "A gradient below max_norm is rescaled too",
            "Rescale only when the global norm exceeds max_norm; a gradient that is already "
            "short enough must come back with its values unchanged.", clip_always_scales),
    Mistake("inverted_ratio", _CLIP, "The scale factor is norm divided by max_norm",
            "The factor must shrink the gradient to length max_norm: multiply by max_norm over "
            "the norm, which is below one whenever clipping happens.", clip_inverted_ratio),
    Mistake("squared_norm", _CLIP, "The sum of squares is used as the norm",
            "The L2 norm is the square root of the sum of squares. Without the root the "
            "gradient is clipped too often and to the wrong length.", clip_squared_norm),
    Mistake("elementwise", _CLIP, "Every entry is clipped separately",
            "Capping each entry at max_norm (value clipping) changes the direction of the "
            "gradient and does not bound its length. Clip by the global norm: one common scale "
            "factor for all entries.", clip_elementwise),
    Mistake("max_entry_norm", _CLIP, "The largest entry is used as the norm",
            "The norm to compare with max_norm is the L2 norm over all entries together, not "
            "the largest absolute entry.", clip_max_entry_norm),
    Mistake("weights_only_norm", _CLIP, "The norm leaves out the bias gradients",
            "The global norm includes every array in grads, the bias gradients as well as the "
            "weight gradients.", clip_weights_only_norm),
    Mistake("none_when_small", _CLIP, "Nothing is returned when no clipping is needed",
            "The function must return the gradients in both cases; check where your return "
            "statement sits.", clip_none_when_small),
    Mistake("std_from_variance_formula", _NOISE, "The variance is used as the standard deviation",
            "The schedule eta over (1 + t) to the power gamma gives the VARIANCE of the noise. "
            "Standard normal draws must be multiplied by its square root.",
            noise_std_from_variance_formula),
    Mistake("root_of_eta_only", _NOISE, "The square root covers eta but not the decay",
            "The standard deviation is the square root of the whole fraction, so the decay factor "
            "(1 + t) to the power gamma is under the root as well.", noise_root_of_eta_only),
    Mistake("grows", _NOISE, "The noise grows with t instead of shrinking",
            "Annealed noise starts large and fades: divide eta by (1 + t) to the power gamma "
            "instead of multiplying.", noise_grows),
    Mistake("exponent_on_t_only", _NOISE, "The exponent gamma applies to t alone",
            "The whole sum (1 + t) is raised to the power gamma; put it in parentheses.",
            noise_exponent_on_t_only),
    Mistake("t_not_shifted", _NOISE, "The step count is not shifted by one",
            "t counts the steps already taken and is 0 at the first step; the schedule divides "
            "by (1 + t) to the power gamma, so the first step has variance eta.",
            noise_t_not_shifted),
    Mistake("one_number", _NOISE, "One random number is shared by all entries",
            "Every entry of every gradient gets its own noise: draw a whole array shaped like "
            "the gradient.", noise_one_number),
    Mistake("generator_per_array", _NOISE, "Every array gets the same noise",
            "Draw every array from the one generator made from the seed before the loop; a "
            "generator re-created with the same seed repeats the same numbers.",
            noise_generator_per_array),
    Mistake("global_generator", _NOISE, "The noise comes from the legacy global generator",
            "Draw from a generator made with the default_rng function of numpy.random from the "
            "seed, using its standard_normal method; the old global seed and randn give other "
            "numbers.", noise_global_generator),
    Mistake("replaces_gradient", _NOISE, "The gradient is replaced by the noise",
            "The noise is added to the gradient: return each gradient plus its noise.",
            noise_replaces_gradient),
    Mistake("one_epoch_late", _STOP, "Training stops one epoch too late",
            "Stop as soon as the number of epochs after the best one reaches patience; waiting "
            "for more than patience epochs is one too many.", stopping_one_epoch_late),
    Mistake("one_epoch_early", _STOP, "Training stops one epoch too early",
            "Count only the epochs AFTER the best one: the last epoch's index minus the best "
            "epoch's index. The best epoch itself is not a waiting epoch.",
            stopping_one_epoch_early),
    Mistake("ignores_min_delta", _STOP, "min_delta is ignored",
            "An epoch improves only when its loss is lower than the best loss by more than "
            "min_delta; smaller gains do not reset the patience.", stopping_ignores_min_delta),
    Mistake("adds_min_delta", _STOP, "min_delta is added instead of subtracted",
            "An improvement must beat the best loss minus min_delta. Adding min_delta makes a "
            "slightly worse epoch count as an improvement.", stopping_adds_min_delta),
    Mistake("compares_to_previous", _STOP, "Each epoch is compared with the previous epoch",
            "Compare every epoch with the BEST epoch so far. A small dip after a bad epoch is "
            "lower than its neighbour but not better than the best.",
            stopping_compares_to_previous),
    Mistake("ties_improve", _STOP, "An epoch that ties the best counts as an improvement",
            "Improving means a strictly lower loss; an equal loss is no progress and must not "
            "reset the patience.", stopping_ties_improve),
    Mistake("counter_never_reset", _STOP, "Epochs without improvement are never reset",
            "Patience counts the epochs SINCE the best one. Epochs without improvement that came "
            "before an improvement no longer count.", stopping_counter_never_reset),
    Mistake("returns_last_epoch", _STOP, "The last epoch is returned instead of the best",
            "best_epoch is the index of the best epoch, the one whose parameters you restore, "
            "not the index of the latest epoch.", stopping_returns_last_epoch),
    Mistake("counts_from_one", _STOP, "The best epoch is numbered from 1",
            "Epochs are indices into val_losses, so the first epoch is 0.",
            stopping_counts_from_one),
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


_ORDER = ("The notebook passes the arguments by position, so their order is part of the "
          "exercise: keep the signature given in the cell.")

MISTAKES += [
    Mistake("arguments_swapped", _STOP, "min_delta comes before patience in the signature",
            "The function takes the losses, the patience, then min_delta. " + _ORDER,
            stopping_arguments_swapped),
    Mistake("arguments_swapped", _NOISE, "gamma comes before eta in the signature",
            "The function takes the gradients, the step, eta, gamma, then the seed. " + _ORDER,
            noise_gamma_first),
]

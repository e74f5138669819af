"""Hidden reference implementations of every graded function (never shipped to students).

``REFERENCE_LOCATIONS`` says which module defines each graded function; ``reference(name)``
imports it on first use, so a module that is still being written breaks only its own functions.
"""
import importlib

_OPTIMIZERS = "solutions.optimizers"
_SCHEDULES = "solutions.schedules"

REFERENCE_LOCATIONS = {
    "update_parameters_with_gd": _OPTIMIZERS,
    "random_mini_batches": "solutions.mini_batches",
    "initialize_velocity": _OPTIMIZERS,
    "update_parameters_with_momentum": _OPTIMIZERS,
    "initialize_adagrad": _OPTIMIZERS,
    "update_parameters_with_adagrad": _OPTIMIZERS,
    "initialize_rmsprop": _OPTIMIZERS,
    "update_parameters_with_rmsprop": _OPTIMIZERS,
    "initialize_adam": _OPTIMIZERS,
    "update_parameters_with_adam": _OPTIMIZERS,
    "update_lr": _SCHEDULES,
    "schedule_lr_decay": _SCHEDULES,
    "step_decay": _SCHEDULES,
    "exponential_decay": _SCHEDULES,
    "cosine_decay": _SCHEDULES,
    "warmup_linear_decay": _SCHEDULES,
    "model": "solutions.training",
    "clip_gradients": "solutions.robust",
    "add_gradient_noise": "solutions.robust",
    "early_stopping": "solutions.robust",
    "rank_weights": "solutions.gradient_free",
    "acceptance_probability": "solutions.gradient_free",
    "tournament_selection": "solutions.gradient_free",
    "classify_critical_point": "solutions.landscape",
    "initialize_parameters": "solutions.landscape",
    "precondition_gradients": "solutions.landscape",
}


def reference(name: str):
    """The reference implementation of graded function ``name``."""
    try:
        module = REFERENCE_LOCATIONS[name]
    except KeyError:
        known = ", ".join(REFERENCE_LOCATIONS)
        raise KeyError(f"no reference for {name!r}; known: {known}") from None
    return getattr(importlib.import_module(module), name)

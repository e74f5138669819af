"""Catalogued mistakes of 06_training: the training loop ``model``.

Each mistake is written as its slip (``_slips``): the lines of the reference loop
(``solutions.training``) it changes, ``(old, new)``, each exactly once. They are applied to the
reference's source and the result compiled here, so the mistake reads at a glance and stays in
step with the reference, while its source (``inspect.getsource`` works) is still the whole answer
cell a student might write, which the sample class pastes into a notebook. Like a student's
answer it calls the names the notebook provides -- the network helpers of ``optkit.network``,
``OPTIMIZERS`` and the earlier work (optimizers, mini-batches) -- imported here under the same
names. None of them raises on a case.
"""

from optkit.network import (  # noqa: F401  (the names the notebook binds; the slips use them)
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters_he,
)
from solutions import training
from solutions.adaptive_methods import initialize_adam, update_parameters_with_adam  # noqa: F401
from solutions.gradient_descent import update_parameters_with_gd  # noqa: F401
from solutions.mini_batches import random_mini_batches  # noqa: F401
from solutions.momentum import (  # noqa: F401
    initialize_velocity,
    update_parameters_with_momentum,
)
from solutions.training import OPTIMIZERS  # noqa: F401

from . import Mistake
from ._slips import slipped, source


def _slip(key: str, title: str, hint: str, *edits: tuple[str, str]) -> Mistake:
    """The mistake ``key`` of model: the reference with ``edits``, named ``model_<key>``."""
    return Mistake(
        key,
        "model",
        title,
        hint,
        slipped(
            source(training.model),
            f"model_{key}",
            f"{title}.",
            *edits,
            namespace=globals(),
            once=True,
        ),
    )


# The lines of the reference loop that the slips change (with their indentation).
_8, _12, _16, _20 = " " * 8, " " * 12, " " * 16, " " * 20
_SEED = f"{_8}seed = seed + 1\n"
_BATCHES = (
    f"{_8}for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):\n"
)
_RATE = f"{_8}if decay is not None:\n{_12}learning_rate = decay(learning_rate0, i, decay_rate)\n"
_ADAM_STEP = f"{_16}t = t + 1\n"
_ADAM_ARGUMENTS = f"{_20}parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon\n{_16})\n"
_MOMENTUM_CALL = (
    f"{_16}parameters, v = update_parameters_with_momentum(\n"
    f"{_20}parameters, grads, v, beta, learning_rate\n{_16})\n"
)
_GD_CALL = "update_parameters_with_gd(parameters, grads, learning_rate)"
_STATE = (
    '    if optimizer == "momentum":\n'
    "        v = initialize_velocity(parameters)\n"
    '    elif optimizer == "adam":\n'
    "        v, s = initialize_adam(parameters)\n"
)
_EPOCHS = "    for i in range(num_epochs):\n"
_COST = f"{_12}cost_total += compute_cost(a3, minibatch_Y)\n"
_AVERAGE = f"{_8}cost_avg = cost_total / m\n"
_RESET = f"{_8}cost_total = 0\n"
_DECAY = "decay(learning_rate0, i, decay_rate)"

_SEEDS = (
    "Before building the mini-batches of an epoch, add one to the seed, starting from "
    "10, so that epoch i shuffles with seed 11 + i: every epoch sees a new order."
)
_COSTS = (
    "The cost of an epoch is the sum of the costs of all its mini-batches, each computed "
    "right after its forward pass, divided by m once at the end of the epoch."
)

MISTAKES = [
    _slip(
        "t_counts_epochs",
        "Adam's t counts epochs instead of mini-batch steps",
        "t is the number of Adam updates so far: add one to it right before every update, "
        "inside the mini-batch loop, so that the bias correction matches the number of "
        "steps the moments have averaged.",
        (_SEED, _SEED + f"{_8}t = t + 1\n"),
        (_ADAM_STEP, ""),
    ),
    _slip(
        "t_zero_first_step",
        "The first Adam step runs with t equal to 0",
        "The bias correction divides by one minus beta to the power t, which is zero when t "
        "is zero: add one to t before the update, so that the first step has t equal to one.",
        (_ADAM_STEP, ""),
        (_ADAM_ARGUMENTS, _ADAM_ARGUMENTS + _ADAM_STEP),
    ),
    _slip(
        "same_seed_every_epoch",
        "Every epoch uses the same mini-batches",
        "The seed never changes, so every shuffle gives the same order. " + _SEEDS,
        (_SEED, ""),
    ),
    _slip(
        "seed_incremented_after_shuffle",
        "The seed is incremented after the mini-batches are built",
        "Epoch i then shuffles with seed 10 + i, one behind. " + _SEEDS,
        (_SEED, ""),
        (
            _BATCHES,
            f"{_8}mini_batches = random_mini_batches(X, Y, mini_batch_size, seed)\n"
            + _SEED
            + f"{_8}for minibatch_X, minibatch_Y in mini_batches:\n",
        ),
    ),
    _slip(
        "seed_is_epoch",
        "Each epoch shuffles with its own number as the seed",
        "Epoch i then shuffles with seed i instead of 11 + i: the orders are new every "
        "epoch, but not the ones of the course. " + _SEEDS,
        (_SEED, f"{_8}seed = i\n"),
    ),
    _slip(
        "decay_compounds",
        "The decay is applied to the current rate",
        "A schedule maps the initial rate and the epoch number to the rate of that epoch: "
        "always pass it learning_rate0, or every epoch decays an already decayed rate.",
        (_DECAY, "decay(learning_rate, i, decay_rate)"),
    ),
    _slip(
        "decay_epoch_plus_one",
        "The schedule is given the number of the next epoch",
        "Epochs are numbered from 0: the rate of epoch i is the schedule at i, so the first "
        "epoch runs with the initial rate; passing i plus one decays every epoch a step "
        "early.",
        (_DECAY, "decay(learning_rate0, i + 1, decay_rate)"),
    ),
    _slip(
        "decay_every_mini_batch",
        "The schedule counts mini-batch steps instead of epochs",
        "The decay is a function of the epoch number: compute the rate once at the start of "
        "epoch i from the initial rate and i, and keep it for all mini-batches of the epoch.",
        (_STATE, _STATE + "    step = 0\n"),
        (_RATE, ""),
        (
            _BATCHES,
            _BATCHES + f"{_12}if decay is not None:\n"
            f"{_16}learning_rate = decay(learning_rate0, step, decay_rate)\n"
            f"{_12}step = step + 1\n",
        ),
    ),
    _slip(
        "decay_after_epoch",
        "The rate is updated at the end of each epoch",
        "Compute the rate of epoch i at the start of that epoch, before its first mini-batch; "
        "updated at the end, every epoch runs with the rate meant for the one before.",
        (_RATE, ""),
        (_AVERAGE, _RATE + _AVERAGE),
    ),
    _slip(
        "state_reset_every_epoch",
        "The optimizer state is created anew at every epoch",
        "Create the velocity, or Adam's two moments, once before the first epoch: they carry "
        "the memory of all earlier steps, across the epochs too.",
        (_STATE, ""),
        (_EPOCHS, _EPOCHS + "".join("    " + line for line in _STATE.splitlines(True))),
    ),
    _slip(
        "gd_ignores_schedule",
        "The gradient-descent step ignores the schedule",
        "With a schedule, every optimizer takes its steps with the rate of the current epoch: "
        "give the gradient-descent update learning_rate, not the initial rate.",
        (_GD_CALL, _GD_CALL.replace("learning_rate)", "learning_rate0)")),
    ),
    _slip(
        "momentum_runs_gd",
        "The momentum branch takes a gradient-descent step",
        "With optimizer momentum, update the parameters with your momentum function and keep "
        "the velocity it returns for the next step.",
        (_MOMENTUM_CALL, f"{_16}parameters = {_GD_CALL}\n"),
    ),
    _slip(
        "momentum_hard_coded_beta",
        "The momentum update ignores the beta given to model",
        "A number written into the call replaces the beta given to model: pass beta itself, "
        "like every hyper-parameter of model.",
        (_MOMENTUM_CALL, _MOMENTUM_CALL.replace("v, beta,", "v, 0.9,")),
    ),
    _slip(
        "momentum_swapped_arguments",
        "beta and the learning rate are swapped in the momentum call",
        "The momentum update takes the parameters, the gradients, the velocity, then beta, "
        "then the learning rate: pass them in that order, or by name.",
        (
            _MOMENTUM_CALL,
            _MOMENTUM_CALL.replace("beta, learning_rate", "learning_rate, beta"),
        ),
    ),
    _slip(
        "adam_default_learning_rate",
        "Adam ignores the learning rate given to model",
        "Left out of the call, the learning rate of the Adam update falls back to its own "
        "default of 0.01: pass learning_rate, like every hyper-parameter of model.",
        (
            _ADAM_ARGUMENTS,
            f"{_20}parameters, grads, v, s, t, beta1=beta1, beta2=beta2, epsilon=epsilon\n{_16})\n",
        ),
    ),
    _slip(
        "adam_default_betas",
        "Adam ignores beta1, beta2 and epsilon given to model",
        "Left out of the call, they fall back to the defaults of the Adam update: pass "
        "beta1, beta2 and epsilon along with the learning rate.",
        (_ADAM_ARGUMENTS, f"{_20}parameters, grads, v, s, t, learning_rate\n{_16})\n"),
    ),
    _slip(
        "adam_without_hyperparameters",
        "Adam is called without any of its hyper-parameters",
        "Left out of the call, the learning rate, beta1, beta2 and epsilon all fall back to "
        "the defaults of the Adam update (a rate of 0.01): pass every one of them on from "
        "model.",
        (_ADAM_ARGUMENTS, f"{_20}parameters, grads, v, s, t\n{_16})\n"),
    ),
    _slip(
        "without_costs",
        "model has no keyword argument costs",
        "The notebook passes a list as costs and draws the learning curve from it: keep the "
        "signature of the cell, and append the mean cost of every epoch to the list.",
        ("    *,\n    costs=None,\n", ""),
        (f"{_8}if costs is not None:\n{_12}costs.append(cost_avg)\n", ""),
    ),
    _slip(
        "full_batch_gradients",
        "Every step uses the whole training set",
        "Inside the mini-batch loop, run the forward pass, the cost and the backward pass on "
        "the current mini-batch, not on all of X and Y: that is what makes it mini-batch "
        "training.",
        ("forward_propagation(minibatch_X, parameters)", "forward_propagation(X, parameters)"),
        ("compute_cost(a3, minibatch_Y)", "compute_cost(a3, Y)"),
        (
            "backward_propagation(minibatch_X, minibatch_Y, cache)",
            "backward_propagation(X, Y, cache)",
        ),
    ),
    _slip(
        "cost_reset_every_mini_batch",
        "The epoch's cost is reset at every mini-batch",
        "Set cost_total to zero once at the start of the epoch, before the mini-batch loop; "
        "reset inside it, only the last mini-batch's cost is left. " + _COSTS,
        (_RESET, ""),
        (_BATCHES, _BATCHES + "    " + _RESET),
    ),
    _slip(
        "cost_on_whole_training_set",
        "The epoch's cost is computed on all of X at its end",
        "The learning curve records the cost the mini-batches had while they trained. " + _COSTS,
        (_COST, ""),
        (
            _AVERAGE,
            f"{_8}a3, cache = forward_propagation(X, parameters)\n"
            f"{_8}cost_total = compute_cost(a3, Y)\n" + _AVERAGE,
        ),
    ),
]

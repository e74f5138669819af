"""Catalogued mistakes of 06_training: the training loop ``model``.

Each mistake is written as its slip: the lines of the reference loop (``solutions.training``) it
changes, ``(old, new)``; ``slipped`` applies them to the reference's source and compiles the
result here, so the mistake reads at a glance and stays in step with the reference, while its
source (``inspect.getsource`` works) is still the whole answer cell a student might write, which
the sample class pastes into a notebook. Like a student's answer it calls the names the notebook
provides -- the network helpers of ``optkit.network``, ``OPTIMIZERS`` and the earlier work
(optimizers, mini-batches) -- imported here under the same names. None of them raises on a case.
"""
import inspect
import linecache
import re

from optkit.network import (  # noqa: F401  (the names the notebook binds; the slips use them)
    backward_propagation, compute_cost, forward_propagation, initialize_parameters_he,
)
from solutions.mini_batches import random_mini_batches  # noqa: F401
from solutions.optimizers import (  # noqa: F401
    initialize_adam, initialize_velocity, update_parameters_with_adam,
    update_parameters_with_gd, update_parameters_with_momentum,
)
from solutions import training
from solutions.training import OPTIMIZERS  # noqa: F401

from . import Mistake

_DOCSTRING = re.compile(r'    """.*?"""\n', re.DOTALL)


def slipped(name: str, what: str, *edits: tuple[str, str]):
    """The reference ``model`` renamed ``name``, documented by ``what``, with each ``(old, new)``
    edit applied (``old`` must occur exactly once in the reference)."""
    source = _DOCSTRING.sub(f'    """{what}"""\n', inspect.getsource(training.model), count=1)
    source = source.replace("def model(", f"def {name}(", 1)
    for old, new in edits:
        if source.count(old) != 1:
            raise ValueError(f"{name}: {old!r} is not exactly one place of the reference loop")
        source = source.replace(old, new)
    filename = f"<catalogued mistake {name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), globals())
    return globals()[name]


# The lines of the reference loop that the slips change.
_SEED = "        seed = seed + 1\n"
_BATCHES = "        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):\n"
_RATE = ("        if decay is not None:\n"
         "            learning_rate = decay(learning_rate0, i, decay_rate)\n")
_ADAM_STEP = "                t = t + 1\n"
_ADAM_CALL = "                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)\n"
_MOMENTUM_CALL = ("                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,\n"
                  "                                                                learning_rate)\n")
_STATE = ("    if optimizer == \"momentum\":\n"
          "        v = initialize_velocity(parameters)\n"
          "    elif optimizer == \"adam\":\n"
          "        v, s = initialize_adam(parameters)\n")
_COST = "            cost_total += compute_cost(a3, minibatch_Y)\n"
_AVERAGE = "        cost_avg = cost_total / m\n"
_RESET = "        cost_total = 0\n"

model_t_counts_epochs = slipped(
    "model_t_counts_epochs", "Adam's t is incremented once per epoch instead of once per mini-batch.",
    (_SEED, _SEED + "        t = t + 1\n"), (_ADAM_STEP, ""))
model_t_zero_first_step = slipped(
    "model_t_zero_first_step", "t is incremented after the Adam step: the first step runs with t = 0.",
    (_ADAM_STEP, ""), (_ADAM_CALL, _ADAM_CALL + _ADAM_STEP))
model_same_seed_every_epoch = slipped(
    "model_same_seed_every_epoch", "The seed is never incremented: every epoch has the same mini-batches.",
    (_SEED, ""))
model_seed_incremented_after_shuffle = slipped(
    "model_seed_incremented_after_shuffle", "The seed is incremented after the shuffle: epoch i uses seed 10 + i.",
    (_SEED, ""), (_BATCHES, "        mini_batches = random_mini_batches(X, Y, mini_batch_size, seed)\n"
                  + _SEED + "        for minibatch_X, minibatch_Y in mini_batches:\n"))
model_seed_is_epoch = slipped(
    "model_seed_is_epoch", "The seed is set to the epoch number: epoch i shuffles with seed i.",
    (_SEED, "        seed = i\n"))
model_decay_compounds = slipped(
    "model_decay_compounds", "Each epoch decays the current rate instead of the initial one.",
    ("decay(learning_rate0, i, decay_rate)", "decay(learning_rate, i, decay_rate)"))
model_decay_epoch_plus_one = slipped(
    "model_decay_epoch_plus_one", "The schedule is given i + 1: epoch i runs with the rate of epoch i + 1.",
    ("decay(learning_rate0, i, decay_rate)", "decay(learning_rate0, i + 1, decay_rate)"))
model_decay_every_mini_batch = slipped(
    "model_decay_every_mini_batch", "The schedule is given the number of mini-batch steps instead of the epoch.",
    (_STATE, _STATE + "    step = 0\n"), (_RATE, ""),
    (_BATCHES, _BATCHES + "            if decay is not None:\n"
     "                learning_rate = decay(learning_rate0, step, decay_rate)\n"
     "            step = step + 1\n"))
model_decay_after_epoch = slipped(
    "model_decay_after_epoch", "The rate is updated at the end of the epoch: epoch i runs with the rate of epoch i - 1.",
    (_RATE, ""), (_AVERAGE, _RATE + _AVERAGE))
model_state_reset_every_epoch = slipped(
    "model_state_reset_every_epoch", "The velocity (and Adam's moments) are created anew at every epoch.",
    (_STATE, ""), ("    for i in range(num_epochs):\n",
                   "    for i in range(num_epochs):\n" + _STATE.replace("\n    ", "\n        ")
                   .replace("    if", "        if", 1)))
model_gd_ignores_schedule = slipped(
    "model_gd_ignores_schedule", "The gradient-descent step is given the initial rate, not the rate of the epoch.",
    ("update_parameters_with_gd(parameters, grads, learning_rate)",
     "update_parameters_with_gd(parameters, grads, learning_rate0)"))
model_momentum_runs_gd = slipped(
    "model_momentum_runs_gd", "The momentum branch takes a plain gradient-descent step.",
    (_MOMENTUM_CALL, "                parameters = update_parameters_with_gd(parameters, grads, learning_rate)\n"))
model_momentum_hard_coded_beta = slipped(
    "model_momentum_hard_coded_beta", "The momentum update is given 0.9 instead of beta.",
    (_MOMENTUM_CALL, _MOMENTUM_CALL.replace("v, beta,", "v, 0.9,")))
model_momentum_swapped_arguments = slipped(
    "model_momentum_swapped_arguments", "beta and learning_rate are passed to the momentum update in the wrong order.",
    (_MOMENTUM_CALL, _MOMENTUM_CALL.replace("learning_rate)", "beta)")
     .replace("v, beta,", "v, learning_rate,")))
model_adam_default_learning_rate = slipped(
    "model_adam_default_learning_rate", "Adam is called without the learning rate, so it uses its default 0.01.",
    (_ADAM_CALL, "                    parameters, grads, v, s, t, beta1=beta1, beta2=beta2, epsilon=epsilon)\n"))
model_adam_default_betas = slipped(
    "model_adam_default_betas", "Adam is called without beta1, beta2 and epsilon, so it uses its defaults.",
    (_ADAM_CALL, "                    parameters, grads, v, s, t, learning_rate)\n"))
model_adam_without_hyperparameters = slipped(
    "model_adam_without_hyperparameters", "Adam is called with none of its hyper-parameters: all its defaults.",
    (_ADAM_CALL, "                    parameters, grads, v, s, t)\n"))
model_without_costs = slipped(
    "model_without_costs", "The keyword argument costs is missing (a loop from another course).",
    (", *, costs=None):", "):"), ("        if costs is not None:\n            costs.append(cost_avg)\n", ""))
model_full_batch_gradients = slipped(
    "model_full_batch_gradients", "The forward and backward passes use the whole training set at every step.",
    ("forward_propagation(minibatch_X, parameters)", "forward_propagation(X, parameters)"),
    ("compute_cost(a3, minibatch_Y)", "compute_cost(a3, Y)"),
    ("backward_propagation(minibatch_X, minibatch_Y, cache)", "backward_propagation(X, Y, cache)"))
model_cost_reset_every_mini_batch = slipped(
    "model_cost_reset_every_mini_batch", "cost_total is set to 0 inside the mini-batch loop: only the last mini-batch counts.",
    (_RESET, ""), (_BATCHES, _BATCHES + "    " + _RESET))
model_cost_on_all_of_X = slipped(
    "model_cost_on_all_of_X", "The epoch's cost is computed on all of X after the epoch, not summed over its mini-batches.",
    (_COST, ""), (_AVERAGE, "        a3, cache = forward_propagation(X, parameters)\n"
                  "        cost_total = compute_cost(a3, Y)\n" + _AVERAGE))

_MODEL = "model"
_SEEDS = ("Before building the mini-batches of an epoch, add one to the seed, starting from "
          "10, so that epoch i shuffles with seed 11 + i: every epoch sees a new order.")
_COSTS = ("The cost of an epoch is the sum of the costs of all its mini-batches, each computed "
          "right after its forward pass, divided by m once at the end of the epoch.")

MISTAKES = [
    Mistake("t_counts_epochs", _MODEL, "Adam's t counts epochs instead of mini-batch steps",
            "t is the number of Adam updates so far: add one to it right before every update, "
            "inside the mini-batch loop, so that the bias correction matches the number of "
            "steps the moments have averaged.", model_t_counts_epochs),
    Mistake("t_zero_first_step", _MODEL, "The first Adam step runs with t equal to 0",
            "The bias correction divides by one minus beta to the power t, which is zero when t "
            "is zero: add one to t before the update, so that the first step has t equal to one.",
            model_t_zero_first_step),
    Mistake("same_seed_every_epoch", _MODEL, "Every epoch uses the same mini-batches",
            "The seed never changes, so every shuffle gives the same order. " + _SEEDS,
            model_same_seed_every_epoch),
    Mistake("seed_incremented_after_shuffle", _MODEL,
            "The seed is incremented after the mini-batches are built",
            "Epoch i then shuffles with seed 10 + i, one behind. " + _SEEDS,
            model_seed_incremented_after_shuffle),
    Mistake("seed_is_epoch", _MODEL, "Each epoch shuffles with its own number as the seed",
            "Epoch i then shuffles with seed i instead of 11 + i: the orders are new every "
            "epoch, but not the ones of the course. " + _SEEDS, model_seed_is_epoch),
    Mistake("decay_compounds", _MODEL, "The decay is applied to the current rate",
            "A schedule maps the initial rate and the epoch number to the rate of that epoch: "
            "always pass it learning_rate0, or every epoch decays an already decayed rate.",
            model_decay_compounds),
    Mistake("decay_epoch_plus_one", _MODEL, "The schedule is given the number of the next epoch",
            "Epochs are numbered from 0: the rate of epoch i is the schedule at i, so the first "
            "epoch runs with the initial rate; passing i plus one decays every epoch a step "
            "early.", model_decay_epoch_plus_one),
    Mistake("decay_every_mini_batch", _MODEL,
            "The schedule counts mini-batch steps instead of epochs",
            "The decay is a function of the epoch number: compute the rate once at the start of "
            "epoch i from the initial rate and i, and keep it for all mini-batches of the epoch.",
            model_decay_every_mini_batch),
    Mistake("decay_after_epoch", _MODEL, "The rate is updated at the end of each epoch",
            "Compute the rate of epoch i at the start of that epoch, before its first mini-batch; "
            "updated at the end, every epoch runs with the rate meant for the one before.",
            model_decay_after_epoch),
    Mistake("state_reset_every_epoch", _MODEL,
            "The optimizer state is created anew at every epoch",
            "Create the velocity, or Adam's two moments, once before the first epoch: they carry "
            "the memory of all earlier steps, across the epochs too.",
            model_state_reset_every_epoch),
    Mistake("gd_ignores_schedule", _MODEL, "The gradient-descent step ignores the schedule",
            "With a schedule, every optimizer takes its steps with the rate of the current epoch: "
            "give the gradient-descent update learning_rate, not the initial rate.",
            model_gd_ignores_schedule),
    Mistake("momentum_runs_gd", _MODEL, "The momentum branch takes a gradient-descent step",
            "With optimizer momentum, update the parameters with your momentum function and keep "
            "the velocity it returns for the next step.", model_momentum_runs_gd),
    Mistake("momentum_hard_coded_beta", _MODEL, "The momentum update ignores the beta given to model",
            "A number written into the call replaces the beta given to model: pass beta itself, "
            "like every hyper-parameter of model.", model_momentum_hard_coded_beta),
    Mistake("momentum_swapped_arguments", _MODEL,
            "beta and the learning rate are swapped in the momentum call",
            "The momentum update takes the parameters, the gradients, the velocity, then beta, "
            "then the learning rate: pass them in that order, or by name.",
            model_momentum_swapped_arguments),
    Mistake("adam_default_learning_rate", _MODEL, "Adam ignores the learning rate given to model",
            "Left out of the call, the learning rate of the Adam update falls back to its own "
            "default of 0.01: pass learning_rate, like every hyper-parameter of model.",
            model_adam_default_learning_rate),
    Mistake("adam_default_betas", _MODEL, "Adam ignores beta1, beta2 and epsilon given to model",
            "Left out of the call, they fall back to the defaults of the Adam update: pass "
            "beta1, beta2 and epsilon along with the learning rate.", model_adam_default_betas),
    Mistake("adam_without_hyperparameters", _MODEL,
            "Adam is called without any of its hyper-parameters",
            "Left out of the call, the learning rate, beta1, beta2 and epsilon all fall back to "
            "the defaults of the Adam update (a rate of 0.01): pass every one of them on from "
            "model.", model_adam_without_hyperparameters),
    Mistake("without_costs", _MODEL, "model has no keyword argument costs",
            "The notebook passes a list as costs and draws the learning curve from it: keep the "
            "signature of the cell, and append the mean cost of every epoch to the list.",
            model_without_costs),
    Mistake("full_batch_gradients", _MODEL, "Every step uses the whole training set",
            "Inside the mini-batch loop, run the forward pass, the cost and the backward pass on "
            "the current mini-batch, not on all of X and Y: that is what makes it mini-batch "
            "training.", model_full_batch_gradients),
    Mistake("cost_reset_every_mini_batch", _MODEL,
            "The epoch's cost is reset at every mini-batch",
            "Set cost_total to zero once at the start of the epoch, before the mini-batch loop; "
            "reset inside it, only the last mini-batch's cost is left. " + _COSTS,
            model_cost_reset_every_mini_batch),
    Mistake("cost_on_whole_training_set", _MODEL, "The epoch's cost is computed on all of X at its end",
            "The learning curve records the cost the mini-batches had while they trained. "
            + _COSTS, model_cost_on_all_of_X),
]

"""Catalogued mistakes of 06_training: the training loop ``model``.

Each function is the whole answer cell a student might plausibly write (the given skeleton with
one slip in the part they complete); its docstring says what is wrong. Unlike the mistakes of
earlier notebooks they call the functions the notebook provides -- the network helpers of
``optkit.network``, ``OPTIMIZERS`` and the student's earlier work (optimizers, mini-batches) --
which this module imports under the same names, so that their source pasted into the notebook
runs there as it does here. None of them raises on a case.
"""
from optkit.network import (
    backward_propagation, compute_cost, forward_propagation, initialize_parameters_he,
)
from solutions.mini_batches import random_mini_batches
from solutions.optimizers import (
    initialize_adam, initialize_velocity, update_parameters_with_adam,
    update_parameters_with_gd, update_parameters_with_momentum,
)
from solutions.training import OPTIMIZERS

from . import Mistake


def model_t_counts_epochs(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64,
                          beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000,
                          print_cost=True, decay=None, decay_rate=1, *, costs=None):
    """Adam's t is incremented once per epoch instead of once per mini-batch."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        t = t + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_t_zero_first_step(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                            mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                            num_epochs=5000, print_cost=True, decay=None, decay_rate=1, *,
                            costs=None):
    """t is incremented after the Adam step: the first step runs with t = 0."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
                t = t + 1
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_same_seed_every_epoch(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                                mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
                                epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None,
                                decay_rate=1, *, costs=None):
    """The seed is never incremented: every epoch has the same mini-batches."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_seed_incremented_after_shuffle(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                                         mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
                                         epsilon=1e-8, num_epochs=5000, print_cost=True,
                                         decay=None, decay_rate=1, *, costs=None):
    """The seed is incremented after the shuffle: epoch i uses seed 10 + i."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        cost_total = 0
        mini_batches = random_mini_batches(X, Y, mini_batch_size, seed)
        seed = seed + 1
        for minibatch_X, minibatch_Y in mini_batches:
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_decay_compounds(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64,
                          beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000,
                          print_cost=True, decay=None, decay_rate=1, *, costs=None):
    """Each epoch decays the current rate instead of the initial one."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_decay_every_mini_batch(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                                 mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
                                 epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None,
                                 decay_rate=1, *, costs=None):
    """The schedule is given the number of mini-batch steps instead of the epoch."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    step = 0

    for i in range(num_epochs):
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            if decay is not None:
                learning_rate = decay(learning_rate0, step, decay_rate)
            step = step + 1
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_decay_after_epoch(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                            mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                            num_epochs=5000, print_cost=True, decay=None, decay_rate=1, *,
                            costs=None):
    """The rate is updated at the end of the epoch: epoch i runs with the rate of epoch i - 1."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_state_reset_every_epoch(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                                  mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
                                  epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None,
                                  decay_rate=1, *, costs=None):
    """The velocity (and Adam's moments) are created anew at every epoch."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)

    for i in range(num_epochs):
        if optimizer == "momentum":
            v = initialize_velocity(parameters)
        elif optimizer == "adam":
            v, s = initialize_adam(parameters)
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_momentum_runs_gd(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64,
                           beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000,
                           print_cost=True, decay=None, decay_rate=1, *, costs=None):
    """The momentum branch takes a plain gradient-descent step."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_adam_default_learning_rate(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                                     mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
                                     epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None,
                                     decay_rate=1, *, costs=None):
    """Adam is called without the learning rate, so it uses its default 0.01."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, beta1=beta1, beta2=beta2, epsilon=epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_adam_default_betas(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                             mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                             num_epochs=5000, print_cost=True, decay=None, decay_rate=1, *,
                             costs=None):
    """Adam is called without beta1, beta2 and epsilon, so it uses its defaults."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t,
                                                                     learning_rate)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_momentum_swapped_arguments(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                                     mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
                                     epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None,
                                     decay_rate=1, *, costs=None):
    """beta and learning_rate are passed to the momentum update in the wrong order."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v,
                                                                learning_rate, beta)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def model_full_batch_gradients(X, Y, layers_dims, optimizer, learning_rate=0.0007,
                               mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                               num_epochs=5000, print_cost=True, decay=None, decay_rate=1, *,
                               costs=None):
    """The forward and backward passes use the whole training set at every step."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    t = 0
    seed = 10
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)

    for i in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, cache = forward_propagation(X, parameters)
            cost_total += compute_cost(a3, Y)
            grads = backward_propagation(X, Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


_MODEL = "model"
_SEEDS = ("Before building the mini-batches of an epoch, add one to the seed, starting from "
          "10, so that epoch i shuffles with seed 11 + i: every epoch sees a new order.")

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
    Mistake("decay_compounds", _MODEL, "The decay is applied to the current rate",
            "A schedule maps the initial rate and the epoch number to the rate of that epoch: "
            "always pass it learning_rate0, or every epoch decays an already decayed rate.",
            model_decay_compounds),
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
    Mistake("momentum_runs_gd", _MODEL, "The momentum branch takes a gradient-descent step",
            "With optimizer momentum, update the parameters with your momentum function and keep "
            "the velocity it returns for the next step.", model_momentum_runs_gd),
    Mistake("adam_default_learning_rate", _MODEL, "Adam ignores the learning rate given to model",
            "Left out of the call, the learning rate of the Adam update falls back to its own "
            "default of 0.01: pass learning_rate, like every hyper-parameter of model.",
            model_adam_default_learning_rate),
    Mistake("adam_default_betas", _MODEL, "Adam ignores beta1, beta2 and epsilon given to model",
            "Left out of the call, they fall back to the defaults of the Adam update: pass "
            "beta1, beta2 and epsilon along with the learning rate.", model_adam_default_betas),
    Mistake("momentum_swapped_arguments", _MODEL,
            "beta and the learning rate are swapped in the momentum call",
            "The momentum update takes the parameters, the gradients, the velocity, then beta, "
            "then the learning rate: pass them in that order, or by name.",
            model_momentum_swapped_arguments),
    Mistake("full_batch_gradients", _MODEL, "Every step uses the whole training set",
            "Inside the mini-batch loop, run the forward pass, the cost and the backward pass on "
            "the current mini-batch, not on all of X and Y: that is what makes it mini-batch "
            "training.", model_full_batch_gradients),
]

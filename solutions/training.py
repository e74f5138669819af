"""Reference training loop (06_training): mini-batch training of the 3-layer network of optkit.

``model`` is the graded capstone function and holds the whole loop. Its optional keyword-only
``costs`` list collects the cost of every epoch; ``train`` uses it to return (parameters, costs)
so that notebooks can plot learning curves. The contract (SPEC.md) is unchanged: called without
``costs``, ``model`` returns the trained parameters.
"""

from optkit.network import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters_he,
)
from solutions.adaptive_methods import initialize_adam, update_parameters_with_adam
from solutions.gradient_descent import update_parameters_with_gd
from solutions.mini_batches import random_mini_batches
from solutions.momentum import initialize_velocity, update_parameters_with_momentum

OPTIMIZERS = ("gd", "momentum", "adam")


def model(
    X,
    Y,
    layers_dims,
    optimizer,
    learning_rate=0.0007,
    mini_batch_size=64,
    beta=0.9,
    beta1=0.9,
    beta2=0.999,
    epsilon=1e-8,
    num_epochs=5000,
    print_cost=True,
    decay=None,
    decay_rate=1,
    *,
    costs=None,
):
    """Train the 3-layer network with mini-batches and the chosen optimizer.

    He initialization (``np.random.seed(3)``), then for every epoch i = 0, ..., num_epochs - 1:
      * with a schedule, learning_rate = decay(learning_rate0, i, decay_rate) is the rate used
        during epoch i, always computed from the initial rate learning_rate0;
      * seed = seed + 1, from seed = 10 (epoch i uses seed 11 + i), and new mini-batches
        random_mini_batches(X, Y, mini_batch_size, seed);
      * for every mini-batch: forward pass, cost, backward pass, one optimizer step; Adam's t
        counts the mini-batch steps over all epochs (t = 1 at the very first step);
      * the epoch's cost is (sum of the mini-batch costs) / m, printed every 1000 epochs.

    Arguments:
        X -- inputs of shape (n_x, m)
        Y -- labels 0 or 1 of shape (1, m)
        layers_dims -- [n_x, n_1, n_2, 1], sizes of the layers
        optimizer -- "gd", "momentum" or "adam"
        learning_rate -- initial step size (default 0.0007)
        mini_batch_size -- examples per mini-batch (default 64)
        beta -- momentum coefficient (default 0.9)
        beta1, beta2 -- Adam's moment decays (defaults 0.9 and 0.999)
        epsilon -- Adam's epsilon (default 1e-8)
        num_epochs -- passes over the training set (default 5000)
        print_cost -- print the cost every 1000 epochs (default True)
        decay -- None, or a schedule decay(learning_rate0, epoch_num, decay_rate)
        decay_rate -- third argument given to ``decay`` (default 1)
        costs -- optional list (keyword only); the cost of every epoch is appended to it

    Returns:
        parameters -- the trained parameters

    Raises:
        ValueError -- if ``optimizer`` is not one of "gd", "momentum", "adam"
    """
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
                parameters, v = update_parameters_with_momentum(
                    parameters, grads, v, beta, learning_rate
                )
            else:
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon
                )
        cost_avg = cost_total / m
        if costs is not None:
            costs.append(cost_avg)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}")
            if decay is not None:
                print(f"learning rate at epoch {i}: {learning_rate:f}")
    return parameters


def train(X, Y, layers_dims, optimizer, **settings):
    """Run ``model`` and also return its learning curve.

    Arguments:
        X, Y, layers_dims, optimizer -- as for ``model``
        settings -- any other keyword argument of ``model`` (learning_rate, num_epochs, ...)

    Returns:
        parameters -- the trained parameters
        costs -- list of num_epochs python floats, the mean cost of every epoch
    """
    costs = []
    parameters = model(X, Y, layers_dims, optimizer, costs=costs, **settings)
    return parameters, costs

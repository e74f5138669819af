"""Reference training loop (06_training): mini-batch training of the 3-layer network of optkit.

``model`` is the graded capstone function; ``train`` runs the same loop and also returns the
cost of every epoch, so that notebooks can plot learning curves.
"""
from optkit.network import (
    backward_propagation, compute_cost, forward_propagation, initialize_parameters_he,
)
from solutions.mini_batches import random_mini_batches
from solutions.optimizers import (
    initialize_adam, initialize_velocity, update_parameters_with_adam,
    update_parameters_with_gd, update_parameters_with_momentum,
)

OPTIMIZERS = ("gd", "momentum", "adam")


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True,
          decay=None, decay_rate=1):
    """Train the 3-layer network with mini-batches and the chosen optimizer.

    Every epoch draws new mini-batches (seeds 11, 12, ...) and takes one optimizer step per
    mini-batch; see ``train`` for the details.

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

    Returns:
        parameters -- the trained parameters
    """
    parameters, _ = train(X, Y, layers_dims, optimizer, learning_rate, mini_batch_size, beta,
                          beta1, beta2, epsilon, num_epochs, print_cost, decay, decay_rate)
    return parameters


def train(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True,
          decay=None, decay_rate=1):
    """The training loop of ``model``, returning (parameters, costs).

    He initialization (``np.random.seed(3)``); then for every epoch i = 0, ..., num_epochs - 1:
      * with a schedule, learning_rate = decay(learning_rate0, i, decay_rate), where
        learning_rate0 is the initial rate: the rate used during epoch i;
      * seed = seed + 1 (from seed = 10, so epoch i uses seed 11 + i), then
        random_mini_batches(X, Y, mini_batch_size, seed);
      * per mini-batch: forward pass, cost, backward pass, one optimizer step; Adam's t
        counts the mini-batch steps over all epochs (t = 1 at the first step);
      * costs[i] = (sum of the mini-batch costs) / m, the mean cross-entropy of the epoch.

    Arguments:
        same as ``model``

    Returns:
        parameters -- the trained parameters
        costs -- list of num_epochs python floats, the cost of every epoch

    Raises:
        ValueError -- if ``optimizer`` is not one of "gd", "momentum", "adam"
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    m = X.shape[1]
    learning_rate0 = learning_rate
    costs = []
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
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        costs.append(cost_total / m)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {costs[-1]:f}")
            if decay is not None:
                print(f"learning rate after epoch {i}: {learning_rate:f}")
    return parameters, costs

"""Reference learning-rate schedules of 05_learning_rate_decay: the rate to use at a given
epoch, from the initial rate.

Every schedule maps (learning_rate0, epoch_num, hyper-parameters) to a python float; epochs
count from 0 and every schedule except the warm-up returns learning_rate0 at epoch 0.
"""

import math


def update_lr(learning_rate0, epoch_num, decay_rate):
    """Inverse-time decay, updated every epoch:

        learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)

    Arguments:
        learning_rate0 -- initial learning rate
        epoch_num -- epoch number, from 0
        decay_rate -- how fast the rate decays (0 keeps it constant)

    Returns:
        learning_rate -- python float
    """
    return float(learning_rate0 / (1 + decay_rate * epoch_num))


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Inverse-time decay in stairs, updated every ``time_interval`` epochs:

        learning_rate = learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))

    Arguments:
        learning_rate0 -- initial learning rate
        epoch_num -- epoch number, from 0
        decay_rate -- how fast the rate decays
        time_interval -- number of epochs between two updates (default 1000)

    Returns:
        learning_rate -- python float
    """
    return float(learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval)))


def step_decay(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """Step decay: multiply the rate by ``drop`` every ``epochs_drop`` epochs:

        learning_rate = learning_rate0 * drop ** floor(epoch_num / epochs_drop)

    Arguments:
        learning_rate0 -- initial learning rate
        epoch_num -- epoch number, from 0
        drop -- factor applied at every step, in (0, 1] (default 0.5)
        epochs_drop -- number of epochs between two drops (default 10)

    Returns:
        learning_rate -- python float
    """
    return float(learning_rate0 * drop ** math.floor(epoch_num / epochs_drop))


def exponential_decay(learning_rate0, epoch_num, decay=0.95):
    """Exponential decay, a constant factor per epoch:

        learning_rate = learning_rate0 * decay ** epoch_num

    Arguments:
        learning_rate0 -- initial learning rate
        epoch_num -- epoch number, from 0
        decay -- factor per epoch, in (0, 1] (default 0.95)

    Returns:
        learning_rate -- python float
    """
    return float(learning_rate0 * decay**epoch_num)


def cosine_decay(learning_rate0, epoch_num, total_epochs):
    """Cosine annealing from learning_rate0 down to 0 at ``total_epochs``:

        learning_rate = learning_rate0 * (1 + cos(pi * epoch_num / total_epochs)) / 2

    Arguments:
        learning_rate0 -- initial learning rate
        epoch_num -- epoch number, from 0 to total_epochs
        total_epochs -- epoch at which the rate reaches 0

    Returns:
        learning_rate -- python float
    """
    return float(learning_rate0 * 0.5 * (1 + math.cos(math.pi * epoch_num / total_epochs)))


def warmup_linear_decay(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """Linear warm-up to learning_rate0, then linear decay to 0 at ``total_epochs``:

        if epoch_num < warmup_epochs:
            learning_rate = learning_rate0 * (epoch_num + 1) / warmup_epochs
        else:
            learning_rate = learning_rate0 * (1 - (epoch_num - warmup_epochs)
                                                  / (total_epochs - warmup_epochs))

    The rate reaches learning_rate0 at epoch warmup_epochs - 1 (and stays there one more epoch).

    Arguments:
        learning_rate0 -- peak learning rate
        epoch_num -- epoch number, from 0
        warmup_epochs -- length of the warm-up (default 5)
        total_epochs -- epoch at which the rate reaches 0 (default 100)

    Returns:
        learning_rate -- python float
    """
    if epoch_num < warmup_epochs:
        return float(learning_rate0 * (epoch_num + 1) / warmup_epochs)
    progress = (epoch_num - warmup_epochs) / (total_epochs - warmup_epochs)
    return float(learning_rate0 * (1 - progress))

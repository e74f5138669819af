"""Catalogued mistakes of 05_learning_rate_decay: the six learning-rate schedules.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook, and
none may raise on a case (a zero interval or warm-up never occurs in the cases).
"""

import numpy as np

from . import Mistake

# ---------------------------------------------------------------------------- update_lr


def update_lr_multiplies(learning_rate0, epoch_num, decay_rate):
    """Multiplies by (1 + decay_rate * epoch_num): the rate grows."""
    return learning_rate0 * (1 + decay_rate * epoch_num)


def update_lr_precedence(learning_rate0, epoch_num, decay_rate):
    """learning_rate0 / 1 + decay_rate * epoch_num: the divisor lost its parentheses."""
    return learning_rate0 / 1 + decay_rate * epoch_num


def update_lr_counts_from_one(learning_rate0, epoch_num, decay_rate):
    """Epochs counted from 1: the first epoch already runs at a decayed rate."""
    return learning_rate0 / (1 + decay_rate * (epoch_num + 1))


def update_lr_no_initial_rate(learning_rate0, epoch_num, decay_rate):
    """The decay factor alone, never multiplied by learning_rate0."""
    return 1 / (1 + decay_rate * epoch_num)


def update_lr_compounds(learning_rate0, epoch_num, decay_rate):
    """Divides by (1 + decay_rate) once per epoch: exponential, not inverse-time, decay."""
    return learning_rate0 * (1 + decay_rate) ** -epoch_num


def update_lr_epoch_outside(learning_rate0, epoch_num, decay_rate):
    """learning_rate0 / (1 + decay_rate) * epoch_num: the epoch ends up outside the divisor."""
    return learning_rate0 / (1 + decay_rate) * epoch_num


def update_lr_linear(learning_rate0, epoch_num, decay_rate):
    """Subtracts instead of dividing: learning_rate0 * (1 - decay_rate * epoch_num)."""
    return learning_rate0 * (1 - decay_rate * epoch_num)


# ----------------------------------------------------------------------- schedule_lr_decay


def schedule_no_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Plain division epoch_num / time_interval: a smooth curve instead of stairs."""
    return learning_rate0 / (1 + decay_rate * (epoch_num / time_interval))


def schedule_round(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Rounds epoch_num / time_interval: each decay comes half an interval early."""
    return learning_rate0 / (1 + decay_rate * np.round(epoch_num / time_interval))


def schedule_ceil(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Rounds epoch_num / time_interval up: the rate decays right after epoch 0."""
    return learning_rate0 / (1 + decay_rate * np.ceil(epoch_num / time_interval))


def schedule_every_epoch(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Ignores time_interval: decays every epoch, like update_lr."""
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_multiplies(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Multiplies by the denominator: the rate grows at every stair."""
    return learning_rate0 * (1 + decay_rate * np.floor(epoch_num / time_interval))


def schedule_floor_outside(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """floor(decay_rate * epoch_num / time_interval): the floor also swallows decay_rate."""
    return learning_rate0 / (1 + np.floor(decay_rate * epoch_num / time_interval))


def schedule_compounds(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Divides by (1 + decay_rate) at every stair, compounding the decay."""
    return learning_rate0 * (1 + decay_rate) ** -np.floor(epoch_num / time_interval)


def schedule_counts_from_one(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """floor((epoch_num + 1) / time_interval): every decay comes one epoch early."""
    return learning_rate0 / (1 + decay_rate * np.floor((epoch_num + 1) / time_interval))


def schedule_floor_division_of_rate(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Floor division // for the rate too: the quotient is rounded down to a whole number."""
    return learning_rate0 // (1 + decay_rate * (epoch_num // time_interval))


def schedule_fixed_interval(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Divides by the default 1000 instead of the time_interval passed in."""
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / 1000))


def schedule_interval_as_rate(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Mixes up the two hyper-parameters: time_interval multiplies, decay_rate is never used."""
    return learning_rate0 / (1 + time_interval * np.floor(epoch_num / time_interval))


# ---------------------------------------------------------------------------- step_decay


def step_no_floor(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """drop ** (epoch_num / epochs_drop) without the floor: a smooth exponential."""
    return learning_rate0 * drop ** (epoch_num / epochs_drop)


def step_every_epoch(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """Drops every epoch, ignoring epochs_drop."""
    return learning_rate0 * drop**epoch_num


def step_ceil(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """Rounds epoch_num / epochs_drop up: the first drop comes right after epoch 0."""
    return learning_rate0 * drop ** np.ceil(epoch_num / epochs_drop)


def step_drops_at_start(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """One drop too many: epoch 0 already runs at learning_rate0 * drop."""
    return learning_rate0 * drop ** (epoch_num // epochs_drop + 1)


def step_counts_from_one(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """floor((epoch_num + 1) / epochs_drop): every drop comes one epoch early."""
    return learning_rate0 * drop ** ((epoch_num + 1) // epochs_drop)


def step_divides(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """Divides by drop ** k: the rate doubles instead of halving."""
    return learning_rate0 / drop ** (epoch_num // epochs_drop)


def step_inverse_time(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """Copies the stairs of schedule_lr_decay: learning_rate0 / (1 + drop * k)."""
    return learning_rate0 / (1 + drop * np.floor(epoch_num / epochs_drop))


# --------------------------------------------------------------------- exponential_decay


def exponential_counts_from_one(learning_rate0, epoch_num, decay=0.95):
    """decay ** (epoch_num + 1): epoch 0 already runs at a decayed rate."""
    return learning_rate0 * decay ** (epoch_num + 1)


def exponential_one_minus(learning_rate0, epoch_num, decay=0.95):
    """(1 - decay) ** epoch_num, as if decay were the fraction lost per epoch."""
    return learning_rate0 * (1 - decay) ** epoch_num


def exponential_exp_of_decay(learning_rate0, epoch_num, decay=0.95):
    """exp(-decay * epoch_num): the other convention, where decay is a rate, not a factor."""
    return learning_rate0 * np.exp(-decay * epoch_num)


def exponential_divides(learning_rate0, epoch_num, decay=0.95):
    """Divides by decay ** epoch_num: the rate grows."""
    return learning_rate0 / np.power(decay, epoch_num)


def exponential_swapped_power(learning_rate0, epoch_num, decay=0.95):
    """epoch_num ** decay: base and exponent swapped."""
    return learning_rate0 * epoch_num**decay


def exponential_inverse_time(learning_rate0, epoch_num, decay=0.95):
    """learning_rate0 / (1 + decay * epoch_num): inverse-time decay, as in update_lr."""
    return learning_rate0 / (1 + decay * epoch_num)


def exponential_no_initial_rate(learning_rate0, epoch_num, decay=0.95):
    """decay ** epoch_num alone, never multiplied by learning_rate0."""
    return decay**epoch_num


# ------------------------------------------------------------------------ cosine_decay


def cosine_no_half(learning_rate0, epoch_num, total_epochs):
    """(1 + cos) without the 1/2: starts at twice learning_rate0."""
    return learning_rate0 * (1 + np.cos(np.pi * epoch_num / total_epochs))


def cosine_no_pi(learning_rate0, epoch_num, total_epochs):
    """cos(epoch_num / total_epochs) without pi: the cosine never gets past 1 radian."""
    return learning_rate0 * 0.5 * (1 + np.cos(epoch_num / total_epochs))


def cosine_plain(learning_rate0, epoch_num, total_epochs):
    """learning_rate0 * cos(pi * t / T): ends at -learning_rate0."""
    return learning_rate0 * np.cos(np.pi * epoch_num / total_epochs)


def cosine_quarter_wave(learning_rate0, epoch_num, total_epochs):
    """learning_rate0 * cos(pi/2 * t / T): a quarter wave instead of half a wave."""
    return learning_rate0 * np.cos(np.pi / 2 * epoch_num / total_epochs)


def cosine_floor_division(learning_rate0, epoch_num, total_epochs):
    """epoch_num // total_epochs inside the cosine: 0 until the last epoch."""
    return learning_rate0 * 0.5 * (1 + np.cos(np.pi * (epoch_num // total_epochs)))


def cosine_rising(learning_rate0, epoch_num, total_epochs):
    """(1 - cos) / 2: rises from 0 to learning_rate0."""
    return learning_rate0 * 0.5 * (1 - np.cos(np.pi * epoch_num / total_epochs))


def cosine_full_period(learning_rate0, epoch_num, total_epochs):
    """cos(2 pi t / T): back up to learning_rate0 at the end."""
    return learning_rate0 * 0.5 * (1 + np.cos(2 * np.pi * epoch_num / total_epochs))


# ------------------------------------------------------------------ warmup_linear_decay


def warmup_starts_at_zero(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """epoch_num / warmup_epochs without the + 1: epoch 0 has rate 0 and learns nothing."""
    if epoch_num < warmup_epochs:
        return learning_rate0 * epoch_num / warmup_epochs
    return learning_rate0 * (1 - (epoch_num - warmup_epochs) / (total_epochs - warmup_epochs))


def warmup_inclusive(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """epoch_num <= warmup_epochs: epoch warmup_epochs overshoots learning_rate0."""
    if epoch_num <= warmup_epochs:
        return learning_rate0 * (epoch_num + 1) / warmup_epochs
    return learning_rate0 * (1 - (epoch_num - warmup_epochs) / (total_epochs - warmup_epochs))


def warmup_decay_over_total(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """The decay divides by total_epochs instead of total_epochs - warmup_epochs."""
    if epoch_num < warmup_epochs:
        return learning_rate0 * (epoch_num + 1) / warmup_epochs
    return learning_rate0 * (1 - (epoch_num - warmup_epochs) / total_epochs)


def warmup_decay_from_zero(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """The decay runs 1 - epoch_num / total_epochs, as if it had started at epoch 0."""
    if epoch_num < warmup_epochs:
        return learning_rate0 * (epoch_num + 1) / warmup_epochs
    return learning_rate0 * (1 - epoch_num / total_epochs)


def warmup_missing(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """No warm-up branch: the linear decay formula for every epoch."""
    return learning_rate0 * (1 - (epoch_num - warmup_epochs) / (total_epochs - warmup_epochs))


def warmup_decay_one_early(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """(epoch_num - warmup_epochs + 1) in the decay: the rate drops already at warmup_epochs."""
    if epoch_num < warmup_epochs:
        return learning_rate0 * (epoch_num + 1) / warmup_epochs
    return learning_rate0 * (1 - (epoch_num - warmup_epochs + 1) / (total_epochs - warmup_epochs))


def warmup_decay_without_rate(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """The decay branch forgets to multiply by learning_rate0."""
    if epoch_num < warmup_epochs:
        return learning_rate0 * (epoch_num + 1) / warmup_epochs
    return 1 - (epoch_num - warmup_epochs) / (total_epochs - warmup_epochs)


def warmup_floor_division(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """(epoch_num + 1) // warmup_epochs: 0 for every warm-up epoch but the last."""
    if epoch_num < warmup_epochs:
        return learning_rate0 * ((epoch_num + 1) // warmup_epochs)
    return learning_rate0 * (1 - (epoch_num - warmup_epochs) / (total_epochs - warmup_epochs))


_UPDATE = "update_lr"
_SCHEDULE = "schedule_lr_decay"
_STEP = "step_decay"
_EXPONENTIAL = "exponential_decay"
_COSINE = "cosine_decay"
_WARMUP = "warmup_linear_decay"
_FLOOR = (
    "The number of decays so far is the number of COMPLETE intervals: round the quotient "
    "of the epoch and the interval down, with math.floor or integer division."
)
_EPOCH_ZERO = (
    "Epochs are counted from 0, and epoch 0 must run at the initial rate: use "
    "epoch_num as it is, without adding 1."
)

MISTAKES = [
    Mistake(
        "multiplies",
        _UPDATE,
        "The rate is multiplied by the decay term instead of divided",
        "Inverse-time decay divides the initial rate by one plus decay_rate times the epoch, "
        "so the rate shrinks as the epochs go by.",
        update_lr_multiplies,
    ),
    Mistake(
        "precedence",
        _UPDATE,
        "The divisor is missing its parentheses",
        "Without parentheses Python divides the rate by 1 and then adds decay_rate times the "
        "epoch. Put the whole sum one plus decay_rate times epoch_num in parentheses.",
        update_lr_precedence,
    ),
    Mistake(
        "counts_from_one",
        _UPDATE,
        "The epoch is counted from one",
        _EPOCH_ZERO,
        update_lr_counts_from_one,
    ),
    Mistake(
        "no_initial_rate",
        _UPDATE,
        "The initial rate is missing",
        "The decay term only says which fraction of the initial rate is left: multiply "
        "learning_rate0 by it.",
        update_lr_no_initial_rate,
    ),
    Mistake(
        "compounds",
        _UPDATE,
        "The decay compounds from epoch to epoch",
        "Dividing by one plus decay_rate once per epoch is exponential decay, which falls "
        "much faster. Inverse-time decay divides the initial rate ONCE, by one plus decay_rate "
        "times the epoch number.",
        update_lr_compounds,
    ),
    Mistake(
        "epoch_outside",
        _UPDATE,
        "The epoch number is outside the divisor",
        "The parentheses close too early, so the rate is divided by one plus decay_rate and "
        "then multiplied by the epoch. The divisor is the whole sum one plus decay_rate times "
        "epoch_num.",
        update_lr_epoch_outside,
    ),
    Mistake(
        "linear",
        _UPDATE,
        "The decay subtracts instead of dividing",
        "Subtracting decay_rate times the epoch makes the rate fall in a straight line and "
        "turn negative. Divide the initial rate by one plus decay_rate times the epoch.",
        update_lr_linear,
    ),
    Mistake(
        "no_floor",
        _SCHEDULE,
        "The epoch is divided by the interval without rounding down",
        "Plain division gives a smooth curve. " + _FLOOR,
        schedule_no_floor,
    ),
    Mistake(
        "round",
        _SCHEDULE,
        "The quotient is rounded to the nearest integer",
        "Rounding to the nearest integer makes each decay happen half an interval early. " + _FLOOR,
        schedule_round,
    ),
    Mistake(
        "ceil",
        _SCHEDULE,
        "The quotient is rounded up",
        "Rounding up counts an interval that has only just begun, so the first decay comes "
        "right after epoch 0. " + _FLOOR,
        schedule_ceil,
    ),
    Mistake(
        "every_epoch",
        _SCHEDULE,
        "The rate decays every epoch",
        "time_interval is not used: this is update_lr again. Count how many complete "
        "intervals have passed and use that count instead of the epoch number.",
        schedule_every_epoch,
    ),
    Mistake(
        "multiplies",
        _SCHEDULE,
        "The rate is multiplied by the decay term instead of divided",
        "The initial rate is divided by one plus decay_rate times the number of complete "
        "intervals, so each stair is lower than the one before.",
        schedule_multiplies,
    ),
    Mistake(
        "floor_outside",
        _SCHEDULE,
        "decay_rate is inside the floor",
        "Round down only the quotient of the epoch and the interval, and multiply by "
        "decay_rate afterwards; rounding the product down loses the fractional decay steps.",
        schedule_floor_outside,
    ),
    Mistake(
        "compounds",
        _SCHEDULE,
        "The decay compounds from stair to stair",
        "Dividing by one plus decay_rate at every stair is step decay. This schedule divides "
        "the initial rate once, by one plus decay_rate times the number of complete "
        "intervals.",
        schedule_compounds,
    ),
    Mistake(
        "counts_from_one",
        _SCHEDULE,
        "Every decay comes one epoch early",
        "Epochs are counted from 0, so the first decay happens at epoch time_interval, not one "
        "epoch before. Use epoch_num as it is, without adding 1.",
        schedule_counts_from_one,
    ),
    Mistake(
        "floor_division_of_rate",
        _SCHEDULE,
        "The rate itself is computed with floor division",
        "Integer division rounds the quotient down to a whole number, which turns a rate "
        "below one into zero. Use it for the number of intervals only and divide the rate with "
        "ordinary division.",
        schedule_floor_division_of_rate,
    ),
    Mistake(
        "fixed_interval",
        _SCHEDULE,
        "The interval is always 1000",
        "1000 is only the default value of time_interval: divide by the time_interval that "
        "was passed in.",
        schedule_fixed_interval,
    ),
    Mistake(
        "interval_as_rate",
        _SCHEDULE,
        "time_interval is used in place of decay_rate",
        "decay_rate sets how much each stair lowers the rate, time_interval how many epochs "
        "a stair lasts. Multiply the number of complete intervals by decay_rate.",
        schedule_interval_as_rate,
    ),
    Mistake(
        "no_floor",
        _STEP,
        "The epoch is divided by epochs_drop without rounding down",
        "Without rounding down the rate falls smoothly. The exponent is the number of "
        "COMPLETE intervals: round the quotient down, with math.floor or integer division.",
        step_no_floor,
    ),
    Mistake(
        "every_epoch",
        _STEP,
        "The rate drops every epoch",
        "epochs_drop is not used. The rate drops once per epochs_drop epochs: the exponent is "
        "the number of complete intervals, not the epoch number.",
        step_every_epoch,
    ),
    Mistake(
        "ceil",
        _STEP,
        "The quotient is rounded up",
        "Rounding up counts an interval that has only just begun, so the first drop comes "
        "right after epoch 0. Round the quotient down.",
        step_ceil,
    ),
    Mistake(
        "drops_at_start",
        _STEP,
        "The rate has already dropped once at epoch 0",
        "No interval is complete at epoch 0, so the exponent is 0 and the rate is "
        "learning_rate0. Do not add 1 to the number of intervals.",
        step_drops_at_start,
    ),
    Mistake(
        "counts_from_one",
        _STEP,
        "Every drop comes one epoch early",
        "Epochs are counted from 0, so the first drop happens at epoch epochs_drop, not one "
        "epoch before. Use epoch_num as it is, without adding 1.",
        step_counts_from_one,
    ),
    Mistake(
        "divides",
        _STEP,
        "The rate is divided by the drop factor",
        "drop is a factor below one: MULTIPLY by it once per complete interval, so the rate "
        "goes down.",
        step_divides,
    ),
    Mistake(
        "inverse_time",
        _STEP,
        "The stairs of schedule_lr_decay instead of step decay",
        "Step decay multiplies the rate by drop at every stair, so the rate is learning_rate0 "
        "times drop to the power of the number of complete intervals.",
        step_inverse_time,
    ),
    Mistake(
        "counts_from_one",
        _EXPONENTIAL,
        "The epoch is counted from one",
        _EPOCH_ZERO,
        exponential_counts_from_one,
    ),
    Mistake(
        "one_minus",
        _EXPONENTIAL,
        "One minus decay is used as the factor",
        "decay is the factor that multiplies the rate every epoch, 0.95 keeps 95 percent of "
        "it. Raise decay itself to the power epoch_num.",
        exponential_one_minus,
    ),
    Mistake(
        "exp_of_decay",
        _EXPONENTIAL,
        "The exponential function of decay times the epoch",
        "Some libraries write exponential decay with e and a rate; here decay is the factor "
        "per epoch, so the rate is learning_rate0 times decay to the power epoch_num.",
        exponential_exp_of_decay,
    ),
    Mistake(
        "divides",
        _EXPONENTIAL,
        "The rate is divided by the decay factor",
        "decay is below one: multiply by it once per epoch so that the rate goes down.",
        exponential_divides,
    ),
    Mistake(
        "swapped_power",
        _EXPONENTIAL,
        "Base and exponent are swapped",
        "The factor decay is the base and the epoch number the exponent: decay to the power "
        "epoch_num, not the other way round.",
        exponential_swapped_power,
    ),
    Mistake(
        "inverse_time",
        _EXPONENTIAL,
        "Inverse-time decay instead of exponential decay",
        "Dividing by one plus decay times the epoch is the schedule of update_lr. Exponential "
        "decay multiplies by the same factor every epoch: decay to the power epoch_num.",
        exponential_inverse_time,
    ),
    Mistake(
        "no_initial_rate",
        _EXPONENTIAL,
        "The initial rate is missing",
        "decay to the power epoch_num is the fraction of the initial rate that is left: "
        "multiply learning_rate0 by it.",
        exponential_no_initial_rate,
    ),
    Mistake(
        "no_half",
        _COSINE,
        "The factor one half is missing",
        "One plus the cosine runs from 2 down to 0; halve it so that the rate starts at "
        "learning_rate0.",
        cosine_no_half,
    ),
    Mistake(
        "no_pi",
        _COSINE,
        "The angle is missing its factor pi",
        "The angle must run from 0 to pi over the training, so that the cosine goes from 1 to "
        "minus 1: multiply the fraction of training done by pi.",
        cosine_no_pi,
    ),
    Mistake(
        "plain_cosine",
        _COSINE,
        "The cosine is used without shifting and halving it",
        "The cosine itself runs from 1 to minus 1 and would give negative rates. Take one "
        "plus the cosine, halved, which runs from 1 to 0.",
        cosine_plain,
    ),
    Mistake(
        "quarter_wave",
        _COSINE,
        "The angle only runs to pi over 2",
        "Cosine annealing follows half a period of the cosine: the angle runs from 0 to pi, "
        "and the rate is one plus the cosine, halved.",
        cosine_quarter_wave,
    ),
    Mistake(
        "floor_division",
        _COSINE,
        "Integer division of the epoch by total_epochs",
        "Integer division gives 0 for every epoch before the last, so the rate never moves. "
        "Use ordinary division: the fraction of training done.",
        cosine_floor_division,
    ),
    Mistake(
        "rising",
        _COSINE,
        "One minus the cosine: the rate rises",
        "The rate must fall from learning_rate0 to 0, so add the cosine to one instead of "
        "subtracting it.",
        cosine_rising,
    ),
    Mistake(
        "full_period",
        _COSINE,
        "The angle runs to two pi",
        "A full period brings the rate back up to learning_rate0 at the end. The angle runs "
        "from 0 to pi: pi times the fraction of training done.",
        cosine_full_period,
    ),
    Mistake(
        "starts_at_zero",
        _WARMUP,
        "The warm-up starts from a rate of zero",
        "A rate of zero at epoch 0 wastes a whole epoch. The warm-up rate is learning_rate0 "
        "times the epoch number PLUS ONE over warmup_epochs, so it reaches learning_rate0 at "
        "the last warm-up epoch.",
        warmup_starts_at_zero,
    ),
    Mistake(
        "inclusive",
        _WARMUP,
        "The warm-up lasts one epoch too long",
        "The warm-up epochs are 0 to warmup_epochs minus 1; at epoch warmup_epochs the decay "
        "branch takes over. Use a strict comparison.",
        warmup_inclusive,
    ),
    Mistake(
        "decay_over_total",
        _WARMUP,
        "The decay is spread over all the epochs",
        "The decay only has the epochs after the warm-up: divide the epochs since the warm-up "
        "by total_epochs minus warmup_epochs, so that the rate reaches 0 at total_epochs.",
        warmup_decay_over_total,
    ),
    Mistake(
        "decay_from_zero",
        _WARMUP,
        "The decay is measured from epoch 0",
        "The decay starts when the warm-up ends: measure its progress from warmup_epochs, "
        "so that the rate is still learning_rate0 at the first epoch after the warm-up.",
        warmup_decay_from_zero,
    ),
    Mistake(
        "missing",
        _WARMUP,
        "There is no warm-up",
        "During the first warmup_epochs epochs the rate must climb linearly to learning_rate0; "
        "the decay formula alone gives rates above learning_rate0 there.",
        warmup_missing,
    ),
    Mistake(
        "decay_one_early",
        _WARMUP,
        "The decay starts one epoch early",
        "At epoch warmup_epochs the decay has made no progress yet, so the rate is still "
        "learning_rate0. Measure progress as the epochs since warmup_epochs, without adding 1.",
        warmup_decay_one_early,
    ),
    Mistake(
        "decay_without_rate",
        _WARMUP,
        "The decay branch forgets the initial rate",
        "Both branches are fractions of learning_rate0: multiply the decaying fraction by "
        "learning_rate0 as well.",
        warmup_decay_without_rate,
    ),
    Mistake(
        "floor_division",
        _WARMUP,
        "Integer division in the warm-up",
        "Integer division of the epoch count by warmup_epochs gives 0 for every warm-up epoch "
        "but the last. Use ordinary division so that the rate climbs step by step.",
        warmup_floor_division,
    ),
]


# ---------------------------------------------------------------------- signature slips


def update_lr_arguments_swapped(learning_rate0, decay_rate, epoch_num):
    """decay_rate before epoch_num: the notebook's update_lr(0.1, epoch, decay_rate=1.0) then
    gives decay_rate twice."""
    return learning_rate0 / (1 + decay_rate * epoch_num)


def step_decay_arguments_swapped(learning_rate0, epoch_num, epochs_drop=10, drop=0.5):
    """epochs_drop before drop: right by name, wrong by position."""
    return learning_rate0 * drop ** np.floor(epoch_num / epochs_drop)


_ORDER = (
    "The notebook passes the arguments by position and leaves the defaults out, so their "
    "order and defaults are part of the exercise: keep the signature given in the cell."
)

MISTAKES += [
    Mistake(
        "arguments_swapped",
        _UPDATE,
        "decay_rate comes before epoch_num in the signature",
        "The schedule takes the initial rate, the epoch number, then the decay rate. " + _ORDER,
        update_lr_arguments_swapped,
    ),
    Mistake(
        "arguments_swapped",
        _STEP,
        "epochs_drop comes before drop in the signature",
        "The schedule takes the initial rate, the epoch number, the drop factor, then the "
        "number of epochs between drops. " + _ORDER,
        step_decay_arguments_swapped,
    ),
]

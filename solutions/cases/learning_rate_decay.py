"""Public and hidden cases of 05_learning_rate_decay: six schedules, each a float of the epoch.

Where a schedule has stairs (schedule_lr_decay, step_decay) the cases sit at and around the stair
edges -- one epoch before a change, the epoch of the change, one after, late in an interval --
because that is where floor, round, ceil and an off-by-one part ways. Every set also has epoch 0,
large epochs, cases that leave a default argument out (so the student's default is what runs),
and in the hidden sets numpy scalars (an np.int64 epoch, an np.float32 initial rate) as a loop
over ``np.arange`` would pass them.
"""

import numpy as np

from . import Case, hidden, kind, public

_LEARNING_RATES = [0.1, 0.05, 0.01, 0.3, 0.5, 0.0075, 0.002]


@kind("warmup_linear_decay")
def _phase(kwargs):
    warmup = kwargs.get("warmup_epochs", 5)
    return ("warming up" if kwargs["epoch_num"] < warmup else "decaying",)


def _case(what, **kwargs):
    """A case labelled with what it tests, then every argument given (defaults left out)."""
    shown = ", ".join(f"{name}={_show(value)}" for name, value in kwargs.items())
    return Case(f"{what}: {shown}" if what else shown, kwargs)


def _show(value):
    if isinstance(value, np.floating):
        return f"np.{value.dtype}({float(value):g})"
    if isinstance(value, np.integer):
        return f"np.{value.dtype}({int(value)})"
    return f"{value:g}"


def _learning_rate(rng):
    """A typical initial rate, now and then a random one with three decimals."""
    if rng.random() < 0.3:
        return round(float(rng.uniform(0.001, 0.9)), 3)
    return float(rng.choice(_LEARNING_RATES))


def _and_numpy_scalars(cases):
    """The public cases, and the last one again with an np.int64 epoch and an np.float32
    initial rate (the hidden cases pass such numpy scalars, as a loop over np.arange would)."""
    last = cases[-1]
    what = last.label.split(":")[0] if ":" in last.label else ""
    kwargs = dict(
        last.kwargs,
        epoch_num=np.int64(last.kwargs["epoch_num"]),
        learning_rate0=np.float32(last.kwargs["learning_rate0"]),
    )
    return cases + [_case(f"{what}, numpy scalars" if what else "numpy scalars", **kwargs)]


def _numpy_scalars(rng, cases, every=5):
    """Every ``every``-th case with an np.int64 epoch and an np.float32 initial rate."""
    changed = []
    for number, case in enumerate(cases):
        if number % every == every - 1:
            kwargs = dict(
                case.kwargs,
                epoch_num=np.int64(case.kwargs["epoch_num"]),
                learning_rate0=np.float32(case.kwargs["learning_rate0"]),
            )
            what = case.label.split(":")[0] if ":" in case.label else ""
            case = _case(what, **kwargs)
        changed.append(case)
    return changed


# ------------------------------------------------------------------------ update_lr


@public("update_lr")
def _update_lr_public():
    return _and_numpy_scalars(
        [
            _case(
                "epoch 0 keeps the initial rate", learning_rate0=0.5, epoch_num=0, decay_rate=1.0
            ),
            _case(
                "epoch 1 with decay_rate 1 halves it",
                learning_rate0=0.5,
                epoch_num=1,
                decay_rate=1.0,
            ),
            _case("", learning_rate0=0.1, epoch_num=10, decay_rate=0.3),
            _case("a late epoch", learning_rate0=0.01, epoch_num=1000, decay_rate=0.01),
            _case("", learning_rate0=0.2, epoch_num=7, decay_rate=2.0),
        ]
    )


@hidden("update_lr")
def _update_lr_hidden(rng):
    cases = [
        _case(
            "epoch 0",
            learning_rate0=_learning_rate(rng),
            epoch_num=0,
            decay_rate=float(rng.choice([0.5, 1.0, 3.0])),
        ),
        _case(
            "decay_rate 0 keeps the rate",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(2, 500)),
            decay_rate=0.0,
        ),
        _case(
            "epoch 1",
            learning_rate0=_learning_rate(rng),
            epoch_num=1,
            decay_rate=float(rng.choice([0.25, 1.0, 2.0])),
        ),
        _case(
            "a very late epoch",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(10**5, 10**6)),
            decay_rate=1.0,
        ),
    ]
    for _ in range(8):
        cases.append(
            _case(
                "",
                learning_rate0=_learning_rate(rng),
                epoch_num=int(rng.choice([rng.integers(2, 20), rng.integers(20, 3000)])),
                decay_rate=_decay_rate(rng),
            )
        )
    return _numpy_scalars(rng, cases)


def _decay_rate(rng):
    if rng.random() < 0.3:
        return round(float(rng.uniform(0.01, 3)), 2)
    return float(rng.choice([0.01, 0.05, 0.1, 0.3, 0.5, 1.0, 2.0]))


# --------------------------------------------------------------------- schedule_lr_decay


@public("schedule_lr_decay")
def _schedule_public():
    return _and_numpy_scalars(
        [
            _case(
                "epoch 0, default time_interval", learning_rate0=0.1, epoch_num=0, decay_rate=1.0
            ),
            _case(
                "one epoch before the first decay, default time_interval",
                learning_rate0=0.1,
                epoch_num=999,
                decay_rate=1.0,
            ),
            _case(
                "the epoch of the first decay, default time_interval",
                learning_rate0=0.1,
                epoch_num=1000,
                decay_rate=1.0,
            ),
            _case(
                "one epoch after the 2nd decay",
                learning_rate0=0.5,
                epoch_num=21,
                decay_rate=0.3,
                time_interval=10,
            ),
            _case(
                "one epoch before the 3rd decay",
                learning_rate0=0.5,
                epoch_num=29,
                decay_rate=0.3,
                time_interval=10,
            ),
            _case(
                "late in the 25th interval",
                learning_rate0=0.01,
                epoch_num=2560,
                decay_rate=0.5,
                time_interval=100,
            ),
        ]
    )


@hidden("schedule_lr_decay")
def _schedule_hidden(rng):
    cases = [
        _case(
            "epoch 0",
            learning_rate0=_learning_rate(rng),
            epoch_num=0,
            decay_rate=_decay_rate(rng),
            time_interval=_interval(rng),
        )
    ]
    # The three epochs around a stair edge k * time_interval, each with its own k and interval.
    for offset, what in [
        (-1, "one epoch before decay number {k}"),
        (0, "the epoch of decay number {k}"),
        (1, "one epoch after decay number {k}"),
    ]:
        for _ in range(2):
            interval, k = _interval(rng), int(rng.integers(1, 30))
            cases.append(_schedule_case(rng, k * interval + offset, interval, what.format(k=k)))
    # Inside an interval: in its first half (floor and round agree), in its second (round goes up).
    for late, what in [(False, "early in interval {k}"), (True, "late in interval {k}")]:
        for _ in range(2):
            interval, k = _interval(rng), int(rng.integers(0, 40))
            low, high = ((interval + 2) // 2, interval - 1) if late else (1, (interval - 1) // 2)
            cases.append(
                _schedule_case(
                    rng,
                    k * interval + int(rng.integers(low, high + 1)),
                    interval,
                    what.format(k=k + 1),
                )
            )
    interval = _interval(rng)
    cases.append(
        _schedule_case(
            rng,
            int(rng.integers(500, 2000)) * interval + int(rng.integers(1, interval)),
            interval,
            "a very late epoch",
        )
    )
    default = int(rng.integers(1, 20))
    cases.append(
        _case(
            "default time_interval, the epoch of a decay",
            learning_rate0=_learning_rate(rng),
            epoch_num=default * 1000,
            decay_rate=_decay_rate(rng),
        )
    )
    cases.append(
        _case(
            "default time_interval, one before a decay",
            learning_rate0=_learning_rate(rng),
            epoch_num=default * 1000 - 1,
            decay_rate=_decay_rate(rng),
        )
    )
    cases.append(
        _case(
            "default time_interval, late in an interval",
            learning_rate0=_learning_rate(rng),
            epoch_num=default * 1000 + int(rng.integers(600, 1000)),
            decay_rate=_decay_rate(rng),
        )
    )
    return _numpy_scalars(rng, cases)


def _interval(rng):
    return int(rng.choice([3, 5, 7, 10, 20, 50, 100, 250, 500, 1000]))


def _schedule_case(rng, epoch, interval, what):
    return _case(
        what,
        learning_rate0=_learning_rate(rng),
        epoch_num=epoch,
        decay_rate=_decay_rate(rng),
        time_interval=interval,
    )


# ---------------------------------------------------------------------------- step_decay


@public("step_decay")
def _step_public():
    return _and_numpy_scalars(
        [
            _case("epoch 0, default drop and epochs_drop", learning_rate0=0.1, epoch_num=0),
            _case("one epoch before the first drop, defaults", learning_rate0=0.1, epoch_num=9),
            _case("the epoch of the first drop, defaults", learning_rate0=0.1, epoch_num=10),
            _case(
                "one epoch after the 2nd drop",
                learning_rate0=0.5,
                epoch_num=31,
                drop=0.1,
                epochs_drop=15,
            ),
            _case(
                "late in the 4th interval",
                learning_rate0=0.2,
                epoch_num=99,
                drop=0.8,
                epochs_drop=25,
            ),
        ]
    )


@hidden("step_decay")
def _step_hidden(rng):
    cases = [_step_case(rng, 0, "epoch 0")]
    for offset, what in [
        (-1, "one epoch before drop number {k}"),
        (0, "the epoch of drop number {k}"),
        (1, "one epoch after drop number {k}"),
    ]:
        for _ in range(2):
            k = int(rng.integers(1, 8))
            cases.append(_step_case(rng, None, what.format(k=k), k, offset))
    for _ in range(3):
        drops = int(rng.choice([3, 5, 10, 20, 30]))
        epoch = int(rng.integers(0, 8)) * drops + int(rng.integers(1, drops))
        cases.append(
            _case(
                "inside an interval",
                learning_rate0=_learning_rate(rng),
                epoch_num=epoch,
                drop=_drop(rng),
                epochs_drop=drops,
            )
        )
    cases.append(
        _case(
            "defaults, the epoch of a drop",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(1, 6)) * 10,
        )
    )
    cases.append(
        _case(
            "defaults, one epoch before a drop",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(2, 6)) * 10 - 1,
        )
    )
    cases.append(
        _case(
            "defaults, late in an interval",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(2, 6)) * 10 + 7,
        )
    )
    return _numpy_scalars(rng, cases)


def _drop(rng):
    return float(rng.choice([0.1, 0.2, 0.5, 0.7, 0.9, round(float(rng.uniform(0.1, 0.95)), 2)]))


def _step_case(rng, epoch, what, k=0, offset=0):
    drops = int(rng.choice([3, 5, 10, 20, 30]))
    epoch = k * drops + offset if epoch is None else epoch
    return _case(
        what,
        learning_rate0=_learning_rate(rng),
        epoch_num=epoch,
        drop=_drop(rng),
        epochs_drop=drops,
    )


# --------------------------------------------------------------------- exponential_decay


@public("exponential_decay")
def _exponential_public():
    return _and_numpy_scalars(
        [
            _case("epoch 0, default decay", learning_rate0=0.1, epoch_num=0),
            _case("epoch 1, default decay", learning_rate0=0.1, epoch_num=1),
            _case("default decay", learning_rate0=0.1, epoch_num=20),
            _case("", learning_rate0=0.5, epoch_num=7, decay=0.8),
            _case("a late epoch", learning_rate0=0.01, epoch_num=150, decay=0.99),
        ]
    )


@hidden("exponential_decay")
def _exponential_hidden(rng):
    cases = [
        _case("epoch 0", learning_rate0=_learning_rate(rng), epoch_num=0, decay=_factor(rng)),
        _case("epoch 1", learning_rate0=_learning_rate(rng), epoch_num=1, decay=_factor(rng)),
        _case(
            "decay 1 keeps the rate",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(2, 100)),
            decay=1.0,
        ),
        _case(
            "a late epoch",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(200, 1000)),
            decay=0.999,
        ),
        _case(
            "default decay", learning_rate0=_learning_rate(rng), epoch_num=int(rng.integers(2, 60))
        ),
    ]
    for _ in range(7):
        cases.append(
            _case(
                "",
                learning_rate0=_learning_rate(rng),
                epoch_num=int(rng.integers(2, 40)),
                decay=_factor(rng),
            )
        )
    return _numpy_scalars(rng, cases)


def _factor(rng):
    if rng.random() < 0.3:
        return round(float(rng.uniform(0.5, 0.99)), 3)
    return float(rng.choice([0.5, 0.8, 0.9, 0.95, 0.97, 0.99]))


# ------------------------------------------------------------------------ cosine_decay


@public("cosine_decay")
def _cosine_public():
    return _and_numpy_scalars(
        [
            _case(
                "epoch 0 keeps the initial rate", learning_rate0=0.1, epoch_num=0, total_epochs=100
            ),
            _case(
                "half-way gives half the rate", learning_rate0=0.1, epoch_num=50, total_epochs=100
            ),
            _case("the last epoch gives zero", learning_rate0=0.1, epoch_num=100, total_epochs=100),
            _case("a quarter of the way", learning_rate0=0.5, epoch_num=10, total_epochs=40),
            _case("near the end", learning_rate0=0.02, epoch_num=270, total_epochs=300),
        ]
    )


@hidden("cosine_decay")
def _cosine_hidden(rng):
    totals = [int(rng.choice([10, 30, 50, 100, 200, 500, 1000])) for _ in range(12)]
    cases = [
        _case("epoch 0", learning_rate0=_learning_rate(rng), epoch_num=0, total_epochs=totals[0]),
        _case(
            "the last epoch",
            learning_rate0=_learning_rate(rng),
            epoch_num=totals[1],
            total_epochs=totals[1],
        ),
        _case(
            "half-way",
            learning_rate0=_learning_rate(rng),
            epoch_num=totals[2] // 2,
            total_epochs=totals[2],
        ),
        _case(
            "one epoch before the end",
            learning_rate0=_learning_rate(rng),
            epoch_num=totals[3] - 1,
            total_epochs=totals[3],
        ),
    ]
    for total in totals[4:]:
        cases.append(
            _case(
                "",
                learning_rate0=_learning_rate(rng),
                epoch_num=int(rng.integers(1, total)),
                total_epochs=total,
            )
        )
    return _numpy_scalars(rng, cases)


# ------------------------------------------------------------------ warmup_linear_decay


@public("warmup_linear_decay")
def _warmup_public():
    return _and_numpy_scalars(
        [
            _case("epoch 0, default warm-up", learning_rate0=0.1, epoch_num=0),
            _case("last warm-up epoch, defaults", learning_rate0=0.1, epoch_num=4),
            _case("first epoch after the warm-up, defaults", learning_rate0=0.1, epoch_num=5),
            _case("decaying, defaults", learning_rate0=0.1, epoch_num=52),
            _case("warming up", learning_rate0=0.5, epoch_num=2, warmup_epochs=10, total_epochs=50),
            _case("decaying", learning_rate0=0.5, epoch_num=40, warmup_epochs=10, total_epochs=50),
        ]
    )


@hidden("warmup_linear_decay")
def _warmup_hidden(rng):
    cases = []
    for what, where in [
        ("epoch 0", lambda w, t: 0),
        ("last warm-up epoch", lambda w, t: w - 1),
        ("first epoch after the warm-up", lambda w, t: w),
        ("second epoch after the warm-up", lambda w, t: w + 1),
        ("the last epoch", lambda w, t: t),
        ("warming up", lambda w, t: int(rng.integers(0, w))),
        ("warming up", lambda w, t: int(rng.integers(0, w))),
        ("decaying", lambda w, t: int(rng.integers(w, t + 1))),
        ("decaying", lambda w, t: int(rng.integers(w, t + 1))),
        ("decaying", lambda w, t: int(rng.integers(w, t + 1))),
    ]:
        warmup = int(rng.choice([1, 2, 3, 5, 8, 10, 20]))
        total = warmup + int(rng.choice([5, 10, 40, 95, 200, 500]))
        cases.append(
            _case(
                what,
                learning_rate0=_learning_rate(rng),
                epoch_num=where(warmup, total),
                warmup_epochs=warmup,
                total_epochs=total,
            )
        )
    cases.append(
        _case(
            "default warm-up, warming up",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(0, 5)),
        )
    )
    cases.append(
        _case(
            "default warm-up, decaying",
            learning_rate0=_learning_rate(rng),
            epoch_num=int(rng.integers(6, 100)),
        )
    )
    return _numpy_scalars(rng, cases)

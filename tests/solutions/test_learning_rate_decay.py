"""The reference learning-rate schedules: values at the boundaries, limits and monotony."""

import math

import pytest

from solutions.learning_rate_decay import (
    cosine_decay,
    exponential_decay,
    schedule_lr_decay,
    step_decay,
    update_lr,
    warmup_linear_decay,
)

LR0 = 0.5

SCHEDULES = {
    "update_lr": lambda epoch: update_lr(LR0, epoch, 0.3),
    "schedule_lr_decay": lambda epoch: schedule_lr_decay(LR0, epoch, 0.3, time_interval=100),
    "step_decay": lambda epoch: step_decay(LR0, epoch, drop=0.5, epochs_drop=10),
    "exponential_decay": lambda epoch: exponential_decay(LR0, epoch, decay=0.95),
    "cosine_decay": lambda epoch: cosine_decay(LR0, epoch, total_epochs=200),
    "warmup_linear_decay": lambda epoch: warmup_linear_decay(LR0, epoch, 5, 100),
}


@pytest.mark.parametrize("name", SCHEDULES)
def test_returns_a_python_float(name):
    assert type(SCHEDULES[name](3)) is float


@pytest.mark.parametrize("name", [n for n in SCHEDULES if n != "warmup_linear_decay"])
def test_starts_at_the_initial_rate(name):
    assert SCHEDULES[name](0) == LR0


@pytest.mark.parametrize("name", [n for n in SCHEDULES if n != "warmup_linear_decay"])
def test_never_increases(name):
    rates = [SCHEDULES[name](epoch) for epoch in range(201)]
    assert all(b <= a for a, b in zip(rates, rates[1:]))
    assert rates[-1] < rates[0]


def test_update_lr_is_inverse_time():
    assert update_lr(LR0, 1, 1) == pytest.approx(LR0 / 2)
    assert update_lr(LR0, 9, 1) == pytest.approx(LR0 / 10)
    assert update_lr(LR0, 10, 0.5) == pytest.approx(LR0 / 6)
    assert update_lr(LR0, 1000, 0) == LR0
    for epoch in range(50):
        assert LR0 / update_lr(LR0, epoch, 0.3) == pytest.approx(1 + 0.3 * epoch)


@pytest.mark.parametrize("k", [1, 2, 5])
@pytest.mark.parametrize("interval", [1000, 7])
def test_schedule_lr_decay_changes_only_at_multiples_of_the_interval(k, interval):
    def rate(epoch):
        return schedule_lr_decay(LR0, epoch, 0.3, time_interval=interval)

    assert rate(k * interval - 1) == pytest.approx(LR0 / (1 + 0.3 * (k - 1)))
    assert rate(k * interval) == pytest.approx(LR0 / (1 + 0.3 * k))
    assert rate(k * interval + 1) == pytest.approx(LR0 / (1 + 0.3 * k))


def test_schedule_lr_decay_default_interval_is_1000():
    assert schedule_lr_decay(LR0, 999, 1) == LR0
    assert schedule_lr_decay(LR0, 1000, 1) == pytest.approx(LR0 / 2)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_step_decay_halves_at_every_drop(k):
    assert step_decay(LR0, k * 10 - 1) == pytest.approx(LR0 * 0.5 ** (k - 1))
    assert step_decay(LR0, k * 10) == pytest.approx(LR0 * 0.5**k)
    assert step_decay(LR0, k * 10 + 1) == pytest.approx(LR0 * 0.5**k)
    assert step_decay(LR0, k * 4, drop=0.1, epochs_drop=4) == pytest.approx(LR0 * 0.1**k)


def test_exponential_decay_is_a_constant_ratio():
    rates = [exponential_decay(LR0, epoch, decay=0.9) for epoch in range(30)]
    for a, b in zip(rates, rates[1:]):
        assert b / a == pytest.approx(0.9)
    assert exponential_decay(LR0, 10) == pytest.approx(LR0 * 0.95**10)


@pytest.mark.parametrize("total", [10, 100, 5000])
def test_cosine_decay_limits(total):
    assert cosine_decay(LR0, 0, total) == LR0
    assert cosine_decay(LR0, total / 2, total) == pytest.approx(LR0 / 2)
    assert cosine_decay(LR0, total, total) == pytest.approx(0, abs=1e-15)
    # symmetric around the half: lr(e) + lr(total - e) = lr0
    for epoch in range(total + 1):
        assert cosine_decay(LR0, epoch, total) + cosine_decay(
            LR0, total - epoch, total
        ) == pytest.approx(LR0)


@pytest.mark.parametrize("warmup, total", [(5, 100), (1, 10), (10, 50)])
def test_warmup_rises_linearly_to_the_peak_then_decays_linearly_to_zero(warmup, total):
    def rate(epoch):
        return warmup_linear_decay(LR0, epoch, warmup, total)

    rates = [rate(epoch) for epoch in range(total + 1)]
    assert rates[0] == pytest.approx(LR0 / warmup)
    assert rates[warmup - 1] == pytest.approx(LR0)
    assert max(rates) == pytest.approx(LR0)
    assert rate(warmup) == pytest.approx(LR0)
    assert rate(warmup + 1) == pytest.approx(LR0 * (1 - 1 / (total - warmup)))
    assert rate(total) == pytest.approx(0, abs=1e-15)
    assert rate((warmup + total) / 2) == pytest.approx(LR0 / 2)
    rising, falling = rates[:warmup], rates[warmup:]
    assert all(b > a for a, b in zip(rising, rising[1:]))
    assert all(b < a for a, b in zip(falling, falling[1:]))
    # constant slopes: lr0 / warmup going up, lr0 / (total - warmup) going down
    for a, b in zip(rising, rising[1:]):
        assert b - a == pytest.approx(LR0 / warmup)
    for a, b in zip(falling, falling[1:]):
        assert a - b == pytest.approx(LR0 / (total - warmup))


def test_schedules_scale_with_the_initial_rate():
    for epoch in (0, 3, 17, 40):
        assert update_lr(2.0, epoch, 0.1) == pytest.approx(2 * update_lr(1.0, epoch, 0.1))
        assert cosine_decay(2.0, epoch, 50) == pytest.approx(2 * cosine_decay(1.0, epoch, 50))
        assert warmup_linear_decay(2.0, epoch) == pytest.approx(2 * warmup_linear_decay(1.0, epoch))
    assert math.isclose(step_decay(3.0, 25), 3.0 * 0.25)

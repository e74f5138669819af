"""Public and hidden checks of 05_learning_rate_decay: what its cases cover, the forms a learning
rate may take and what its messages say (what every function shares is in ``test_checks.py``)."""

import numpy as np
import pytest

import optkit
from autograder import hidden_checks
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from optkit.contracts import get_contract
from solutions import reference
from solutions.cases import hidden_cases, public_cases
from solutions.mistakes import catalog
from tests.conftest import hidden_failure, named_mistakes, public_failure
from tests.implementations.signed import signed

FUNCTIONS = [
    "update_lr",
    "schedule_lr_decay",
    "step_decay",
    "exponential_decay",
    "cosine_decay",
    "warmup_linear_decay",
]
SCHEDULE = "schedule_lr_decay"


def _mistake(name, key):
    return next(m.implementation for m in catalog(name) if m.key == key)


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("kind", [np.float64, np.float32, np.asarray])
def test_numpy_scalars_are_accepted_as_the_returned_float(name, kind, capsys):
    as_numpy = signed(name, lambda **kwargs: kind(reference(name)(**kwargs)))
    optkit.check(name, as_numpy)
    hidden_check(name, as_numpy)
    assert capsys.readouterr().out.count("✓") == 2


@pytest.mark.parametrize("name", FUNCTIONS)
def test_an_int_or_an_array_is_not_a_learning_rate(name):
    truncated = signed(name, lambda **kwargs: int(reference(name)(**kwargs)))
    in_a_list = signed(name, lambda **kwargs: np.array([reference(name)(**kwargs)]))

    assert "returned learning_rate: the value differs" in public_failure(name, truncated)
    assert "returned learning_rate: the value differs" in hidden_failure(name, truncated)
    for run in (public_failure, hidden_failure):
        assert "expected a number (float); got a numpy array of shape (1,)" in run(name, in_a_list)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_hidden_and_public_cases_pass_numpy_scalars_and_plain_numbers(name):
    hidden = hidden_cases(name, np.random.default_rng(hidden_checks.DEFAULT_SEED))
    for cases in (hidden, public_cases(name)):
        kinds = {(type(c.kwargs["learning_rate0"]), type(c.kwargs["epoch_num"])) for c in cases}
        assert {(np.float32, np.int64), (float, int)} <= kinds
    assert [type(c.kwargs["epoch_num"]) for c in public_cases(name)].count(np.int64) == 1


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_case_set_starts_at_epoch_0_and_leaves_out_defaults_where_there_are_any(name):
    contract_defaults = get_contract(name).defaults
    for cases in (public_cases(name), hidden_cases(name, np.random.default_rng(0))):
        assert 0 in {int(case.kwargs["epoch_num"]) for case in cases}
        if contract_defaults:
            assert any(not set(contract_defaults) & set(case.kwargs) for case in cases)


@pytest.mark.parametrize("seed", [hidden_checks.DEFAULT_SEED, 0, 1, 2])
def test_hidden_schedule_cases_sit_at_and_around_the_stair_edges(seed):
    where = set()
    for case in hidden_cases(SCHEDULE, np.random.default_rng(seed)):
        epoch, interval = case.kwargs["epoch_num"], case.kwargs.get("time_interval", 1000)
        position = epoch % interval
        where.add(
            "zero"
            if epoch == 0
            else "edge"
            if position == 0
            else "before"
            if position == interval - 1
            else "after"
            if position == 1
            else "inside"
        )
        if epoch > 100 * interval:
            where.add("very late")
        if "time_interval" not in case.kwargs:
            where.add("default")
    assert where == {"zero", "edge", "before", "after", "inside", "very late", "default"}


def test_a_wrong_default_interval_fails_both_checks_by_its_signature_and_by_its_cases():
    def default_100(learning_rate0, epoch_num, decay_rate, time_interval=100):
        return reference(SCHEDULE)(learning_rate0, epoch_num, decay_rate, time_interval)

    for run in (public_failure, hidden_failure):
        message = run(SCHEDULE, default_100)
        assert "the default of time_interval is 100; it must be 1000" in message
        assert "(learning_rate0, epoch_num, decay_rate, time_interval=1000)" in message
    # A signature Python cannot read is judged by the cases that leave the default out.
    assert "failed public case 2 of 7" in public_failure(SCHEDULE, _unsigned(default_100))
    assert "default time_interval" in hidden_failure(SCHEDULE, _unsigned(default_100))


class _unsigned:
    """A callable whose signature Python cannot tell: only its behaviour can be checked."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    @property
    def __signature__(self):
        raise ValueError("no signature")


def test_the_stairs_are_where_the_messages_say():
    message = public_failure(SCHEDULE, _mistake(SCHEDULE, "counts_from_one"))
    assert message.splitlines()[0] == (
        f"✗ {SCHEDULE} failed public case 2 of 7: one epoch before the first decay, default "
        "time_interval: learning_rate0=0.1, epoch_num=999, decay_rate=1"
    )
    assert "expected 0.1, got 0.05" in message
    assert named_mistakes(message) == [f"{SCHEDULE}:counts_from_one"]


def test_a_hidden_failure_names_the_case_but_never_an_expected_value():
    def off(learning_rate0, epoch_num, decay_rate, time_interval=1000):
        return 1.01 * reference(SCHEDULE)(learning_rate0, epoch_num, decay_rate, time_interval)

    message = hidden_failure(SCHEDULE, off)
    cases = hidden_judged_cases(SCHEDULE)
    assert message.splitlines()[0] == (
        f"✗ {SCHEDULE} failed hidden case 1 of {len(cases)}: {cases[0].label}"
    )
    assert "returned learning_rate: the value differs" in message
    details = message.split("\n", 1)[1]  # everything after the case's label
    assert "relative error 0.01" in details and "expected" not in details
    for case in cases:
        assert f"{case.expected.returned:.6g}" not in details
    assert "def " not in message and "solutions" not in message

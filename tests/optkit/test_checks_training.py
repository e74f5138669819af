"""Public and hidden checks of 06_training (model): what its cases cover, the earlier work it
calls and what its messages say (what every function shares is in ``test_checks.py``)."""

import inspect
import re

import numpy as np
import pytest

import optkit
import solutions.training
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from optkit.contracts import get_contract
from optkit.serialization import NAMED_FUNCTIONS
from solutions import reference
from solutions.cases import public_cases
from solutions.mistakes import catalog
from tests.conftest import default_seed_cases, hidden_failure, named_mistakes, public_failure
from tests.implementations.training_notebook import adam_twice_the_rate, training_notebook

NAME = "model"
EARLIER_WORK = get_contract(NAME).uses


@pytest.mark.parametrize("kind", ["public", "hidden"])
def test_cases_train_a_few_epochs_of_several_uneven_mini_batches(kind):
    cases = public_cases(NAME) if kind == "public" else default_seed_cases(NAME)
    runs = {(case.kwargs["optimizer"], case.kwargs.get("decay") is not None) for case in cases}
    assert {"gd", "momentum", "adam"} == {optimizer for optimizer, _ in runs}
    assert {
        (optimizer, decay) for optimizer in ("gd", "momentum", "adam") for decay in (True, False)
    } <= runs
    for case in cases:
        m = case.kwargs["X"].shape[1]
        assert case.kwargs["print_cost"] is False and case.kwargs["num_epochs"] <= 5
        # the default batch size of 64 needs m > 64 to show
        assert 20 <= m <= (90 if "mini_batch_size" not in case.kwargs else 60)
        assert len(case.kwargs["layers_dims"]) == 4
    uneven = [
        c
        for c in cases
        if c.kwargs["X"].shape[1] % c.kwargs.get("mini_batch_size", 64)
        and c.kwargs["X"].shape[1] > c.kwargs.get("mini_batch_size", 64)
        and c.kwargs["num_epochs"] >= 3
    ]
    assert len(uneven) >= len(cases) - 3
    dtypes = {case.kwargs["X"].dtype for case in cases}
    assert dtypes == {np.dtype(np.float32), np.dtype(np.float64)}


def test_public_cases_only_pass_schedules_the_casebook_can_name():
    decays = {case.kwargs.get("decay") for case in public_cases(NAME)} - {None}
    assert decays and decays <= set(NAMED_FUNCTIONS.values())


def test_hidden_cases_cover_the_edges_and_the_course_schedules():
    cases = default_seed_cases(NAME)
    assert len(cases) == len(hidden_judged_cases(NAME))
    sizes = [(c.kwargs["X"].shape[1], c.kwargs.get("mini_batch_size", 64)) for c in cases]
    assert any(m % size == 0 and m > size for m, size in sizes)  # batches come out even
    assert any(size >= m for m, size in sizes)  # one batch per epoch
    assert any(c.kwargs["num_epochs"] == 1 for c in cases)
    assert any(c.kwargs["X"].shape[0] == 3 for c in cases)
    assert any(
        set(c.kwargs)
        == {"X", "Y", "layers_dims", "optimizer", "mini_batch_size", "num_epochs", "print_cost"}
        for c in cases
    )
    names = {getattr(c.kwargs.get("decay"), "__name__", None) for c in cases}
    assert {"update_lr", "every_two_epochs", "inverse_square_decay"} <= names
    contract = get_contract(NAME)
    for arg in set(contract.defaults) - {"num_epochs", "print_cost"}:  # see the README
        assert any(arg not in c.kwargs for c in cases), arg
    every = [c for c in hidden_judged_cases(NAME) if set(c.inputs) == set(contract.args)]
    assert every and all(c.style == "positional" for c in every)


def test_a_hidden_failure_names_the_case_and_parameter_but_never_an_expected_value():
    def off(
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
        parameters = reference(NAME)(
            X,
            Y,
            layers_dims,
            optimizer,
            learning_rate,
            mini_batch_size,
            beta,
            beta1,
            beta2,
            epsilon,
            num_epochs,
            print_cost,
            decay,
            decay_rate,
            costs=costs,
        )
        parameters["W2"] = parameters["W2"] * 1.01
        return parameters

    message = hidden_failure(NAME, off)
    case = hidden_judged_cases(NAME)[0]
    assert message.splitlines()[0] == (
        f"✗ {NAME} failed hidden case 1 of {len(default_seed_cases(NAME))}: {case.label}"
    )
    assert 'returned parameters["W2"]:' in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    for value in case.expected.returned["W2"].ravel():
        assert f"{value:.6g}" not in message
    assert "def " not in message and "solutions" not in message
    assert "earlier notebooks" not in message


def test_a_wrong_earlier_function_fails_public_naming_what_its_own_check_found(capsys):
    notebook = training_notebook(update_parameters_with_adam=adam_twice_the_rate)
    message = public_failure(NAME, notebook["model"])
    assert re.match(rf"✗ {NAME} failed public case \d+ of \d+: adam", message)
    assert not named_mistakes(message)
    note = message.split(
        f"{NAME} calls your functions from earlier notebooks, and this one "
        "fails its public check here:\n",
        1,
    )[1].splitlines()
    assert note[0].startswith(
        "    update_parameters_with_adam: ✗ update_parameters_with_adam failed public case 1 of "
    )
    assert note[1] == (
        "Fix it in the cell of your earlier work first (the hidden tests of "
        f"{NAME} use correct versions of them)."
    )
    hidden_check(NAME, notebook["model"])  # graded on its loop, with the references
    assert capsys.readouterr().out.startswith(f"✓ {NAME} passed")
    assert notebook["update_parameters_with_adam"] is adam_twice_the_rate


def test_the_hidden_check_supplies_missing_earlier_work_and_removes_it_afterwards(capsys):
    notebook = training_notebook(**{name: None for name in EARLIER_WORK})
    with pytest.raises(NameError):
        optkit.check(NAME, notebook["model"])
    hidden_check(NAME, notebook["model"])
    assert "✓" in capsys.readouterr().out
    assert not set(EARLIER_WORK) & set(notebook)


def test_the_earlier_work_is_restored_when_the_student_code_raises():
    notebook = training_notebook(update_parameters_with_gd=adam_twice_the_rate)
    exec(
        "def crashes(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64,\n"
        "            beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000,\n"
        "            print_cost=True, decay=None, decay_rate=1, *, costs=None):\n"
        "    raise RuntimeError('student bug')\n",
        notebook,
    )
    with pytest.raises(RuntimeError, match="student bug"):
        hidden_check(NAME, notebook["crashes"])
    assert notebook["update_parameters_with_gd"] is adam_twice_the_rate


def test_a_catalogued_mistake_is_named_without_the_earlier_work_pointer():
    mistake = catalog(NAME)[0]
    message = public_failure(NAME, mistake.implementation)
    assert named_mistakes(message) == [f"{NAME}:{mistake.key}"]
    assert "earlier notebooks" not in message


def test_model_declares_the_earlier_graded_functions_it_calls():
    contract = get_contract(NAME)
    assert set(EARLIER_WORK) == {
        "random_mini_batches",
        "update_parameters_with_gd",
        "initialize_velocity",
        "update_parameters_with_momentum",
        "initialize_adam",
        "update_parameters_with_adam",
    }
    assert all(get_contract(name).assignment < contract.assignment for name in EARLIER_WORK)
    called = set(solutions.training.model.__code__.co_names)
    assert set(EARLIER_WORK) <= called


def test_the_learning_curve_is_graded_in_both_checks():
    """A loop that trains right but records no cost, or a wrong one, fails and says where."""
    namespace = training_notebook()
    exec(
        inspect.getsource(solutions.training.model).replace(
            "            costs.append(cost_avg)\n", "            pass\n"
        ),
        namespace,
    )
    for run in (public_failure, hidden_failure):
        message = run(NAME, namespace["model"])
        assert (
            "costs: expected 3 items, the mean cost of every epoch (the learning curve); "
            "got 0 (append one item per epoch to the list costs)" in message
        )
    reset = next(m for m in catalog(NAME) if m.key == "cost_reset_every_mini_batch")
    message = public_failure(NAME, reset.implementation)
    assert re.search(r"\ncosts\[0\]: the value differs\n", message)
    assert "expected 0." in message  # public: the values are shown
    assert "expected 0." not in hidden_failure(NAME, reset.implementation)


def test_a_gd_loop_that_ignores_the_schedule_fails_the_public_check_and_is_named():
    [mistake] = [m for m in catalog(NAME) if m.key == "gd_ignores_schedule"]
    message = public_failure(NAME, mistake.implementation)
    assert message.startswith(f"✗ {NAME} failed public case ")
    assert "gd (learning_rate 0.3, decay inverse_square_decay" in message
    assert named_mistakes(message) == [f"{NAME}:gd_ignores_schedule"]

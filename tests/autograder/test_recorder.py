"""The sandbox's recorder and the trusted verdict, in one process: what the recorder writes of a
student's function is what the verdict needs to judge it as the student's own check does.

(The recorder is run here without a sandbox, on a scratch grading folder; the pipeline tests run
it inside one.) Only public cases: hidden cases of model need the reference oracle's socket.
"""

import importlib
import inspect
import json
import sys
from pathlib import Path

import pytest

import optkit
import solutions.training
from autograder.grade_id import GradeId
from autograder.test_cells import TestCell
from autograder.verdict import Judge
from optkit.contracts import get_contract
from solutions.mistakes import catalog
from tests.conftest import named_mistakes
from tests.implementations.training_notebook import adam_twice_the_rate, training_notebook

UNTRUSTED = Path(__file__).resolve().parents[2] / "autograder" / "untrusted"
MODEL = "model"
EARLIER_WORK = get_contract(MODEL).uses


@pytest.fixture
def recorder(tmp_path, monkeypatch):
    """The recorder module as the sandbox imports it, writing under ``tmp_path``."""
    monkeypatch.setenv("OPTIM_GRADING_ROOT", str(tmp_path))
    monkeypatch.syspath_prepend(str(UNTRUSTED))
    for name in ("recorder", "plain_data"):
        sys.modules.pop(name, None)
    module = importlib.import_module("recorder")
    yield module
    for name in ("recorder", "plain_data"):
        sys.modules.pop(name, None)


def _recorded(recorder, tmp_path, judge, test, fn) -> dict:
    cases = tmp_path / "in" / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    (cases / f"{test.grade_id}.json").write_text(json.dumps(judge.sandbox_spec(test)))
    recorder.record(test.grade_id, fn)
    lines = (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    return json.loads(lines[-1])


PUBLIC = TestCell(GradeId(MODEL, "public"), MODEL, 4.0)


@pytest.fixture(scope="module")
def judge():
    return Judge([PUBLIC])


def test_the_reference_loop_earns_the_points_and_its_earlier_work_is_recorded(
    recorder, tmp_path, judge
):
    record = _recorded(recorder, tmp_path, judge, PUBLIC, training_notebook()["model"])
    assert set(record["earlier"]) == set(EARLIER_WORK)
    assert record["signature"]["parameters"][-1] == ["costs", "KEYWORD_ONLY", None]
    assert judge.verdict(PUBLIC, record).passed


def test_a_wrong_earlier_function_is_what_the_message_points_at(recorder, tmp_path, judge, capsys):
    model = training_notebook(update_parameters_with_adam=adam_twice_the_rate)["model"]
    verdict = judge.verdict(PUBLIC, _recorded(recorder, tmp_path, judge, PUBLIC, model))
    assert not verdict.passed and not verdict.mistake
    assert (
        "this one fails its public check here:\n    update_parameters_with_adam: ✗ "
        "update_parameters_with_adam failed public case"
    ) in verdict.message
    with pytest.raises(optkit.CheckFailure) as caught:  # the student's own check agrees
        optkit.check(MODEL, model)
    assert str(caught.value) == verdict.message


def test_a_loop_slip_the_catalogue_does_not_know_says_the_earlier_work_passes(
    recorder, tmp_path, judge
):
    namespace = training_notebook()
    source = inspect.getsource(solutions.training.model).replace(
        "costs.append(cost_avg)", "costs.append(cost_avg * 1.5)"
    )
    exec(source, namespace)
    verdict = judge.verdict(
        PUBLIC, _recorded(recorder, tmp_path, judge, PUBLIC, namespace["model"])
    )
    assert "costs[0]: the value differs" in verdict.message
    assert verdict.message.splitlines()[-1].startswith(
        "Your functions from earlier notebooks that model calls (random_mini_batches, "
    )
    assert "pass their public checks, so look for the difference in model itself" in (
        verdict.message
    )


@pytest.mark.parametrize(
    "key",
    [
        "cost_reset_every_mini_batch",
        "cost_on_whole_training_set",
        "seed_is_epoch",
        "decay_epoch_plus_one",
        "momentum_hard_coded_beta",
        "adam_without_hyperparameters",
        "without_costs",
    ],
)
def test_the_new_loop_slips_are_named_on_the_trusted_side(recorder, tmp_path, judge, key):
    [mistake] = [m for m in catalog(MODEL) if m.key == key]
    namespace = training_notebook()
    namespace[mistake.implementation.__name__] = mistake.implementation
    verdict = judge.verdict(
        PUBLIC, _recorded(recorder, tmp_path, judge, PUBLIC, mistake.implementation)
    )
    assert verdict.mistake == f"{MODEL}:{key}", verdict.message
    assert named_mistakes(verdict) == [f"{MODEL}:{key}"]
    assert f"Likely mistake: {mistake.title}." in verdict.message


def test_arguments_in_another_order_are_refused_with_the_expected_order(recorder, tmp_path):
    name = "update_parameters_with_rmsprop"
    test = TestCell(GradeId(name, "public"), name, 1.0)
    judge = Judge([test])
    [mistake] = [m for m in catalog(name) if m.key == "arguments_swapped"]
    verdict = judge.verdict(
        test, _recorded(recorder, tmp_path, judge, test, mistake.implementation)
    )
    assert verdict.points == 0 and verdict.mistake == f"{name}:arguments_swapped"
    assert "\n    (parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-08)\n" in (
        verdict.message
    )
    assert "beta is argument 5; it must be argument 4" in verdict.message


@pytest.mark.parametrize("style", ["positional", "mixed"])
@pytest.mark.parametrize(
    "given",
    [
        ("parameters", "grads", "s", "beta", "learning_rate", "epsilon"),
        ("parameters", "grads", "s", "learning_rate"),
        ("parameters", "grads", "s"),
    ],
)
def test_the_recorder_calls_a_function_exactly_as_the_checks_do(recorder, style, given):
    """One convention in two places (the recorder may import nothing of the course)."""
    from optkit.signatures import call

    contract = get_contract("update_parameters_with_rmsprop")
    seen = []

    def spy(*args, **kwargs):
        seen.append((args, kwargs))

    inputs = {name: number for number, name in enumerate(given)}
    spec = {"args": list(contract.args), "fills": [], "styles": [style]}
    recorder.call(spy, spec, 0, dict(inputs))
    call(contract, spy, dict(inputs), style)
    assert seen[0] == seen[1]

"""optkit.check: the public check a student runs, on the real casebook and real functions."""

import subprocess
import sys
import traceback
from pathlib import Path

import numpy as np
import pytest

import optkit
from optkit.public_checks import PASS_LINE, stored_cases
from solutions import reference
from tests.conftest import named_mistakes, public_failure

MOMENTUM = "update_parameters_with_momentum"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["initialize_velocity", MOMENTUM])
def test_the_reference_passes_with_exactly_one_line(name, capsys):
    optkit.check(name, reference(name))
    out = capsys.readouterr().out
    assert out == PASS_LINE.format(name=name, count=len(stored_cases(name))) + "\n"
    assert out.startswith(
        f"✓ {name} passed 3 public cases.\n  Hidden tests with random cases run "
        "when your work is graded."
    )


def test_a_check_failure_is_an_assertion_error_rendered_as_its_message():
    assert issubclass(optkit.CheckFailure, AssertionError)
    failure = optkit.CheckFailure("line one\nline two")
    assert failure._render_traceback_() == ["line one", "line two"] == str(failure).splitlines()


def test_returning_none_is_reported():
    def forgot_return(parameters, grads, v, beta, learning_rate):
        reference(MOMENTUM)(parameters, grads, v, beta, learning_rate)

    message = public_failure(MOMENTUM, forgot_return)
    assert message.startswith(f"✗ {MOMENTUM} failed public case 1 of 3: 2 layers:")
    assert "returned None; did you forget the return statement?" in message


def test_a_modified_gradient_is_reported_even_when_the_outputs_are_right():
    def zeroes_grads(parameters, grads, v, beta, learning_rate):
        result = reference(MOMENTUM)(parameters, grads, v, beta, learning_rate)
        grads["db1"][...] = 0.0
        return result

    message = public_failure(MOMENTUM, zeroes_grads)
    assert "input grads: was modified by your function" in message
    assert 'grads["db1"]: 3 of 3 entries differ' in message


def test_changing_the_parameters_in_place_is_allowed(capsys):
    def in_place(parameters, grads, v, beta, learning_rate):
        for key in parameters:
            v["d" + key] *= beta
            v["d" + key] += (1 - beta) * grads["d" + key]
            parameters[key] -= learning_rate * v["d" + key]
        return parameters, v

    optkit.check(MOMENTUM, in_place)
    assert "passed" in capsys.readouterr().out


def test_a_wrong_value_names_the_case_the_key_and_expected_vs_got():
    def wrong_db1(parameters, grads, v, beta, learning_rate):
        parameters, v = reference(MOMENTUM)(parameters, grads, v, beta, learning_rate)
        v["db1"] = v["db1"] + 1.0
        return parameters, v

    message = public_failure(MOMENTUM, wrong_db1)
    case = stored_cases(MOMENTUM)[0]
    assert f"public case 1 of 3: {case.label}" in message
    assert 'returned v["db1"]: 3 of 3 entries differ' in message
    expected = case.expected.returned[1]["db1"][0, 0]
    got = expected + 1
    assert f"at [0, 0]: expected {expected:.6g}, got {got:.6g}" in message
    assert "3 of 3 public cases fail." in message
    assert not named_mistakes(message)  # matches no catalogued mistake


def test_an_exception_in_student_code_keeps_its_traceback_with_a_note_naming_the_case():
    def crashes(parameters, grads, v, beta, learning_rate):
        return parameters["W0"], v

    with pytest.raises(KeyError) as caught:
        optkit.check(MOMENTUM, crashes)
    assert any(
        f"in public case 1 of 3: {stored_cases(MOMENTUM)[0].label}" in note
        for note in caught.value.__notes__
    )
    frames = traceback.extract_tb(caught.value.__traceback__)
    assert frames[-1].name == "crashes"
    engine = ROOT / "optkit"
    assert not any(engine in Path(frame.filename).resolve().parents for frame in frames)


def test_wrong_argument_names_and_non_functions_are_explained():
    def renamed(params, grads, v, beta, lr):
        return params, v

    message = public_failure(MOMENTUM, renamed)
    assert "must take its arguments in this order" in message
    assert "\n    (parameters, grads, v, beta, learning_rate)\nyours takes\n" in message
    assert "argument 1 is called params; it must be parameters" in message
    with pytest.raises(TypeError, match="pass the function itself"):
        optkit.check(MOMENTUM, {"W1": np.zeros(1)})


def test_cases_are_fresh_copies_and_unknown_functions_are_refused():
    stored_cases(MOMENTUM)[0].inputs["grads"]["dW1"][...] = 99.0
    assert not np.any(stored_cases(MOMENTUM)[0].inputs["grads"]["dW1"] == 99.0)
    with pytest.raises(KeyError, match="no graded function"):
        optkit.check("update_parameters_with_momentun", reference(MOMENTUM))


def test_ipython_shows_the_message_and_none_of_the_engine_frames(tmp_path):
    cell = (
        "import optkit\n"
        "def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):\n"
        "    return parameters\n"
        f"optkit.check({MOMENTUM!r}, update_parameters_with_momentum)\n"
    )
    script = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        f"InteractiveShell.instance().run_cell({cell!r})\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120
    ).stdout
    assert shown.startswith(f"✗ {MOMENTUM} failed public case 1 of 3")
    assert "did you forget to\n  return v?" in shown  # laid out in 80 columns
    assert max(len(line) for line in shown.splitlines()) <= 80
    assert "Traceback" not in shown and "runner.py" not in shown and "public_checks" not in shown


def test_a_function_of_another_assignment_is_refused_with_where_to_check_it(tmp_path, monkeypatch):
    """A release folder's casebook holds its own assignment's functions: the message says where
    the others are checked, and names no instructor's tool."""
    from autograder import casebook
    from optkit import public_checks

    path = casebook.write_public_casebook(tmp_path / "public_cases.json", [MOMENTUM])
    monkeypatch.setattr(public_checks, "CASEBOOK", path)
    optkit.check(MOMENTUM, reference(MOMENTUM))
    with pytest.raises(LookupError) as caught:
        optkit.check("update_parameters_with_gd", reference("update_parameters_with_gd"))
    message = str(caught.value)
    assert "no public cases for 'update_parameters_with_gd'" in message
    assert "01_gradient_descent folder" in message and "autograder" not in message
    monkeypatch.setattr(public_checks, "CASEBOOK", tmp_path / "missing.json")
    with pytest.raises(FileNotFoundError, match="keep the optkit folder that came with"):
        optkit.check(MOMENTUM, reference(MOMENTUM))

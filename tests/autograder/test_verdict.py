"""The trusted side's verdict: points from records, whatever a record holds.

Records are built the way the sandbox's recorder builds them (``plain_data.encode`` of what a
function returned), from the reference, from a catalogued mistake, and forged by hand.
"""

import copy

import numpy as np
import pytest

from autograder.grade_id import GradeId
from autograder.test_cells import TestCell, parse_test_cell
from autograder.untrusted import plain_data
from autograder.verdict import Judge
from solutions import reference
from solutions.mistakes import catalog

NAME = "update_parameters_with_momentum"
PUBLIC = TestCell(GradeId(NAME, "public"), NAME, 2.0)
HIDDEN = TestCell(GradeId(NAME, "hidden"), NAME, 4.0)


@pytest.fixture(scope="module")
def judge():
    return Judge([PUBLIC, HIDDEN])


def record_of(judge, test, fn) -> dict:
    """The record the sandbox would write for ``fn`` (the recorder's format)."""
    observations = []
    for case in judge.cases(test):
        inputs = copy.deepcopy(case.inputs)
        returned = fn(**inputs)
        observations.append(
            plain_data.encode(
                {
                    "returned": returned,
                    "inputs_after": {arg: inputs[arg] for arg in case.expected.inputs_after},
                }
            )
        )
    return {
        "grade_id": test.grade_id,
        "function": NAME,
        "observations": observations,
        "signature": {
            "parameters": [
                [arg, "POSITIONAL_OR_KEYWORD"]
                for arg in ("parameters", "grads", "v", "beta", "learning_rate")
            ],
            "text": "(...)",
        },
    }


@pytest.mark.parametrize("test", [PUBLIC, HIDDEN], ids=["public", "hidden"])
def test_the_reference_earns_every_point_and_a_mistake_none_and_is_named(judge, test):
    verdict = judge.verdict(test, record_of(judge, test, reference(NAME)))
    assert verdict.passed and verdict.points == test.points
    mistake = catalog(NAME)[0]
    verdict = judge.verdict(test, record_of(judge, test, mistake.implementation))
    assert not verdict.passed and verdict.points == 0
    assert verdict.mistake == f"{NAME}:{mistake.key}"


def test_hidden_messages_never_show_an_expected_value_and_public_ones_do(judge):
    wrong = catalog(NAME)[0].implementation
    assert "expected" in judge.verdict(PUBLIC, record_of(judge, PUBLIC, wrong)).message
    assert "expected 0" not in judge.verdict(HIDDEN, record_of(judge, HIDDEN, wrong)).message


def forged(judge, test, change):
    record = record_of(judge, test, reference(NAME))
    change(record)
    return judge.verdict(test, record)


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda r: r["observations"].pop(), "stopped after"),
        (lambda r: r["observations"].append(r["observations"][0]), "cannot be read"),
        (lambda r: r.update(observations=[{"list": [], "ref": 0}] * 20), "cannot be read"),
        (lambda r: r.update(observations="nonsense"), "stopped after 0"),
        (
            lambda r: r["observations"].__setitem__(0, {"dict": [["returned", 1]], "ref": 0}),
            "cannot be read",
        ),
        (
            lambda r: r["observations"].__setitem__(
                0,
                {
                    "dict": [
                        ["returned", {"refused": "x"}],
                        ["inputs_after", {"dict": [], "ref": 2}],
                    ],
                    "ref": 1,
                },
            ),
            "cannot be read",
        ),
        (
            lambda r: r.update(
                signature={
                    "parameters": [["a", "POSITIONAL_OR_KEYWORD"], ["b", "POSITIONAL_OR_KEYWORD"]],
                    "text": "(a, b)",
                }
            ),
            "must take its arguments in this order",
        ),
        (lambda r: r.update(signature={"parameters": "(a, b)"}), "cannot be judged"),
        (lambda r: r.update(not_callable="an object of type int"), "pass the function itself"),
        (
            lambda r: r.update(
                raised={"case": 0, "type": "<b>Evil</b>", "message": "m", "traceback": ["line"]}
            ),
            "raised by",
        ),
        (lambda r: r.update(unrecordable="too big"), "cannot be graded"),
        (lambda r: r.update(observations=[{"same": 0}] * 3), "cannot be read"),
    ],
)
def test_a_forged_or_broken_record_earns_nothing_and_says_why(judge, change, words):
    for test in (PUBLIC, HIDDEN):
        verdict = forged(judge, test, change)
        assert verdict.points == 0 and not verdict.passed, verdict
        assert words in verdict.message
        assert "<b>" not in verdict.ename


def test_a_refused_return_value_is_named(judge):
    evil = type("Evil", (np.ndarray,), {})

    def subclassed(**kwargs):
        parameters, v = reference(NAME)(**kwargs)
        return {k: a.view(evil) for k, a in parameters.items()}, v

    verdict = judge.verdict(PUBLIC, record_of(judge, PUBLIC, subclassed))
    assert verdict.points == 0 and "ndarray subclass Evil" in verdict.message


def test_no_record_means_no_points_with_the_reason(judge):
    verdict = judge.verdict(HIDDEN, None, " (the kernel died in cell 14)")
    assert verdict.points == 0 and "kernel died in cell 14" in verdict.message


def test_the_sandbox_gets_inputs_but_no_expected_value(judge):
    spec = judge.sandbox_spec(HIDDEN)
    assert set(spec) >= {"function", "cases", "args", "protected"}
    text = str(spec)
    for case in judge.cases(HIDDEN):
        assert case.label not in text
    assert "expected" not in text


@pytest.mark.parametrize(
    "source, kind, expression",
    [
        ('optkit.check("f", f)', "public", "f"),
        (
            "# a comment\n### BEGIN HIDDEN TESTS\n"
            "from autograder.hidden_checks import hidden_check\n"
            'hidden_check("f", f)\n### END HIDDEN TESTS',
            "hidden",
            "f",
        ),
        ('optkit.check("f", notebook["f"])', "public", "notebook['f']"),
    ],
)
def test_test_cells_are_parsed_from_the_instructors_source(source, kind, expression):
    cell = parse_test_cell(f"test_f_{kind}", source, 2)
    assert (cell.function, cell.kind, cell.expression, cell.points) == ("f", kind, expression, 2.0)
    assert (
        cell.recording_source == f'__import__("recorder").record({cell.grade_id!r}, {expression})'
    )
    assert GradeId.parse(cell.grade_id) == GradeId("f", kind)


@pytest.mark.parametrize(
    "grade_id, source",
    [
        ("test_f_public", 'optkit.check("g", g)'),  # id and function disagree
        ("test_f_public", 'hidden_check("f", f)'),  # id and kind disagree
        ("test_f_public", 'optkit.check("f", f)\nprint(1)'),
        ("test_f_public", "x = 1"),
        ("test_f_public", "optkit.check(name, f)"),
        ("test_f_public", 'optkit.check("f"'),
    ],
)
def test_any_other_test_cell_is_an_error_of_the_course(grade_id, source):
    with pytest.raises(ValueError, match=grade_id):
        parse_test_cell(grade_id, source, 1)

"""solutions.mistakes._slips: a mistake written as its slip is a whole function with its source,
and the answers the slips start from are right answers."""

import inspect

import numpy as np
import pytest

import optkit
from solutions.mistakes import _slips, adaptive_methods, mini_batches, robust_training

ANSWER = '''\
def answer(parameters, grads, learning_rate=0.01,
           epsilon=1e-8):
    """Right."""
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
'''

# The right answers the catalog's slips start from, as the check sees them.
ANSWERS = [
    ("initialize_adagrad", _slips.zeros_answer("G")),
    ("initialize_rmsprop", _slips.zeros_answer("s")),
    ("initialize_velocity", _slips.zeros_answer("v")),
    ("initialize_adam", _slips.zeros_answer("v", "s")),
    ("update_parameters_with_adagrad", adaptive_methods._ADAGRAD_ANSWER),
    ("update_parameters_with_rmsprop", adaptive_methods._RMSPROP_ANSWER),
    ("update_parameters_with_adam", adaptive_methods._ADAM_ANSWER),
    ("random_mini_batches", mini_batches._ANSWER),
    ("clip_gradients", robust_training._CLIP_ANSWER),
    ("add_gradient_noise", robust_training._NOISE_ANSWER),
    ("early_stopping", robust_training._STOP_ANSWER),
]


def test_a_slip_is_a_renamed_documented_function_whose_source_is_the_edited_answer():
    namespace = {}
    slip = _slips.slipped(
        ANSWER,
        "answer_sign_error",
        "The step goes uphill.",
        ("value - learning_rate", "value + learning_rate"),
        namespace=namespace,
    )
    assert namespace["answer_sign_error"] is slip
    source = inspect.getsource(slip)
    assert source.startswith(
        "def answer_sign_error(parameters, grads, learning_rate=0.01,\n"
        "                      epsilon=1e-8):\n"
        '    """The step goes uphill."""\n'
    )
    assert "value + learning_rate" in source and "value - learning_rate" not in source
    assert slip({"W1": np.ones(2)}, {"dW1": np.ones(2)}, 0.5)["W1"].tolist() == [1.5, 1.5]


def test_an_edit_applies_wherever_its_text_occurs_and_must_occur():
    slip = _slips.slipped(ANSWER, "answer_twice", "Twice.", ('"', "'"), namespace={})
    assert '"' not in inspect.getsource(slip).split("\n", 2)[2]
    with pytest.raises(ValueError, match="is not in the answer"):
        _slips.slipped(ANSWER, "answer_typo", "Typo.", ("lerning_rate", "x"), namespace={})
    with pytest.raises(ValueError, match="is not exactly one place"):
        _slips.slipped(
            ANSWER,
            "answer_ambiguous",
            "Ambiguous.",
            ("learning_rate", "lr"),
            namespace={},
            once=True,
        )


@pytest.mark.parametrize("name, answer", ANSWERS, ids=[name for name, _ in ANSWERS])
def test_the_answers_the_slips_start_from_pass_the_public_check(name, answer, capsys):
    optkit.check(name, _slips.slipped(answer, name, "Right.", namespace={"np": np}))
    assert capsys.readouterr().out.startswith(f"✓ {name} passed")

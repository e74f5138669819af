"""optkit.messages: every line of a check's message fits 80 columns, broken between words."""

import pytest

import optkit
from optkit.messages import WIDTH, Failure, fit, mistake_failure, mistake_lines

LONG = (
    "✗ update_parameters_with_momentum failed public case 2 of 5: two layers, beta=0.9, "
    "learning_rate=0.01, with gradients that differ in scale by six orders of magnitude"
)


def test_short_lines_are_left_as_they_are():
    text = "✗ f failed public case 1 of 3: one layer\n    at [0, 1]: expected 1.0, got 2.0"
    assert fit(text) == text


def test_a_long_line_is_broken_between_words_and_its_continuation_indented():
    lines = fit(LONG).splitlines()
    assert len(lines) == 3 and all(len(line) <= WIDTH for line in lines)
    assert lines[1].startswith("  ") and not lines[1].startswith("   ")
    assert " ".join(line.strip() for line in lines) == LONG  # no word cut or lost


def test_an_indented_detail_line_keeps_its_indent_and_fit_is_idempotent():
    detail = "    " + " ".join(f"at [{i}]: expected {i}.5, got {i}.25;" for i in range(8))
    lines = fit(detail).splitlines()
    assert all(line.startswith("    ") and len(line) <= WIDTH for line in lines)
    assert all(line.startswith("      ") for line in lines[1:])
    assert fit(fit(detail)) == fit(detail)


def test_a_mistake_is_its_title_then_its_hint_on_lines_of_their_own():
    hint = (
        "Momentum keeps an exponentially weighted average of the gradients: the new "
        "gradient enters with weight one minus beta, so that the average stays on scale."
    )
    lines = mistake_lines("The velocity is not damped", hint)
    assert lines[0] == "Likely mistake: The velocity is not damped."
    assert all(line.startswith("    ") and len(line) <= WIDTH for line in lines[1:])
    assert " ".join(line.strip() for line in lines[1:]) == hint
    assert "[" not in "\n".join(lines)  # the internal key is not for the student's eye


def test_a_failure_keeps_the_keys_of_the_mistakes_it_names_beside_its_text():
    named = mistake_failure("update_parameters_with_momentum", "no_dampening", "Title", "Hint.")
    failure = Failure("✗ first line") + named
    assert failure.mistakes == ("update_parameters_with_momentum:no_dampening",)
    assert failure.message.splitlines() == ["✗ first line", "Likely mistake: Title.", "    Hint."]
    assert "no_dampening" not in failure.message


def test_a_check_failure_shows_the_fitted_text_and_carries_the_keys():
    error = optkit.CheckFailure(Failure(LONG, ("f:k",)))
    assert error.mistakes == ("f:k",) and error.failure.message == LONG
    assert str(error) == LONG and error._render_traceback_() == fit(LONG).splitlines()
    assert optkit.CheckFailure("plain text").mistakes == ()


@pytest.mark.parametrize("width", [40, 60])
def test_the_width_is_a_parameter(width):
    assert all(len(line) <= width for line in fit(LONG, width).splitlines())

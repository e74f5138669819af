"""`autograded.safe_outputs`: a sandbox's outputs rebuilt field by field; figures kept, forged
images dropped."""

import base64
import io

import matplotlib
import pytest

from autograder.autograded import safe_image, safe_outputs

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

CAP = 2048 * 1024  # GradingSettings.max_cell_output_kb's default, in bytes


@pytest.fixture(scope="module")
def png() -> str:
    """A real figure, as the inline backend sends it."""
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1], [1, 0])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def _display(data) -> list:
    return [{"output_type": "display_data", "data": data, "metadata": {}}]


def test_a_figure_is_kept_with_its_text(png):
    [output] = safe_outputs(_display({"image/png": png, "text/plain": "<Figure>"}), CAP)
    assert output.data == {"image/png": png, "text/plain": "<Figure>"}


def test_a_figure_in_lines_or_pieces_is_kept_as_one_line(png):
    lines = "\n".join(png[i : i + 76] for i in range(0, len(png), 76)) + "\n"
    assert safe_image(lines, "image/png", CAP) == png
    assert safe_image([png[:100], png[100:]], "image/png", CAP) == png


@pytest.mark.parametrize(
    "forged",
    [
        "not base64 <script>alert(1)</script>",
        'iVBORw0KGgo=" onerror="alert(1)',  # attribute break-out
        base64.b64encode(b"<svg onload=alert(1)></svg>").decode(),  # base64, not a PNG
        base64.b64encode(b"GIF89a" + b"\0" * 20).decode(),
        "iVBORw0KGgoAAAANSUhEUg",  # PNG, but not whole base64
        "",
        12345,
        None,
        {"nested": "iVBORw0KGgo="},
    ],
)
def test_a_forged_image_is_dropped(forged):
    assert safe_outputs(_display({"image/png": forged}), CAP) == []
    [output] = safe_outputs(_display({"image/png": forged, "text/plain": "x"}), CAP)
    assert output.data == {"text/plain": "x"}


def test_an_image_over_the_cap_is_dropped_whole_not_cut(png):
    assert safe_image(png, "image/png", len(png)) == png
    assert safe_image(png, "image/png", len(png) - 1) == ""
    huge = base64.b64encode(base64.b64decode(png) + b"\0" * 3 * CAP).decode()
    assert safe_outputs(_display({"image/png": huge}), CAP) == []


def test_a_jpeg_needs_a_jpeg_signature(png):
    assert safe_image(png, "image/jpeg", CAP) == ""
    jpeg = base64.b64encode(b"\xff\xd8\xff\xe0" + b"\0" * 16).decode()
    assert safe_image(jpeg, "image/jpeg", CAP) == jpeg

"""optkit runs on its own: a copy vendored as a release does checks work with solutions/autograder
blocked, on the casebook beside it."""

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

OPTKIT = Path(__file__).resolve().parents[2] / "optkit"

SCRIPT = textwrap.dedent('''
    import sys

    class Refuse:
        """Make any import of the hidden packages fail, as on a student's machine."""
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"solutions", "autograder"}:
                raise ModuleNotFoundError(f"blocked: {name}", name=name)
            return None

    sys.meta_path.insert(0, Refuse())
    import numpy as np
    import optkit
    assert optkit.__file__.startswith(sys.argv[1]), optkit.__file__

    def initialize_velocity(parameters):
        return {"d" + k: np.zeros_like(p) for k, p in parameters.items()}

    def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
        for k in parameters:
            v["d" + k] = beta * v["d" + k] + (1 - beta) * grads["d" + k]
            parameters[k] = parameters[k] - learning_rate * v["d" + k]
        return parameters, v

    optkit.check("initialize_velocity", initialize_velocity)
    optkit.check("update_parameters_with_momentum", update_parameters_with_momentum)
    def forgot_v(parameters, grads, v, beta, learning_rate):
        return update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)[0]

    try:
        optkit.check("update_parameters_with_momentum", forgot_v)
    except optkit.CheckFailure as failure:
        print(*failure.mistakes)
    try:
        optkit.check("update_parameters_with_gd", update_parameters_with_momentum)
    except LookupError as error:
        print(error)
    blocked = [m for m in sys.modules if m.split(".")[0] in {"solutions", "autograder"}]
    print("hidden packages imported:", blocked)
''')


def test_a_vendored_optkit_checks_work_without_solutions_or_autograder(tmp_path):
    from autograder import casebook
    from autograder.release import vendor_optkit

    vendor_optkit(
        tmp_path, casebook.render(["initialize_velocity", "update_parameters_with_momentum"])
    )
    env = {key: value for key, value in os.environ.items() if key != "OPTKIT_CASEBOOK"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith("  Hidden tests")]
    assert lines[0].startswith("✓ initialize_velocity passed 3 public cases.")
    assert lines[1].startswith("✓ update_parameters_with_momentum passed 3 public cases.")
    assert lines[2] == "update_parameters_with_momentum:velocity_not_returned"
    assert lines[3].startswith(
        "this folder's optkit has no public cases for 'update_parameters_with_gd'"
    )
    assert lines[4] == "hidden packages imported: []"


def test_optkit_sources_import_only_numpy_matplotlib_the_standard_library_and_themselves():
    allowed = set(sys.stdlib_module_names) | {"numpy", "matplotlib", "mpl_toolkits"}
    for path in OPTKIT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            assert {name.split(".")[0] for name in names} <= allowed, (path.name, names)

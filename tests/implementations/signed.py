"""``signed(name, fn)``: a test's stand-in behind the contract's exact signature.

The checks hold every graded function to its contract's signature (names, order, defaults) and
call it by position, as the notebooks do; a test that writes a stand-in as ``fn(**kwargs)``
wraps it with this to be called the same way.
"""

from optkit.contracts import get_contract
from optkit.signatures import contract_params, render


def signed(name: str, fn):
    """A function ``name`` with the contract's signature that returns ``fn(**arguments)``."""
    contract = get_contract(name)
    names = list(contract.args) + list(contract.fills)
    namespace = {"fn": fn}
    exec(
        f"def {name}{render(contract_params(contract))}:\n"
        f"    return fn({', '.join(f'{arg}={arg}' for arg in names)})",
        namespace,
    )
    return namespace[name]

"""What each graded function promises (SPEC.md, stated once as data): arguments, outputs, tolerance.

A check reads the contract to hold the function to its signature (the argument names, their
order and their defaults: the notebooks call graded functions by position and leave defaulted
arguments out), to call it the way the notebooks do, to know which arguments it may change in
place (the parameters and the optimizer state; never the gradients or the data), to name the
returned items in its messages, and to choose how closely values must agree. A function may
also fill a list it is given (``model`` appends the cost of every epoch to ``costs``): the check
passes an empty list and grades what it holds afterwards, like a returned value.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

from .compare import Naming, Tolerance


@dataclass(frozen=True)
class Contract:
    """The contract of one graded function."""

    name: str
    assignment: str
    args: tuple[str, ...]
    returns: tuple[str, ...]  # one name: a single value; several: a tuple in this order
    may_modify: frozenset = frozenset()  # arguments the function may change in place
    defaults: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    rtol: float = 1e-5
    atol: float = 1e-8
    exact: bool = False  # values must be identical (e.g. shuffled data)
    naming: Naming = Naming()  # how to name the items of a returned list
    # Graded functions of earlier notebooks it calls by name (the student pastes them in): the
    # hidden check runs it with their references, the public check says to check them.
    uses: tuple[str, ...] = ()
    # Keyword-only list arguments the function fills (name -> what it holds), default None.
    fills: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    @property
    def protected(self) -> tuple[str, ...]:
        """Arguments that must be unchanged after the call."""
        return tuple(arg for arg in self.args if arg not in self.may_modify)

    @property
    def tolerance(self) -> Tolerance:
        return Tolerance(self.rtol, self.atol, self.exact)


def _contract(name, assignment, args, returns, may_modify=(), defaults=None, fills=None, **options):
    return Contract(
        name,
        assignment,
        tuple(args.split()),
        tuple(returns.split()),
        frozenset(may_modify.split() if isinstance(may_modify, str) else may_modify),
        MappingProxyType(dict(defaults or {})),
        fills=MappingProxyType(dict(fills or {})),
        **options,
    )


_UPDATE = "parameters grads"
_ALL = [
    _contract(
        "update_parameters_with_gd",
        "01_gradient_descent",
        f"{_UPDATE} learning_rate",
        "parameters",
        "parameters",
    ),
    _contract(
        "random_mini_batches",
        "02_mini_batches",
        "X Y mini_batch_size seed",
        "mini_batches",
        defaults={"mini_batch_size": 64, "seed": 0},
        exact=True,
        naming=Naming("mini-batch", ("X_batch", "Y_batch")),
    ),
    _contract("initialize_velocity", "03_momentum", "parameters", "v"),
    _contract(
        "update_parameters_with_momentum",
        "03_momentum",
        f"{_UPDATE} v beta learning_rate",
        "parameters v",
        "parameters v",
    ),
    _contract("initialize_adagrad", "04_adaptive_methods", "parameters", "G"),
    _contract(
        "update_parameters_with_adagrad",
        "04_adaptive_methods",
        f"{_UPDATE} G learning_rate epsilon",
        "parameters G",
        "parameters G",
        defaults={"learning_rate": 0.01, "epsilon": 1e-8},
    ),
    _contract("initialize_rmsprop", "04_adaptive_methods", "parameters", "s"),
    _contract(
        "update_parameters_with_rmsprop",
        "04_adaptive_methods",
        f"{_UPDATE} s beta learning_rate epsilon",
        "parameters s",
        "parameters s",
        defaults={"beta": 0.9, "learning_rate": 0.01, "epsilon": 1e-8},
    ),
    _contract("initialize_adam", "04_adaptive_methods", "parameters", "v s"),
    _contract(
        "update_parameters_with_adam",
        "04_adaptive_methods",
        f"{_UPDATE} v s t learning_rate beta1 beta2 epsilon",
        "parameters v s v_corrected s_corrected",
        "parameters v s",
        defaults={"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
    ),
    _contract(
        "update_lr",
        "05_learning_rate_decay",
        "learning_rate0 epoch_num decay_rate",
        "learning_rate",
    ),
    _contract(
        "schedule_lr_decay",
        "05_learning_rate_decay",
        "learning_rate0 epoch_num decay_rate time_interval",
        "learning_rate",
        defaults={"time_interval": 1000},
    ),
    _contract(
        "step_decay",
        "05_learning_rate_decay",
        "learning_rate0 epoch_num drop epochs_drop",
        "learning_rate",
        defaults={"drop": 0.5, "epochs_drop": 10},
    ),
    _contract(
        "exponential_decay",
        "05_learning_rate_decay",
        "learning_rate0 epoch_num decay",
        "learning_rate",
        defaults={"decay": 0.95},
    ),
    _contract(
        "cosine_decay",
        "05_learning_rate_decay",
        "learning_rate0 epoch_num total_epochs",
        "learning_rate",
    ),
    _contract(
        "warmup_linear_decay",
        "05_learning_rate_decay",
        "learning_rate0 epoch_num warmup_epochs total_epochs",
        "learning_rate",
        defaults={"warmup_epochs": 5, "total_epochs": 100},
    ),
    # Thousands of steps let harmless rounding differences (in-place vs rebinding) grow a little.
    _contract(
        "model",
        "06_training",
        "X Y layers_dims optimizer learning_rate mini_batch_size beta beta1 beta2 epsilon "
        "num_epochs print_cost decay decay_rate",
        "parameters",
        defaults={
            "learning_rate": 0.0007,
            "mini_batch_size": 64,
            "beta": 0.9,
            "beta1": 0.9,
            "beta2": 0.999,
            "epsilon": 1e-8,
            "num_epochs": 5000,
            "print_cost": True,
            "decay": None,
            "decay_rate": 1,
        },
        rtol=1e-4,
        atol=1e-7,
        fills={"costs": "the mean cost of every epoch (the learning curve)"},
        uses=(
            "random_mini_batches",
            "update_parameters_with_gd",
            "initialize_velocity",
            "update_parameters_with_momentum",
            "initialize_adam",
            "update_parameters_with_adam",
        ),
    ),
    # Clipping returns the gradients, so scaling them in place is a correct way to do it.
    _contract("clip_gradients", "07_robust_training", "grads max_norm", "grads", "grads"),
    # The noisy gradients too; drawing from default_rng(seed) makes every call reproducible.
    _contract(
        "add_gradient_noise",
        "07_robust_training",
        "grads t eta gamma seed",
        "grads",
        "grads",
        defaults={"eta": 0.3, "gamma": 0.55, "seed": 0},
    ),
    # Returns (bool, int): a bool must be equal, and epochs are integers far below 1 / rtol.
    _contract(
        "early_stopping",
        "07_robust_training",
        "val_losses patience min_delta",
        "stop best_epoch",
        defaults={"patience": 5, "min_delta": 0.0},
    ),
    # 08_beyond_gradients: pure functions of pre-drawn data; winners are integer indices,
    # which the comparison checks exactly whatever the tolerance.
    _contract("rank_weights", "08_beyond_gradients", "fitness", "weights"),
    _contract("acceptance_probability", "08_beyond_gradients", "delta temperature", "probability"),
    _contract("tournament_selection", "08_beyond_gradients", "fitness contestants", "winners"),
    # 09_landscape_and_initialization. classify_critical_point returns one of the strings
    # "minimum", "maximum", "saddle", "degenerate": eigenvalue i of the symmetric Hessian counts as
    # zero when |lambda_i| <= tol * max_j |lambda_j|; mixed signs make a saddle (zeros or not),
    # else any zero makes "degenerate", else all > 0 a minimum and all < 0 a maximum.
    _contract(
        "classify_critical_point",
        "09_landscape_and_initialization",
        "hessian tol",
        "kind",
        defaults={"tol": 1e-6},
    ),
    # rng = np.random.default_rng(seed) once; for l = 1..L in order:
    # Wl = scale * rng.standard_normal((n_l, n_{l-1})), bl = zeros((n_l, 1)), with scale 0
    # ("zeros"), 0.01 ("random"), sqrt(2 / (n_{l-1} + n_l)) ("xavier"), sqrt(2 / n_{l-1}) ("he").
    _contract(
        "initialize_parameters",
        "09_landscape_and_initialization",
        "layers_dims method seed",
        "parameters",
        defaults={"seed": 0},
    ),
    # For every key k of grads: grads[k] / (sqrt(s[k]) + epsilon), arrays shaped like grads[k]
    # (s: same keys and shapes, entries >= 0). Neither grads nor s may change.
    _contract(
        "precondition_gradients",
        "09_landscape_and_initialization",
        "grads s epsilon",
        "preconditioned",
        defaults={"epsilon": 1e-8},
    ),
]

CONTRACTS: dict[str, Contract] = {contract.name: contract for contract in _ALL}


def get_contract(name: str) -> Contract:
    """The contract of graded function ``name``; a clear error for an unknown name."""
    try:
        return CONTRACTS[name]
    except KeyError:
        known = ", ".join(sorted(CONTRACTS))
        raise KeyError(f"no graded function is called {name!r}; known: {known}") from None

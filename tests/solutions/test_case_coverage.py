"""Every behaviour the hidden cases test has a public case, so the public check can show it.

A hidden case's kind (``solutions.cases.features``: the defaults it leaves out, an optimizer with
or without a schedule, a first step, ties, ...) must be the kind of some public case, and its
traits (float32 values, numpy scalars) must appear among the public cases -- for the default
grading seed and for others an instructor may choose (``OPTIM_HIDDEN_SEED``).
"""

import pytest

from autograder.hidden_checks import DEFAULT_SEED, hidden_rng
from solutions.cases import features, functions_with_cases, hidden_cases, public_cases

SEEDS = [DEFAULT_SEED] + list(range(12))


@pytest.mark.parametrize("name", functions_with_cases())
def test_every_hidden_kind_and_trait_has_a_public_case(name):
    public = [features(name, case) for case in public_cases(name)]
    kinds = {found.kind for found in public}
    traits = frozenset().union(*(found.traits for found in public))
    for seed in SEEDS:
        for case in hidden_cases(name, hidden_rng(name, seed)):
            found = features(name, case)
            assert found.kind in kinds, (seed, case.label, found.kind, sorted(kinds))
            assert found.traits <= traits, (seed, case.label, found.traits - traits)

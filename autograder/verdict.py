"""`verdict`: decide every test cell's points on the trusted side, from what the sandbox recorded.

The sandbox hands back, per test cell, what the student's function returned on each case (and
the protected inputs after the call) as plain data. Here, and only here, the reference
solutions compute the expected observations on the same inputs, the check engine of ``optkit``
compares them with the contract's tolerance, and the mistake catalog is run to name a slip.
A test cell earns its points when every case agrees; a missing, unreadable, incomplete or
refused record earns nothing, with a message saying why. The message is the one the student's
own check prints (public cases show expected values, hidden ones never do).
"""

import inspect
import threading
from dataclasses import dataclass, field

import nbformat

from optkit.contracts import get_contract
from optkit.messages import fit
from optkit.public_checks import PASS_LINE
from optkit.runner import JudgedCase, Observation, expected_observation, signature_failure
from optkit.runner import verdict as judge_cases
from optkit.serialization import NAMED_FUNCTIONS
from optkit.signatures import from_plain
from solutions import reference
from solutions.cases import public_cases

from .grade_id import GradeId
from .hidden_checks import hidden_judged_cases, mistake_candidates, signature_candidates
from .test_cells import TestCell
from .untrusted import plain_data

ORACLE_REFERENCE = "reference:"


@dataclass(frozen=True)
class Verdict:
    """The trusted outcome of one test cell: its points and what the student reads."""

    grade_id: str
    points: float
    max_points: float
    message: str  # the pass line, or the failure's message
    ename: str = ""  # "" when it passed
    traceback: tuple[str, ...] = ()
    mistake: str = ""  # "function:key" of a diagnosed mistake

    @property
    def passed(self) -> bool:
        return not self.ename

    @property
    def first_line(self) -> str:
        return "" if self.passed else f"{self.ename}: {self.message.splitlines()[0]}"[:300]

    def outputs(self) -> list:
        """The cell's outputs in the autograded notebook (and so in the feedback), laid out
        for an 80-column reader like the student's own check."""
        if self.passed:
            return [nbformat.v4.new_output("stream", name="stdout", text=self.message + "\n")]
        shown = fit(self.message)
        return [
            nbformat.v4.new_output(
                "error",
                ename=self.ename,
                evalue=shown,
                traceback=list(self.traceback or shown.splitlines()),
            )
        ]


@dataclass
class Judge:
    """The checks of one assignment, with their cases, expectations and mistakes, computed once
    per grading run and shared by every submission (thread-safe)."""

    tests: list[TestCell]
    seed: int | None = None
    _cases: dict = field(default_factory=dict)
    _candidates: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.by_id = {test.grade_id: test for test in self.tests}
        self.functions = {}  # name -> trusted callable, for functions in cases
        for test in self.tests:
            for case in self.cases(test):
                for value in case.inputs.values():
                    if callable(value):
                        self.functions[function_name(value)] = value

    # ---------------------------------------------------------------- what the sandbox gets

    def cases(self, test: TestCell) -> list[JudgedCase]:
        with self._lock:
            if test.grade_id not in self._cases:
                self._cases[test.grade_id] = (
                    hidden_judged_cases(test.function, seed=self.seed)
                    if test.kind == "hidden"
                    else public_judged_cases(test.function)
                )
            return self._cases[test.grade_id]

    def sandbox_spec(self, test: TestCell) -> dict:
        """The cases file of a test cell: inputs only, never an expected value."""
        contract = get_contract(test.function)
        names = {function: name for name, function in self.functions.items()}
        spec = {
            "function": test.function,
            "kind": test.kind,
            "args": list(contract.args),
            "protected": list(contract.protected),
            "fills": list(contract.fills),
            "cases": [plain_data.encode(case.inputs, functions=names) for case in self.cases(test)],
            "styles": [case.style for case in self.cases(test)],
            "functions": {
                name: _where(name, function) for name, function in self.functions.items()
            },
        }
        if test.kind == "hidden" and contract.uses:
            spec["uses"] = {name: parameters(reference(name)) for name in contract.uses}
        if test.kind == "public" and contract.uses:
            # The student's own earlier functions are recorded on their public cases too, so
            # that a failure of this check can say whether they pass.
            spec["earlier"] = {
                name: self.sandbox_spec(_earlier_test(name)) for name in contract.uses
            }
        return spec

    def oracle_names(self) -> list[str]:
        """What the oracle must answer for this assignment ([] when no oracle is needed)."""
        names = [
            name
            for name, where in ((n, _where(n, f)) for n, f in self.functions.items())
            if "oracle" in where
        ]
        for test in self.tests:
            if test.kind == "hidden":
                names += [ORACLE_REFERENCE + name for name in get_contract(test.function).uses]
        return sorted(set(names))

    # ---------------------------------------------------------------- deciding

    def candidates(self, test: TestCell):
        with self._lock:
            cached = self._candidates.get(test.grade_id)
        if cached is None:
            cached = mistake_candidates(test.function, self.cases(test))
            with self._lock:
                self._candidates[test.grade_id] = cached
        return cached

    def verdict(self, test: TestCell, record: dict | None, why_missing: str = "") -> Verdict:
        """The points and message of ``test`` given its record (None: it did not run)."""
        try:
            return self._decide(test, record, why_missing)
        except plain_data.PlainDataError as error:
            return _failed(
                test,
                "CheckFailure",
                f"✗ {test.function}: the record of this check "
                f"cannot be read ({error}); it earns no points",
            )
        except Exception as error:  # whatever a record holds, grading goes on
            return _failed(
                test,
                "CheckFailure",
                f"✗ {test.function}: the record of this check "
                f"cannot be judged ({type(error).__name__}); it earns no points",
            )

    def _decide(self, test, record, why_missing, *, named=True) -> Verdict:
        """``named=False`` skips naming mistakes (an earlier function's finding needs no name)."""
        name, cases = test.function, self.cases(test)
        contract = get_contract(name)
        if record is None:
            return _failed(
                test,
                "CheckFailure",
                f"✗ {name}: this check did not run{why_missing}, so it earns no points",
            )
        if "not_callable" in record:
            return _failed(
                test,
                "TypeError",
                f"pass the function itself, without calling it: "
                f"check({name!r}, {name}); got {str(record['not_callable'])[:100]}",
            )
        signature = record.get("signature")
        params = (
            from_plain(signature.get("parameters"), plain_data.decode)
            if isinstance(signature, dict)
            else None
        )
        wrong = signature_failure(
            contract, params, lambda: signature_candidates(name) if named else []
        )
        if wrong:
            return _failed(test, "CheckFailure", wrong.message, mistakes=wrong.mistakes)
        recorded = _list(record.get("observations"))
        if len(recorded) > len(cases):
            raise plain_data.PlainDataError("more observations than cases")
        observations = [self._observation(item, case) for item, case in zip(recorded, cases)]
        for number, observation in enumerate(observations):
            refused = plain_data.contains_refused([observation.returned, observation.inputs_after])
            if refused:
                return _failed(
                    test,
                    "CheckFailure",
                    f"✗ {name} returned {refused} in "
                    f"{test.kind} case {number + 1} of {len(cases)}: return plain "
                    "numbers, lists, tuples, dicts and numpy arrays",
                )
        if "raised" in record:
            return self._raised(test, cases, record["raised"], len(observations))
        if "unrecordable" in record:
            return _failed(
                test,
                "CheckFailure",
                f"✗ {name}: what it returned cannot be graded "
                f"({str(record['unrecordable'])[:300]})",
            )
        if len(observations) != len(cases):
            return _failed(
                test,
                "CheckFailure",
                f"✗ {name}: the check stopped after "
                f"{len(observations)} of {len(cases)} {test.kind} cases{why_missing}",
            )
        failure = judge_cases(
            contract,
            cases,
            observations,
            test.kind,
            lambda: self.candidates(test) if named else [],
            reveal=test.kind == "public",
            earlier=(lambda: self._earlier_findings(contract, record))
            if test.kind == "public"
            else None,
        )
        if failure:
            return _failed(test, "CheckFailure", failure.message, mistakes=failure.mistakes)
        line = (
            PASS_LINE.format(name=name, count=len(cases))
            if test.kind == "public"
            else f"✓ {name} passed {len(cases)} hidden cases."
        )
        return Verdict(test.grade_id, test.points, test.points, line)

    def _earlier_findings(self, contract, record) -> dict:
        """name -> None or the first line of the public check of each earlier function, judged
        from what the sandbox recorded of the student's own versions."""
        recorded = record.get("earlier") if isinstance(record.get("earlier"), dict) else {}
        findings = {}
        for name in contract.uses:
            sub = recorded.get(name)
            if not isinstance(sub, dict):
                findings[name] = "was not checked"
            elif sub.get("missing"):
                findings[name] = f"{name} is not defined"
            else:
                found = self.verdict_quietly(_earlier_test(name), sub)
                findings[name] = (
                    None
                    if found.passed
                    else (
                        found.message.splitlines()[0]
                        if found.ename == "CheckFailure"
                        else f"raises {found.ename}: {found.message.splitlines()[0][:200]}"
                    )
                )
        return findings

    def verdict_quietly(self, test: TestCell, record: dict) -> Verdict:
        """The verdict without naming a mistake (for a finding, not a grade)."""
        try:
            return self._decide(test, record, "", named=False)
        except Exception as error:
            return _failed(
                test, "CheckFailure", f"its record cannot be judged ({type(error).__name__})"
            )

    def _observation(self, item, case: JudgedCase) -> Observation:
        decoded = plain_data.decode(item, functions=self.functions)
        if not (
            isinstance(decoded, dict)
            and set(decoded) == {"returned", "inputs_after"}
            and isinstance(decoded["inputs_after"], dict)
            and set(decoded["inputs_after"]) == set(case.expected.inputs_after)
        ):
            raise plain_data.PlainDataError("an observation is not what the recorder writes")
        return Observation(decoded["returned"], decoded["inputs_after"])

    def _raised(self, test, cases, raised, finished) -> Verdict:
        raised = raised if isinstance(raised, dict) else {}
        number = finished + 1
        label = cases[finished].label if finished < len(cases) else "?"
        ename = (
            "".join(ch for ch in str(raised.get("type", "Exception")) if ch.isalnum() or ch == "_")[
                :80
            ]
            or "Exception"
        )
        message = str(raised.get("message", ""))[:2000]
        lines = [str(line)[:500] for line in _list(raised.get("traceback"))[:60]]
        note = f"(raised by {test.function} in {test.kind} case {number} of {len(cases)}: {label})"
        return Verdict(
            test.grade_id,
            0.0,
            test.points,
            f"{message}\n{note}",
            ename,
            tuple(lines + fit(note).splitlines()),
        )


def public_judged_cases(name: str) -> list[JudgedCase]:
    """The public cases of ``name`` (those of the student's casebook) with their expectations."""
    contract = get_contract(name)
    return [
        JudgedCase(
            case.label,
            case.kwargs,
            expected_observation(contract, reference(name), case.kwargs),
            case.style,
        )
        for case in public_cases(name)
    ]


def _earlier_test(name: str) -> TestCell:
    """The public check of an earlier function, as run inside another check (no points)."""
    return TestCell(GradeId(name, "public"), name, 0.0)


def function_name(function) -> str:
    """How a function passed in a case is named across the wall."""
    for key, known in NAMED_FUNCTIONS.items():
        if function is known:
            return f"optkit.serialization:{key}"
    return f"{function.__module__}:{function.__qualname__}"


def parameters(function) -> list:
    """A function's parameters as plain data: [name, encoded default or absent]."""
    listed = []
    for parameter in inspect.signature(function).parameters.values():
        entry = [parameter.name]
        if parameter.default is not inspect.Parameter.empty:
            entry.append(plain_data.encode(parameter.default))
        listed.append(entry)
    return listed


def _where(name: str, function) -> dict:
    """A shipped optkit function runs in the sandbox; any other is asked of the oracle."""
    if name.startswith("optkit."):
        return {"local": name}
    return {"oracle": parameters(function)}


def _failed(test: TestCell, ename: str, message: str, *, mistakes: tuple = ()) -> Verdict:
    return Verdict(
        test.grade_id, 0.0, test.points, message, ename, mistake=mistakes[0] if mistakes else ""
    )


def _list(value) -> list:
    return value if isinstance(value, list) else []

"""`execution`: run prepared submissions in this machine's sandbox (local grading).

`grade` hands each prepared job (a ``prepare.write_job`` folder) to an execution and gets its
``SandboxRun`` back; ``cluster.ClusterExecution`` is the same thing on a Dask cluster.
"""

from pathlib import Path

from .oracle import OracleProcess
from .sandbox import RunInputs, Sandbox, SandboxRun, claimed_slot, font_cache


class LocalExecution:
    """Sandboxed runs on this machine, each in a job slot no other run here holds."""

    def __init__(self, sandbox: Sandbox, release: Path, cases: Path, oracle_names: list[str]):
        self.sandbox, self.release, self.cases = sandbox, release, cases
        self.oracle_names = oracle_names
        self.font_cache = font_cache()

    def execute(self, job: Path, label: str) -> SandboxRun:
        inputs = RunInputs(
            job=job, release=self.release, cases=self.cases, font_cache=self.font_cache
        )
        with claimed_slot() as slot:
            if not self.oracle_names:
                return self.sandbox.run(inputs, slot)
            with OracleProcess(self.oracle_names, job) as socket:
                inputs.oracle_socket = socket
                return self.sandbox.run(inputs, slot)

    def close(self) -> None:
        pass

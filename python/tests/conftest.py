"""Shared helpers of the Python tests: the CLI binary, exact and tolerant comparison."""

from __future__ import annotations

import math
import os
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
"""The repository root."""

TOL = 1e-9
"""The project's tolerance against reference tools (tests/common/mod.rs `close`):
absolute below 1, relative above."""


def close(a: float, b: float, tol: float = TOL) -> bool:
    """`a` equals `b` within `tol` (absolute below 1, relative above); NaN equals NaN."""
    if math.isnan(a) and math.isnan(b):
        return True
    return a == b or abs(a - b) <= tol * max(abs(b), 1.0)


def bits(x: float) -> bytes:
    """The IEEE 754 bits of `x` with -0 read as 0 (coprod's CSV writes -0 as 0)
    and every NaN as one (the CSV writes an empty cell)."""
    if math.isnan(x):
        return b"nan"
    return struct.pack("<d", x + 0.0)


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `coprod` binary of this checkout (built if missing; COPROD_BIN overrides)."""
    env = os.environ.get("COPROD_BIN")
    path = Path(env) if env else ROOT / "target" / "release" / "coprod"
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--bin", "coprod"], cwd=ROOT, check=True)
    return path


def run_cli(cli: Path, *args: str) -> str:
    """The standard output of `coprod ARGS` (fails the test on a non-zero exit)."""
    r = subprocess.run([str(cli), *args], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, f"coprod {' '.join(args)}: {r.stderr}"
    return r.stdout

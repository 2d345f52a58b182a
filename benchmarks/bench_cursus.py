"""Benchmark: how long does each notebook (workbook and solutions) take, top to bottom, in a fresh kernel?

Run on demand from the project root:  python benchmarks/bench_cursus.py
Target: notebooks 00-04 together (workbook + solutions) in at most 60 s on a 2-core machine.
Uses the same execution as tests/test_notebooks.py (nbclient, kernel python3, the notebook's folder as cwd).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_notebooks import ALLE, NOTEBOOKS, execute

DOEL_SECONDEN = 60.0
DOEL_NOTEBOOKS = ("00", "01", "02", "03", "04")


def main() -> None:
    tijden: dict[Path, float] = {}
    for pad in ALLE:
        start = time.perf_counter()
        execute(pad)
        tijden[pad] = time.perf_counter() - start
        print(f"{pad.relative_to(NOTEBOOKS)!s:45s} {tijden[pad]:6.1f} s", flush=True)
    totaal = sum(tijden.values())
    doel = sum(t for p, t in tijden.items() if p.name[:2] in DOEL_NOTEBOOKS)
    print(f"{'totaal':45s} {totaal:6.1f} s")
    status = "binnen" if doel <= DOEL_SECONDEN else "BOVEN"
    print(f"{'00-04 (doel <= 60 s)':45s} {doel:6.1f} s  ({status} het doel)")


if __name__ == "__main__":
    main()

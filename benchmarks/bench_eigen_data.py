"""Benchmark: how long lees_export takes on a large till export, and naar_excel / naar_csv on a long list.

Run on demand (not part of pytest):

    python benchmarks/bench_eigen_data.py            # 1,000,000 rows
    python benchmarks/bench_eigen_data.py 200000
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.eigen_data import lees_export
from helpers.export import naar_csv, naar_excel


def make_export(path: Path, rows: int, seed: int = 1) -> None:
    """A Belgian till export (';', decimal comma, dd/mm/yyyy hh:mm) with 5% € signs and anonymous rows."""
    rng = np.random.default_rng(seed)
    moments = pd.Timestamp("2023-01-01") + pd.to_timedelta(
        rng.integers(0, 3 * 365 * 24 * 60, rows), unit="min"
    )
    customer = "K" + pd.Series(rng.integers(1, 20_000, rows)).astype(str)
    tickets = pd.DataFrame(
        {
            "Bonnummer": np.arange(1, rows + 1).astype(str),
            "Datum": moments,
            "Klantnummer": customer.where(rng.random(rows) > 0.3),
            "Totaal": rng.integers(-5_000, 50_000, rows) / 100,
        }
    )
    naar_csv(tickets, path)
    text = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    euro = rng.random(rows) < 0.05
    text["Totaal"] = text["Totaal"].where(~euro, "€ " + text["Totaal"])
    text.to_csv(path, sep=";", index=False)


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        make_export(path, rows)
        size = path.stat().st_size / 1e6
        start = time.perf_counter()
        imp = lees_export(path, peildatum="2025-12-31")
        seconds = time.perf_counter() - start
        print(f"lees_export: {rows:,} rows ({size:.1f} MB) in {seconds:.1f} s = {rows / seconds:,.0f} rows/s")
        print(f"  {imp.samenvatting()}")

        sample = imp.tickets.head(100_000)
        start = time.perf_counter()
        naar_excel(sample, Path(folder) / "lijst.xlsx")
        print(f"naar_excel: {len(sample):,} rows in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        naar_csv(sample, Path(folder) / "lijst.csv")
        print(f"naar_csv: {len(sample):,} rows in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)

"""Benchmark: lees_export on large till exports, and naar_excel / naar_csv on a long list.

Run on demand (not part of pytest); it prints figures, the goals are in the README's speed table:

    python benchmarks/bench_eigen_data.py            # 1,000,000 rows
    python benchmarks/bench_eigen_data.py 200000

Each file is read in a fresh Python process, so the peak memory (maximum resident set size of that
process, imports included) belongs to lees_export alone. Files:

- the Belgian till export (';', decimal comma, dd/mm/yyyy hh:mm, 5% € signs, 30% anonymous): goal
  <= 8 s and <= 1 GiB peak for 1,000,000 rows;
- the same export with every field between quotes (still split by pyarrow);
- the same export with a remark column between quotes holding the separator (read by the csv module);
- the first 100,000 rows with CR-only line endings (old Mac): goal <= 2 s;
- the first 100,000 rows with CR CR LF line endings.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def make_export(path: Path, rows: int, seed: int = 1) -> None:
    """A Belgian till export (';', decimal comma, dd/mm/yyyy hh:mm) with 5% € signs and anonymous rows."""
    rng = np.random.default_rng(seed)
    moments = pd.Timestamp("2023-01-01") + pd.to_timedelta(
        rng.integers(0, 3 * 365 * 24 * 60, rows), unit="min"
    )
    cents = rng.integers(-5_000, 50_000, rows)
    amounts = pd.Series(cents / 100).map("{:.2f}".format).str.replace(".", ",", regex=False)
    euro = rng.random(rows) < 0.05
    customer = "K" + pd.Series(rng.integers(1, 20_000, rows)).astype(str)
    table = pd.DataFrame(
        {
            "Bonnummer": np.arange(1, rows + 1).astype(str),
            "Datum": moments.strftime("%d/%m/%Y %H:%M"),
            "Klantnummer": customer.where(rng.random(rows) > 0.3, ""),
            "Totaal": amounts.where(~euro, "€ " + amounts),
        }
    )
    table.to_csv(path, sep=";", index=False, lineterminator="\r\n", encoding="utf-8")


def variants(path: Path, folder: Path, rows: int) -> dict[str, Path]:
    """The export as it is, fully quoted, and (first 100,000 rows) with CR and CR CR LF line endings."""
    lines = path.read_bytes().split(b"\r\n")[:-1]
    quoted = folder / "quoted.csv"
    quoted.write_bytes(
        b"\r\n".join(b";".join(b'"' + f + b'"' for f in line.split(b";")) for line in lines) + b"\r\n"
    )
    remark = folder / "remark.csv"
    remark.write_bytes(
        b"\r\n".join([lines[0] + b";Omschrijving"] + [line + b';"Jas; rood"' for line in lines[1:]]) + b"\r\n"
    )
    small = lines[: min(rows, 100_000) + 1]
    cr, crcrlf = folder / "cr.csv", folder / "crcrlf.csv"
    cr.write_bytes(b"\r".join(small) + b"\r")
    crcrlf.write_bytes(b"\r\r\n".join(small) + b"\r\r\n")
    return {
        f"{rows:_} rows": path,
        f"{rows:_} rows, every field quoted": quoted,
        f"{rows:_} rows, a quoted remark with ';' (csv module)": remark,
        f"{len(small) - 1:_} rows, CR only": cr,
        f"{len(small) - 1:_} rows, CR CR LF": crcrlf,
    }


def _peak_mib() -> float:
    """The peak resident memory of this process (VmHWM; unlike ru_maxrss not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: str) -> None:
    """(In the child process) read one file and print seconds, peak memory and the summary as JSON."""
    from helpers.eigen_data import lees_export

    base = _peak_mib()
    start, cpu = time.perf_counter(), time.process_time()
    imp = lees_export(path, peildatum="2025-12-31")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    figures = {"seconds": seconds, "cpu": cpu, "peak_mib": _peak_mib(), "base_mib": base}
    print(json.dumps({**figures, **imp.samenvatting()}))


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "export.csv"
        make_export(path, rows)
        for label, file in variants(path, folder, rows).items():
            out = subprocess.run(
                [sys.executable, __file__, "--measure", str(file)], capture_output=True, text=True, check=True
            )
            r = json.loads(out.stdout)
            size = file.stat().st_size / 1e6
            print(
                f"lees_export, {label} ({size:.1f} MB): {r['seconds']:.2f} s ({r['cpu']:.2f} s CPU), "
                f"peak {r['peak_mib']:.0f} MiB (of which {r['base_mib']:.0f} MiB Python and imports); "
                f"{r['behouden']} kept, {r['hersteld']} repaired, {r['geweigerd']} refused"
            )

        from helpers.eigen_data import lees_export
        from helpers.export import naar_csv, naar_excel

        sample = lees_export(path, peildatum="2025-12-31").tickets.head(100_000)
        start = time.perf_counter()
        naar_excel(sample, folder / "lijst.xlsx")
        print(f"naar_excel: {len(sample):,} rows in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        naar_csv(sample, folder / "lijst.csv")
        print(f"naar_csv: {len(sample):,} rows in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(sys.argv[2])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)

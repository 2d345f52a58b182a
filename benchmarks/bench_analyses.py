"""Benchmark: rfm_tabel, A/B/C, cohort_tabel and kengetallen_per_periode versus a plain pandas groupby.

Run on demand (not part of pytest):

    python benchmarks/bench_analyses.py                      # 100k, 1M and 10M rows
    python benchmarks/bench_analyses.py --rijen 100000       # one size
    python benchmarks/bench_analyses.py --ids tekst          # customer ids as text ("K0000123")
    python benchmarks/bench_analyses.py --ids categorie      # ... as a pandas category
    python benchmarks/bench_analyses.py --herhaal 3          # best of 3 per cell (busy machine)

Synthetic transaction log, numpy-generated: ~1 customer per 10 rows, 3 years of timestamps
(2023-2025), 20% anonymous tickets, 8% returns (negative amounts). Every case runs in its own
subprocess: the data is generated first, then the peak RSS is reset (/proc/self/clear_refs) and
the case is timed (wall clock and CPU time of the process: on a shared, busy machine the CPU time
is the steadier figure); "extra memory" is the peak RSS during the case minus the RSS before it.
Targets (2-core machine): 10M rows <= 2 s and <= 2 GiB extra per function.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd

PEILDATUM = pd.Timestamp("2025-12-31")


def maak_tickets(rijen: int, ids: str = "geheel", seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    klanten = max(rijen // 10, 1)
    klant = rng.integers(0, klanten, rijen)
    anoniem = rng.random(rijen) < 0.2
    start = np.datetime64("2023-01-01T00:00:00", "s").astype("datetime64[us]")
    seconden = rng.integers(0, 3 * 365 * 86_400, rijen).astype("timedelta64[s]")
    bedrag = np.round(rng.lognormal(4.0, 0.8, rijen), 2) * np.where(rng.random(rijen) < 0.08, -1, 1)
    if ids == "geheel":
        klant_id = pd.Series(pd.arrays.IntegerArray(klant, anoniem))
    else:
        namen = pd.array([f"K{i:07d}" for i in range(klanten)], dtype="str")
        klant_id = pd.Series(namen.take(klant)).where(~anoniem)
        klant_id = klant_id.astype("category") if ids == "categorie" else klant_id
    return pd.DataFrame({"klant_id": klant_id, "datum": start + seconden, "bedrag": bedrag})


# ---------------------------------------------------------------- plain pandas references
def ref_rfm(t: pd.DataFrame) -> pd.DataFrame:
    bekend = t[t["klant_id"].notna()]
    koop = bekend[bekend["bedrag"] > 0]
    dagen = koop["datum"].dt.normalize().groupby(koop["klant_id"])
    tabel = pd.DataFrame(
        {
            "frequentie": dagen.nunique(),
            "eerste_aankoop": dagen.min(),
            "laatste_aankoop": dagen.max(),
        }
    )
    tabel["recency"] = (PEILDATUM - tabel["laatste_aankoop"]).dt.days
    tabel["monetair"] = bekend.groupby("klant_id")["bedrag"].sum()
    return tabel


def ref_abc(t: pd.DataFrame) -> pd.Series:
    totaal = t.groupby("klant_id")["bedrag"].sum().clip(lower=0).sort_values(ascending=False)
    voor = (totaal.cumsum() - totaal) / totaal.sum()
    return pd.Series(np.select([voor < 0.8, voor < 0.95], ["A", "B"], "C"), index=totaal.index)


def ref_cohort(t: pd.DataFrame) -> pd.DataFrame:
    koop = t[t["klant_id"].notna() & (t["bedrag"] > 0)]
    maand = koop["datum"].dt.year * 12 + koop["datum"].dt.month - 1
    paren = pd.DataFrame({"klant": koop["klant_id"], "maand": maand}).drop_duplicates()
    paren["cohort"] = paren.groupby("klant")["maand"].transform("min")
    paren["afstand"] = paren["maand"] - paren["cohort"]
    tel = paren.pivot_table(index="cohort", columns="afstand", values="klant", aggfunc="size", fill_value=0)
    return tel.div(tel[0], axis=0)


def _rfm(t: pd.DataFrame) -> object:
    from helpers.rfm import rfm_tabel

    return rfm_tabel(t, PEILDATUM)


def _abc(t: pd.DataFrame) -> object:
    from helpers.abc import abc_klassen

    return abc_klassen(t.groupby("klant_id")["bedrag"].sum())


def _cohort(t: pd.DataFrame) -> object:
    from helpers.trouw import cohort_tabel

    return cohort_tabel(t, PEILDATUM, periode="M")


def _kengetallen(t: pd.DataFrame) -> object:
    from helpers.kpi import kengetallen_per_periode

    return kengetallen_per_periode(t, per="maand")


GEVALLEN = {
    "rfm.rfm_tabel": _rfm,
    "rfm: pandas groupby": ref_rfm,
    "abc.abc_klassen(klanttotalen)": _abc,
    "abc: pandas groupby": ref_abc,
    "trouw.cohort_tabel (M)": _cohort,
    "cohort: pandas groupby": ref_cohort,
    "kpi.kengetallen_per_periode (maand)": _kengetallen,
}


def _geheugen() -> dict[str, int]:
    """VmRSS en VmHWM (piek) van dit proces in KiB."""
    waarden = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for regel in status:
            if regel.startswith(("VmRSS", "VmHWM")):
                naam, waarde = regel.split(":")
                waarden[naam] = int(waarde.split()[0])
    return waarden


def meet(geval: str, rijen: int, ids: str) -> dict[str, float]:
    """Draai één geval in dit proces: kloktijd en processortijd (s), extra piekgeheugen (MiB)."""
    functie = GEVALLEN[geval]
    tickets = maak_tickets(rijen, ids)
    functie(maak_tickets(1000, ids))  # imports and first-call overhead outside the timing
    with open("/proc/self/clear_refs", "w", encoding="ascii") as piek:
        piek.write("5")  # reset VmHWM to the current RSS
    voor = _geheugen()["VmRSS"]
    begin, cpu = time.perf_counter(), time.process_time()
    functie(tickets)
    duur, cpu = time.perf_counter() - begin, time.process_time() - cpu
    return {"seconden": duur, "cpu": cpu, "extra_mib": (_geheugen()["VmHWM"] - voor) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--ids", choices=["geheel", "tekst", "categorie"], default="geheel")
    parser.add_argument("--herhaal", type=int, default=1, help="metingen per cel; de snelste telt")
    parser.add_argument("--geval", help=argparse.SUPPRESS)  # intern: één meting in een subproces
    args = parser.parse_args()
    if args.geval:
        print(json.dumps(meet(args.geval, args.rijen[0], args.ids)))  # the only line on stdout
        return
    print(f"klant-id: {args.ids}; kloktijd / processortijd in seconden, extra piekgeheugen in MiB (RSS)\n")
    print(f"{'geval':32} " + " ".join(f"{n:>26,}" for n in args.rijen))
    for geval in GEVALLEN:
        cellen = []
        for rijen in args.rijen:
            opdracht = [sys.executable, __file__, "--geval", geval, "--rijen", str(rijen), "--ids", args.ids]
            metingen = [
                json.loads(subprocess.run(opdracht, capture_output=True, text=True, check=True).stdout)
                for _ in range(args.herhaal)
            ]
            tijd, cpu, extra = (min(m[k] for m in metingen) for k in ("seconden", "cpu", "extra_mib"))
            cellen.append(f"{tijd:6.2f} / {cpu:5.2f} s {extra:6.0f} MiB")
        print(f"{geval:36} " + " ".join(f"{c:>26}" for c in cellen), flush=True)


if __name__ == "__main__":
    main()

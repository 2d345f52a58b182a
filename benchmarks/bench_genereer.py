"""Benchmark van de generator: tijd en piekgeheugen per winkel (elk geval in een eigen proces).

Gebruik:
    python benchmarks/bench_genereer.py                 # de drie standaardwinkels + 1.000.000 klanten
    python benchmarks/bench_genereer.py --klanten 200000 --profiel sportzaak
    python benchmarks/bench_genereer.py --zonder-groot  # enkel de standaardwinkels

Doelen: standaardwinkel <= 5 s; 1.000.000 klanten <= 120 s en <= 8 GiB piekgeheugen.
Gemeten wordt de generatie (genereer_winkel) zonder wegschrijven naar schijf.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_KIND = """
import json, resource, sys, time
from helpers.genereer import genereer_winkel
profiel, klanten = sys.argv[1], (int(sys.argv[2]) if sys.argv[2] != "-" else None)
start = time.perf_counter()
winkel = genereer_winkel(profiel, klanten)
duur = time.perf_counter() - start
piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB -> GiB
print(json.dumps({"seconden": duur, "piek_gib": piek, "klanten": len(winkel.klanten),
                  "tickets": len(winkel.tickets), "lijnen": len(winkel.ticketlijnen)}))
"""


def meet(profiel: str, klanten: int | None) -> dict[str, float]:
    """Genereer één winkel in een apart proces en geef tijd, piekgeheugen en aantallen terug."""
    uit = subprocess.run(
        [sys.executable, "-c", _KIND, profiel, str(klanten) if klanten else "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(uit.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description="Tijd en piekgeheugen van helpers.genereer.")
    parser.add_argument("--profiel", default=None, help="enkel dit profiel")
    parser.add_argument(
        "--klanten", type=int, default=None, help="enkel deze grootte (anders standaard + 1M)"
    )
    parser.add_argument(
        "--zonder-groot", action="store_true", help="sla de winkel met 1.000.000 klanten over"
    )
    opties = parser.parse_args()
    if opties.klanten:
        gevallen = [(opties.profiel or "sportzaak", opties.klanten)]
    else:
        profielen = [opties.profiel] if opties.profiel else ["kledingzaak", "schoenenzaak", "sportzaak"]
        gevallen = [(p, None) for p in profielen]
        if not opties.zonder_groot:
            gevallen.append((opties.profiel or "sportzaak", 1_000_000))
    print(f"{'profiel':<14}{'klanten':>11}{'tickets':>12}{'lijnen':>12}{'seconden':>10}{'piek GiB':>10}")
    for profiel, klanten in gevallen:
        r = meet(profiel, klanten)
        print(
            f"{profiel:<14}{r['klanten']:>11,}{r['tickets']:>12,}{r['lijnen']:>12,}"
            f"{r['seconden']:>10.1f}{r['piek_gib']:>10.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()

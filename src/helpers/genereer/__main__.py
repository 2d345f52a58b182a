"""Opdrachtregel: ``python -m helpers.genereer --help``.

Voorbeelden::

    python -m helpers.genereer --profiel sportzaak --klanten 5000 --seed 42 --map mijn_sportzaak
    python -m helpers.genereer --standaardsets

De generator schrijft nooit over bestanden die hij niet zelf maakt: een niet-lege map vraagt
``--overschrijf`` (en ook dan blijven andere bestanden staan), hij schrijft niet via symbolische
koppelingen, en een mislukte poging laat niets half achter (zie `helpers.genereer.schrijven`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.controle import InvoerFout
from helpers.data import DATASETS
from helpers.genereer import PROFIELDATA, STANDAARD_SEED, bouw_standaardsets, schrijf_winkel
from helpers.schema import PROFIELEN


class _Fout(Exception):
    """Een fout van de gebruiker: één regel uitleg, exitcode 2."""


class _Formaat(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="gebruik: ")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        if message.startswith("unrecognized arguments"):
            message = "onbekende optie(s):" + message.split(":", 1)[1]
        elif message.startswith("argument "):
            message = "ongeldige waarde bij " + message.removeprefix("argument ")
        raise _Fout(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m helpers.genereer",
        description="Maak een synthetische Vlaamse winkel (klanten, tickets, acties, enquête, ...) in CSV.",
        epilog=(
            "Voorbeelden:\n"
            "  python -m helpers.genereer --profiel sportzaak --klanten 5000 --seed 42 --map mijn_sportzaak\n"
            "  python -m helpers.genereer --standaardsets   (alle meegeleverde winkels opnieuw: CSV + Excel)"
        ),
        formatter_class=_Formaat,
        add_help=False,
    )
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--profiel", help=f"soort winkel: {', '.join(PROFIELEN)}")
    parser.add_argument(
        "--klanten",
        help="aantal personen in het klantenbestand (positief geheel getal); "
        "standaard: " + ", ".join(f"{p} {d.standaard_klanten}" for p, d in PROFIELDATA.items()),
    )
    parser.add_argument(
        "--seed",
        default=str(STANDAARD_SEED),
        help=f"startgetal van het toeval: zelfde seed = zelfde winkel (standaard {STANDAARD_SEED})",
    )
    parser.add_argument("--map", help="map waarin de winkel komt (standaard: ./<profiel>)")
    parser.add_argument(
        "--excel", action="store_true", help="schrijf ook een Excel-werkmap met alle tabellen"
    )
    parser.add_argument(
        "--overschrijf",
        action="store_true",
        help="schrijf ook in een map die niet leeg is (enkel de eigen bestanden worden vervangen)",
    )
    parser.add_argument(
        "--standaardsets",
        action="store_true",
        help="maak alle meegeleverde winkels in datasets/ opnieuw (CSV + Excel)",
    )
    return parser


def _geheel(tekst: str | None, naam: str, minimum: int) -> int | None:
    if tekst is None:
        return None
    try:
        waarde = int(tekst.strip())
    except ValueError:
        raise _Fout(f"--{naam} moet een geheel getal zijn, niet '{tekst}'.") from None
    if waarde < minimum:
        raise _Fout(f"--{naam} moet minstens {minimum} zijn, niet '{tekst}'.")
    return waarde


def hoofd(argumenten: list[str] | None = None) -> int:
    """Voer de opdrachtregel uit; geeft de exitcode terug (0 = gelukt, 2 = foute invoer).

    Een fout van de gebruiker geeft één regel uitleg op stderr, zonder traceback:

    >>> hoofd(["--profiel", "bakkerij"])
    2
    """
    try:
        opties = _parser().parse_args(argumenten)
        seed = _geheel(opties.seed, "seed", 0)
        voortgang = sys.stderr.isatty()
        if opties.standaardsets:  # datasets/ is van de generator zelf: zijn eigen bestanden vervangen
            for pad in bouw_standaardsets(DATASETS, excel=True, voortgang=voortgang):
                print(f"geschreven: {pad}")
            return 0
        if opties.profiel is None:
            raise _Fout(
                f"Kies een profiel met --profiel ({', '.join(PROFIELEN)}) of gebruik --standaardsets."
            )
        if opties.profiel not in PROFIELEN:
            raise _Fout(f"Onbekend profiel '{opties.profiel}'. Kies uit: {', '.join(PROFIELEN)}.")
        klanten = _geheel(opties.klanten, "klanten", 1)
        pad = Path(opties.map) if opties.map else Path(opties.profiel)
        schrijf_winkel(
            opties.profiel,
            pad,
            klanten,
            seed,
            excel=opties.excel,
            voortgang=voortgang,
            overschrijf=opties.overschrijf,
        )
        print(f"{opties.profiel}: geschreven naar {pad}")
        return 0
    except (_Fout, InvoerFout) as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(hoofd())

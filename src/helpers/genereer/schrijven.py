"""Een gegenereerde winkel veilig wegschrijven: nooit andermans bestanden, nooit half.

Regels (voor `helpers.genereer.schrijf_winkel` en ``python -m helpers.genereer``):

- een **niet-lege map** wordt enkel gebruikt met ``overschrijf=True`` (``--overschrijf``); ook dan
  vervangt de generator enkel de bestanden die hij zelf maakt (``winkel.json``, de CSV-bestanden,
  ``_sleutel/klanten.csv`` en de Excel-werkmap) en blijft al de rest staan;
- **geen symbolische koppelingen**: is de map of een van die bestanden een koppeling, dan weigert hij;
- **eerst alles apart, dan verplaatsen**: de winkel wordt geschreven in een nieuwe, verborgen map met
  een onvoorspelbare naam naast de doelmap (die dient ook als test of je er mag schrijven: er komt
  geen proefbestand met een vaste naam). Pas als alles geschreven is, gaat hij naar zijn plaats.
  Loopt er iets mis, dan verdwijnt de verborgen map en blijft de doelmap zoals hij was;
- een winkel die **niet in het geheugen past**, wordt vooraf geweigerd (`vereis_geheugen`).

>>> import tempfile, pathlib
>>> doel = pathlib.Path(tempfile.mkdtemp()) / "winkel"
>>> schrijf_map(doel, lambda map: (map / "winkel.json").write_text("{}"), ["winkel.json"]).name
'winkel'
>>> schrijf_map(doel, lambda map: None, ["winkel.json"])
Traceback (most recent call last):
...
helpers.controle.InvoerFout: De map ... is niet leeg (1 bestand of map). Kies een nieuwe of lege map, of \
overschrijf bewust (--overschrijf): dan vervangt de generator enkel zijn eigen bestanden (winkel.json, ...) \
en blijft de rest staan.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from helpers.controle import InvoerFout
from helpers.opmaak import getal
from helpers.schema import TABELLEN

GEHEUGEN_BASIS = 400 * 2**20
"""Geheugen (bytes) dat de generator nodig heeft los van het aantal klanten (Python, pandas, ...)."""

GEHEUGEN_PER_KLANT = {False: 8_000, True: 25_000}
"""Geschat piekgeheugen per klant in bytes, zonder en met Excel-werkmap (gemeten: 6,5 GiB voor een
miljoen klanten zonder werkmap, ongeveer 23 kB per klant met werkmap)."""


def eigen_bestanden(profiel: str, excel: bool) -> list[str]:
    """De bestanden (relatief aan de winkelmap) die de generator schrijft.

    >>> eigen_bestanden("sportzaak", excel=True)[:2], eigen_bestanden("sportzaak", excel=True)[-1]
    (['winkel.json', 'klanten.csv'], 'sportzaak.xlsx')
    """
    return [
        "winkel.json",
        *(f"{t}.csv" for t in TABELLEN),
        "_sleutel/klanten.csv",
        *([f"{profiel}.xlsx"] * excel),
    ]


def beschikbaar_geheugen() -> int | None:
    """Het beschikbare werkgeheugen in bytes (Linux: MemAvailable; anders het fysieke geheugen)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for regel in info:
                if regel.startswith("MemAvailable:"):
                    return int(regel.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def vereis_geheugen(aantal_klanten: int, excel: bool, beschikbaar: int | None = None) -> None:
    """Weiger vooraf een winkel die niet in het geheugen past, met een Nederlandse uitleg.

    >>> vereis_geheugen(10_000_000, excel=False, beschikbaar=8 * 2**30)
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: Een winkel met 10.000.000 klanten vraagt ongeveer 74,9 GB werkgeheugen; \
deze computer heeft er 8,0 GB vrij. Kies minder klanten (hoogstens ongeveer 1.021.000).
    """
    nodig = GEHEUGEN_BASIS + aantal_klanten * GEHEUGEN_PER_KLANT[excel]
    vrij = beschikbaar_geheugen() if beschikbaar is None else beschikbaar
    if vrij is None or nodig <= vrij:
        return
    kan = max((vrij - GEHEUGEN_BASIS) // GEHEUGEN_PER_KLANT[excel] // 1000 * 1000, 0)
    met = " met een Excel-werkmap" if excel else ""
    raise InvoerFout(
        f"Een winkel met {getal(aantal_klanten)} klanten{met} vraagt ongeveer {_gb(nodig)} werkgeheugen; "
        f"deze computer heeft er {_gb(vrij)} vrij. Kies minder klanten (hoogstens ongeveer {getal(kan)})"
        + (" of laat de Excel-werkmap weg." if excel else ".")
    )


def _gb(n: int) -> str:
    return f"{getal(n / 2**30, 1)} GB"


def _weiger_koppeling(pad: Path) -> None:
    if pad.is_symlink():
        raise InvoerFout(
            f"'{pad}' is een symbolische koppeling: de generator schrijft niet via koppelingen. "
            "Kies een gewone map."
        )


def controleer_doel(doel: Path, bestanden: Sequence[str], overschrijf: bool) -> None:
    """Mag de generator in ``doel`` schrijven? Anders een `InvoerFout` (zie de regels bovenaan)."""
    _weiger_koppeling(doel)
    if not doel.exists():
        return
    if not doel.is_dir():
        raise InvoerFout(f"Kan niet schrijven in de map '{doel}': er staat al een bestand met die naam.")
    inhoud = list(doel.iterdir())
    if inhoud and not overschrijf:
        woord = "bestand of map" if len(inhoud) == 1 else "bestanden of mappen"
        raise InvoerFout(
            f"De map {doel} is niet leeg ({len(inhoud)} {woord}). Kies een nieuwe of lege map, of "
            "overschrijf bewust (--overschrijf): dan vervangt de generator enkel zijn eigen bestanden "
            f"({bestanden[0]}, ...) en blijft de rest staan."
        )
    for naam in bestanden:
        pad = doel / naam
        for deel in (pad.parent, pad):
            if deel != doel:
                _weiger_koppeling(deel)
        if pad.exists() and not pad.is_file():
            raise InvoerFout(f"'{pad}' is geen gewoon bestand: de generator vervangt het niet.")


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


def schrijf_map(
    doel: str | Path, schrijf: Callable[[Path], object], bestanden: Sequence[str], overschrijf: bool = False
) -> Path:
    """Laat ``schrijf(map)`` alles in een aparte, nieuwe map schrijven en zet het dan in ``doel``.

    ``bestanden`` zijn de bestanden (relatief) die ``schrijf`` maakt; enkel die mogen in een bestaande
    map vervangen worden, en enkel met ``overschrijf=True``. Zie de regels bovenaan de module.
    """
    doel = Path(doel)
    controleer_doel(doel, bestanden, overschrijf)
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        apart = Path(tempfile.mkdtemp(prefix=f".{doel.name}-", suffix=".bezig", dir=doel.parent))
    except OSError as fout:
        raise InvoerFout(f"Kan niet schrijven in de map '{doel.parent}': {fout.strerror or fout}.") from None
    try:
        schrijf(apart)
        geschreven = sorted(p.relative_to(apart).as_posix() for p in apart.rglob("*") if p.is_file())
        vreemd = sorted(set(geschreven) - set(bestanden))
        if vreemd:  # pragma: no cover - fout van de ontwikkelaar: de lijst eigen bestanden is onvolledig
            raise RuntimeError(f"Onverwachte bestanden geschreven: {vreemd}")
        os.chmod(apart, 0o777 & ~_umask())  # mkdtemp maakt de map enkel voor jou leesbaar
        if not doel.exists():
            os.rename(apart, doel)
            return doel
        for naam in geschreven:
            (doel / naam).parent.mkdir(parents=True, exist_ok=True)
            os.replace(apart / naam, doel / naam)
    finally:
        if apart.exists():
            shutil.rmtree(apart)
    return doel

"""Je plan: wat je in de notebooks schat en beslist, bewaard over de notebooks heen.

Elke keuze die je maakt (een grens voor RFM, de regel voor je VIP-lijst, je churnregel, een budget)
verdwijnt niet als je het notebook sluit: ze staat in je plan. In notebook 10 maak je er een
actieplan voor 90 dagen van.

- `noteer` bewaart één waarde (getal, tekst, lijst, kleine tabel of datum) bij een notebook;
- `lees` geeft alles terug als ``{notebook: {sleutel: waarde}}``;
- `toon` toont het plan netjes in een notebook;
- `vergeet` haalt een waarde (of een heel notebook) weer weg;
- `begin_opnieuw` zet het huidige plan opzij als kopie en begint een leeg plan.

Het plan staat in ``mijn_plan.json`` in de map waarin je werkt (in JupyterLab: de map van het
notebook), of in het bestand dat de omgevingsvariabele ``KLANTLAB_PLAN`` noemt. Schrijven gebeurt
in één keer (eerst een tijdelijk bestand, dan vervangen) en met een slot, zodat twee notebooks die
tegelijk schrijven elkaars keuzes niet wissen. Een beschadigd of met de hand kapotgemaakt bestand
wordt nooit stil overschreven: je krijgt een duidelijke boodschap en er blijft een kopie staan.

>>> import os, tempfile
>>> os.environ["KLANTLAB_PLAN"] = os.path.join(tempfile.mkdtemp(), "plan.json")
>>> noteer("05", "vip_uitnodigingen", 150)
>>> noteer("07", "churnregel_dagen", 270)
>>> lees()
{'05': {'vip_uitnodigingen': 150}, '07': {'churnregel_dagen': 270}}
>>> print(toon())
Je plan
05 · RFM en A/B/C-klanten
  - vip_uitnodigingen: 150
07 · Klantentrouw en levensduur
  - churnregel_dagen: 270
>>> del os.environ["KLANTLAB_PLAN"]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
from helpers.opmaak import getal

BESTAND = "mijn_plan.json"
"""De standaardnaam van het plan, in de map waarin je werkt."""

OMGEVING = "KLANTLAB_PLAN"
"""De omgevingsvariabele die een ander bestand voor het plan kan aanwijzen."""

VERSIE = 1
MAX_RIJEN = 1000
"""Een tabel in het plan is klein: een lijst van duizenden klanten hoort in Excel (`helpers.export`)."""

NOTEBOOKS = {
    "00": "Welkom",
    "01": "De klantendatabank",
    "02": "Ken je klanten",
    "03": "Segmenteren en kiezen",
    "04": "Positioneren en buyer persona",
    "05": "RFM en A/B/C-klanten",
    "06": "80/20 en echte rendabiliteit",
    "07": "Klantentrouw en levensduur",
    "08": "Tevredenheid, NPS en klachten",
    "09": "Communicatie op maat",
    "10": "Je eigen winkel",
}
"""De notebooks van de cursus, op nummer (voor de titels in `toon`)."""


class PlanFout(InvoerFout):
    """Het plan kan niet gelezen of geschreven worden; de boodschap zegt waarom en wat je kunt doen."""


def pad() -> Path:
    """Het bestand van je plan: ``$KLANTLAB_PLAN``, anders ``mijn_plan.json`` in de huidige map.

    >>> import os
    >>> os.environ.pop("KLANTLAB_PLAN", None) and None
    >>> pad().name
    'mijn_plan.json'
    """
    eigen = os.environ.get(OMGEVING, "").strip()
    return Path(eigen).expanduser() if eigen else Path.cwd() / BESTAND


# --- waarden omzetten naar JSON en terug -------------------------------------------------------------


def _gewoon(waarde: Any, waar: str) -> Any:
    """Een gewone JSON-waarde (getal, tekst, waar/onwaar, lijst, woordenboek), of een `PlanFout`."""
    if waarde is None or isinstance(waarde, bool | str):
        return waarde
    if isinstance(waarde, np.bool_):
        return bool(waarde)
    if isinstance(waarde, int | np.integer):
        return int(waarde)
    if isinstance(waarde, float | np.floating):
        if not math.isfinite(waarde):
            raise PlanFout(
                f"{waar} is {waarde}: een ontbrekend of oneindig getal kan niet in je plan. "
                "Bewaar een gewoon getal."
            )
        return float(waarde)
    if isinstance(waarde, list | tuple | set | frozenset | np.ndarray | pd.Index):
        elementen = sorted(waarde, key=str) if isinstance(waarde, set | frozenset) else list(waarde)
        return [_gewoon(w, f"{waar}[{i}]") for i, w in enumerate(elementen)]
    if isinstance(waarde, dict):
        uit = {}
        for sleutel, w in waarde.items():
            if not isinstance(sleutel, str):
                raise PlanFout(
                    f"{waar} heeft een sleutel {sleutel!r} die geen tekst is. Gebruik tekst als sleutel."
                )
            uit[sleutel] = _gewoon(w, f"{waar}[{sleutel!r}]")
        return uit
    if isinstance(waarde, pd.Timestamp | dt.date):
        raise PlanFout(
            f"{waar} is een datum binnen een lijst of woordenboek. Bewaar een datum apart "
            "(`noteer(..., datum)`) of schrijf ze als tekst, bv. '2026-03-01'."
        )
    raise PlanFout(
        f"{waar} is van het type {type(waarde).__name__}; dat kan niet in je plan. "
        "Bewaar een getal, een tekst, een lijst, een kleine tabel of een datum."
    )


def _als_json(waarde: Any, waar: str) -> dict[str, Any]:
    """Eén waarde als JSON-item ``{"soort": ..., "waarde": ...}``."""
    if isinstance(waarde, pd.DataFrame | pd.Series):
        if len(waarde) > MAX_RIJEN:
            raise PlanFout(
                f"{waar} heeft {getal(len(waarde))} rijen; je plan bewaart tabellen tot "
                f"{getal(MAX_RIJEN)} rijen. Bewaar de regel waarmee je de lijst maakt, en de lijst zelf "
                "in Excel (`helpers.export.naar_excel`)."
            )
        soort = "tabel" if isinstance(waarde, pd.DataFrame) else "reeks"
        tabel = waarde if isinstance(waarde, pd.DataFrame) else waarde.to_frame(waarde.name or "waarde")
        if np.isinf(tabel.select_dtypes("number").to_numpy(dtype=float, na_value=np.nan)).any():
            raise PlanFout(f"{waar} bevat een oneindig getal; dat kan niet in je plan.")
        try:
            tekst = tabel.to_json(orient="table", date_format="iso")
        except (ValueError, TypeError, OverflowError) as fout:
            raise PlanFout(f"{waar} kan niet als tabel in je plan: {fout}") from None
        return {"soort": soort, "waarde": json.loads(tekst)}
    if isinstance(waarde, pd.Timestamp | dt.date):
        if pd.isna(waarde):
            raise PlanFout(f"{waar} is een lege datum (NaT); dat kan niet in je plan.")
        return {"soort": "datum", "waarde": pd.Timestamp(waarde).isoformat()}
    return {"soort": "waarde", "waarde": _gewoon(waarde, waar)}


def _uit_json(item: dict[str, Any]) -> Any:
    """Het omgekeerde van `_als_json`."""
    soort, waarde = item["soort"], item["waarde"]
    if soort in ("tabel", "reeks"):
        tabel = pd.read_json(io.StringIO(json.dumps(waarde)), orient="table")
        return tabel if soort == "tabel" else tabel.iloc[:, 0]
    if soort == "datum":
        return pd.Timestamp(waarde)
    return waarde


# --- het bestand: lezen, controleren, veilig schrijven -----------------------------------------------


def _weiger_constante(naam: str) -> float:
    raise ValueError(f"{naam} is geen geldig getal in JSON")


def _controleer_structuur(inhoud: Any) -> None:
    """Gooi ValueError als ``inhoud`` geen plan van KlantLab is."""
    if not isinstance(inhoud, dict) or inhoud.get("klantlab_plan") != VERSIE:
        raise ValueError("dit is geen plan van KlantLab (de sleutel 'klantlab_plan' ontbreekt of klopt niet)")
    notebooks = inhoud.get("notebooks")
    if not isinstance(notebooks, dict):
        raise ValueError("het deel 'notebooks' ontbreekt of is geen woordenboek")
    for notebook, waarden in notebooks.items():
        if not isinstance(waarden, dict):
            raise ValueError(f"notebook {notebook!r} heeft geen woordenboek van waarden")
        for sleutel, item in waarden.items():
            if not (isinstance(item, dict) and item.get("soort") in ("waarde", "tabel", "reeks", "datum")):
                raise ValueError(f"de waarde {notebook}/{sleutel} heeft geen geldige 'soort'")
            if "waarde" not in item:
                raise ValueError(f"de waarde {notebook}/{sleutel} mist 'waarde'")
            try:
                _uit_json(item)
            except (ValueError, TypeError, KeyError) as fout:
                raise ValueError(f"de waarde {notebook}/{sleutel} is onleesbaar ({fout})") from None


def _kopie(bestand: Path) -> Path:
    """Bewaar een kopie van een kapot plan naast het origineel (bestaat dezelfde kopie al: die)."""
    inhoud = bestand.read_bytes()
    for bestaand in sorted(bestand.parent.glob(f"{bestand.stem}.kapot-*{bestand.suffix}")):
        if bestaand.read_bytes() == inhoud:
            return bestaand
    stempel = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for volgnummer in range(1000):
        extra = f"-{volgnummer}" if volgnummer else ""
        kopie = bestand.with_name(f"{bestand.stem}.kapot-{stempel}{extra}{bestand.suffix}")
        try:
            with kopie.open("xb") as uit:
                uit.write(inhoud)
            return kopie
        except FileExistsError:
            continue
    raise PlanFout(f"Ik kan geen kopie maken van je kapotte plan {bestand}.")  # pragma: no cover


def _lees_bestand(bestand: Path) -> dict[str, Any]:
    """De inhoud van het plan (leeg als het bestand nog niet bestaat); kapot: kopie en `PlanFout`."""
    if not bestand.exists():
        return {"klantlab_plan": VERSIE, "notebooks": {}}
    if bestand.is_dir():
        raise PlanFout(f"{bestand} is een map, geen bestand. Kies een bestandsnaam voor je plan.")
    try:
        tekst = bestand.read_bytes().decode("utf-8")
        inhoud = json.loads(tekst, parse_constant=_weiger_constante)
        _controleer_structuur(inhoud)
    except (UnicodeDecodeError, ValueError) as fout:
        reden = (
            f"regel {fout.lineno}, kolom {fout.colno}: {fout.msg}"
            if isinstance(fout, json.JSONDecodeError)
            else str(fout)
        )
        kopie = _kopie(bestand)
        raise PlanFout(
            f"Je plan {bestand} is beschadigd of met de hand aangepast ({reden}). Ik heb het niet "
            f"overschreven; er staat een kopie in {kopie.name}. Herstel het bestand, of begin een nieuw "
            "plan met `plan.begin_opnieuw()` (het oude blijft als kopie bewaard)."
        ) from None
    return inhoud


@contextlib.contextmanager
def _slot(bestand: Path) -> Iterator[None]:
    """Een exclusief slot op ``<plan>.slot`` zolang het blok loopt (ook tussen processen)."""
    bestand.parent.mkdir(parents=True, exist_ok=True)
    slotbestand = bestand.with_name(bestand.name + ".slot")
    with slotbestand.open("a+b") as handvat:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            handvat.seek(0)
            msvcrt.locking(handvat.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handvat.seek(0)
                msvcrt.locking(handvat.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handvat.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handvat.fileno(), fcntl.LOCK_UN)


def _schrijf_bestand(bestand: Path, inhoud: dict[str, Any]) -> None:
    """Schrijf atomair: eerst een tijdelijk bestand in dezelfde map, dan vervangen."""
    tekst = json.dumps(inhoud, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"
    handvat, tijdelijk = tempfile.mkstemp(prefix=f".{bestand.name}.", suffix=".tmp", dir=bestand.parent)
    try:
        with os.fdopen(handvat, "wb") as uit:
            uit.write(tekst.encode("utf-8"))
            uit.flush()
            os.fsync(uit.fileno())
        os.replace(tijdelijk, bestand)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise


def _notebooknummer(notebook: str | int) -> str:
    """'05', 5, '5' en '05_rfm_en_abc' worden '05'."""
    tekst = str(notebook).strip()
    gevonden = re.fullmatch(r"(\d{1,2})(?:_.*)?", tekst)
    if isinstance(notebook, bool) or gevonden is None:
        raise PlanFout(f"Onbekend notebook {notebook!r}: geef het nummer, bv. '05'.")
    return gevonden.group(1).zfill(2)


def _controleer_sleutel(sleutel: str) -> str:
    if not isinstance(sleutel, str) or not sleutel.strip():
        raise PlanFout(f"De sleutel {sleutel!r} is geen naam. Geef een korte naam, bv. 'vip_regel'.")
    return sleutel.strip()


# --- publiek ------------------------------------------------------------------------------------------


def noteer(notebook: str | int, sleutel: str, waarde: Any) -> None:
    """Bewaar ``waarde`` onder ``sleutel`` bij ``notebook`` in je plan (een oude waarde wordt vervangen).

    ``waarde`` mag een getal, tekst, waar/onwaar, lijst, woordenboek, datum of kleine tabel (DataFrame of
    Series, tot 1000 rijen) zijn. Wat JSON niet kan bewaren (een ontbrekend getal, een object) geeft
    een `PlanFout` met uitleg.

    >>> import os, tempfile
    >>> os.environ["KLANTLAB_PLAN"] = os.path.join(tempfile.mkdtemp(), "plan.json")
    >>> noteer("06", "marge_als_onbekend", 0.45)
    >>> noteer("06", "marge_als_onbekend", float("nan"))
    Traceback (most recent call last):
    ...
    helpers.plan.PlanFout: 06/marge_als_onbekend is nan: een ontbrekend of oneindig getal kan niet in je \
plan. Bewaar een gewoon getal.
    >>> lees()["06"]
    {'marge_als_onbekend': 0.45}
    >>> del os.environ["KLANTLAB_PLAN"]
    """
    nummer, naam = _notebooknummer(notebook), _controleer_sleutel(sleutel)
    item = _als_json(waarde, f"{nummer}/{naam}")
    item["bewaard"] = dt.datetime.now().isoformat(timespec="seconds")
    bestand = pad()
    with _slot(bestand):
        inhoud = _lees_bestand(bestand)
        inhoud["notebooks"].setdefault(nummer, {})[naam] = item
        _schrijf_bestand(bestand, inhoud)


def lees() -> dict[str, dict[str, Any]]:
    """Je hele plan als ``{notebook: {sleutel: waarde}}`` (tabellen komen terug als DataFrame).

    >>> import os, tempfile
    >>> os.environ["KLANTLAB_PLAN"] = os.path.join(tempfile.mkdtemp(), "plan.json")
    >>> lees()
    {}
    >>> del os.environ["KLANTLAB_PLAN"]
    """
    inhoud = _lees_bestand(pad())
    return {
        notebook: {sleutel: _uit_json(item) for sleutel, item in waarden.items()}
        for notebook, waarden in sorted(inhoud["notebooks"].items())
        if waarden
    }


def vergeet(notebook: str | int, sleutel: str | None = None) -> None:
    """Haal één waarde (of, zonder ``sleutel``, alles van een notebook) uit je plan.

    >>> import os, tempfile
    >>> os.environ["KLANTLAB_PLAN"] = os.path.join(tempfile.mkdtemp(), "plan.json")
    >>> noteer("05", "a", 1); noteer("05", "b", 2); vergeet("05", "a"); lees()
    {'05': {'b': 2}}
    >>> del os.environ["KLANTLAB_PLAN"]
    """
    nummer = _notebooknummer(notebook)
    bestand = pad()
    with _slot(bestand):
        inhoud = _lees_bestand(bestand)
        waarden = inhoud["notebooks"].get(nummer, {})
        if sleutel is None:
            inhoud["notebooks"].pop(nummer, None)
        else:
            waarden.pop(_controleer_sleutel(sleutel), None)
        if bestand.exists():
            _schrijf_bestand(bestand, inhoud)


def begin_opnieuw() -> Path | None:
    """Zet je huidige plan opzij (als kopie ``mijn_plan.oud-...json``) en begin met een leeg plan.

    Geeft het pad van de kopie terug (``None`` als er nog geen plan was).

    >>> import os, tempfile
    >>> os.environ["KLANTLAB_PLAN"] = os.path.join(tempfile.mkdtemp(), "plan.json")
    >>> noteer("07", "churn_dagen", 365)
    >>> begin_opnieuw().name.startswith("plan.oud-"), lees()
    (True, {})
    >>> del os.environ["KLANTLAB_PLAN"]
    """
    bestand = pad()
    with _slot(bestand):
        if not bestand.exists():
            return None
        stempel = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        for volgnummer in range(1000):
            extra = f"-{volgnummer}" if volgnummer else ""
            kopie = bestand.with_name(f"{bestand.stem}.oud-{stempel}{extra}{bestand.suffix}")
            if not kopie.exists():
                os.replace(bestand, kopie)
                return kopie
    raise PlanFout(f"Ik kan je plan {bestand} niet opzij zetten.")  # pragma: no cover


def _als_tekst(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float):
        return getal(waarde, decimalen=0 if float(waarde).is_integer() else 2)
    if isinstance(waarde, pd.Timestamp):
        return waarde.strftime("%d/%m/%Y")
    if isinstance(waarde, list):
        return ", ".join(_als_tekst(w) for w in waarde)
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {_als_tekst(w)}" for k, w in waarde.items())
    return str(waarde)


class Planoverzicht:
    """Je plan, klaar om te tonen: als HTML in JupyterLab, als tekst met ``print``."""

    def __init__(self, plan: dict[str, dict[str, Any]]) -> None:
        self.plan = plan

    def _titel(self, notebook: str) -> str:
        return f"{notebook} · {NOTEBOOKS[notebook]}" if notebook in NOTEBOOKS else notebook

    def __str__(self) -> str:
        regels = ["Je plan"]
        if not self.plan:
            regels.append("(nog leeg: je keuzes komen hier vanzelf bij)")
        for notebook, waarden in self.plan.items():
            regels.append(self._titel(notebook))
            for sleutel, waarde in waarden.items():
                if isinstance(waarde, pd.DataFrame | pd.Series):
                    tabel = waarde.to_string().replace("\n", "\n    ")
                    regels.append(f"  - {sleutel}:\n    {tabel}")
                else:
                    regels.append(f"  - {sleutel}: {_als_tekst(waarde)}")
        return "\n".join(regels)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        delen = ['<div class="klantlab-plan"><h3>Je plan</h3>']
        if not self.plan:
            delen.append("<p><em>Nog leeg: je keuzes komen hier vanzelf bij.</em></p>")
        for notebook, waarden in self.plan.items():
            delen.append(f"<h4>{html.escape(self._titel(notebook))}</h4><ul>")
            for sleutel, waarde in waarden.items():
                if isinstance(waarde, pd.DataFrame | pd.Series):
                    tabel = waarde if isinstance(waarde, pd.DataFrame) else waarde.to_frame()
                    inhoud = tabel.to_html(border=0, classes="klantlab-plan-tabel")
                else:
                    inhoud = html.escape(_als_tekst(waarde))
                delen.append(f"<li><strong>{html.escape(sleutel)}</strong>: {inhoud}</li>")
            delen.append("</ul>")
        delen.append("</div>")
        return "".join(delen)


def toon() -> Planoverzicht:
    """Je plan, per notebook, leesbaar in een notebook (laat het als laatste regel van een cel staan).

    >>> import os, tempfile
    >>> os.environ["KLANTLAB_PLAN"] = os.path.join(tempfile.mkdtemp(), "plan.json")
    >>> noteer("05", "segmenten_voor_budget", ["Kampioenen", "Trouwe klanten"])
    >>> print(toon())
    Je plan
    05 · RFM en A/B/C-klanten
      - segmenten_voor_budget: Kampioenen, Trouwe klanten
    >>> del os.environ["KLANTLAB_PLAN"]
    """
    return Planoverzicht(lees())

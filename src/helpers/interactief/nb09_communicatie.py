"""Notebook 09: plan een actie en zie meteen wat ze kost, oplevert en of ze mag (`campagneplanner`).

Je kiest een winkel, een doelgroep (een RFM-segment of iedereen), de soort actie, het kanaal, de
startdag, de duur, de korting en hoeveel van de lijst je als controlegroep achterhoudt. De planner
toont hoeveel klanten je mag aanschrijven (toestemming, kanaal, niet uitgeschreven, niet aan het
rusten op die dag), de kost, wat de winkel met zo'n actie vroeger bereikte (inwisselingen, extra
kopers, extra omzet per euro), welke uplift je met die controlegroep kunt zien, en een waarschuwing
als een korting op kleding, schoenen of lederwaren in de sperperiode valt.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import ipywidgets as widgets
import pandas as pd

from helpers.interactief.basis import Verkenner, kaartjes, volgkeuze, winkelkeuze
from helpers.opmaak import euro, getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel

IEDEREEN = "iedereen (alle klanten en inschrijvers)"
"""De keuze 'geen segment': het hele klantenbestand."""


@dataclass(frozen=True)
class Campagneplan:
    """Wat de planner toont: de cijfers (al opgemaakt, op naam), de waarschuwing en de opmerkingen."""

    titel: str
    cijfers: dict[str, str]
    waarschuwing: str = ""
    opmerkingen: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        kader = ""
        if self.waarschuwing:
            kader = (
                '<div class="klantlab-sperwaarschuwing" style="border-left:6px solid #b2182b; '
                'background:#fce8e8; padding:0.5em 0.8em; margin:0.4em 0;"><b>Let op: sperperiode.</b> '
                f"{html.escape(self.waarschuwing)}</div>"
            )
        noten = "".join(f"<li>{html.escape(o)}</li>" for o in self.opmerkingen)
        return kaartjes(self.cijfers, titel=self.titel).data + kader + (f"<ul>{noten}</ul>" if noten else "")


@dataclass
class _Winkelgegevens:
    """Wat de planner per winkel één keer uitrekent: de segmenten en de historiek van de acties."""

    segmenten: pd.Series
    historiek: pd.DataFrame


def _gegevens(winkel: Winkel) -> _Winkelgegevens:
    from helpers import rfm
    from helpers.acties import actieresultaten
    from helpers.campagnes import historiek

    tabel = rfm.rfm_tabel(winkel.tickets, winkel.peildatum)
    segmenten = rfm.rfm_segmenten(rfm.rfm_scores(tabel))["segment"].astype("string")
    resultaten = actieresultaten(winkel.acties, winkel.actiecontacten, winkel.tickets)
    return _Winkelgegevens(segmenten, historiek(resultaten))


def campagneplan(
    winkel: Winkel,
    segmenten: pd.Series,
    historiek: pd.DataFrame,
    segment: str,
    soort: str,
    kanaal: str,
    start: dt.date,
    duur: int,
    korting: int,
    controlegroep: int,
    sperartikelen: bool = True,
) -> Campagneplan:
    """Reken één actie door (zie de uitleg bovenaan). ``korting`` en ``controlegroep`` in procent.

    ``segmenten`` geeft per klant (index: klantnummer) zijn segment; ``historiek`` komt uit
    `helpers.campagnes.historiek`.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("kledingzaak")
    >>> g = _gegevens(w)
    >>> plan = campagneplan(w, g.segmenten, g.historiek, IEDEREEN, "geldvoordeel", "e-mail",
    ...                     dt.date(2026, 6, 10), 14, 15, 10)
    >>> plan.waarschuwing.startswith("Actie: korting (15%)")
    True
    """
    from helpers.acties import doellijst
    from helpers.campagnes import controleer_planning, kleinste_zichtbare_uplift, kosten, verwachting

    begin = pd.Timestamp(start)
    klanten = winkel.klanten
    if segment != IEDEREEN:
        leden = segmenten.index[segmenten == segment].astype("string")
        klanten = klanten.loc[klanten["klant_id"].astype("string").isin(leden)]
    n_lijst = 0
    if len(klanten):
        lijst = doellijst(klanten, kanaal, winkel.actiecontacten, winkel.acties, peildatum=begin).lijst
        n_lijst = len(lijst)
    n_controle = round(n_lijst * controlegroep / 100)
    n_doel = n_lijst - n_controle
    per_contact, vast = kosten(winkel.acties, soort, kanaal)
    vroeger = historiek.loc[soort] if soort in historiek.index else None
    conversie = float(vroeger["conversie"]) if vroeger is not None else math.nan
    uplift = float(vroeger["uplift"]) if vroeger is not None else math.nan
    extra = float(vroeger["extra_omzet_per_contact"]) if vroeger is not None else math.nan
    verwacht = verwachting(n_doel, per_contact, vast, conversie, uplift, extra)
    cijfers = {
        "Mag je aanschrijven": getal(n_lijst),
        "Krijgt de actie": getal(n_doel),
        "Controlegroep": getal(n_controle),
        "Kost": euro(verwacht["kost"], 0),
        "Inwisselingen (verwacht)": getal(verwacht["inwisselingen"]),
        "Extra kopers (verwacht)": getal(verwacht["extra_kopers"]),
        "Extra omzet per euro": euro(verwacht["extra_omzet_per_euro"]),
    }
    opmerkingen = []
    basis = historiek["basis"].dropna()
    if n_controle > 0 and n_doel > 0 and len(basis):
        koopgraad = (
            float(vroeger["basis"]) if vroeger is not None and pd.notna(vroeger["basis"]) else basis.mean()
        )
        zichtbaar = kleinste_zichtbare_uplift(n_doel, n_controle, koopgraad)
        cijfers["Kleinste zichtbare uplift"] = procent(zichtbaar)
    else:
        opmerkingen.append("Zonder controlegroep weet je achteraf niet of de actie iets opbracht.")
    if vroeger is None or pd.isna(uplift):
        opmerkingen.append(
            "Deze soort actie werd hier nog nooit met een controlegroep gemeten: de extra kopers en de "
            "extra omzet zijn onbekend. Meet het deze keer."
        )
    plan = pd.DataFrame(
        {
            "naam": ["Actie"],
            "startdatum": [begin],
            "einddatum": [begin + pd.Timedelta(days=duur - 1)],
            "korting_pct": [korting / 100],
            "sperartikelen": [sperartikelen],
        }
    )
    controle = controleer_planning(plan).iloc[0]
    if controle["opmerking"]:
        opmerkingen.append(f"De actie {controle['opmerking']}.")
    titel = (
        f"{winkel.naam}: {soort} via {kanaal} naar {segment}, "
        f"{begin:%d-%m-%Y} tot {begin + pd.Timedelta(days=duur - 1):%d-%m-%Y}"
    )
    return Campagneplan(titel, cijfers, str(controle["waarschuwing"]), opmerkingen)


def campagneplanner(winkels: Mapping[str, Winkel], start: dt.date | None = None) -> Verkenner:
    """De campagneplanner: kies winkel, doelgroep, soort, kanaal, start, duur, korting en controlegroep.

    ``start`` is de eerste startdag (standaard: de dag na de peildatum van de eerste winkel).

    >>> from helpers.data import laad_winkel
    >>> v = campagneplanner({"sportzaak": laad_winkel("sportzaak")})
    >>> v.bedieningen["korting"].value = 0
    >>> v.inhoud.waarschuwing
    ''
    """
    from helpers.campagnes import PROMOTIESOORTEN

    gegevens: dict[str, _Winkelgegevens] = {}

    def van(sleutel: str) -> _Winkelgegevens:
        if sleutel not in gegevens:
            gegevens[sleutel] = _gegevens(winkels[sleutel])
        return gegevens[sleutel]

    def opties(sleutel: str) -> list[str]:
        aantallen = van(sleutel).segmenten.value_counts()
        return [IEDEREEN, *(s for s in aantallen.index if aantallen[s] > 0)]

    eerste = next(iter(winkels.values()))
    begin = start or (eerste.peildatum + pd.Timedelta(days=1)).date()
    winkel = winkelkeuze(winkels)
    segment = volgkeuze(winkel, opties, "Doelgroep")
    breed = {"style": {"description_width": "initial"}}

    def toon(winkel, segment, soort, kanaal, start, duur, korting, controlegroep, sperartikelen):
        if start is None:
            return kaartjes({"Let op": "Kies een startdag."})
        g = van(winkel)
        return campagneplan(winkels[winkel], g.segmenten, g.historiek, segment, soort, kanaal, start, duur,
                            korting, controlegroep, sperartikelen)  # fmt: skip

    verkenner = Verkenner(
        toon,
        {
            "winkel": winkel,
            "segment": segment,
            "soort": widgets.Dropdown(options=list(PROMOTIESOORTEN), description="Soort"),
            "kanaal": widgets.Dropdown(options=["e-mail", "sms", "post"], description="Kanaal"),
            "start": widgets.DatePicker(value=begin, description="Start"),
            "duur": widgets.IntSlider(value=14, min=1, max=60, description="Dagen", continuous_update=False),
            "korting": widgets.IntSlider(
                value=10, min=0, max=50, step=5, description="Korting (%)", continuous_update=False, **breed
            ),
            "controlegroep": widgets.IntSlider(
                value=10,
                min=0,
                max=50,
                step=5,
                description="Controlegroep (%)",
                continuous_update=False,
                **breed,
            ),
            "sperartikelen": widgets.Checkbox(
                value=True,
                description="korting op kleding, schoenen of leder",
                layout=widgets.Layout(width="auto"),
            ),
        },
        titel="Plan een actie",
    )
    rij = next(kind for kind in verkenner.children if isinstance(kind, widgets.HBox))
    rij.layout = widgets.Layout(flex_flow="row wrap")  # negen bedieningen: over meer regels
    return verkenner

"""Echte rendabiliteit per klant: brutomarge min de kost om die klant te bedienen, en de walviscurve.

Omzet is niet hetzelfde als winst. Een klant die veel koopt in de solden, de helft terugbrengt en
elke week een uur advies vraagt, kan je geld kosten. De stappen:

1. `brutomarge_per_klant`: netto omzet zonder btw min de aankoopwaarde van wat de klant hield,
   met het btw-tarief van elk product (`btw_per_product`: 21%, sportvoeding 6%). Geen
   aankoopprijzen in je kassa-export? Neem een vaste marge (`brutomarge_vast`);
2. `kost_om_te_bedienen`: retours, personeelstijd, retouches, klachten en actiecontacten, met
   tarieven (`Tarieven`) die je zelf kiest;
3. `winst_per_klant` (of `winst_van_winkel`, `winst_met_vaste_marge`): brutomarge min kost om te
   bedienen, elk onderdeel in een eigen kolom zodat je ziet *waarom* een klant verlieslatend is;
   `herbereken_winst` rekent opnieuw met andere tarieven;
4. `walviscurve` en `walvis_top`: klanten van meest naar minst winstgevend, met de cumulatieve
   winst als percentage van de totale winst. De top ligt boven 100%: de beste klanten verdienen
   meer dan de hele winst, de verlieslatende klanten aan het eind eten een deel ervan weer op
   (Cooper & Kaplan, 1991: de beste 20% kan tot 225% van de winst maken);
5. `met_remedie`: wat een `Remedie` (betaalde retouches, een retourbijdrage, advies op afspraak)
   oplevert voor klanten die je geld kosten. Een verlieslatende klant wegsturen is zelden het
   antwoord: zijn brutomarge verdwijnt meteen, de uren van je verkoper niet.

**Kortingen worden niet apart aangerekend.** Het bedrag van een ticketlijn is al na korting, dus
zit elke korting (solden, actiebon, klantenkaartbon) al in een lagere brutomarge. Ze nog eens als
kost tellen zou ze dubbel rekenen; de kolom ``korting`` staat er enkel ter informatie.

>>> import pandas as pd
>>> winst = pd.Series([300.0, 100.0, -50.0, -150.0], index=["A", "B", "C", "D"])
>>> walvis_top(winst).hoogte  # (300 + 100) / (300 + 100 - 50 - 150)
2.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen, vereis_niet_leeg
from helpers.data import Winkel
from helpers.klantid import koppel_klanten, met_klant_ids
from helpers.rfm import anonieme_tickets
from helpers.tijdzone import belgische_tijd

BTW = 0.21
"""Het normale Belgische btw-tarief: kleding, schoenen, sportartikelen, accessoires, diensten."""

VERLAAGDE_BTW: dict[str, float] = {"sportvoeding": 0.06}
"""Productlijnen of categorieën met een verlaagd Belgisch btw-tarief (zie `btw_per_product`).

Voedingsmiddelen en niet-alcoholische dranken staan in België aan 6% (KB nr. 20 van 20 juli 1970,
tabel A; voedingsmiddelen in de rubrieken I tot XII). Dranken vallen onder 6% zolang ze niet meer
dan 0,5% alcohol (bier) of 1,2% alcohol (andere dranken) bevatten. Sportvoeding zoals energiegels,
eiwitrepen, sportdranken en herstel- of recuperatiedranken zijn voedingsmiddelen of
niet-alcoholische dranken, geen geneesmiddelen: ook een voedingssupplement is volgens de FOD
Volksgezondheid een levensmiddel. Dus 6%, waar kleding en sportmateriaal 21% hebben.

Bronnen: becompliant.tax, "VAT rates Belgium" (voedingsmiddelen: KB nr. 20, tabel A, rubrieken I-XII,
6%); Trends/Fiscoloog, "Verlaagde btw-tarieven niet op café" (alle dranken voor menselijke
consumptie 6%, behalve bier boven 0,5% en andere dranken boven 1,2% alcohol); FOD Volksgezondheid,
"Voedingssupplementen en verrijkte voedingsmiddelen". De hervorming van 1 maart 2026 (KPMG,
februari 2026) verhoogt hotels en campings naar 12% en verlaagt frisdrank op café van 21% naar 12%;
de geplande verhoging voor afhaalmaaltijden werd ingetrokken. Verpakte sportvoeding in een winkel
blijft dus 6%.
"""


def btw_per_product(
    producten: pd.DataFrame,
    btw: float | Mapping[str, float] | None = None,
    product: str = "product_id",
    groepen: Sequence[str] = ("categorie", "productlijn"),
) -> pd.Series:
    """Het btw-tarief van elk product: 21%, behalve voor wat een verlaagd tarief heeft.

    - ``btw=None`` (standaard): `BTW` (21%) voor alles, behalve de productlijnen en categorieën in
      `VERLAAGDE_BTW` (sportvoeding 6%);
    - ``btw`` een getal: één tarief voor alle producten (``0`` als je bedragen al zonder btw zijn);
    - ``btw`` een woordenboek: eigen tarieven per product, categorie of productlijn, bovenop
      `VERLAAGDE_BTW` (bv. ``{"boeken": 0.06}``; ``{"sportvoeding": 0.21}`` zet die uitzondering
      uit). Een naam die nergens voorkomt, is een tikfout: dat geeft een `InvoerFout`.

    Een product krijgt het tarief van zijn eigen ``product``-code als die in de lijst staat, anders
    dat van zijn categorie, anders dat van zijn productlijn (de kolommen in ``groepen`` die er zijn).
    Eén reeks met de productcode als index.

    >>> import pandas as pd
    >>> producten = pd.DataFrame({"product_id": ["P1", "P2", "P3"],
    ...                           "productlijn": ["running", "sportvoeding", "sportvoeding"],
    ...                           "categorie": ["loopschoenen", "sportvoeding", "sportvoeding"]})
    >>> btw_per_product(producten).tolist()
    [0.21, 0.06, 0.06]
    >>> btw_per_product(producten, {"P3": 0.21}).tolist(), btw_per_product(producten, 0.0).tolist()
    ([0.21, 0.06, 0.21], [0.0, 0.0, 0.0])
    """
    vereis_kolommen(producten, [product], "producten")
    if btw is None or isinstance(btw, Mapping):
        eigen = {str(naam): tarief for naam, tarief in (btw or {}).items()}  # productcode 101 = "101"
        tarieven = {**VERLAAGDE_BTW, **eigen}
    else:
        eigen, tarieven = {}, {}
        _vereis_tarief(btw)
    for naam, tarief in tarieven.items():
        _vereis_tarief(tarief, naam)
    kolommen = [product, *(k for k in groepen if k in producten.columns)]
    namen = producten[kolommen].astype("string")
    onbekend = [naam for naam in eigen if not namen.isin([naam]).any().any()]
    if onbekend:
        raise InvoerFout(
            f"Geen product, categorie of productlijn heet {', '.join(map(repr, onbekend))}: "
            "kijk de schrijfwijze na in de tabel 'producten'."
        )
    standaard = float(btw) if isinstance(btw, int | float) else BTW
    tarief = pd.Series(standaard, index=producten[product].to_numpy(), dtype="float64")
    for kolom in reversed(kolommen):  # van ruim (productlijn) naar precies (product): het preciezere wint
        gevonden = namen[kolom].map(tarieven).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        tarief = tarief.where(np.isnan(gevonden), gevonden)
    return tarief.rename("btw").rename_axis(product)


def _vereis_tarief(tarief: object, naam: str | None = None) -> None:
    waar = f" voor {naam!r}" if naam else ""
    if isinstance(tarief, bool) or not isinstance(tarief, int | float) or not 0 <= tarief < 1:
        raise InvoerFout(
            f"Het btw-tarief{waar} is een aandeel tussen 0 en 1 (bv. 0.21 voor 21%), niet {tarief!r}."
        )


@dataclass(frozen=True)
class Tarieven:
    """Wat het je (ongeveer) kost om een klant te bedienen, in euro. Pas aan aan je eigen winkel.

    Elke kost hangt aan iets wat je in de gegevens ziet (een retourticket, een webshopbestelling,
    minuten in ``contacten``, een verzonden actiecontact); de standaardwaarden zijn die van een
    Vlaamse boetiek met een kleine webshop:

    - ``per_minuut_personeel``: loonkost per minuut personeelstijd voor advies, passen, vragen,
      retouches en klachten: € 0,55 (een verkoper kost zo'n € 33 per uur, werkgeverslasten
      inbegrepen). Voor een winkel is dit de grootste kost om te bedienen;
    - ``per_webshopbestelling``: een pakje versturen (zakelijk tarief bij bpost of PostNL zo'n
      € 6 à 7, met doos), want de meeste webshops leveren gratis;
    - ``per_retour``: een retour afhandelen (terugnemen, nakijken, terug in de rekken, kassa-
      en boekhoudwerk), per retourticket;
    - ``extra_per_webshopretour``: bovenop ``per_retour`` voor een retour van een webshopbestelling
      (het retourlabel betaal jij, plus uitpakken en herverpakken);
    - ``afschrijving_retour``: het deel van de aankoopwaarde van teruggebrachte stuks dat je
      verliest (een aandeel, geen bedrag): wat terugkomt is soms beschadigd, gedragen of het seizoen
      is voorbij, en gaat later met korting of naar de outlet. Standaard 25%;
    - ``per_retouche``: naaister (uitbesteed) of materiaal per retouche, bovenop de minuten aan
      de toonbank;
    - ``per_klacht``: tegemoetkoming of goodwill per klacht (bon, gratis herstelling), bovenop de
      minuten.

    De kost van een actie komt uit de tabel ``acties`` (``kost_per_contact`` per verzonden contact:
    een kaart met de post zo'n € 1, een sms € 0,10, een e-mail € 0,01 à 0,02). De vaste kost van een
    actie (ontwerp) hoort bij geen enkele klant en telt hier niet mee. Betaalkosten (bankkaart) zijn
    een klein percentage van de omzet en vallen weg tegen elkaar; wil je ze toch, verlaag dan de marge.

    >>> Tarieven(per_retour=6.0).per_retour
    6.0
    """

    per_minuut_personeel: float = 0.55
    per_webshopbestelling: float = 6.5
    per_retour: float = 4.0
    extra_per_webshopretour: float = 6.5
    afschrijving_retour: float = 0.25
    per_retouche: float = 8.0
    per_klacht: float = 15.0

    def __post_init__(self) -> None:
        negatief = {naam: waarde for naam, waarde in asdict(self).items() if not waarde >= 0}
        if negatief:
            namen = ", ".join(f"{naam}={waarde}" for naam, waarde in negatief.items())
            raise InvoerFout(f"Tarieven zijn bedragen van 0 euro of meer; niet in orde: {namen}.")
        if not self.afschrijving_retour <= 1:
            raise InvoerFout(
                "'afschrijving_retour' is een aandeel tussen 0 en 1 (bv. 0.25 voor 25%), "
                f"niet {self.afschrijving_retour}."
            )


def _vereis_tabel(
    df: pd.DataFrame, tabel: str, kolommen: list[str], getallen: list[str], leeg_mag: bool = False
) -> None:
    """Kolommen aanwezig, getallen waar getallen moeten; leeg mag alleen voor een tabel met extra's
    (geen contacten of geen acties is ook een antwoord: die kost is dan 0)."""
    vereis_kolommen(df, kolommen, tabel)
    if not leeg_mag:
        vereis_niet_leeg(df, tabel)
    for kolom in getallen:
        vereis_getallen(df, kolom, tabel)


def _voorbeelden(waarden: pd.Series) -> str:
    """Hoogstens drie verschillende waarden, om in een foutmelding te tonen."""
    return ", ".join(repr(v) for v in waarden.unique()[:3])


def _klant_per_rij(
    sleutels: pd.Series, tickets: pd.DataFrame, ticket: str, klant: str, tabel: str
) -> pd.Series:
    """De klant van elke rij (via het ticket); fout als een ticket niet in de tickets staat."""
    vereis_kolommen(tickets, [ticket, klant], "tickets")
    if tickets[ticket].duplicated().any():
        dubbel = tickets.loc[tickets[ticket].duplicated(), ticket].iloc[0]
        raise InvoerFout(
            f"Het ticket {dubbel!r} staat meer dan eens in 'tickets'; elk ticket moet uniek zijn."
        )
    eigenaar = pd.Series(
        tickets[klant].where(~anonieme_tickets(tickets[klant])).to_numpy(), index=tickets[ticket].to_numpy()
    )
    onbekend = ~sleutels.isin(eigenaar.index)
    if onbekend.any():
        voorbeeld = _voorbeelden(sleutels[onbekend])
        raise InvoerFout(
            f"{int(onbekend.sum())} rij(en) in '{tabel}' verwijzen naar een ticket dat niet in 'tickets' "
            f"staat, bv. {voorbeeld}."
        )
    return sleutels.map(eigenaar)


@belgische_tijd
def brutomarge_per_klant(
    ticketlijnen: pd.DataFrame,
    tickets: pd.DataFrame,
    producten: pd.DataFrame,
    klant: str = "klant_id",
    ticket: str = "ticket_id",
    product: str = "product_id",
    aantal: str = "aantal",
    bedrag: str = "bedrag",
    korting: str | None = "korting",
    aankoopprijs: str = "aankoopprijs",
    btw: float | Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Brutomarge per klant: netto omzet zonder btw min de aankoopwaarde van de verkochte stuks.

    Per ticketlijn: ``bedrag / (1 + btw) - aantal × aankoopprijs``, met het btw-tarief van het
    product (`btw_per_product`: 21%, sportvoeding 6%; geef ``btw`` mee voor één tarief, bv. ``0`` als
    je bedragen al zonder btw zijn, of voor eigen tarieven per productlijn). Het lijnbedrag is al na
    korting en inclusief btw; de btw is geen marge en gaat eraf. Retourlijnen hebben een negatief
    aantal en bedrag: de omzet en de aankoopwaarde van het teruggebrachte stuk vallen zo weg (het
    stuk ligt weer in de winkel).

    Eén rij per klant met kolommen ``omzet`` (zonder btw, na retours), ``korting`` (ter info, zit
    al in de omzet), ``aankoopwaarde``, ``brutomarge``, ``margepercentage`` (leeg als de omzet
    niet positief is) en ``teruggebracht``: de aankoopwaarde van de teruggebrachte stuks (voor de
    afschrijving op retours, zie `Tarieven`). Lijnen van anonieme tickets tellen niet mee: hun
    aantal en marge staan in ``attrs["anonieme_lijnen"]`` en ``attrs["anonieme_marge"]``.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2"], "klant_id": ["A", "A"]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2"], "product_id": ["P1", "P1"], "aantal": [2, -1],
    ...                        "bedrag": [121.0, -60.5], "korting": [0.0, 0.0]})
    >>> producten = pd.DataFrame({"product_id": ["P1"], "aankoopprijs": [20.0]})
    >>> brutomarge_per_klant(lijnen, tickets, producten)[["omzet", "aankoopwaarde", "brutomarge"]]
    ...     # (121 - 60,5) / 1,21 = 50; (2 - 1) × 20 = 20  # doctest: +NORMALIZE_WHITESPACE
              omzet  aankoopwaarde  brutomarge
    klant_id
    A          50.0           20.0        30.0
    """
    getallen = [aantal, bedrag] + ([korting] if korting is not None else [])
    _vereis_tabel(ticketlijnen, "ticketlijnen", [ticket, product, *getallen], getallen)
    _vereis_tabel(producten, "producten", [product, aankoopprijs], [aankoopprijs])
    tickets = met_klant_ids(tickets, klant, "tickets")
    eigenaar = _klant_per_rij(ticketlijnen[ticket], tickets, ticket, klant, "ticketlijnen")
    prijs = producten.drop_duplicates(product).set_index(product)[aankoopprijs]
    ontbreekt = ~ticketlijnen[product].isin(prijs.index)
    if ontbreekt.any():
        voorbeeld = _voorbeelden(ticketlijnen.loc[ontbreekt, product])
        raise InvoerFout(
            f"{int(ontbreekt.sum())} ticketlijn(en) hebben een product zonder aankoopprijs in 'producten', "
            f"bv. {voorbeeld}."
        )
    tarief = btw_per_product(producten.drop_duplicates(product), btw, product).to_numpy()
    rij = producten.drop_duplicates(product).set_index(product).index.get_indexer(ticketlijnen[product])
    omzet = ticketlijnen[bedrag].to_numpy(dtype="float64") / (1 + tarief[rij])
    stuks = ticketlijnen[aantal].to_numpy(dtype="float64")
    aankoopwaarde = stuks * ticketlijnen[product].map(prijs).to_numpy(dtype="float64")
    lijnen = pd.DataFrame(
        {
            "omzet": omzet,
            "korting": ticketlijnen[korting].to_numpy(dtype="float64") if korting is not None else 0.0,
            "aankoopwaarde": aankoopwaarde,
            "brutomarge": omzet - aankoopwaarde,
            "teruggebracht": -np.minimum(aankoopwaarde, 0.0),
        }
    )
    anoniem = eigenaar.isna().to_numpy()
    marge = lijnen[~anoniem].groupby(eigenaar[~anoniem].to_numpy()).sum().rename_axis(klant)
    with np.errstate(invalid="ignore", divide="ignore"):
        marge.insert(4, "margepercentage", (marge["brutomarge"] / marge["omzet"]).where(marge["omzet"] > 0))
    marge.attrs["anonieme_lijnen"] = int(anoniem.sum())
    marge.attrs["anonieme_marge"] = float(lijnen.loc[anoniem, "brutomarge"].sum())
    return marge


@belgische_tijd
def kost_om_te_bedienen(
    tickets: pd.DataFrame,
    contacten: pd.DataFrame | None = None,
    actiecontacten: pd.DataFrame | None = None,
    acties: pd.DataFrame | None = None,
    tarieven: Tarieven | None = None,
    klant: str = "klant_id",
    bedrag: str = "bedrag",
    kanaal: str | None = "kanaal",
) -> pd.DataFrame:
    """Wat kost het om elke klant te bedienen? Eén rij per klant die in een van de tabellen voorkomt.

    Onderdelen (tarieven: zie `Tarieven`; zonder ``tarieven`` gelden de standaardwaarden):

    - ``retouren`` × ``per_retour``, plus ``webshopretouren`` × ``extra_per_webshopretour``: een
      retour is een ticket met een negatief bedrag (``kanaal=None`` als je geen kanaalkolom hebt);
    - ``webshopbestellingen`` × ``per_webshopbestelling`` (verzending): tickets met een positief
      bedrag en kanaal ``webshop``;
    - ``minuten`` personeelstijd uit ``contacten`` (advies, vragen, retouches, klachten) ×
      ``per_minuut_personeel``; ``adviesminuten`` zegt hoeveel daarvan advies was;
    - ``retouches`` × ``per_retouche`` en ``klachten`` × ``per_klacht`` (contacten van dat type);
    - ``actiecontacten``: per verzonden contact de ``kost_per_contact`` van die actie.

    Kortingen staan er niet in: die zitten al in de brutomarge (zie de uitleg bovenaan de module).
    Tabellen die je niet hebt, laat je weg (``None``): dat onderdeel is dan 0.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"klant_id": ["A", "A", "B"], "bedrag": [80.0, -40.0, 25.0],
    ...                         "kanaal": ["webshop", "webshop", "winkel"]})
    >>> contacten = pd.DataFrame({"klant_id": ["B", "B"], "type": ["advies", "klacht"],
    ...                           "minuten": [20.0, 10.0]})
    >>> kost = kost_om_te_bedienen(tickets, contacten)
    >>> kost[["kost_verzending", "kost_retouren", "kost_personeel", "kost_klachten"]]
    ...     # A: 1 pakje 6,5 en retour 4 + 6,5; B: 30 min × 0,55 = 16,5 en 1 klacht 15
    ...     # doctest: +NORMALIZE_WHITESPACE
              kost_verzending  kost_retouren  kost_personeel  kost_klachten
    klant_id
    A                     6.5           10.5             0.0            0.0
    B                     0.0            0.0            16.5           15.0
    """
    t = tarieven if tarieven is not None else Tarieven()
    _vereis_tabel(tickets, "tickets", [klant, bedrag] + ([kanaal] if kanaal else []), [bedrag])
    tickets, contacten, actiecontacten = koppel_klanten(
        (tickets, "tickets"), (contacten, "contacten"), (actiecontacten, "actiecontacten"), klant=klant
    )
    delen: list[pd.DataFrame] = []
    bekend = tickets[~anonieme_tickets(tickets[klant])]
    retour = (bekend[bedrag] < 0).to_numpy()
    webshop = bekend[kanaal].eq("webshop").to_numpy() if kanaal else np.zeros(len(bekend), dtype=bool)
    delen.append(
        pd.DataFrame(
            {
                "webshopbestellingen": (webshop & (bekend[bedrag] > 0).to_numpy()).astype("int64"),
                "retouren": retour.astype("int64"),
                "webshopretouren": (webshop & retour).astype("int64"),
            },
            index=bekend[klant].to_numpy(),
        )
    )
    if contacten is not None:
        _vereis_tabel(contacten, "contacten", [klant, "type", "minuten"], ["minuten"], leeg_mag=True)
        c = contacten[~anonieme_tickets(contacten[klant])]
        advies = c["type"].eq("advies").to_numpy(bool, na_value=False)
        delen.append(
            pd.DataFrame(
                {
                    "minuten": c["minuten"].to_numpy(dtype="float64"),
                    "adviesminuten": np.where(advies, c["minuten"].to_numpy(dtype="float64"), 0.0),
                    "retouches": c["type"].eq("retouche").to_numpy().astype("int64"),
                    "klachten": c["type"].eq("klacht").to_numpy().astype("int64"),
                },
                index=c[klant].to_numpy(),
            )
        )
    if (actiecontacten is None) != (acties is None):
        raise InvoerFout("Geef 'actiecontacten' en 'acties' samen (de kost per contact staat in 'acties').")
    if actiecontacten is not None:
        delen.append(_actiekosten(actiecontacten, acties, klant))
    aantallen = pd.concat(delen).groupby(level=0).sum()
    aantallen = aantallen.reindex(columns=_AANTALLEN, fill_value=0).fillna(0).rename_axis(klant)
    aantallen = aantallen.astype({k: "int64" for k in _AANTALLEN if k not in _BEDRAGEN})
    return pd.concat([aantallen.drop(columns="kost_acties"), _kosten(aantallen, t)], axis=1)


def _kosten(aantallen: pd.DataFrame, t: Tarieven) -> pd.DataFrame:
    """De kosten om te bedienen uit de aantallen (kolommen van `kost_om_te_bedienen`) en de tarieven."""
    kost = pd.DataFrame(
        {
            "kost_verzending": aantallen["webshopbestellingen"] * t.per_webshopbestelling,
            "kost_retouren": aantallen["retouren"] * t.per_retour
            + aantallen["webshopretouren"] * t.extra_per_webshopretour,
            "kost_personeel": aantallen["minuten"] * t.per_minuut_personeel,
            "kost_retouches": aantallen["retouches"] * t.per_retouche,
            "kost_klachten": aantallen["klachten"] * t.per_klacht,
            "kost_acties": aantallen["kost_acties"],
        }
    ).astype("float64")
    kost["kost_om_te_bedienen"] = kost.sum(axis=1)
    return kost


KOSTPOSTEN: dict[str, str] = {
    "kost_personeel": "personeelstijd",
    "kost_verzending": "verzending",
    "kost_retouren": "retours afhandelen",
    "kost_afschrijving": "afschrijving op retours",
    "kost_retouches": "retouches",
    "kost_klachten": "klachten",
    "kost_acties": "acties",
}
"""De kostkolommen van `winst_per_klant`, met hun naam in gewone woorden."""

_BEDRAGEN = ("minuten", "adviesminuten", "kost_acties")
_KOSTBRONNEN = ("webshopbestellingen", "retouren", "webshopretouren", "minuten", "retouches", "klachten",
                "kost_acties")  # fmt: skip
_AANTALLEN = [
    "webshopbestellingen",
    "retouren",
    "webshopretouren",
    "minuten",
    "adviesminuten",
    "retouches",
    "klachten",
    "actiecontacten",
    "kost_acties",
]


def _actiekosten(actiecontacten: pd.DataFrame, acties: pd.DataFrame, klant: str) -> pd.DataFrame:
    """Aantal verzonden actiecontacten en hun kost per contact, per rij van ``actiecontacten``."""
    _vereis_tabel(actiecontacten, "actiecontacten", ["actie_id", klant, "verzonden"], [], leeg_mag=True)
    _vereis_tabel(acties, "acties", ["actie_id", "kost_per_contact"], ["kost_per_contact"], leeg_mag=True)
    per_contact = acties.drop_duplicates("actie_id").set_index("actie_id")["kost_per_contact"]
    verzonden = actiecontacten[actiecontacten["verzonden"].eq(True).to_numpy()]
    onbekend = ~verzonden["actie_id"].isin(per_contact.index)
    if onbekend.any():
        voorbeeld = _voorbeelden(verzonden.loc[onbekend, "actie_id"])
        raise InvoerFout(
            f"{int(onbekend.sum())} actiecontact(en) horen bij een onbekende actie, bv. {voorbeeld}."
        )
    kost = verzonden["actie_id"].map(per_contact).to_numpy(dtype="float64")
    return pd.DataFrame(
        {"actiecontacten": 1, "kost_acties": kost},
        index=verzonden[klant].to_numpy(),
    )


@belgische_tijd
def winst_per_klant(
    ticketlijnen: pd.DataFrame | None,
    tickets: pd.DataFrame,
    producten: pd.DataFrame | None,
    contacten: pd.DataFrame | None = None,
    actiecontacten: pd.DataFrame | None = None,
    acties: pd.DataFrame | None = None,
    tarieven: Tarieven | None = None,
    klant: str = "klant_id",
    btw: float | Mapping[str, float] | None = None,
    vaste_marge: float | None = None,
) -> pd.DataFrame:
    """Winst per klant = brutomarge - kost om te bedienen, met elk onderdeel in een eigen kolom.

    Eén rij per klant die iets kocht (een lijn op een ticket heeft), met de kolommen van
    `brutomarge_per_klant` en `kost_om_te_bedienen` en ``winst``. Omdat hier ook de lijnen en de
    aankoopprijzen bekend zijn, telt de kost om te bedienen ook ``kost_afschrijving`` mee:
    ``afschrijving_retour`` × de aankoopwaarde van de teruggebrachte stuks (``teruggebracht``).
    Wie nooit kocht maar wel kosten maakte (bv. een prospect die mailings kreeg), staat er niet in:
    die kosten staan in ``attrs["kost_niet_kopers"]`` en hun aantal in ``attrs["niet_kopers"]``.

    Het btw-tarief is dat van elk product (zie `brutomarge_per_klant`). Ken je de aankoopprijzen niet,
    geef dan een ``vaste_marge`` (zie `brutomarge_vast`; ``ticketlijnen`` en ``producten`` mogen dan
    ``None`` zijn, ``btw`` is dan één getal) of gebruik `winst_met_vaste_marge`.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2"], "klant_id": ["A", "B"], "bedrag": [121.0, 60.5],
    ...                         "kanaal": ["winkel", "winkel"]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2"], "product_id": ["P1", "P1"], "aantal": [2, 1],
    ...                        "bedrag": [121.0, 60.5], "korting": [0.0, 0.0]})
    >>> producten = pd.DataFrame({"product_id": ["P1"], "aankoopprijs": [20.0]})
    >>> contacten = pd.DataFrame({"klant_id": ["B"], "type": ["advies"], "minuten": [90.0]})
    >>> winst_per_klant(lijnen, tickets, producten, contacten)[["brutomarge", "kost_om_te_bedienen", "winst"]]
    ...     # B: 60,5 / 1,21 - 20 = 30 marge, 90 min × 0,55 = 49,5 kost  # doctest: +NORMALIZE_WHITESPACE
              brutomarge  kost_om_te_bedienen  winst
    klant_id
    A               60.0                  0.0   60.0
    B               30.0                 49.5  -19.5
    """
    tickets, contacten, actiecontacten = koppel_klanten(  # één vorm voor marge en kost samen
        (tickets, "tickets"), (contacten, "contacten"), (actiecontacten, "actiecontacten"), klant=klant
    )
    if vaste_marge is None:
        marge = brutomarge_per_klant(ticketlijnen, tickets, producten, klant=klant, btw=btw)
    else:
        marge = brutomarge_vast(tickets, vaste_marge, klant=klant, btw=BTW if btw is None else btw)
    kost = kost_om_te_bedienen(tickets, contacten, actiecontacten, acties, tarieven, klant=klant)
    niet_kopers = kost.index.difference(marge.index)
    winst = _reken_winst(marge.join(kost.reindex(marge.index, fill_value=0)), tarieven)
    winst.attrs = {
        **marge.attrs,
        "niet_kopers": len(niet_kopers),
        "kost_niet_kopers": float(kost.loc[niet_kopers, "kost_om_te_bedienen"].sum()),
    }
    return winst


def _reken_winst(tabel: pd.DataFrame, tarieven: Tarieven | None) -> pd.DataFrame:
    """De kostkolommen (met de afschrijving op retours) en de winst uit de marge en de aantallen."""
    t = tarieven if tarieven is not None else Tarieven()
    kost = _kosten(tabel, t)
    kost.insert(len(kost.columns) - 1, "kost_afschrijving", t.afschrijving_retour * tabel["teruggebracht"])
    kost["kost_om_te_bedienen"] += kost["kost_afschrijving"]
    winst = tabel.drop(columns=[*kost.columns, "winst"], errors="ignore").join(kost)
    winst["winst"] = winst["brutomarge"] - winst["kost_om_te_bedienen"]
    return winst


def herbereken_winst(winst: pd.DataFrame, tarieven: Tarieven) -> pd.DataFrame:
    """Dezelfde klanten met andere tarieven: de kosten en de winst opnieuw, zonder alles opnieuw te lezen.

    ``winst`` is de tabel van `winst_per_klant` (de aantallen, de brutomarge en ``teruggebracht``
    blijven; de kolommen ``kost_...`` en ``winst`` worden herberekend). Handig voor een
    schuifregelaar: wat als een uur personeel € 40 kost in plaats van € 33?

    >>> import pandas as pd
    >>> winst = pd.DataFrame({"brutomarge": [100.0], "teruggebracht": [0.0], "webshopbestellingen": [2],
    ...                       "retouren": [0], "webshopretouren": [0], "minuten": [60.0], "retouches": [0],
    ...                       "klachten": [0], "kost_acties": [0.0]}, index=["A"])
    >>> tarieven = Tarieven(per_minuut_personeel=1.0, per_webshopbestelling=5.0)
    >>> herbereken_winst(winst, tarieven)["winst"].tolist()  # 100 - 60 × 1 - 2 × 5
    [30.0]
    """
    if not isinstance(tarieven, Tarieven):
        raise InvoerFout(f"Geef de tarieven als Tarieven(...), niet als {type(tarieven).__name__}.")
    vereis_kolommen(winst, ["brutomarge", "teruggebracht", *_KOSTBRONNEN], "winst")
    return _reken_winst(winst, tarieven)


@belgische_tijd
def brutomarge_vast(
    tickets: pd.DataFrame,
    marge: float,
    klant: str = "klant_id",
    bedrag: str = "bedrag",
    btw: float = BTW,
) -> pd.DataFrame:
    """Brutomarge per klant zonder aankoopprijzen: een vaste marge op de omzet zonder btw.

    Heeft je kassa-export geen aankoopprijzen (of geen ticketlijnen), neem dan één marge voor alles
    en zeg erbij welke: ``brutomarge = bedrag / (1 + btw) × marge`` per ticket, retours (negatieve
    bedragen) eraf. Een boetiek die aan 2 tot 2,5 keer de aankoopprijs verkoopt, haalt 50% tot 60%
    op de volle prijs; met de solden en de kortingen erbij ligt het gemiddelde lager. Dezelfde
    kolommen als `brutomarge_per_klant` (``korting`` is 0, ``teruggebracht`` de geschatte
    aankoopwaarde van de retours). Anonieme tickets tellen niet mee.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"klant_id": ["A", "A", "B"], "bedrag": [242.0, -60.5, 121.0]})
    >>> brutomarge_vast(tickets, 0.4)[["omzet", "brutomarge", "teruggebracht"]]
    ...     # A: (242 - 60,5) / 1,21 = 150, × 0,4 = 60; retour 50 × 0,6 = 30  # doctest: +NORMALIZE_WHITESPACE
              omzet  brutomarge  teruggebracht
    klant_id
    A         150.0        60.0           30.0
    B         100.0        40.0            0.0
    """
    getaltype = int | float | np.integer | np.floating
    if isinstance(marge, bool) or not isinstance(marge, getaltype) or not 0 < marge < 1:
        raise InvoerFout(
            f"De vaste marge is een aandeel tussen 0 en 1 (bv. 0.45 voor 45%), niet {marge!r}. Verkoop je "
            "aan 2,2 keer de aankoopprijs (zonder btw), dan is je marge 1 - 1/2,2 = 0.55."
        )
    _vereis_tarief(btw)
    _vereis_tabel(tickets, "tickets", [klant, bedrag], [bedrag])
    tickets = met_klant_ids(tickets, klant, "tickets")
    bekend = tickets[~anonieme_tickets(tickets[klant])]
    omzet = bekend[bedrag].to_numpy(dtype="float64") / (1 + btw)
    per_ticket = pd.DataFrame(
        {
            "omzet": omzet,
            "korting": 0.0,
            "aankoopwaarde": omzet * (1 - marge),
            "brutomarge": omzet * marge,
            "teruggebracht": np.maximum(-omzet, 0.0) * (1 - marge),
        },
        index=bekend[klant].to_numpy(),
    )
    uit = per_ticket.groupby(level=0).sum().rename_axis(klant)
    uit.insert(4, "margepercentage", pd.Series(float(marge), index=uit.index).where(uit["omzet"] > 0))
    return uit


@belgische_tijd
def winst_met_vaste_marge(
    tickets: pd.DataFrame,
    marge: float,
    contacten: pd.DataFrame | None = None,
    actiecontacten: pd.DataFrame | None = None,
    acties: pd.DataFrame | None = None,
    tarieven: Tarieven | None = None,
    klant: str = "klant_id",
    btw: float = BTW,
) -> pd.DataFrame:
    """`winst_per_klant` zonder aankoopprijzen: de brutomarge is een vaste ``marge`` (`brutomarge_vast`).

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"klant_id": ["A", "B"], "bedrag": [121.0, 242.0], "kanaal": ["winkel"] * 2})
    >>> contacten = pd.DataFrame({"klant_id": ["A"], "type": ["advies"], "minuten": [100.0]})
    >>> winst_met_vaste_marge(tickets, 0.5, contacten)["winst"].round(2).tolist()  # A: 50 - 100 × 0,55
    [-5.0, 100.0]
    """
    return winst_per_klant(
        None, tickets, None, contacten, actiecontacten, acties, tarieven, klant, btw, vaste_marge=marge
    )


def winst_van_winkel(
    winkel: Winkel,
    tarieven: Tarieven | None = None,
    btw: float | Mapping[str, float] | None = None,
    vaste_marge: float | None = None,
) -> pd.DataFrame:
    """`winst_per_klant` voor een hele winkel uit `helpers.data.laad_winkel`.

    Met ``vaste_marge`` doe je alsof je de aankoopprijzen niet kent (zoals bij veel kassa-exports).

    >>> from helpers.data import laad_winkel
    >>> winst = winst_van_winkel(laad_winkel("kledingzaak"))
    >>> bool(winst["winst"].sum() > 0)
    True
    """
    return winst_per_klant(
        winkel.ticketlijnen,
        winkel.tickets,
        winkel.producten,
        winkel.contacten,
        winkel.actiecontacten,
        winkel.acties,
        tarieven=tarieven,
        btw=btw,
        vaste_marge=vaste_marge,
    )


@dataclass(frozen=True)
class Remedie:
    """Een maatregel die een klant minder laat kosten, in plaats van hem weg te sturen.

    - ``retouchebijdrage``: wat de klant betaalt per retouche, in euro met btw (bv. € 12 voor een
      zoom), in plaats van gratis retouches;
    - ``retourbijdrage``: wat de klant betaalt per teruggestuurde webshopbestelling, in euro met btw
      (bv. € 4,95 voor het retourlabel); retours in de winkel blijven gratis;
    - ``advies_op_afspraak``: het aandeel van de adviesminuten dat je uitspaart met advies op
      afspraak (de maten liggen klaar, geen wachttijd, geen derde bezoek voor dezelfde vraag), een
      aandeel tussen 0 en 1 (bv. 0.4).

    >>> Remedie(retourbijdrage=4.95).retourbijdrage
    4.95
    """

    retouchebijdrage: float = 0.0
    retourbijdrage: float = 0.0
    advies_op_afspraak: float = 0.0

    def __post_init__(self) -> None:
        for naam, waarde in asdict(self).items():
            if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not waarde >= 0:
                raise InvoerFout(f"'{naam}' is een getal van 0 of meer, niet {waarde!r}.")
        if self.advies_op_afspraak > 1:
            raise InvoerFout(
                "'advies_op_afspraak' is het aandeel adviesminuten dat je uitspaart, tussen 0 en 1 "
                f"(bv. 0.4 voor 40%), niet {self.advies_op_afspraak}."
            )


def met_remedie(
    winst: pd.DataFrame,
    remedie: Remedie | Mapping[object, Remedie],
    tarieven: Tarieven | None = None,
    btw: float = BTW,
) -> pd.DataFrame:
    """Wat levert een remedie op? De winst per klant vóór en na de maatregel.

    ``winst`` is de tabel van `winst_per_klant`; ``remedie`` geldt voor alle klanten, of is een
    woordenboek ``{klant: Remedie(...)}`` voor enkele klanten (de anderen veranderen niet).
    ``tarieven`` zijn dezelfde als waarmee je de winst berekende (standaard: `Tarieven`). Er komen
    drie kolommen bij: ``opbrengst_remedie`` (de bijdragen van de klant, zonder btw: ``btw`` is het
    tarief op de dienst, standaard 21%), ``besparing_remedie`` (de uitgespaarde adviesminuten maal
    ``per_minuut_personeel``) en ``winst_na_remedie``.

    >>> import pandas as pd
    >>> winst = pd.DataFrame({"winst": [-40.0, 10.0], "retouches": [2, 0], "webshopretouren": [1, 3],
    ...                       "adviesminuten": [100.0, 0.0]}, index=["A", "B"])
    >>> na = met_remedie(winst, {"A": Remedie(retouchebijdrage=12.1, advies_op_afspraak=0.5)})
    >>> na[["opbrengst_remedie", "besparing_remedie", "winst_na_remedie"]].round(2)
    ...     # A: 2 × 12,10 / 1,21 = 20; 50 min × 0,55 = 27,5; -40 + 47,5  # doctest: +NORMALIZE_WHITESPACE
       opbrengst_remedie  besparing_remedie  winst_na_remedie
    A               20.0               27.5               7.5
    B                0.0                0.0              10.0
    """
    t = tarieven if tarieven is not None else Tarieven()
    _vereis_tarief(btw)
    vereis_kolommen(winst, ["winst", "retouches", "webshopretouren", "adviesminuten"], "winst")
    if isinstance(remedie, Remedie):
        per_klant = pd.DataFrame([asdict(remedie)] * len(winst), index=winst.index)
    elif isinstance(remedie, Mapping):
        vreemd = [r for r in remedie.values() if not isinstance(r, Remedie)]
        if vreemd:
            raise InvoerFout(f"Geef per klant een Remedie(...), niet {vreemd[0]!r}.")
        onbekend = [k for k in remedie if k not in winst.index]
        if onbekend:
            raise InvoerFout(
                f"Deze klanten staan niet in de winsttabel: {', '.join(map(repr, onbekend[:3]))}."
            )
        per_klant = pd.DataFrame({k: asdict(r) for k, r in remedie.items()}, dtype="float64").T
        per_klant = per_klant.reindex(index=winst.index, columns=list(asdict(Remedie())), fill_value=0.0)
    else:
        raise InvoerFout(
            f"Geef een Remedie(...) of een woordenboek {{klant: Remedie(...)}}, niet {remedie!r}."
        )
    uit = winst.copy()
    uit["opbrengst_remedie"] = (
        winst["retouches"] * per_klant["retouchebijdrage"]
        + winst["webshopretouren"] * per_klant["retourbijdrage"]
    ) / (1 + btw)
    uit["besparing_remedie"] = (
        winst["adviesminuten"] * per_klant["advies_op_afspraak"] * t.per_minuut_personeel
    )
    uit["winst_na_remedie"] = winst["winst"] + uit["opbrengst_remedie"] + uit["besparing_remedie"]
    return uit


def _winstreeks(winst: pd.DataFrame | pd.Series, kolom: str) -> pd.Series:
    if isinstance(winst, pd.DataFrame):
        vereis_kolommen(winst, [kolom], "winst")
        winst = winst[kolom]
    if not isinstance(winst, pd.Series):
        raise InvoerFout(f"Verwacht de winst per klant als tabel of reeks, kreeg {type(winst).__name__}.")
    vereis_niet_leeg(winst.to_frame(), "winst")
    vereis_getallen(winst.to_frame(kolom), kolom, "winst")
    totaal = winst.sum()
    if not totaal > 0:
        raise InvoerFout(
            f"De totale winst is {totaal:.2f} euro, niet positief: een walviscurve (in % van de totale "
            "winst) heeft dan geen betekenis."
        )
    return winst


def walviscurve(winst: pd.DataFrame | pd.Series, kolom: str = "winst") -> pd.DataFrame:
    """De walviscurve: klanten van meest naar minst winstgevend, met de cumulatieve winst.

    ``winst`` is de tabel van `winst_per_klant` (kolom ``kolom``) of een reeks winst per klant.
    Eén rij per klant, gesorteerd: ``rang`` (1 = meest winstgevend), ``aandeel_klanten``
    (rang / aantal klanten), ``winst``, ``cumulatieve_winst`` en ``aandeel_winst`` (cumulatieve
    winst / totale winst). De curve eindigt altijd op 1 (100%); teken ze vanaf het punt (0, 0).

    >>> import pandas as pd
    >>> winst = pd.Series([-50.0, 300.0, 100.0, -150.0], index=["A", "B", "C", "D"])
    >>> walviscurve(winst)[["aandeel_klanten", "aandeel_winst"]]  # doctest: +NORMALIZE_WHITESPACE
       aandeel_klanten  aandeel_winst
    B             0.25           1.50
    C             0.50           2.00
    A             0.75           1.75
    D             1.00           1.00
    """
    reeks = _winstreeks(winst, kolom).sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    n = len(reeks)
    cumulatief = reeks.cumsum()
    return pd.DataFrame(
        {
            "rang": np.arange(1, n + 1),
            "aandeel_klanten": np.arange(1, n + 1) / n,
            "winst": reeks.to_numpy(dtype="float64"),
            "cumulatieve_winst": cumulatief.to_numpy(dtype="float64"),
            "aandeel_winst": (cumulatief / reeks.sum()).to_numpy(dtype="float64"),
        },
        index=reeks.index,
    )


@dataclass(frozen=True)
class WalvisTop:
    """De kerncijfers van een walviscurve (zie `walvis_top`)."""

    hoogte: float  # hoogste punt: cumulatieve winst als aandeel van de totale winst (1,8 = 180%)
    aandeel_klanten: float  # waar de top ligt: aandeel van de klanten (de winstgevende)
    klanten_tot_top: int  # aantal klanten tot aan de top
    totale_winst: float
    verlies: float  # som van de winst van de verlieslatende klanten (negatief of 0)
    aandeel_verlieslatend: float  # aandeel klanten met winst < 0
    aandeel_top20: float  # winst van de beste 20% klanten als aandeel van de totale winst


def walvis_top(winst: pd.DataFrame | pd.Series, kolom: str = "winst") -> WalvisTop:
    """Hoe hoog is de walvis en waar ligt de top?

    De top van de walviscurve ligt waar de laatste winstgevende klant staat: zijn hoogte is de
    winst van alle winstgevende klanten samen als aandeel van de totale winst. Daarna eet de
    staart van verlieslatende klanten (``verlies``) de winst terug af tot 100%. ``aandeel_top20``
    is de winst van de beste 20% van de klanten (naar boven afgerond) als aandeel van het totaal,
    het cijfer van Cooper & Kaplan (tot 225%).

    >>> import pandas as pd
    >>> top = walvis_top(pd.Series([-50.0, 300.0, 100.0, -150.0, 0.0]))
    >>> top.hoogte, top.aandeel_klanten, top.aandeel_verlieslatend, top.aandeel_top20  # 400 / 200
    (2.0, 0.4, 0.4, 1.5)
    """
    curve = walviscurve(winst, kolom)
    plek = int(np.argmax(curve["aandeel_winst"].to_numpy()))
    n = len(curve)
    top20 = -(-n // 5) - 1  # ceil(n / 5) klanten, als positie
    return WalvisTop(
        hoogte=float(curve["aandeel_winst"].iloc[plek]),
        aandeel_klanten=float(curve["aandeel_klanten"].iloc[plek]),
        klanten_tot_top=plek + 1,
        totale_winst=float(curve["cumulatieve_winst"].iloc[-1]),
        verlies=float(curve["winst"].clip(upper=0).sum()),
        aandeel_verlieslatend=float((curve["winst"] < 0).mean()),
        aandeel_top20=float(curve["aandeel_winst"].iloc[top20]),
    )

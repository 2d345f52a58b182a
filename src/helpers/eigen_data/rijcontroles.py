"""Controles op hele rijen van een export: structuur, lege rijen, totaalrijen en dubbels.

- **Structuur.** Een rij met meer velden dan de kopregel (een scheidingsteken te veel, zoals een
  komma in ``12,50`` in een bestand met komma's als scheidingsteken) wordt geweigerd: welk veld
  bij welke kolom hoort, is niet te weten. Zijn de extra velden leeg, dan is de rij hersteld (de
  lege velden genegeerd). Een rij met minder velden dan de kopregel wordt geweigerd als een gebruikte
  kolom ontbreekt; ontbreken enkel ongebruikte kolommen achteraan, dan is ze hersteld. Met een komma als
  scheidingsteken is een geheel bedrag gevolgd door twee losse cijfers (``12`` en ``50``) verdacht en
  geweigerd, ook als het aantal velden klopt. Een
  onleesbaar teken (``\\ufffd``) in een gebruikte kolom weigert de rij, elders is het een melding.
- **Totaalrijen.** Een rij is een totaalrij als de ticketkolom, de datumkolom, de soortkolom of
  een ongebruikte eerste kolom met een totaalwoord begint (``Totaal``, ``Subtotaal``, ``Som``,
  ``Total``), of als een rij zonder datum en zonder ticketnummer precies de som van de rijen erboven
  draagt (sinds de vorige totaalrij, of van alle rijen). Een klant die ``Som`` heet, blijft een klant.
- **Dubbels.** Een ticketnummer geldt voor het hele bestand (ook over werkbladen heen). Zonder
  productkolom is een rij die letterlijk gelijk is aan een eerdere rij (alle kolommen) een dubbel en
  wordt geweigerd; een rij met hetzelfde ticketnummer, dezelfde datum en klant maar een ander bedrag
  of een andere betaalwijze (een gesplitste betaling) hoort bij hetzelfde ticket en wordt
  samengeteld; met een andere datum of klant wordt ze geweigerd. Met een productkolom zijn gelijke
  rijen twee gelijke lijnen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.eigen_data.codering import ONLEESBAAR
from helpers.eigen_data.ruw import Ruw, kolomnaam
from helpers.eigen_data.verslag import Verslag
from helpers.eigen_data.waarden import _bevat, _past, bericht

TOTAALWOORD = r"(?i)(?:(?:sub|grand|eind|dag|week|maand)?\s*(?:totaal|totalen|total|totals)\b.*|som\b.*)"
"""Hoe de tekst in een totaalrij begint (hoofdletters tellen niet)."""
_TOTAALKOLOMMEN = ("ticket_id", "datum", "soort")


def controleer_structuur(
    ruw: Ruw, doelen: dict[str, int], tekst: dict[int, pd.Series], verslag: Verslag
) -> None:
    """Wat het lezen al vond (los aanhalingsteken, andere codering), het aantal velden per rij en
    onleesbare tekens (zie de uitleg bovenaan de module)."""
    if ruw.weigering is not None:
        verslag.weiger(ruw.weigering.notna().to_numpy(), ruw.weigering_kolom, ruw.weigering)
    leeg = _leeg(ruw, tekst)
    if ruw.velden is not None:
        _aantal_velden(ruw, doelen, leeg, verslag)
    if ruw.scheidingsteken == ",":
        _gesplitst_bedrag(ruw, doelen, tekst, verslag)
    gebruikt = set(doelen.values())
    for positie, waarden in tekst.items() if ruw.onleesbaar else ():
        onleesbaar = _bevat(waarden, ONLEESBAAR)
        if not onleesbaar.any():
            continue
        naam = kolomnaam(ruw.koppen, positie)
        if positie in gebruikt:
            verslag.weiger(
                onleesbaar, naam, "onleesbaar teken (", ONLEESBAAR, ") in '", waarden,
                "': het bestand bevat een teken dat in geen gangbare codering bestaat; bewaar het als UTF-8",
            )  # fmt: skip
        else:
            verslag.herstel_als(
                bericht(pd.Series(onleesbaar), f"onleesbaar teken in kolom '{naam}' (niet gebruikt)"), naam
            )
    if ruw.herstel is not None:
        verslag.herstel_als(ruw.herstel.reset_index(drop=True), None)


def _leeg(ruw: Ruw, tekst: dict[int, pd.Series]) -> np.ndarray:
    """Rijen zonder enige inhoud."""
    leeg = np.ones(len(ruw.tabel), dtype=bool)
    for waarden in tekst.values():
        leeg &= waarden.isna().to_numpy()
    if ruw.extra_gevuld is not None:
        leeg &= ~ruw.extra_gevuld
    return leeg


def _aantal_velden(ruw: Ruw, doelen: dict[str, int], leeg: np.ndarray, verslag: Verslag) -> None:
    breedte = len(ruw.koppen)
    velden = pd.Series(ruw.velden)
    aantal = ruw.velden
    uitleg = f" velden, maar de kopregel heeft er {breedte}: "
    te_veel = (aantal > breedte) & ~leeg
    laatste = kolomnaam(ruw.koppen, max((i for i, k in enumerate(ruw.koppen) if k), default=breedte - 1))
    verslag.weiger(
        te_veel & ruw.extra_gevuld, laatste, "", velden, uitleg,
        "een scheidingsteken te veel, zoals een komma in een bedrag zonder aanhalingstekens ('12,50'); welk "
        "veld bij welke kolom hoort, is niet te weten",
    )  # fmt: skip
    verslag.herstel_als(
        bericht(
            pd.Series(te_veel & ~ruw.extra_gevuld), "", velden, uitleg, "de lege velden achteraan genegeerd"
        ),
        None,
    )
    te_weinig = (aantal < breedte) & ~leeg
    if not te_weinig.any():
        return
    posities = np.array(sorted(doelen.values()))
    eerste_ontbrekend = posities[np.minimum(np.searchsorted(posities, aantal), len(posities) - 1)]
    ontbreekt = te_weinig & (aantal <= posities[-1])
    kolom = pd.Series([kolomnaam(ruw.koppen, p) for p in eerste_ontbrekend], dtype="string")
    verslag.weiger(
        ontbreekt, kolom, "", velden, uitleg, "deze kolom ontbreekt, dus de waarden kunnen verschoven zijn",
    )  # fmt: skip
    verslag.herstel_als(
        bericht(
            pd.Series(te_weinig & ~ontbreekt),
            "",
            velden,
            uitleg,
            "de ontbrekende (niet gebruikte) kolommen achteraan als leeg gelezen",
        ),
        None,
    )


def _gesplitst_bedrag(
    ruw: Ruw, doelen: dict[str, int], tekst: dict[int, pd.Series], verslag: Verslag
) -> None:
    """Komma als scheidingsteken: een geheel bedrag gevolgd door precies twee cijfers in de volgende kolom
    is waarschijnlijk een bedrag met decimale komma (``12,50``) dat in twee velden viel, ook als het
    aantal velden toevallig klopt (de laatste kolom ontbrak). Tenzij die kolom gewoon zulke getallen
    bevat (in de meeste rijen twee cijfers, bv. een btw-percentage 21)."""
    for doel in ("bedrag", "korting", "eenheidsprijs"):
        positie = doelen.get(doel)
        if positie is None or positie + 1 not in tekst:
            continue
        volgende = _past(tekst[positie + 1], r"\d{2}")
        if volgende.mean() >= 0.5:
            continue
        verdacht = volgende & _past(tekst[positie], r"-?\d+")
        uitleg = (
            f"' in kolom '{kolomnaam(ruw.koppen, positie + 1)}': waarschijnlijk een bedrag met een decimale "
            "komma zonder aanhalingstekens, in twee velden gesplitst; welk veld bij welke kolom hoort, "
            "is niet te weten"
        )
        naam = kolomnaam(ruw.koppen, positie)
        verslag.weiger(verdacht, naam, "'", tekst[positie], "' gevolgd door '", tekst[positie + 1], uitleg)


def weiger_lege_en_totaalrijen(
    ruw: Ruw, doelen: dict[str, int], namen: dict[str, str], tekst: dict[int, pd.Series], verslag: Verslag
) -> np.ndarray:
    """Rijen die geen ticket zijn: leeg, een totaalrij (op woord), een herhaalde kopregel, een formule zonder
    waarde. Geeft de totaalrijen (ook als ze al om een andere reden geweigerd waren)."""
    gebruikt = [tekst[p] for p in doelen.values()]
    leeg_gebruikt = np.logical_and.reduce([t.isna().to_numpy() for t in gebruikt])
    alles = leeg_gebruikt & _leeg(ruw, tekst)
    verslag.weiger(alles, namen["datum"], "lege regel")
    verslag.weiger(leeg_gebruikt & ~alles, namen["datum"], "geen gegevens in de gebruikte kolommen")

    posities = [doelen[d] for d in _TOTAALKOLOMMEN if d in doelen]
    if 0 not in doelen.values() and len(ruw.koppen) > 0:
        posities.insert(0, 0)  # een ongebruikte eerste kolom ('Omschrijving': 'Totaal januari')
    totaal = np.zeros(len(ruw.tabel), dtype=bool)
    for positie in posities:
        woord = _past(tekst[positie], TOTAALWOORD)
        totaal |= woord
        verslag.weiger(
            woord, kolomnaam(ruw.koppen, positie), "totaalrij ('", tekst[positie], "'), geen ticket"
        )

    datum, bedrag = tekst[doelen["datum"]], tekst[doelen["bedrag"]]
    herhaald = ((datum == namen["datum"]) & (bedrag == namen["bedrag"])).fillna(False).to_numpy(dtype=bool)
    verslag.weiger(herhaald, namen["datum"], "herhaalde kopregel, geen ticket")
    if ruw.formule_zonder_waarde is not None:
        for doel, positie in sorted(doelen.items()):
            verslag.weiger(
                ruw.formule_zonder_waarde.iloc[:, positie].to_numpy(dtype=bool),
                namen[doel],
                "formule zonder berekende waarde (open het bestand in Excel en bewaar het opnieuw)",
            )
    return totaal


def weiger_somrijen(
    bedrag: pd.Series, kandidaat: np.ndarray, woordtotaal: np.ndarray, kolom: str, verslag: Verslag
) -> None:
    """Een rij zonder datum en ticketnummer (``kandidaat``) waarvan het bedrag de som is van de rijen
    erboven sinds de vorige totaalrij, of van alle rijen erboven: een totaalrij."""
    kandidaat = kandidaat & verslag.open().to_numpy() & bedrag.notna().to_numpy()
    if not kandidaat.any():
        return
    gewoon = verslag.open().to_numpy() & ~kandidaat & bedrag.notna().to_numpy()
    som = np.cumsum(np.where(gewoon, bedrag.fillna(0).to_numpy(), 0.0))
    gewoon_voor = np.cumsum(gewoon)
    rij = verslag.rij.to_numpy()
    reden = pd.Series(pd.NA, index=bedrag.index, dtype="string")
    vorige = -1
    for p in np.flatnonzero(kandidaat | woordtotaal):
        if woordtotaal[p]:
            vorige = p
            continue
        blok = som[p] - (som[vorige] if vorige >= 0 else 0.0)
        rijen_in_blok = gewoon_voor[p] - (gewoon_voor[vorige] if vorige >= 0 else 0)
        # een blok van één rij telt enkel na een herkende totaalrij (dan is het patroon gezet)
        if rijen_in_blok > (0 if vorige >= 0 else 1) and abs(bedrag.iloc[p] - blok) < 0.005:
            eerste, laatste = rij[vorige + 1], rij[p - 1]
            welke = f"rij {eerste}" if eerste == laatste else f"de rijen {eerste} tot {laatste}"
            reden.iloc[p] = f"totaalrij: het bedrag is de som van {welke}, geen ticket"
            vorige = p
        elif gewoon_voor[p] > 1 and abs(bedrag.iloc[p] - som[p]) < 0.005:
            reden.iloc[p] = "totaalrij: het bedrag is de som van alle rijen erboven, geen ticket"
            vorige = p
    verslag.weiger(reden.notna(), kolom, reden)


def dubbels(
    waarden: pd.DataFrame, tekst: dict[int, pd.Series], verslag: Verslag, namen: dict[str, str], lijnen: bool
) -> None:
    """Dubbele rijen en tickets (zie de regels bovenaan de module)."""
    kolom = namen.get("ticket_id", namen["datum"])
    nummers = waarden.loc[verslag.open().to_numpy(), "ticket_id"]
    herhaald = nummers.index[nummers.duplicated(keep=False).to_numpy()]  # enkel deze rijen kunnen dubbel zijn
    if len(herhaald) == 0:
        return
    positie = pd.Series(herhaald, index=herhaald)
    letterlijk = pd.DataFrame({p: t.loc[herhaald] for p, t in tekst.items()}).astype(object)
    letterlijk = letterlijk.where(letterlijk.notna(), "")
    eerste = positie.groupby([letterlijk[c] for c in letterlijk], sort=False).transform("first")
    identiek = (eerste != positie).reindex(waarden.index, fill_value=False)
    waar = verslag.verwijzing(eerste.reindex(waarden.index))
    if lijnen:
        verslag.merk_op(bericht(identiek, "identiek aan rij ", waar, ": als een tweede, gelijke lijn geteld"))
    else:
        verslag.weiger(identiek.to_numpy(), kolom, "dubbele rij, identiek aan rij ", waar)

    kandidaten = waarden.loc[herhaald][verslag.open()[herhaald].to_numpy()]
    eerste = (
        kandidaten.assign(positie=kandidaten.index)
        .groupby("ticket_id", sort=False)[["positie", "datum", "klant_id", "betaalwijze"]]
        .transform("first")
    )
    zelfde_klant = (kandidaten["klant_id"] == eerste["klant_id"]).fillna(False) | (
        kandidaten["klant_id"].isna() & eerste["klant_id"].isna()
    )
    conflict = ((kandidaten["datum"] != eerste["datum"]) | ~zelfde_klant).reindex(
        waarden.index, fill_value=False
    )
    waar = verslag.verwijzing(eerste["positie"].reindex(waarden.index))
    ticket = waarden["ticket_id"]
    verslag.weiger(
        conflict.to_numpy(),
        kolom,
        "ticket '",
        ticket,
        "' staat al op rij ",
        waar,
        " met andere datum of klant",
    )
    if lijnen:
        return
    vervolg = (eerste["positie"] != kandidaten.index).reindex(
        waarden.index, fill_value=False
    ) & verslag.open()
    betaling = (
        (kandidaten["betaalwijze"] != eerste["betaalwijze"])
        .fillna(False)
        .reindex(waarden.index, fill_value=False)
    )
    gesplitst = bericht(
        vervolg & betaling, "ticket '", ticket, "' staat ook op rij ", waar, " met een andere betaalwijze ('",
        waarden["betaalwijze"], "'): een gesplitste betaling, bedragen samengeteld tot één ticket",
    )  # fmt: skip
    gewoon = bericht(
        vervolg & ~betaling,
        "ticket '",
        ticket,
        "' staat ook op rij ",
        waar,
        ": bedragen samengeteld tot één ticket",
    )
    verslag.herstel_als(gesplitst.fillna(gewoon), kolom)

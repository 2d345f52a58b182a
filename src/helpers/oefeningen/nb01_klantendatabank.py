"""Oefeningen van notebook 01 De klantendatabank: een echt (vuil) klantenbestand opschonen en gebruiken.

De opdrachten werken op een `Oefenbestand`: het klantenbestand van een winkel zoals het aan de
toonbank ingetypt werd (dubbels, foute e-mailadressen, testrecords, ...; zie
`helpers.genereer.vervuiling`), met de verborgen waarheid erbij. Zo kan elke controle je opkuis
vergelijken met wat er echt aan de hand was. In een echte winkel heb je die waarheid niet: daar kijk
je de twijfelgevallen met de hand na.

Krijgt een controle een gewone `Winkel` (zoals in de tests), dan maakt ze een oefenbestand van
hetzelfde profiel (`oefenbestand`).

>>> from helpers.oefeningen import controleer
>>> uit = controleer("01_eigen_gegevens", {"schoenmaat": "sneller adviseren", "verjaardag": "een attentie",
...                                       "geloof": "een kerstkaart op maat"})
>>> uit.status, "artikel 9" in uit.boodschap
('fout', True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers.acties import doellijst
from helpers.kwaliteit import email_probleem, herstel_email, schoon_winkel, zoek_testrecords
from helpers.oefeningen.kern import (
    AANDEEL_TOL,
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    als_procent,
    registreer,
)
from helpers.opmaak import getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel


@dataclass(frozen=True, eq=False)
class Oefenbestand:
    """Een winkel met de fouten van een echt klantenbestand (``winkel``) en de waarheid erover
    (``sleutel``, zie `helpers.genereer.vervuiling`). Gebruik ``bestand.winkel`` zoals een gewone winkel.
    """

    winkel: Winkel
    sleutel: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"Oefenbestand({self.winkel.naam}: {getal(len(self.winkel.klanten))} records in het "
            "klantenbestand, zoals ze aan de toonbank ingetypt werden)"
        )


@functools.lru_cache(maxsize=6)
def oefenbestand(
    profiel: str = "schoenenzaak", aantal_klanten: int | None = None, seed: int = 42
) -> Oefenbestand:
    """Het klantenbestand van een oefenwinkel met de fouten van een echt bestand, en de waarheid erover.

    Standaard de winkel van ``datasets/`` (standaardgrootte, seed 42) met ``vervuiling=True``.

    >>> b = oefenbestand("schoenenzaak", aantal_klanten=300, seed=3)
    >>> int(b.sleutel["testrecord"].sum()) >= 3
    True
    """
    from helpers.genereer import genereer_winkel_met_sleutel

    winkel, sleutel = genereer_winkel_met_sleutel(profiel, aantal_klanten, seed=seed, vervuiling=True)
    return Oefenbestand(winkel, sleutel)


def bestand_van(winkel: Winkel | Oefenbestand) -> Oefenbestand:
    """Het oefenbestand bij wat een controle krijgt: een `Oefenbestand` zelf, of (in de tests) een gewone
    winkel, waarvan een oefenbestand van hetzelfde profiel en ongeveer dezelfde grootte gemaakt wordt."""
    if isinstance(winkel, Oefenbestand):
        return winkel
    from helpers.genereer import PROFIELDATA

    standaard = PROFIELDATA[winkel.profiel].standaard_klanten
    return oefenbestand(winkel.profiel, min(len(winkel.klanten), standaard))


def _persoon(sleutel: pd.DataFrame) -> pd.Series:
    """Klantnummer -> de persoon (het eerste record van wie dubbel staat)."""
    rij = sleutel.set_index("klant_id")["zelfde_persoon_als"]
    return rij.where(rij.notna(), rij.index.to_series())


def _n(aantal: int, enkel: str, meer: str) -> str:
    return f"{getal(aantal)} {enkel if aantal == 1 else meer}"


# --- opdracht 1: toestemming (opzoeken) ----------------------------------------------------------------


def aandeel_toestemming(winkel: Winkel | Oefenbestand) -> float:
    """Aandeel records in het klantenbestand met toestemming voor marketing."""
    return float(bestand_van(winkel).winkel.klanten["toestemming_marketing"].mean())


registreer(
    Oefening(
        naam="01_aandeel_toestemming",
        vraag="Welk aandeel van de records in het klantenbestand gaf toestemming voor marketing?",
        oplossing=aandeel_toestemming,
        fouten=(
            Fout(
                als_procent(aandeel_toestemming),
                "je gaf een percentage (zoals 65) in plaats van een aandeel (zoals 0.65). Deel door 100.",
            ),
            Fout(
                lambda w: int(bestand_van(w).winkel.klanten["toestemming_marketing"].sum()),
                "je gaf het aantal records met toestemming. Gevraagd is het aandeel: deel door het aantal "
                "records.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} gaf toestemming. Een klantenkaart is nog geen toestemming om reclame te sturen: "
            "de rest mag je niet mailen, hoe graag je ook zou willen."
        ),
        tip="Kijk naar de kolom met de toestemming voor marketing: waar/onwaar per persoon. Het gemiddelde "
        "van zo'n kolom is het aandeel 'waar'.",
        abs_tol=AANDEEL_TOL,
        soort="opzoeken",
    )
)


# --- opdracht 2: testrecords ------------------------------------------------------------------------


def aantal_testrecords(winkel: Winkel | Oefenbestand) -> int:
    """Het echte aantal records dat geen klant is (testrecords en de eigen kaart), volgens de sleutel."""
    return int(bestand_van(winkel).sleutel["testrecord"].sum())


registreer(
    Oefening(
        naam="01_testrecords",
        vraag="Hoeveel records in het klantenbestand zijn geen klant (testkaarten en de eigen kaart van "
        "de winkel)?",
        oplossing=aantal_testrecords,
        fouten=(
            Fout(
                lambda w: len(zoek_testrecords(bestand_van(w).winkel.klanten)),
                "je vond de testkaarten, maar niet de eigen kaart van de winkel. Geef ook de naam van de "
                "winkel mee: daarop scant het personeel aankopen van klanten zonder kaart.",
            ),
        ),
        uitleg=lambda v: (
            f"{_n(v, 'record is', 'records zijn')} geen klant. Haal je ze weg, dan worden de tickets op de "
            "eigen kaart weer wat ze zijn: anonieme verkoop, geen 'topklant'."
        ),
        tip="Zoek de records met een testnaam of met de naam van de winkel; de functie die dat doet, neemt "
        "de naam van de winkel als tweede gegeven.",
        soort="berekening",
    )
)


# --- opdracht 3: dubbels samenvoegen ------------------------------------------------------------------

MAX_FOUT_SAMEN = 0.05
"""Hoogstens zoveel van je samenvoegingen mogen twee verschillende mensen samengooien."""

MIN_GEVONDEN = 0.5
"""Minstens zoveel van de dubbels moet je vinden: anders blijft het probleem grotendeels staan."""


def _groepen(antwoord: Any) -> pd.DataFrame:
    if not isinstance(antwoord, pd.DataFrame) or not {"klant_id", "groep"} <= set(antwoord.columns):
        raise KeuzeFout(
            "Geef een tabel met de kolommen 'klant_id' en 'groep' (zoals die van de mogelijke dubbels): "
            "records met hetzelfde groepsnummer voeg je samen."
        )
    return antwoord[["klant_id", "groep"]].astype({"klant_id": "str"})


def oordeel_dubbels(antwoord: Any, winkel: Winkel | Oefenbestand) -> Oordeel:
    """Welke records voeg je samen? Getoetst aan de waarheid: geen twee mensen samen, genoeg dubbels weg."""
    bestand = bestand_van(winkel)
    groepen = _groepen(antwoord)
    persoon = _persoon(bestand.sleutel)
    onbekend = ~groepen["klant_id"].isin(persoon.index)
    if onbekend.any():
        raise KeuzeFout(
            f"Het klantnummer {groepen.loc[onbekend, 'klant_id'].iloc[0]!r} staat niet in het bestand."
        )
    groepen = groepen.assign(persoon=groepen["klant_id"].map(persoon).to_numpy())
    per_groep = groepen.groupby("groep")["persoon"].nunique()
    verkeerd = int((per_groep > 1).sum())
    # een dubbel is gevonden als het in dezelfde groep zit als het eerste record van die persoon
    echt = bestand.sleutel.dropna(subset=["zelfde_persoon_als"])
    groep_van = groepen.set_index("klant_id")["groep"]
    gevonden = int(
        (
            echt["klant_id"].map(groep_van).notna()
            & (echt["klant_id"].map(groep_van) == echt["zelfde_persoon_als"].map(groep_van))
        ).sum()
    )
    totaal = len(echt)
    if len(per_groep) and verkeerd > MAX_FOUT_SAMEN * len(per_groep):
        return Oordeel(
            False,
            f"{_n(verkeerd, 'samenvoeging gooit', 'samenvoegingen gooien')} twee verschillende klanten samen "
            f"(van je {getal(len(per_groep))} groepen): hun aankopen en hun post lopen dan door elkaar. "
            "Een gewone naam als bewijs is te weinig.",
        )
    if gevonden < MIN_GEVONDEN * totaal:
        return Oordeel(
            False,
            f"Je vindt maar {getal(gevonden)} van de {getal(totaal)} dubbels: {getal(totaal - gevonden)} "
            "klanten blijven twee keer in je bestand, met hun aankopen over twee kaarten verdeeld.",
        )
    return Oordeel(
        True,
        f"Je voegt {_n(len(per_groep), 'groep', 'groepen')} samen en vindt zo {getal(gevonden)} van de "
        f"{getal(totaal)} dubbels ({procent(gevonden / totaal, 0)}); "
        f"{_n(verkeerd, 'samenvoeging is', 'samenvoegingen zijn')} fout. "
        f"{_n(totaal - gevonden, 'dubbel blijft', 'dubbels blijven')} staan.",
    )


def _dubbels(winkel: Winkel | Oefenbestand, redenen: tuple[str, ...] | None = None) -> pd.DataFrame:
    from helpers.kwaliteit import mogelijke_dubbels

    d = mogelijke_dubbels(bestand_van(winkel).winkel.klanten)
    if redenen is None:
        return d
    houden = d.groupby("groep")["reden"].transform(lambda r: r.isin(redenen).any())
    return d[houden]


def _zelfde_naam(winkel: Winkel | Oefenbestand) -> pd.DataFrame:
    k = bestand_van(winkel).winkel.klanten
    naam = k["voornaam"].str.strip().str.lower() + " " + k["achternaam"].str.strip().str.lower()
    dubbel = naam.duplicated(keep=False)
    return pd.DataFrame({"klant_id": k.loc[dubbel, "klant_id"], "groep": pd.factorize(naam[dubbel])[0] + 1})


registreer(
    Beslissing(
        naam="01_dubbels_samenvoegen",
        vraag="Welke records voeg je samen tot één klant? Een verkeerde samenvoeging gooit twee klanten "
        "samen; een gemiste dubbel laat een klant twee keer staan.",
        oordeel=oordeel_dubbels,
        voorbeelden=(
            Voorbeeld(lambda w: _dubbels(w), True, "staan."),
            Voorbeeld(
                lambda w: _dubbels(w, ("zelfde e-mailadres", "zelfde telefoonnummer")), True, "samen en vindt"
            ),
            Voorbeeld(_zelfde_naam, False, "twee verschillende klanten"),
            Voorbeeld(lambda w: _dubbels(w).iloc[:0], False, "blijven twee keer"),
        ),
        soort="beslissing",
    )
)


# --- opdracht 4: e-mailadressen herstellen -------------------------------------------------------------


def _reeks(antwoord: Any, klanten: pd.DataFrame) -> pd.Series:
    if isinstance(antwoord, pd.DataFrame) and "email" in antwoord.columns:
        antwoord = antwoord["email"]
    if not isinstance(antwoord, pd.Series | list | tuple | np.ndarray) or isinstance(antwoord, str):
        raise KeuzeFout("Geef de kolom met de e-mailadressen na je opkuis: één adres (of leeg) per record.")
    if len(antwoord) != len(klanten):
        raise KeuzeFout(
            f"Je kolom heeft {getal(len(antwoord))} adressen, het bestand {getal(len(klanten))} records: "
            "geef één adres (of leeg) per record, in dezelfde volgorde."
        )
    return pd.Series(np.asarray(antwoord, dtype=object), index=klanten.index).where(
        pd.Series(np.asarray(antwoord, dtype=object), index=klanten.index).notna(), None
    )


def oordeel_emails(antwoord: Any, winkel: Winkel | Oefenbestand) -> Oordeel:
    """Je opgekuiste e-mailadressen tegen de waarheid: niets meer dat terugkomt, geen goed adres kapot."""
    bestand = bestand_van(winkel)
    k = bestand.winkel.klanten
    nieuw = _reeks(antwoord, k)
    echt = bestand.sleutel.set_index("klant_id").loc[k["klant_id"], ["echt_email", "gebreken", "testrecord"]]
    echt.index = k.index
    gewoon = ~echt["testrecord"].astype(bool)
    fout_nu = (
        email_probleem(nieuw).isin(["plaatshouder", "onmogelijke vorm", "tikfout in het domein"]) & gewoon
    )
    if fout_nu.any():
        return Oordeel(
            False,
            f"{_n(int(fout_nu.sum()), 'adres kan', 'adressen kunnen')} nog altijd niet bestaan (bv. "
            f"{nieuw[fout_nu].iloc[0]!r}): een mail daarheen komt nooit aan.",
        )
    had_fout = echt["gebreken"].fillna("").str.contains("email_")
    oud = k["email"].astype("object").where(k["email"].notna(), None)
    kapot = gewoon & ~had_fout & (nieuw.fillna("") != oud.fillna("").str.strip().str.lower())
    if kapot.any():
        return Oordeel(
            False,
            f"Je veranderde {_n(int(kapot.sum()), 'adres dat', 'adressen die')} al goed "
            f"{'was' if int(kapot.sum()) == 1 else 'waren'} (bv. {oud[kapot].iloc[0]!r}): wie dat "
            "adres had, bereik je nu niet meer.",
        )
    te_redden = gewoon & had_fout & echt["echt_email"].notna()
    gered = int((te_redden & (nieuw == echt["echt_email"])).sum())
    verloren = int(te_redden.sum()) - gered
    return Oordeel(
        True,
        f"Geen enkel adres komt nog terug. Van de {getal(int(te_redden.sum()))} foute adressen die te redden "
        f"waren, heb je er {getal(gered)} hersteld; {_n(verloren, 'klant', 'klanten')} bereik je voortaan "
        "niet meer per e-mail.",
    )


def _alles_fout_leeg(winkel: Winkel | Oefenbestand) -> pd.Series:
    k = bestand_van(winkel).winkel.klanten
    adres = k["email"].astype("object").str.strip().str.lower()
    return adres.where(email_probleem(k["email"]) == "", None)


registreer(
    Beslissing(
        naam="01_emails_opkuisen",
        vraag="Wat doe je met de e-mailadressen die niet kloppen? Geef de kolom met de adressen na je "
        "opkuis.",
        oordeel=oordeel_emails,
        voorbeelden=(
            Voorbeeld(lambda w: herstel_email(bestand_van(w).winkel.klanten["email"]), True, "hersteld"),
            Voorbeeld(_alles_fout_leeg, True, "voortaan"),
            Voorbeeld(lambda w: bestand_van(w).winkel.klanten["email"], False, "nooit aan"),
            Voorbeeld(
                lambda w: pd.Series([None] * len(bestand_van(w).winkel.klanten), dtype=object),
                False,
                "al goed",
            ),
        ),
        soort="beslissing",
    )
)


# --- opdracht 5: de nieuwsbrief ------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _opgeschoond(bestand: Oefenbestand) -> Winkel:
    return schoon_winkel(bestand.winkel)


MAX_TWEE_KEER = 0.01
"""Een dubbel die geen opkuis vindt, kan gebeuren: tot 1% van de lijst is geen reden om ze af te keuren."""


def _ids(antwoord: Any) -> pd.Index:
    if isinstance(antwoord, pd.DataFrame):
        if "klant_id" not in antwoord.columns:
            raise KeuzeFout("Je tabel heeft geen kolom 'klant_id': geef de klantnummers van je lijst.")
        antwoord = antwoord["klant_id"]
    if isinstance(antwoord, str) or not isinstance(antwoord, pd.Series | pd.Index | list | tuple | set):
        raise KeuzeFout(
            "Geef de klantnummers van je lijst: een lijst, een kolom of de tabel van de doellijst."
        )
    return pd.Index([str(x) for x in antwoord])


def oordeel_nieuwsbrief(antwoord: Any, winkel: Winkel | Oefenbestand) -> Oordeel:
    """Wie krijgt de nieuwsbrief per e-mail? Toestemming, voorkeur, een adres dat bestaat, geen rust,
    geen uitschrijving, geen testrecord en niemand twee keer."""
    bestand = bestand_van(winkel)
    ids = _ids(antwoord)
    persoon = _persoon(bestand.sleutel)
    onbekend = ids[~ids.isin(persoon.index)]
    if len(onbekend):
        raise KeuzeFout(f"Het klantnummer {onbekend[0]!r} staat niet in het bestand.")
    if ids.has_duplicates:
        return Oordeel(
            False, "Er staan klantnummers twee keer op je lijst: die klanten krijgen alles dubbel."
        )
    test = set(bestand.sleutel.loc[bestand.sleutel["testrecord"], "klant_id"])
    n_test = int(ids.isin(test).sum())
    twee_keer = int(persoon[ids].duplicated().sum())
    schoon = _opgeschoond(bestand)
    ref = schoon.klanten.set_index("klant_id")
    vuil = bestand.winkel.klanten.set_index("klant_id")
    rij = ref.reindex(ids).combine_first(vuil.reindex(ids)) if len(ids) else ref.iloc[:0]
    zonder_toestemming = int((~rij["toestemming_marketing"].astype(bool)).sum())
    ander_kanaal = int((rij["voorkeurkanaal"].astype("str") != "e-mail").sum())
    adres = herstel_email(rij["email"]) if len(ids) else pd.Series(dtype="object")
    kapot_adres = int((adres.isna() | (adres != rij["email"].astype("object").str.strip().str.lower())).sum())
    uit = bestand.winkel.actiecontacten
    uitgeschreven = int(ids.isin(set(uit.loc[uit["uitgeschreven"], "klant_id"].astype("str"))).sum())
    problemen = [
        (zonder_toestemming, "gaf geen toestemming", "gaven geen toestemming", "dat mag niet (GDPR)"),
        (uitgeschreven, "schreef zich uit", "schreven zich uit", "die opnieuw mailen is spam"),
        (
            twee_keer if twee_keer > MAX_TWEE_KEER * len(ids) else 0,
            "staat er een tweede keer op",
            "staan er een tweede keer op",
            "dezelfde klant, twee mails",
        ),
        (n_test, "is een testrecord", "zijn testrecords", "of de eigen kaart van de winkel"),
        (
            kapot_adres,
            "heeft een adres dat niet klopt",
            "hebben een adres dat niet klopt",
            "die mail komt nooit aan",
        ),
        (ander_kanaal, "wil liever sms of post", "willen liever sms of post", "of helemaal niets"),
    ]
    for aantal, enkel, meer, gevolg in problemen:
        if aantal:
            return Oordeel(
                False,
                f"{getal(aantal)} van je {_n(len(ids), 'adres', 'adressen')} "
                f"{enkel if aantal == 1 else meer}: {gevolg}.",
            )
    if not len(ids):
        return Oordeel(False, "Je lijst is leeg: zo bereik je niemand.")
    rustend = 0
    if len(schoon.actiecontacten):  # zonder eerdere acties rust er niemand
        weg = doellijst(
            schoon.klanten, "e-mail", schoon.actiecontacten, schoon.acties, laat_rusten_na=3,
            peildatum=schoon.peildatum,
        ).weggelaten  # fmt: skip
        rust = weg.loc[weg["reden"].astype("str").str.contains("rust"), "klant_id"].astype("str")
        rustend = int(ids.isin(set(rust)).sum())
    extra = (
        f" Daarvan kregen er {getal(rustend)} de laatste drie acties zonder te reageren: zij krijgen toch "
        "weer een mail, met kans op een uitschrijving."
        if rustend
        else " Wie de laatste drie acties negeerde, laat je even rusten."
    )
    if twee_keer:
        extra += (
            f" {_n(twee_keer, 'klant staat', 'klanten staan')} er nog twee keer op: een dubbel die je opkuis "
            "niet vond. Geen ramp, maar kijk de twijfelgevallen eens met de hand na."
        )
    return Oordeel(
        True,
        f"Je nieuwsbrief gaat naar {_n(len(ids), 'klant', 'klanten')}, met toestemming en een adres dat "
        f"bestaat ({procent(len(ids) / len(schoon.klanten))} van het opgeschoonde bestand).{extra}",
    )


def _lijst(winkel: Winkel | Oefenbestand, opgeschoond: bool, rust: int | None) -> pd.Index:
    bestand = bestand_van(winkel)
    w = _opgeschoond(bestand) if opgeschoond else bestand.winkel
    lijst = doellijst(
        w.klanten, "e-mail", w.actiecontacten, w.acties, laat_rusten_na=rust, peildatum=w.peildatum
    )
    return pd.Index(lijst.lijst["klant_id"].astype("str"))


registreer(
    Beslissing(
        naam="01_nieuwsbrief",
        vraag="Wie krijgt je nieuwsbrief per e-mail? Geef de klantnummers (of de tabel van je doellijst).",
        oordeel=oordeel_nieuwsbrief,
        voorbeelden=(
            Voorbeeld(lambda w: _lijst(w, True, 3), True, "laat je even rusten"),
            Voorbeeld(lambda w: _lijst(w, True, None), True, "toch weer een mail"),
            Voorbeeld(lambda w: _lijst(w, False, 3), False, "van je"),
            Voorbeeld(
                lambda w: pd.Index(bestand_van(w).winkel.klanten["klant_id"].astype("str")),
                False,
                "toestemming",
            ),
        ),
        soort="beslissing",
    )
)


# --- opdracht 6: wat hou je bij in je eigen winkel? -----------------------------------------------------

BIJZONDER: tuple[tuple[str, str], ...] = (
    (r"relig|geloof|godsdienst|levensbeschouw|kerk|moskee", "religie of levensbeschouwing"),
    (
        r"gezond|ziekte|ziek\b|medisch|handicap|beperking|allergi|zwanger|diabet|medicat|blessure|orthoped",
        "gezondheid",
    ),
    (r"politi|partij|stemt?\b", "politieke opvatting"),
    (r"vakbond", "lidmaatschap van een vakbond"),
    (r"etnisch|afkomst|\bras\b|huidskleur|nationaliteit", "etnische afkomst"),
    (r"seksu|geaardheid|geslachtsleven", "seksuele geaardheid of seksueel gedrag"),
    (r"biometr|vingerafdruk|gezichtsherkenning|genetisch|\bdna\b", "biometrische of genetische gegevens"),
    (r"strafblad|veroordel", "strafrechtelijke gegevens"),
)
"""Bijzondere persoonsgegevens (GDPR, art. 9 en 10): een winkel verwerkt ze niet."""

PLAATSHOUDER = re.compile(r"^\s*(\.\.\.|…|-|x+|\?+|nvt|todo|iets|waarvoor|doel)?\s*$", re.IGNORECASE)

VOORBEELD_GEGEVENS = {
    "verjaardag": "een verjaardagsbon in de maand dat de klant jarig is",
    "schoenmaat": "sneller adviseren en een berichtje als een model in die maat binnenkomt",
    "voorkeurkanaal": "berichten via e-mail, sms of post, zoals de klant het wil",
}


def oordeel_eigen_gegevens(antwoord: Any, winkel: object = None) -> Oordeel:
    """Je lijst van bij te houden gegevens: elk met een doel, minstens drie, niets bijzonders (GDPR)."""
    if not isinstance(antwoord, Mapping):
        raise KeuzeFout(
            "Geef een woordenboek: per gegeven waarvoor je het gebruikt, bv. "
            "{'verjaardag': 'een bon in de maand dat de klant jarig is', ...}."
        )
    for gegeven, doel in antwoord.items():
        naam = str(gegeven).strip().lower()
        for patroon, soort in BIJZONDER:
            if re.search(patroon, naam) or re.search(patroon, str(doel).lower()):
                return Oordeel(
                    False,
                    f"{gegeven!r} is een bijzonder persoonsgegeven ({soort}): dat mag je als winkel niet "
                    "verwerken (GDPR, artikel 9), en je hebt het ook niet nodig.",
                )
    echte = {str(g).strip(): str(d).strip() for g, d in antwoord.items() if not PLAATSHOUDER.match(str(g))}
    if len(echte) < 3:
        return Oordeel(False, f"Je noemt {_n(len(echte), 'gegeven', 'gegevens')}: noem er minstens drie.")
    zonder_doel = [g for g, d in echte.items() if PLAATSHOUDER.match(d) or len(d.split()) < 2]
    if zonder_doel:
        return Oordeel(
            False,
            f"Bij {zonder_doel[0]!r} staat niet waarvoor je het gebruikt. Een gegeven zonder doel "
            "verzamel je beter niet: schrijf in een paar woorden wat je ermee doet.",
        )
    if {g.lower() for g in echte} == set(VOORBEELD_GEGEVENS):
        return Oordeel(
            False, "Dat is de lijst van het voorbeeld. Welke gegevens heb jij nodig in je eigen winkel?"
        )
    return Oordeel(
        True,
        f"Je houdt {_n(len(echte), 'gegeven', 'gegevens')} bij, elk met een doel: "
        + ", ".join(echte)
        + ". Vertel je klanten waarvoor, en vraag toestemming voor reclame.",
    )


registreer(
    Beslissing(
        naam="01_eigen_gegevens",
        vraag="Welke gegevens ga je in je eigen winkel bijhouden, en waarvoor gebruik je elk?",
        oordeel=oordeel_eigen_gegevens,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "verjaardag": "een attentie in de maand dat de klant jarig is",
                    "kledingmaat": "sneller adviseren en nieuwe collectie in de juiste maat tonen",
                    "voorkeurkanaal": "berichten sturen zoals de klant het wil",
                },
                True,
                "kledingmaat",
            ),
            Voorbeeld(
                lambda w: {
                    "sportclub": "acties op clubniveau",
                    "schoenmaat": "een bericht als een model in die maat binnenkomt",
                    "kinderen en hun leeftijd": "een mailing voor de schoolstart",
                    "voorkeurkanaal": "geen mail aan wie sms verkiest",
                },
                True,
                "sportclub",
            ),
            Voorbeeld(
                lambda w: {
                    "schoenmaat": "advies",
                    "gezondheid van de voeten": "steunzolen aanraden",
                    "verjaardag": "een bon",
                },
                False,
                "artikel 9",
            ),
            Voorbeeld(lambda w: {"verjaardag": "...", "maat": "...", "e-mail": "..."}, False, "waarvoor"),
            Voorbeeld(lambda w: dict(VOORBEELD_GEGEVENS), False, "voorbeeld"),
        ),
        soort="eigen_winkel",
        plan="gegevens",
    )
)

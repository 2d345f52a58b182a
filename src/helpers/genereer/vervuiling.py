"""Realistische fouten in het klantenbestand, voor de lessen over datakwaliteit (notebook 01).

Een klantenbestand dat aan de toonbank wordt ingetypt, is nooit helemaal proper. Met
``vervuiling=True`` legt de generator over een propere winkel de gebreken die echte winkelbestanden
hebben, aan de snelheden die `datasets/README.md` (sectie "Fouten in het klantenbestand") met hun
bron noemt:

- **dezelfde persoon twee keer** (`DUBBEL` van de personen): een tweede kaart aan de kassa, met een
  spellingvariant van de naam, een ander e-mailadres, een nieuw adres na een verhuis, of zonder
  geboortedatum. De aankopen vanaf die tweede inschrijving staan (meestal) op de nieuwe kaart;
- **ongeldige e-mailadressen** (`EMAIL_FOUT` van de ingevulde): een tikfout in het domein
  (``gmial.com``), een onmogelijke vorm (geen @, een komma) of een plaatshouder (``geen@geen.be``);
- **telefoonnummers in allerlei vormen** (`TELEFOONVORMEN`): ``0470 12 34 56``, ``0470123456``,
  ``+32 470 12 34 56``, ``0470/12.34.56``, ...;
- **een ontbrekende of onmogelijke postcode** (`POSTCODE_FOUT`);
- **testrecords**: "Test Test", een proefkaart en de eigen kaart van de winkel, waarop het personeel
  aankopen van klanten zonder kaart scant;
- **hoofdletters en spaties** die niet kloppen (`HOOFDLETTERS` van de personen): ``PEETERS``,
  ``lotte``, ``" Claes"``.

De waarheid komt in de sleutel (``_sleutel/klanten.csv``): per record ``zelfde_persoon_als``,
``testrecord``, ``gebreken`` en de echte waarden van de namen, het e-mailadres, het telefoonnummer
en de postcode. De klantnummers (en kaartnummers) worden opnieuw toegekend in volgorde van
inschrijving, zoals een kassa dat doet; de tickets, contacten, acties, enquête en offertes volgen.

>>> from helpers.genereer import genereer_winkel_met_sleutel
>>> w, s = genereer_winkel_met_sleutel("schoenenzaak", aantal_klanten=600, seed=5, vervuiling=True)
>>> int(s["zelfde_persoon_als"].notna().sum()) > 0, int(s["testrecord"].sum()) >= 3
(True, True)
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from helpers import geografie
from helpers.data import Winkel, naar_types
from helpers.genereer.kolommen import sleutels
from helpers.schema import TABELLEN

DUBBEL = 0.03
"""Aandeel van de personen dat een tweede record krijgt (doel 1–5%; ~1% is een goed onderhouden bestand)."""

EMAIL_FOUT = 0.025
"""Aandeel van de ingevulde e-mailadressen met een tikfout, een onmogelijke vorm of een plaatshouder
(doel 1–4%)."""

POSTCODE_FOUT = 0.012
"""Aandeel van de personen met een ontbrekende of onmogelijke postcode (doel 0,5–2%)."""

HOOFDLETTERS = 0.035
"""Aandeel van de personen met hoofdletters of spaties die niet kloppen in de naam (doel 2–5%)."""

EIGEN_KAART = 0.005
"""Aandeel van de anonieme winkeltickets dat het personeel op de eigen kaart van de winkel scant."""

TELEFOONVORMEN: tuple[tuple[str, float], ...] = (
    ("0470 12 34 56", 0.40),
    ("0470123456", 0.20),
    ("0470/12.34.56", 0.15),
    ("+32 470 12 34 56", 0.12),
    ("+32470123456", 0.06),
    ("0470.12.34.56", 0.04),
    ("0032 470 12 34 56", 0.03),
)
"""De vormen van een gsm-nummer zonder invoermasker aan de kassa, met hun aandeel (geen boven 70%)."""

PLAATSHOUDERS = ("geen@geen.be", "nvt@nvt.be", "x@x.be", "geen@gmail.com", "a@a.be", "geen", "-")
"""Wat een kassamedewerker intypt als het veld verplicht is en de klant geen adres geeft."""

_TIKFOUTEN = {
    "gmail.com": ("gmial.com", "gmail.con", "gmai.com", "gamil.com"),
    "hotmail.com": ("hotmial.com", "hotmail.con", "hotmal.com"),
    "telenet.be": ("telnet.be", "telenet.bee", "telene.be"),
    "skynet.be": ("skynet.bee", "skyne.be", "skyent.be"),
    "outlook.be": ("outlok.be", "outlook.bee", "outloo.be"),
    "proximus.be": ("proximus.bee", "proximu.be", "porximus.be"),
}
_DOMEINEN = ("telenet.be", "skynet.be", "gmail.com", "hotmail.com", "outlook.be", "proximus.be")

_TESTRECORDS = (
    ("Test", "Test", "test@test.be", None),
    ("test", "klant", None, "0400 00 00 00"),
    ("Proef", "Kassa", None, None),
    ("XXX", "XXX", "x@x.be", None),
    ("Nieuwe", "Klant", None, None),
    ("Demo", "Kaart", "demo@demo.be", None),
)

# spellingvarianten zoals ze aan de kassa ontstaan: (zoek, vervang) als reguliere expressies
_VARIANTEN = (
    (r"ck", "k"),
    (r"(?<=[a-z])k(?!k)", "ck"),
    (r"y", "ij"),
    (r"ij", "y"),
    (r"dt\b", "t"),
    (r"(?<=[aeiou])t\b", "dt"),
    (r"([aeo])\1", r"\1"),
    (r"ae", "a"),
    (r"\b(Van|De|Op|Vanden) (?=[A-Za-z])", r"\1"),
    (r"[éèë]", "e"),
    (r"ph", "f"),
    (r"(?<=[a-z])s\b", "ss"),
)

SLEUTELKOLOMMEN = (
    "zelfde_persoon_als",
    "testrecord",
    "gebreken",
    "echte_voornaam",
    "echte_achternaam",
    "echt_email",
    "echte_telefoon",
    "echte_postcode",
)
"""De kolommen die de sleutel erbij krijgt met ``vervuiling=True`` (de waarheid over elk record)."""


def _plat(reeks: pd.Series) -> pd.Series:
    """Kleine letters zonder accenten, spaties of leestekens (voor een e-mailadres)."""
    return reeks.astype("str").str.normalize("NFKD").str.lower().str.replace(r"[^a-z0-9]", "", regex=True)


def spellingvarianten(namen: pd.Series, rng: np.random.Generator) -> pd.Series:
    """Een andere schrijfwijze van elke naam, zoals ze aan de kassa ontstaat (ck/k, y/ij, dt/t, ...).

    Per naam wordt een regel getrokken; verandert die niets, dan wisselen twee letters van plaats
    (een tikfout). Zo verschilt elke variant van de naam.

    >>> import numpy as np, pandas as pd
    >>> uit = spellingvarianten(pd.Series(["De Boeck", "Peeters", "Smedt", "Ab"]), np.random.default_rng(3))
    >>> bool((uit != pd.Series(["De Boeck", "Peeters", "Smedt", "Ab"])).all())
    True
    """
    namen = namen.astype("str").reset_index(drop=True)
    regel = rng.integers(0, len(_VARIANTEN), len(namen))
    uit = namen.copy()
    for nummer, (zoek, vervang) in enumerate(_VARIANTEN):
        deel = regel == nummer
        if deel.any():
            uit[deel] = namen[deel].str.replace(zoek, vervang, n=1, regex=True)
    zelfde = (uit == namen).to_numpy()
    lang = namen.str.len().to_numpy() >= 4
    wissel = zelfde & lang
    if wissel.any():  # twee letters voor het einde van plaats wisselen: Segers -> Segres
        w = namen[wissel]
        uit[wissel] = w.str.slice(0, -3) + w.str.slice(-2, -1) + w.str.slice(-3, -2) + w.str.slice(-1)
    kort = zelfde & ~lang
    uit[kort] = namen[kort] + namen[kort].str.slice(-1)  # kort: een letter dubbel typen
    return uit


def telefoonvorm(canoniek: pd.Series, vormen: np.ndarray) -> pd.Series:
    """Schrijf nummers van de vorm ``0470 12 34 56`` in de vorm met index ``vormen`` (uit `TELEFOONVORMEN`).

    >>> import numpy as np, pandas as pd
    >>> telefoonvorm(pd.Series(["0470 12 34 56"] * 3), np.array([1, 2, 3])).tolist()
    ['0470123456', '0470/12.34.56', '+32 470 12 34 56']
    """
    delen = canoniek.astype("str").str.split(" ", expand=True)
    if delen.shape[1] < 4:  # geen enkel nummer in de gewone vorm
        return canoniek
    a, b, c, d = (delen[i] for i in range(4))
    zonder_nul = a.str.slice(1)
    kandidaten = [
        a + " " + b + " " + c + " " + d,
        a + b + c + d,
        a + "/" + b + "." + c + "." + d,
        "+32 " + zonder_nul + " " + b + " " + c + " " + d,
        "+32" + zonder_nul + b + c + d,
        a + "." + b + "." + c + "." + d,
        "0032 " + zonder_nul + " " + b + " " + c + " " + d,
    ]
    uit = canoniek.astype("object").copy()
    for nummer, kandidaat in enumerate(kandidaten):
        deel = (vormen == nummer) & canoniek.notna().to_numpy()
        uit[deel] = kandidaat[deel]
    return uit.astype("str")


def _willekeurig(rng: np.random.Generator, aantal: int, uit: int) -> np.ndarray:
    return np.sort(rng.choice(uit, size=min(aantal, uit), replace=False))


@dataclasses.dataclass
class _Nieuw:
    """Extra records (dubbels en testrecords) met tijdelijke sleutels, en welke tickets ze krijgen."""

    records: pd.DataFrame
    sleutel: pd.DataFrame
    tickets: dict[str, str]  # ticket_id -> tijdelijke klant_id


def _nieuw_nummer(rng: np.random.Generator, n: int) -> pd.Series:
    cijfers = rng.integers(0, 100, (n, 4))
    reeks = rng.integers(7, 10, n)
    kop = "04" + pd.Series(reeks).astype("str") + pd.Series(cijfers[:, 0] % 10).astype("str")
    paren = [pd.Series(cijfers[:, k]).astype("str").str.zfill(2) for k in range(1, 4)]
    return kop + " " + paren[0] + " " + paren[1] + " " + paren[2]


def _dubbels(winkel: Winkel, sleutel: pd.DataFrame, rng: np.random.Generator) -> _Nieuw:
    """Een tweede record voor `DUBBEL` van de personen, met de aankopen vanaf die inschrijving."""
    klanten = winkel.klanten.reset_index(drop=True)
    n = len(klanten)
    gekozen = _willekeurig(rng, max(1, round(DUBBEL * n)), n)
    m = len(gekozen)
    basis = klanten.iloc[gekozen].reset_index(drop=True)
    tijdelijk = pd.Series([f"D{i:06d}" for i in range(m)])

    # aankoopdagen per gekozen persoon, genummerd 1, 2, 3, ...
    t = winkel.tickets
    aankoop = t[(t["soort"] == "aankoop").to_numpy() & t["klant_id"].isin(basis["klant_id"]).to_numpy()]
    dag = aankoop["datum"].dt.normalize()
    rang = dag.groupby(aankoop["klant_id"]).rank(method="dense").astype("int64")
    dagen = rang.groupby(aankoop["klant_id"]).max().reindex(basis["klant_id"]).fillna(0).astype("int64")
    splits = (dagen.to_numpy() >= 2) & (rng.random(m) < 0.8)
    splitsdag = np.where(splits, 2 + np.floor(rng.random(m) * np.maximum(dagen.to_numpy() - 1, 1)), 0)
    grens = pd.Series(splitsdag.astype("int64"), index=basis["klant_id"].to_numpy())
    bij = grens.reindex(aankoop["klant_id"].to_numpy()).to_numpy()
    verhuist = (bij > 0) & (
        (rang.to_numpy() == bij) | ((rang.to_numpy() > bij) & (rng.random(len(aankoop)) < 0.85))
    )
    naar = pd.Series(tijdelijk.to_numpy(), index=basis["klant_id"].to_numpy())
    eigenaar = dict(
        zip(
            aankoop["ticket_id"].to_numpy()[verhuist],
            naar[aankoop["klant_id"].to_numpy()[verhuist]].to_numpy(),
            strict=True,
        )
    )
    retour = t[(t["soort"] == "retour").to_numpy() & t["retour_van"].isin(list(eigenaar)).to_numpy()]
    eigenaar.update(zip(retour["ticket_id"], retour["retour_van"].map(eigenaar), strict=True))
    eerste = (
        aankoop.loc[verhuist]
        .assign(dag=dag[verhuist], naar=naar[aankoop["klant_id"][verhuist]].to_numpy())
        .groupby("naar")["dag"]
        .min()
        .reindex(tijdelijk)
        .to_numpy()
    )

    # een tweede inschrijving zonder aankoop (nieuwsbrief, wedstrijd): ergens na de eerste
    begin = np.maximum(
        basis["inschrijfdatum"].to_numpy(), winkel.tickets["datum"].min().normalize().to_numpy()
    )
    spanne = (winkel.peildatum.to_numpy() - begin) / np.timedelta64(1, "D")
    los = begin + (rng.random(m) * np.maximum(spanne, 1)).astype("int64").astype("timedelta64[D]")
    inschrijf = np.where(splits, eerste, los.astype("datetime64[us]")).astype("datetime64[us]")
    kanaal_eerst = (
        aankoop.loc[verhuist]
        .assign(naar=naar[aankoop["klant_id"][verhuist]].to_numpy())
        .sort_values("datum", kind="stable")
        .groupby("naar")["kanaal"]
        .first()
        .reindex(tijdelijk)
        .astype("str")
        .to_numpy()
    )

    rec = basis.copy()
    # de naam: een spellingvariant bij de helft, meestal in de achternaam
    variant = rng.random(m) < 0.5
    achter = rng.random(m) < 0.7
    rec.loc[variant & achter, "achternaam"] = spellingvarianten(
        basis["achternaam"][variant & achter], rng
    ).to_numpy()
    rec.loc[variant & ~achter, "voornaam"] = spellingvarianten(
        basis["voornaam"][variant & ~achter], rng
    ).to_numpy()
    # e-mail: hetzelfde, een ander adres of niets
    u = rng.random(m)
    had = basis["email"].notna().to_numpy()
    ander = (had & (u >= 0.45) & (u < 0.85)) | (~had & (u < 0.3))
    lokaal = _plat(basis["voornaam"]) + "." + _plat(basis["achternaam"])
    cijfer = pd.Series(rng.integers(1, 99, m)).astype("str")
    domein = pd.Series(np.array(_DOMEINEN)[rng.integers(0, len(_DOMEINEN), m)])
    nieuw_adres = lokaal + np.where(rng.random(m) < 0.5, cijfer, "") + "@" + domein
    bezet = set(klanten["email"].dropna())
    for _ in range(10):  # nooit het adres van iemand anders (of van een andere nieuwe kaart)
        botst = nieuw_adres.isin(bezet) | nieuw_adres.duplicated()
        if not (botst & ander).any():
            break
        extra = pd.Series(rng.integers(0, 10, m)).astype("str")
        delen = nieuw_adres.str.split("@", n=1)
        nieuw_adres = nieuw_adres.where(~botst, delen.str[0] + extra + "@" + delen.str[1])
    rec["email"] = np.where(ander, nieuw_adres, np.where(had & (u >= 0.85), None, basis["email"]))
    # telefoon: hetzelfde, niets of een nieuw nummer
    u = rng.random(m)
    had = basis["telefoon"].notna().to_numpy()
    nieuw_nummer = (had & (u >= 0.85)) | (~had & (u < 0.2))
    rec["telefoon"] = np.where(
        nieuw_nummer, _nieuw_nummer(rng, m), np.where(had & (u >= 0.55), None, basis["telefoon"])
    )
    # verhuisd: een andere straat, soms een andere gemeente (van een andere persoon overgenomen)
    verhuis = rng.random(m) < 0.3
    ander_dorp = verhuis & (rng.random(m) < 0.5)
    bron = klanten.iloc[rng.integers(0, n, m)].reset_index(drop=True)
    rec["straat"] = np.where(verhuis, bron["straat"], basis["straat"])
    for kolom in ("postcode", "gemeente", "provincie", "afstand_km"):
        rec[kolom] = np.where(ander_dorp, bron[kolom].astype("object"), basis[kolom].astype("object"))
    rec["geboortedatum"] = basis["geboortedatum"].where(rng.random(m) >= 0.18)
    rec["kledingmaat"] = basis["kledingmaat"].astype("object").where(rng.random(m) >= 0.5)
    rec["schoenmaat"] = basis["schoenmaat"].where(rng.random(m) >= 0.5)
    # de inschrijving zelf
    rec["klant_id"] = tijdelijk
    rec["inschrijfdatum"] = inschrijf
    rec["relatie"] = np.where(splits, "klant", "prospect")
    rec["bron"] = np.where(splits, kanaal_eerst, np.where(rng.random(m) < 0.6, "nieuwsbrief", "wedstrijd"))
    rec["klantenkaart"] = splits
    toestemming = rng.random(m) < 0.55
    rec["toestemming_marketing"] = toestemming
    rec["toestemming_datum"] = pd.Series(inschrijf).where(toestemming)
    eigen_kanaal = basis["voorkeurkanaal"].astype("str").to_numpy()
    rec["voorkeurkanaal"] = np.where(
        toestemming, np.where(eigen_kanaal == "geen", "e-mail", eigen_kanaal), "geen"
    )

    waarheid = sleutel.set_index("klant_id").loc[basis["klant_id"]].reset_index()
    waarheid = waarheid.assign(
        klant_id=tijdelijk, relatie=rec["relatie"].to_numpy(), zelfde_persoon_als=basis["klant_id"]
    )
    return _Nieuw(rec, waarheid, eigenaar)


def _testrecords(winkel: Winkel, sleutel: pd.DataFrame, rng: np.random.Generator) -> _Nieuw:
    """Enkele testrecords en de eigen kaart van de winkel (met de anonieme tickets die erop gescand zijn)."""
    aantal = int(rng.integers(3, 6))
    rijen = [_TESTRECORDS[i] for i in np.sort(rng.choice(len(_TESTRECORDS), aantal, replace=False))]
    eigen_mail = "info@" + _plat(pd.Series([winkel.naam])).iloc[0] + ".be"
    rijen.append(("Winkel", winkel.naam, eigen_mail, None))
    m = len(rijen)
    plaats = geografie.zoek_gemeente(winkel.gemeente)
    start = winkel.tickets["datum"].min().normalize()
    dagen = (winkel.peildatum - start).days
    inschrijf = start + pd.to_timedelta(rng.integers(0, dagen, m), unit="D")
    inschrijf = inschrijf.to_numpy().copy()
    inschrijf[-1] = (start - pd.DateOffset(years=5)).to_datetime64()  # de eigen kaart bestaat al lang
    tijdelijk = [f"T{i:06d}" for i in range(m)]
    rec = pd.DataFrame(
        {
            "klant_id": tijdelijk,
            "voornaam": [r[0] for r in rijen],
            "achternaam": [r[1] for r in rijen],
            "geslacht": "x",
            "geboortedatum": pd.NaT,
            "email": [r[2] for r in rijen],
            "telefoon": [r[3] for r in rijen],
            "straat": None,
            "postcode": str(plaats["postcode"]),
            "gemeente": str(plaats["gemeente"]),
            "provincie": str(plaats["provincie"]),
            "afstand_km": 0.3,
            "huishouden": "alleen",
            "aantal_kinderen": 0,
            "relatie": ["prospect"] * (m - 1) + ["klant"],
            "inschrijfdatum": pd.to_datetime(inschrijf),
            "bron": "winkel",
            "klantenkaart": [False] * (m - 1) + [True],
            "kaartnummer": None,
            "toestemming_marketing": False,
            "toestemming_datum": pd.NaT,
            "voorkeurkanaal": "geen",
            "kledingmaat": None,
            "schoenmaat": None,
            "sportclub": None,
        }
    )
    # het personeel scant de eigen kaart voor een klein deel van de anonieme winkelaankopen
    t = winkel.tickets
    anoniem = np.flatnonzero(
        (t["klant_id"].isna() & (t["soort"] == "aankoop") & (t["kanaal"] == "winkel")).to_numpy()
    )
    keuze = _willekeurig(rng, max(10, round(EIGEN_KAART * len(anoniem))), len(anoniem))
    gescand = t["ticket_id"].to_numpy()[anoniem[keuze]]
    eigenaar = dict.fromkeys(gescand, tijdelijk[-1])
    retour = t[(t["soort"] == "retour").to_numpy() & t["retour_van"].isin(gescand).to_numpy()]
    eigenaar.update(dict.fromkeys(retour["ticket_id"], tijdelijk[-1]))
    waarheid = pd.DataFrame(
        {
            "klant_id": tijdelijk,
            "klanttype": "testrecord",
            "relatie": rec["relatie"],
            "al_klant_voor_periode": False,
            "testrecord": True,
        }
    ).reindex(columns=[*sleutel.columns, "testrecord"])
    return _Nieuw(rec, waarheid, eigenaar)


def _kies(rng: np.random.Generator, kandidaten: np.ndarray, aantal: int) -> np.ndarray:
    """``aantal`` verschillende posities uit ``kandidaten`` (een boolmasker), gesorteerd."""
    posities = np.flatnonzero(kandidaten)
    return np.sort(rng.choice(posities, size=min(aantal, len(posities)), replace=False))


def _namen(k: pd.DataFrame, mag: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Hoofdletters en spaties die niet kloppen bij `HOOFDLETTERS` van de personen; geeft het masker."""
    gekozen = _kies(rng, mag, round(HOOFDLETTERS * len(k)))
    veld = rng.random(len(gekozen))
    soort = rng.random(len(gekozen))
    links = rng.random(len(gekozen)) < 0.5
    for kolom, raakt in (("achternaam", veld < 0.75), ("voornaam", veld >= 0.6)):
        rijen = gekozen[raakt]
        waarden = k.loc[rijen, kolom].astype("str")
        groot, klein = soort[raakt] < 0.4, (soort[raakt] >= 0.4) & (soort[raakt] < 0.7)
        spatie = np.where(links[raakt], " " + waarden, waarden + " ")
        k.loc[rijen, kolom] = np.where(
            groot, waarden.str.upper(), np.where(klein, waarden.str.lower(), spatie)
        )
    masker = np.zeros(len(k), dtype=bool)
    masker[gekozen] = True
    return masker


def _emails(k: pd.DataFrame, mag: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Tikfouten, onmogelijke vormen en plaatshouders bij `EMAIL_FOUT` van de ingevulde adressen."""
    gevuld = k["email"].notna().to_numpy()
    aantal = max(3, round(EMAIL_FOUT * gevuld.sum()))
    plaats = _kies(rng, mag & ~gevuld, round(0.3 * aantal))
    bekend = k["email"].astype("str").str.rsplit("@", n=1).str[-1].isin(list(_TIKFOUTEN)).to_numpy()
    tik = _kies(rng, mag & gevuld & bekend, round(0.35 * aantal))
    vrij = mag & gevuld
    vrij[tik] = False
    vorm = _kies(rng, vrij, aantal - len(plaats) - len(tik))

    adres = k.loc[tik, "email"].astype("str")
    lokaal, domein = adres.str.rsplit("@", n=1).str[0], adres.str.rsplit("@", n=1).str[-1]
    keuze = rng.integers(0, 4, len(tik))
    fout = np.array(
        [_TIKFOUTEN[d][i % len(_TIKFOUTEN[d])] for d, i in zip(domein, keuze, strict=True)], dtype=object
    )
    k.loc[tik, "email"] = (lokaal + "@" + fout).to_numpy()

    adres = k.loc[vorm, "email"].astype("str")
    soort = rng.integers(0, 4, len(vorm))
    k.loc[vorm, "email"] = np.select(
        [soort == 0, soort == 1, soort == 2],
        [
            adres.str.replace("@", "", n=1, regex=False),  # het @ vergeten
            adres.str.replace(r"\.(?=[a-z]+$)", ",", regex=True),  # een komma in plaats van een punt
            adres.str.slice(0, 2) + " " + adres.str.slice(2),  # een spatie in het adres
        ],
        adres + ".",  # een punt te veel achteraan
    )
    k.loc[plaats, "email"] = np.array(PLAATSHOUDERS, dtype=object)[
        rng.integers(0, len(PLAATSHOUDERS), len(plaats))
    ]
    maskers = {}
    for naam, rijen in (("email_plaatshouder", plaats), ("email_tikfout", tik), ("email_vorm", vorm)):
        masker = np.zeros(len(k), dtype=bool)
        masker[rijen] = True
        maskers[naam] = masker
    return maskers


def _postcodes(k: pd.DataFrame, mag: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Een ontbrekende of onmogelijke postcode bij `POSTCODE_FOUT` van de personen."""
    gekozen = _kies(rng, mag, max(2, round(POSTCODE_FOUT * len(k))))
    leeg = rng.random(len(gekozen)) < 0.5
    code = k.loc[gekozen[~leeg], "postcode"].astype("str")
    soort = rng.integers(0, 4, len(code))
    gewisseld = code.str.slice(0, 1) + code.str.slice(2, 3) + code.str.slice(1, 2) + code.str.slice(3)
    fout = np.select(
        [soort == 0, soort == 1, (soort == 2) & (gewisseld != code)],
        [code.str.slice(0, 3), code + "0", gewisseld],
        code.str.replace("0", "O", regex=False).where(code.str.contains("0"), code.str.slice(0, 3)),
    )
    k.loc[gekozen[~leeg], "postcode"] = fout
    k.loc[gekozen[leeg], "postcode"] = None
    maskers = {
        "postcode_ontbreekt": np.zeros(len(k), dtype=bool),
        "postcode_onmogelijk": np.zeros(len(k), dtype=bool),
    }
    maskers["postcode_ontbreekt"][gekozen[leeg]] = True
    maskers["postcode_onmogelijk"][gekozen[~leeg]] = True
    return maskers


def _telefoons(k: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Elk nummer in een van de `TELEFOONVORMEN`; geeft het masker van de nummers in een andere vorm."""
    kansen = np.array([aandeel for _, aandeel in TELEFOONVORMEN])
    vorm = rng.choice(len(TELEFOONVORMEN), size=len(k), p=kansen / kansen.sum())
    k["telefoon"] = telefoonvorm(k["telefoon"], vorm).astype("object").where(k["telefoon"].notna(), None)
    return (vorm != 0) & k["telefoon"].notna().to_numpy()


def _unieke_emails(klanten: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Twee verschillende mensen delen nooit een e-mailadres: een later record krijgt een getal erbij
    (``an.peeters@telenet.be`` -> ``an.peeters27@telenet.be``), zoals de mailprovider het zou eisen."""
    email = klanten["email"].astype("object")
    for _ in range(10):  # een paar rondes: een nieuw getal kan zelf al bestaan (zelden)
        dubbel = email.notna() & email.duplicated(keep="first")
        if not dubbel.any():
            break
        lokaal, domein = email[dubbel].str.rsplit("@", n=1).str[0], email[dubbel].str.rsplit("@", n=1).str[-1]
        getal = pd.Series(rng.integers(10, 100, int(dubbel.sum())), index=lokaal.index).astype("str")
        email[dubbel] = lokaal + getal + "@" + domein
    return klanten.assign(email=pd.array(email.to_numpy(), dtype=klanten["email"].dtype))


def _hernummer(kolom: pd.Series, oud: pd.Index, nieuw: np.ndarray) -> pd.Series:
    """Vervang de oude klantnummers in ``kolom`` door de nieuwe (leeg blijft leeg)."""
    positie = oud.get_indexer(kolom.astype("object").where(kolom.notna(), None))
    waarden = np.where(positie >= 0, nieuw[np.maximum(positie, 0)], None)
    return pd.Series(pd.array(waarden, dtype="str"), index=kolom.index, name=kolom.name)


def vervuil(winkel: Winkel, sleutel: pd.DataFrame, seed: int) -> tuple[Winkel, pd.DataFrame]:
    """Leg de gebreken van een echt klantenbestand over een propere winkel (zie de uitleg van de module).

    Geeft de vervuilde winkel en de sleutel met de waarheid over elk record (`SLEUTELKOLOMMEN` erbij).
    De tickets blijven dezelfde (zelfde ``ticket_id``); alleen hun ``klant_id`` kan veranderen.
    """
    rng = np.random.default_rng([seed, 1201])
    winkel = dataclasses.replace(winkel, klanten=_unieke_emails(winkel.klanten, rng))
    dubbels = _dubbels(winkel, sleutel, rng)
    tests = _testrecords(winkel, sleutel, rng)
    schema = list(TABELLEN["klanten"])
    alle = pd.concat(
        [deel[schema].astype("object") for deel in (winkel.klanten, dubbels.records, tests.records)],
        ignore_index=True,
    )
    waarheid = pd.concat(
        [
            sleutel.assign(zelfde_persoon_als=None, testrecord=False),
            dubbels.sleutel.assign(testrecord=False),
            tests.sleutel,
        ],
        ignore_index=True,
    )
    # nieuwe klantnummers in volgorde van inschrijving (zoals een kassa ze uitdeelt)
    volgorde = np.lexsort((np.arange(len(alle)), pd.to_datetime(alle["inschrijfdatum"]).to_numpy()))
    alle, waarheid = (
        alle.iloc[volgorde].reset_index(drop=True),
        waarheid.iloc[volgorde].reset_index(drop=True),
    )
    oud = pd.Index(alle["klant_id"].astype("str"))
    nieuw = np.asarray(sleutels("K", np.arange(len(alle)), 6), dtype=object)
    alle["klant_id"] = nieuw
    kaart = alle["klantenkaart"].astype(bool).to_numpy()
    alle["kaartnummer"] = np.asarray(sleutels("KK", np.cumsum(kaart) - 1, 7, geldig=kaart), dtype=object)
    waarheid["klant_id"] = nieuw
    waarheid["zelfde_persoon_als"] = _hernummer(waarheid["zelfde_persoon_als"], oud, nieuw)

    # de gebreken per veld, met de echte waarden in de sleutel
    test = waarheid["testrecord"].to_numpy(dtype=bool)
    echt = {
        f"echte_{k}" if k != "email" else "echt_email": alle[k].copy()
        for k in ("voornaam", "achternaam", "email")
    }
    echt["echte_telefoon"] = alle["telefoon"].copy()
    echt["echte_postcode"] = alle["postcode"].copy()
    maskers = {"dubbel": waarheid["zelfde_persoon_als"].notna().to_numpy(), "testrecord": test}
    maskers["naam_hoofdletters"] = _namen(alle, ~test, rng)
    maskers |= _emails(alle, ~test, rng)
    maskers |= _postcodes(alle, ~test, rng)
    maskers["telefoon_vorm"] = _telefoons(alle, rng)
    codes = pd.Series("", index=alle.index, dtype="object")
    for code, masker in maskers.items():
        codes = codes.where(~masker, codes + ", " + code)
    waarheid["gebreken"] = codes.str.removeprefix(", ").where(codes != "", None)
    for kolom, waarden in echt.items():
        waarheid[kolom] = waarden.to_numpy()
    waarheid = waarheid[[*sleutel.columns, *SLEUTELKOLOMMEN]].astype({"tevredenheid": "Int64"})

    # de tickets: de aankopen op de tweede kaart en op de eigen kaart van de winkel
    t = winkel.tickets
    verhuis = dubbels.tickets | tests.tickets
    doel = pd.Index(list(verhuis)).get_indexer(t["ticket_id"].astype("object"))
    naar = np.array(list(verhuis.values()) or [None], dtype=object)
    klant = t["klant_id"].astype("object").where(t["klant_id"].notna(), None).to_numpy()
    klant = np.where(doel >= 0, naar[np.maximum(doel, 0)], klant)
    tickets = t.assign(klant_id=_hernummer(pd.Series(klant, index=t.index), oud, nieuw))
    andere = {
        naam: getattr(winkel, naam).assign(klant_id=lambda df: _hernummer(df["klant_id"], oud, nieuw))
        for naam in ("contacten", "actiecontacten", "enquete", "offertes")
    }
    vuil = dataclasses.replace(
        winkel, klanten=naar_types(alle[schema], TABELLEN["klanten"]), tickets=tickets, **andere
    )
    return vuil, waarheid

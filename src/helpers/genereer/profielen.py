"""De drie fictieve winkelprofielen: assortiment, merken, concurrenten en verborgen klanttypes.

Alle namen van winkels, merken en concurrenten zijn verzonnen; de gemeenten bestaan echt.

>>> from helpers.genereer.profielen import PROFIELDATA
>>> PROFIELDATA["sportzaak"].gemeente
'Bilzen'
>>> round(sum(t.aandeel for t in PROFIELDATA["kledingzaak"].types), 6)
1.0
"""

from __future__ import annotations

from dataclasses import dataclass, field

ITEMS: tuple[str, ...] = ("prijs", "kwaliteit", "service", "advies", "assortiment", "sfeer")
"""De deelvragen van de enquête (1-5), in de volgorde van het datamodel."""


@dataclass(frozen=True)
class Categorie:
    """Een productcategorie: productlijn, doelgroep, seizoen, prijsvork en modellen."""

    productlijn: str
    categorie: str
    doelgroep: str
    seizoen: str  # lente-zomer, herfst-winter, doorlopend
    prijs_min: float
    prijs_max: float
    modellen: tuple[str, ...]
    sperperiode: bool = True
    piekmaanden: tuple[int, ...] = ()  # maanden met extra vraag (sportseizoenen, schoolstart)
    retourkans: float = 1.0  # vermenigvuldiger op de retourkans
    max_aantal: int = 1  # hoogste aantal stuks op één lijn


@dataclass(frozen=True)
class KlantType:
    """Een verborgen klanttype: hoe zo'n klant koopt, reageert en afhaakt."""

    naam: str
    aandeel: float
    frequentie: float  # gemiddeld aantal aankoopmomenten per jaar
    vorm: float  # gamma-vorm van de spreiding binnen het type (klein = scheef)
    lijnen: float  # gemiddeld aantal lijnen per ticket
    prijsniveau: float  # >0 kiest duurdere modellen, <0 goedkopere
    voorkeur: dict[str, float]  # productlijn -> gewicht
    webshop: float  # aandeel aankopen via de webshop
    solden: float  # extra koopzin op soldendagen (1 = geen)
    kaart: float  # kans op een klantenkaart
    toestemming: float  # kans op toestemming voor marketing
    kanalen: tuple[float, float, float]  # voorkeur e-mail, sms, post (bij toestemming)
    retour: float  # vermenigvuldiger op de retourkans
    churn: float  # kans per jaar om af te haken
    leeftijd: tuple[float, float]  # gemiddelde en spreiding
    huishouden: tuple[float, float, float]  # alleen, koppel, gezin
    afstand: float  # schaal (km) van de afstandsafname
    vrouw: float  # aandeel vrouwen
    actiegevoelig: float  # vermenigvuldiger op de inwisselkans van acties
    tevredenheid: float  # verschuiving van de verborgen tevredenheid
    itemverschuiving: dict[str, float] = field(default_factory=dict)  # per enquête-item


@dataclass(frozen=True)
class Concurrent:
    """Een (fictieve) concurrent met zijn gemiddelde scores op de enquête-items."""

    naam: str
    scores: tuple[float, float, float, float, float, float]  # in de volgorde van ITEMS


@dataclass(frozen=True)
class Profiel:
    """Alles wat een winkelprofiel eigen maakt."""

    profiel: str
    naam: str
    gemeente: str
    standaard_klanten: int
    categorieen: tuple[Categorie, ...]
    merken: tuple[str, ...]
    types: tuple[KlantType, ...]
    passant: KlantType  # wie anoniem binnenloopt en niet in het klantenbestand zit
    concurrenten: tuple[Concurrent, ...]
    maandfactor: tuple[float, ...]  # 12 gewichten: aantal aankopen per maand
    maanddoel: dict[int, float]  # maand -> omzet t.o.v. een gemiddelde maand (datasets/README.md, Kalibratie)
    anoniem: float  # anonieme passanten-tickets per ticket van een gekende klant
    kaartdrempel: float  # euro aankopen voor een klantenkaartbon
    kaartbon: float  # waarde van die bon
    retouche: float  # kans op een retouche per kledingstuk (broeken, jassen, ...)
    sportclubs: bool = False
    maten: tuple[float, float] = (0.6, 0.3)  # kans dat kledingmaat, schoenmaat gekend is
    adviestijd: float = 1.0  # vermenigvuldiger op advies en passen: minuten en bezoeken zonder aankoop


def _kanalen(email: float, sms: float) -> tuple[float, float, float]:
    return (email, sms, round(1 - email - sms, 6))


_KLEDING = (
    Categorie("dames", "kleed", "dames", "lente-zomer", 59, 189, ("Lotte", "Amber", "Fleur", "Noor", "Saar")),
    Categorie("dames", "blouse", "dames", "doorlopend", 39, 119, ("Elise", "Marie", "Hanne", "Lien")),
    Categorie("dames", "broek", "dames", "doorlopend", 49, 139, ("Slim", "Wide", "Chino", "Cargo")),
    Categorie("dames", "jas", "dames", "herfst-winter", 119, 349, ("Parka", "Trench", "Wol", "Puffer")),
    Categorie("dames", "trui", "dames", "herfst-winter", 49, 149, ("Kabel", "Col", "Cardigan", "Merino")),
    Categorie("dames", "t-shirt", "dames", "lente-zomer", 19, 49, ("Basic", "Print", "Linnen"), max_aantal=3),
    Categorie("heren", "hemd", "heren", "doorlopend", 49, 129, ("Oxford", "Flanel", "Linnen", "Popeline")),
    Categorie("heren", "broek", "heren", "doorlopend", 59, 149, ("Chino", "Jeans", "Pantalon", "Cargo")),
    Categorie("heren", "kostuum", "heren", "doorlopend", 249, 599, ("Slim fit", "Regular", "Ceremonie")),
    Categorie("heren", "jas", "heren", "herfst-winter", 129, 379, ("Parka", "Overjas", "Bomber")),
    Categorie("heren", "trui", "heren", "herfst-winter", 59, 149, ("Ronde hals", "Half zip", "Merino")),
    Categorie("heren", "polo", "heren", "lente-zomer", 39, 89, ("Pique", "Jersey", "Streep"), max_aantal=2),
    Categorie(
        "kinderen",
        "kinderbroek",
        "kinderen",
        "doorlopend",
        25,
        59,
        ("Jeans", "Jogger", "Chino"),
        piekmaanden=(8, 9),
        max_aantal=2,
    ),
    Categorie(
        "kinderen",
        "kindertrui",
        "kinderen",
        "herfst-winter",
        29,
        65,
        ("Hoodie", "Gebreid"),
        piekmaanden=(8, 9),
        max_aantal=2,
    ),
    Categorie(
        "kinderen", "kinderkleed", "kinderen", "lente-zomer", 29, 69, ("Bloem", "Streep"), max_aantal=2
    ),
    Categorie(
        "accessoires",
        "handtas",
        "dames",
        "doorlopend",
        79,
        259,
        ("Shopper", "Crossbody", "Clutch"),
        retourkans=0.5,
        piekmaanden=(12,),
    ),
    Categorie(
        "accessoires",
        "riem",
        "unisex",
        "doorlopend",
        29,
        79,
        ("Leder", "Gevlochten"),
        retourkans=0.4,
        piekmaanden=(12,),
    ),
    Categorie(
        "accessoires",
        "portefeuille",
        "unisex",
        "doorlopend",
        39,
        119,
        ("Leder", "Kaarthouder"),
        retourkans=0.3,
        piekmaanden=(12,),
    ),
    Categorie(
        "accessoires",
        "sjaal",
        "unisex",
        "herfst-winter",
        25,
        69,
        ("Wol", "Katoen", "Kasjmier"),
        sperperiode=True,
        retourkans=0.4,
        piekmaanden=(12,),
    ),
    Categorie(
        "accessoires",
        "sokken",
        "unisex",
        "doorlopend",
        9,
        19,
        ("Katoen", "Bamboe"),
        sperperiode=True,
        retourkans=0.1,
        max_aantal=4,
    ),
    Categorie(
        "nachtmode",
        "pyjama",
        "unisex",
        "doorlopend",
        35,
        89,
        ("Katoen", "Satijn", "Flanel"),
        retourkans=0.5,
        piekmaanden=(12,),
    ),
)

# fmt: off
# Per type, in de volgorde van KlantType: naam, aandeel, frequentie, vorm, lijnen, prijsniveau; voorkeur;
# webshop, solden, kaart, toestemming, kanalen, retour, churn, leeftijd, huishouden; afstand, vrouw,
# actiegevoelig, tevredenheid, itemverschuiving.
_KLEDING_TYPES = (
    KlantType("trouwe vaste klant", 0.18, 4.5, 0.9, 2.3, 1.5,
              {"dames": 1.0, "heren": 0.8, "kinderen": 0.03, "accessoires": 0.25, "nachtmode": 0.02},
              0.03, 0.5, 0.92, 0.8, _kanalen(0.6, 0.15), 0.8, 0.05, (54, 10), (0.25, 0.55, 0.2),
              8, 0.72, 1.3, 0.6, {"service": 0.5, "advies": 0.5}),
    KlantType("koopjesjager", 0.22, 2.0, 0.45, 2.6, -1.5,
              {"dames": 1.0, "heren": 0.6, "kinderen": 0.1, "accessoires": 0.15, "nachtmode": 0.02},
              0.08, 40.0, 0.75, 0.75, _kanalen(0.55, 0.35), 1.1, 0.16, (42, 12), (0.3, 0.35, 0.35),
              14, 0.65, 1.6, -0.1, {"prijs": -0.6}),
    KlantType("gezinsaankoper", 0.2, 1.6, 0.6, 3.4, -0.4,
              {"dames": 0.25, "heren": 0.12, "kinderen": 3.0, "accessoires": 0.05, "nachtmode": 0.05},
              0.1, 1.5, 0.8, 0.6, _kanalen(0.7, 0.2), 1.0, 0.12, (40, 7), (0.03, 0.07, 0.9),
              10, 0.75, 1.0, 0.1, {"assortiment": 0.3}),
    KlantType("jonge trendvolger", 0.2, 1.6, 0.45, 1.9, 0.3,
              {"dames": 1.0, "heren": 0.8, "kinderen": 0.0, "accessoires": 0.5, "nachtmode": 0.02},
              0.9, 1.2, 0.45, 0.55, _kanalen(0.35, 0.6), 1.5, 0.28, (24, 4), (0.7, 0.25, 0.05),
              25, 0.62, 0.9, -0.2, {"sfeer": 0.4, "advies": -0.3}),
    KlantType("occasionele cadeaukoper", 0.2, 0.4, 0.52, 1.3, 0.6,
              {"dames": 0.08, "heren": 0.08, "kinderen": 0.05, "accessoires": 2.5, "nachtmode": 1.5},
              0.15, 0.6, 0.3, 0.4, _kanalen(0.75, 0.1), 0.5, 0.3, (50, 14), (0.25, 0.5, 0.25),
              18, 0.45, 0.6, -0.1, {}),
)

_KLEDING_PASSANT = KlantType("passant", 0.0, 1.0, 1.0, 1.5, 0.0,
    {"dames": 1.0, "heren": 0.5, "kinderen": 0.4, "accessoires": 0.6, "nachtmode": 0.1},
    0.05, 2.0, 0.0, 0.0, _kanalen(1, 0), 0.9, 0.0, (40, 15), (0.3, 0.4, 0.3),
    30, 0.65, 0.0, 0.0, {})

_SCHOENEN = (
    Categorie("dames", "pump", "dames", "doorlopend", 79, 189, ("Classic", "Slingback", "Blok")),
    Categorie("dames", "damesboot", "dames", "herfst-winter", 129, 289, ("Enkel", "Chelsea", "Hoge laars")),
    Categorie("dames", "sandaal", "dames", "lente-zomer", 59, 149, ("Plat", "Sleehak", "Slipper")),
    Categorie("dames", "damessneaker", "dames", "doorlopend", 79, 159, ("Leder", "Canvas", "Plateau")),
    Categorie("heren", "veterschoen", "heren", "doorlopend", 99, 229, ("Derby", "Oxford", "Brogue")),
    Categorie("heren", "herenboot", "heren", "herfst-winter", 129, 259, ("Chelsea", "Veterboot")),
    Categorie("heren", "herensneaker", "heren", "doorlopend", 79, 169, ("Leder", "Suede", "Retro")),
    Categorie("heren", "mocassin", "heren", "lente-zomer", 79, 169, ("Instapper", "Bootschoen")),
    Categorie(
        "kinderen",
        "kinderschoen",
        "kinderen",
        "doorlopend",
        49,
        89,
        ("Velcro", "Veter", "Eerste stapjes"),
        piekmaanden=(3, 8, 9),
    ),
    Categorie(
        "kinderen",
        "kinderboot",
        "kinderen",
        "herfst-winter",
        59,
        99,
        ("Winter", "Regen"),
        piekmaanden=(10, 11),
    ),
    Categorie(
        "sport en wandel",
        "wandelschoen",
        "unisex",
        "doorlopend",
        119,
        219,
        ("Trail", "Berg", "Licht"),
        piekmaanden=(4, 5, 8),
    ),
    Categorie(
        "sport en wandel",
        "loopschoen",
        "unisex",
        "doorlopend",
        99,
        189,
        ("Neutraal", "Stabiel"),
        piekmaanden=(3, 4, 5),
    ),
    Categorie(
        "leder",
        "lederen tas",
        "dames",
        "doorlopend",
        89,
        249,
        ("Schoudertas", "Handtas"),
        retourkans=0.5,
        piekmaanden=(12,),
    ),
    Categorie(
        "leder",
        "lederen riem",
        "unisex",
        "doorlopend",
        29,
        69,
        ("Klassiek", "Casual"),
        retourkans=0.4,
        piekmaanden=(12,),
    ),
    Categorie(
        "onderhoud",
        "onderhoudsproduct",
        "unisex",
        "doorlopend",
        6,
        19,
        ("Schoencreme", "Impregneerspray", "Borstel", "Steunzool", "Veters"),
        sperperiode=False,
        retourkans=0.05,
        max_aantal=3,
    ),
    Categorie(
        "onderhoud",
        "kousen",
        "unisex",
        "doorlopend",
        8,
        18,
        ("Wandelsok", "Katoen"),
        sperperiode=False,
        retourkans=0.05,
        max_aantal=4,
    ),
)

_SCHOENEN_TYPES = (
    KlantType("trouwe vaste klant", 0.2, 3.2, 0.9, 1.8, 1.5,
              {"dames": 1.0, "heren": 0.8, "kinderen": 0.03,
               "sport en wandel": 0.1, "leder": 0.1, "onderhoud": 0.5},
              0.03, 0.5, 0.92, 0.8, _kanalen(0.55, 0.15), 0.8, 0.05, (58, 10), (0.25, 0.55, 0.2),
              8, 0.62, 1.3, 0.6, {"advies": 0.6, "service": 0.4}),
    KlantType("koopjesjager", 0.2, 1.7, 0.45, 1.9, -1.5,
              {"dames": 1.0, "heren": 0.7, "kinderen": 0.1,
               "sport en wandel": 0.1, "leder": 0.1, "onderhoud": 0.05},
              0.1, 40.0, 0.75, 0.75, _kanalen(0.55, 0.35), 1.1, 0.16, (44, 12), (0.3, 0.35, 0.35),
              14, 0.6, 1.6, -0.1, {"prijs": -0.6}),
    KlantType("gezinsaankoper", 0.22, 1.8, 0.6, 2.6, -0.4,
              {"dames": 0.2, "heren": 0.1, "kinderen": 3.0,
               "sport en wandel": 0.1, "leder": 0.02, "onderhoud": 0.2},
              0.08, 1.5, 0.8, 0.6, _kanalen(0.7, 0.2), 0.9, 0.12, (40, 7), (0.03, 0.07, 0.9),
              10, 0.72, 1.0, 0.1, {"assortiment": 0.3}),
    KlantType("actieve wandelaar", 0.18, 1.3, 0.6, 1.6, 0.7,
              {"dames": 0.05, "heren": 0.05, "kinderen": 0.02,
               "sport en wandel": 3.0, "leder": 0.02, "onderhoud": 0.8},
              0.55, 1.0, 0.55, 0.6, _kanalen(0.7, 0.15), 0.9, 0.12, (52, 11), (0.2, 0.6, 0.2),
              22, 0.5, 0.9, 0.3, {"advies": 0.5, "kwaliteit": 0.3}),
    KlantType("occasionele cadeaukoper", 0.2, 0.4, 0.52, 1.2, 0.4,
              {"dames": 0.05, "heren": 0.05, "kinderen": 0.05,
               "sport en wandel": 0.05, "leder": 3.0, "onderhoud": 0.2},
              0.15, 0.6, 0.3, 0.4, _kanalen(0.75, 0.1), 0.5, 0.3, (48, 15), (0.3, 0.45, 0.25),
              18, 0.55, 0.6, -0.1, {}),
)

_SCHOENEN_PASSANT = KlantType("passant", 0.0, 1.0, 1.0, 1.3, 0.0,
    {"dames": 1.0, "heren": 0.6, "kinderen": 0.4,
     "sport en wandel": 0.4, "leder": 0.3, "onderhoud": 0.4},
    0.05, 2.0, 0.0, 0.0, _kanalen(1, 0), 0.9, 0.0, (42, 15), (0.3, 0.4, 0.3),
    30, 0.6, 0.0, 0.0, {})

_SPORT = (
    Categorie(
        "voetbal",
        "voetbalschoenen",
        "unisex",
        "doorlopend",
        59,
        249,
        ("Gras", "Kunstgras", "Zaal", "Junior"),
        piekmaanden=(7, 8),
    ),
    Categorie(
        "voetbal",
        "clubkledij",
        "unisex",
        "doorlopend",
        25,
        69,
        ("Shirt", "Short", "Kousen", "Trainingsvest"),
        piekmaanden=(8, 9),
        max_aantal=3,
    ),
    Categorie(
        "voetbal",
        "keepersmateriaal",
        "unisex",
        "doorlopend",
        29,
        119,
        ("Handschoenen", "Keepersshirt"),
        piekmaanden=(7, 8),
    ),
    Categorie(
        "voetbal",
        "scheidsrechterkledij",
        "unisex",
        "doorlopend",
        29,
        89,
        ("Scheidsrechtershirt", "Fluitje en kaarten", "Scheidsrechtersshort"),
        piekmaanden=(9,),
    ),
    Categorie(
        "voetbal",
        "voetbal",
        "unisex",
        "doorlopend",
        19,
        49,
        ("Match", "Training"),
        sperperiode=False,
        retourkans=0.2,
        piekmaanden=(8, 9),
    ),
    Categorie(
        "running",
        "loopschoenen",
        "unisex",
        "doorlopend",
        99,
        199,
        ("Neutraal", "Stabiel", "Trail"),
        piekmaanden=(3, 4, 5),
    ),
    Categorie(
        "running",
        "loopkledij",
        "unisex",
        "lente-zomer",
        25,
        89,
        ("Shirt", "Tight", "Jack"),
        piekmaanden=(3, 4, 5),
        max_aantal=2,
    ),
    Categorie(
        "fietsen en outdoor",
        "fietsaccessoires",
        "unisex",
        "doorlopend",
        15,
        129,
        ("Fietslicht", "Helm", "Bidon", "Slot"),
        sperperiode=False,
        retourkans=0.3,
        piekmaanden=(4, 5, 6),
    ),
    Categorie(
        "fietsen en outdoor",
        "outdoorjas",
        "unisex",
        "herfst-winter",
        89,
        249,
        ("Regenjas", "Softshell"),
        piekmaanden=(10, 11),
    ),
    Categorie("textiel", "sportkledij dames", "dames", "doorlopend", 25, 79, ("Legging", "Top", "Hoodie")),
    Categorie("textiel", "sportkledij heren", "heren", "doorlopend", 25, 79, ("Short", "Shirt", "Hoodie")),
    Categorie(
        "textiel",
        "sportkledij kinderen",
        "kinderen",
        "doorlopend",
        19,
        49,
        ("Jogging", "Shirt"),
        piekmaanden=(8, 9),
    ),
    Categorie(
        "sportvoeding",
        "sportvoeding",
        "unisex",
        "doorlopend",
        3,
        39,
        ("Energiegel", "Sportdrank", "Eiwitreep", "Recuperatiedrank"),
        sperperiode=False,
        retourkans=0.0,
        max_aantal=6,
    ),
)

_SPORT_TYPES = (
    KlantType("clublid", 0.26, 3.0, 0.6, 2.0, 0.1,
              {"voetbal": 3.0, "running": 0.05, "fietsen en outdoor": 0.05,
               "textiel": 0.15, "sportvoeding": 0.2},
              0.1, 1.0, 0.85, 0.7, _kanalen(0.5, 0.4), 0.8, 0.08, (24, 12), (0.4, 0.15, 0.45),
              8, 0.35, 1.2, 0.4, {"advies": 0.4, "assortiment": 0.3}),
    KlantType("fanatieke loper", 0.18, 2.6, 0.68, 1.8, 1.2,
              {"voetbal": 0.02, "running": 3.0, "fietsen en outdoor": 0.15,
               "textiel": 0.1, "sportvoeding": 1.2},
              0.55, 0.8, 0.75, 0.65, _kanalen(0.7, 0.2), 0.9, 0.1, (41, 11), (0.3, 0.5, 0.2),
              18, 0.5, 1.1, 0.5, {"advies": 0.5, "kwaliteit": 0.4}),
    KlantType("koopjesjager", 0.18, 1.6, 0.45, 2.1, -1.5,
              {"voetbal": 0.3, "running": 0.3, "fietsen en outdoor": 0.2,
               "textiel": 1.5, "sportvoeding": 0.05},
              0.1, 40.0, 0.7, 0.7, _kanalen(0.55, 0.35), 1.1, 0.16, (38, 12), (0.3, 0.35, 0.35),
              14, 0.55, 1.6, -0.1, {"prijs": -0.6}),
    KlantType("gezinsaankoper", 0.2, 1.5, 0.5, 2.8, -0.3,
              {"voetbal": 0.6, "running": 0.05, "fietsen en outdoor": 0.2,
               "textiel": 2.0, "sportvoeding": 0.02},
              0.08, 1.5, 0.8, 0.6, _kanalen(0.7, 0.2), 0.9, 0.12, (41, 7), (0.03, 0.07, 0.9),
              10, 0.6, 1.0, 0.1, {"assortiment": 0.3}),
    KlantType("recreatieve sporter", 0.18, 0.4, 0.52, 1.4, 0.2,
              {"voetbal": 0.03, "running": 0.1, "fietsen en outdoor": 3.0,
               "textiel": 0.2, "sportvoeding": 0.1},
              0.3, 0.8, 0.3, 0.4, _kanalen(0.75, 0.1), 0.6, 0.3, (46, 15), (0.3, 0.45, 0.25),
              20, 0.5, 0.6, -0.1, {}),
)

_SPORT_PASSANT = KlantType("passant", 0.0, 1.0, 1.0, 1.4, 0.0,
    {"voetbal": 0.6, "running": 0.5, "fietsen en outdoor": 0.6, "textiel": 0.8, "sportvoeding": 0.5},
    0.05, 2.0, 0.0, 0.0, _kanalen(1, 0), 0.9, 0.0, (35, 15), (0.3, 0.4, 0.3),
    30, 0.5, 0.0, 0.0, {})

# fmt: on

# Maandgewichten voor het aantal aankopen (jan..dec); de omzet per maand volgt daaruit samen met de
# solden (januari/juli goedkoper) en de mand. Afgesteld op de kalibratie in datasets/README.md.
_MAAND_KLEDING = (0.64, 0.62, 0.9, 1.0, 1.0, 0.85, 0.95, 0.95, 1.0, 1.0, 1.05, 1.55)
_MAAND_SCHOEN = (0.63, 0.62, 0.9, 1.0, 1.0, 0.85, 0.9, 0.95, 1.0, 1.0, 1.05, 1.5)
_MAAND_SPORT = (0.85, 0.7, 0.93, 1.0, 0.95, 0.9, 0.95, 1.22, 1.1, 0.9, 0.92, 1.58)

# Concurrenten die elke winkel heeft (scores op prijs, kwaliteit, service, advies, assortiment, sfeer)
_WEBSHOP = Concurrent("webshop", (4.2, 3.0, 2.4, 1.8, 4.5, 2.0))
_OUTLET = Concurrent("outlet", (4.5, 2.9, 2.2, 2.0, 3.0, 2.2))

PROFIELDATA: dict[str, Profiel] = {
    "kledingzaak": Profiel(
        profiel="kledingzaak",
        naam="Maison Vanderhoven",
        gemeente="Hasselt",
        standaard_klanten=4000,
        categorieen=_KLEDING,
        merken=(
            "Noorderlicht",
            "Atelier Demer",
            "Linde & Lo",
            "Kempenwol",
            "Studio Grenaat",
            "Veldhoen",
            "Mira Mori",
            "Haspengouw Denim",
        ),
        types=_KLEDING_TYPES,
        passant=_KLEDING_PASSANT,
        concurrenten=(
            Concurrent("ketenwinkel in de stad", (3.8, 2.9, 2.6, 2.3, 3.9, 3.0)),
            _WEBSHOP,
            _OUTLET,
            Concurrent("boetiek Het Kleerhuys", (2.8, 4.0, 3.9, 3.9, 3.2, 4.0)),
        ),
        maandfactor=_MAAND_KLEDING,
        maanddoel={1: 0.755, 12: 1.625},
        anoniem=0.32,
        kaartdrempel=300.0,
        kaartbon=15.0,
        retouche=0.22,
        maten=(0.75, 0.15),
        adviestijd=1.5,
    ),
    "schoenenzaak": Profiel(
        profiel="schoenenzaak",
        naam="Schoenen Lemmens",
        gemeente="Tongeren",
        standaard_klanten=3500,
        categorieen=_SCHOENEN,
        merken=("Stapvast", "Maaskant", "Ambiorix Shoes", "Loop & Co", "Velours", "Kempenleder", "Trapper"),
        types=_SCHOENEN_TYPES,
        passant=_SCHOENEN_PASSANT,
        concurrenten=(
            Concurrent("schoenenketen aan de rand van de stad", (4.0, 3.0, 2.5, 2.4, 4.0, 2.6)),
            _WEBSHOP,
            _OUTLET,
            Concurrent("schoenmakerij De Gaver", (3.0, 4.1, 4.0, 4.0, 2.8, 3.7)),
        ),
        maandfactor=_MAAND_SCHOEN,
        maanddoel={1: 0.755, 12: 1.625},
        anoniem=0.3,
        kaartdrempel=250.0,
        kaartbon=15.0,
        retouche=0.02,
        maten=(0.1, 0.85),
        adviestijd=1.1,
    ),
    "sportzaak": Profiel(
        profiel="sportzaak",
        naam="Sport Bosmans",
        gemeente="Bilzen",
        standaard_klanten=5000,
        categorieen=_SPORT,
        merken=("Velox", "Kicker Pro", "Strydon", "Haspengouw Sports", "Ren & Zo", "Trapkracht", "Alpino"),
        types=_SPORT_TYPES,
        passant=_SPORT_PASSANT,
        concurrenten=(
            Concurrent("grote sportketen", (4.3, 3.2, 2.5, 2.3, 4.4, 2.8)),
            _WEBSHOP,
            _OUTLET,
            Concurrent("sportwinkel Den Doelman", (3.1, 3.8, 3.9, 4.0, 3.0, 3.6)),
        ),
        maandfactor=_MAAND_SPORT,
        maanddoel={8: 1.15, 12: 1.635},
        anoniem=0.38,
        kaartdrempel=250.0,
        kaartbon=12.5,
        retouche=0.01,
        sportclubs=True,
        maten=(0.5, 0.5),
    ),
}

"""Oefeningen met directe feedback: ``controleer(naam, antwoord, winkel)``.

Elke oefening berekent het verwachte antwoord zelf uit de data (met de analysefuncties van
KlantLab) en antwoordt in het Nederlands: juist, nog niet ingevuld, of fout met een tip die iets
leert. De oefeningen van notebook NN staan in de module ``helpers.oefeningen.nbNN_onderwerp``;
die module wordt pas geladen als een oefening ``"NN_..."`` gevraagd wordt (zo laadt notebook 00
niet de zware analyses van notebook 03), of allemaal samen met `alle_oefeningen`.

>>> import pandas as pd
>>> from helpers.oefeningen import controleer
>>> print(controleer("00_eigen_klanten", ..., None))
Nog niet ingevuld: vervang de ... door je antwoord en voer de cel opnieuw uit (Shift+Enter).
>>> print(controleer("00_eigen_klanten", 850, None))
Bruikbaar! Onthoud dit getal: in notebook 10 vergelijk je het met wat je kassa zegt.
"""

from __future__ import annotations

from helpers.oefeningen.kern import (
    AANDEEL_TOL,
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Resultaat,
    Voorbeeld,
    aandeel_fouten,
    alle_oefeningen,
    als_procent,
    controleer,
    keur_schatting,
    laad_oefeningen,
    registreer,
    zoek_oefening,
)

__all__ = [
    "AANDEEL_TOL",
    "Beslissing",
    "Fout",
    "KeuzeFout",
    "Oefening",
    "Oordeel",
    "Resultaat",
    "Voorbeeld",
    "aandeel_fouten",
    "alle_oefeningen",
    "als_procent",
    "controleer",
    "keur_schatting",
    "laad_oefeningen",
    "registreer",
    "zoek_oefening",
]

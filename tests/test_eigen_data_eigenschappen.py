"""Property tests for lees_export: generated till exports, every input row accounted for exactly once.

The generator writes an export the way different tills do (separator, decimal comma or point, with or
without thousands separators and € signs, quoting, encoding, line endings, title lines above the header,
blank lines, totals rows, returns marked in a type column, dates after the peildatum, text in the amount
column) and keeps, for every line it writes, what must become of it: a ticket with a known amount, or a
refusal with a known reason. That bookkeeping is the oracle; it does not call helpers.eigen_data.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.eigen_data import lees_export

PEIL = "2025-12-31"
NAMEN = ["K1", "Zoë", "François", "Renée", "Jan", ""]
EINDES = ["\n", "\r\n", "\r", "\r\r\n"]


@dataclass
class Regel:
    velden: list[str]
    bedrag: float | None = None  # het verwachte ticketbedrag; None: geweigerd
    reden: str = ""  # een woord uit de verwachte reden van de weigering
    ticket: str = ""


def _bedrag(centen: int, decimaal: str, duizendtal: bool, euro: bool) -> str:
    """Een bedrag met twee decimalen, zoals een kassa het schrijft (nooit dubbelzinnig)."""
    tekst = f"{abs(centen) / 100:,.2f}" if duizendtal else f"{abs(centen) / 100:.2f}"
    if decimaal == ",":
        tekst = tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if centen < 0 else "") + ("€ " if euro else "") + tekst


@st.composite
def exports(draw):
    teken = draw(st.sampled_from([";", ",", "\t", "|"]))
    decimaal = draw(st.sampled_from([",", "."]))
    duizendtal = draw(st.booleans())
    aanhalingstekens = draw(st.sampled_from(["geen", "alles", "nodig"]))
    met_soort = draw(st.booleans())
    soorten = st.sampled_from(["verkoop", "retour"]) if met_soort else st.just("")
    regels: list[Regel] = []
    kept: list[float] = []
    for nummer in range(draw(st.integers(1, 14))):
        soort = draw(st.sampled_from(["ticket"] * 6 + ["leeg", "totaal", "toekomst", "onzin"]))
        centen = draw(st.integers(-(10**7), 10**7))
        euro = draw(st.booleans())
        dag = draw(st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31))).strftime("%d/%m/%Y")
        klant = draw(st.sampled_from(NAMEN))
        type_ = draw(soorten)
        if soort == "leeg":
            regels.append(Regel([""] * (4 + met_soort), reden="lege regel"))
            continue
        bedrag = _bedrag(centen, decimaal, duizendtal, euro)
        if soort == "totaal":
            bedrag = _bedrag(round(sum(kept) * 100), decimaal, duizendtal, False)
            velden, verwacht, reden = ["Totaal", "", "", bedrag], None, "totaalrij"
        elif soort == "toekomst":
            velden, verwacht, reden = [f"T{nummer}", "03/01/2030", klant, bedrag], None, "na de peildatum"
        elif soort == "onzin":
            velden, verwacht, reden = [f"T{nummer}", dag, klant, "gratis"], None, "geen bedrag"
        else:
            omgedraaid = type_ == "retour" and centen > 0
            velden, verwacht, reden = (
                [f"T{nummer}", dag, klant, bedrag],
                (-centen if omgedraaid else centen) / 100,
                "",
            )
        if met_soort:
            velden.insert(3, "" if soort == "totaal" else type_)
        if aanhalingstekens == "geen" and any(teken in v for v in velden):
            verwacht, reden = None, "velden"  # een scheidingsteken in een veld zonder aanhalingstekens
        if verwacht is not None:
            kept.append(verwacht)
        regels.append(Regel(velden, verwacht, reden, velden[0]))
    while regels and regels[-1].reden == "lege regel":
        regels.pop()  # lege regels onderaan tellen niet
    koppen = ["ticket", "datum", "klant"] + (["soort"] if met_soort else []) + ["bedrag"]
    titels = [f"Kassa-export {i + 1}" for i in range(draw(st.integers(0, 2)))]
    return teken, aanhalingstekens, koppen, titels, regels


def _schrijf(teken, aanhalingstekens, koppen, titels, regels, eindes, codering) -> bytes:
    def regel(velden: list[str]) -> str:
        if all(v == "" for v in velden) and velden is not koppen:
            return ""
        if aanhalingstekens == "alles":
            return teken.join(f'"{v}"' for v in velden)
        if aanhalingstekens == "nodig":
            return teken.join(f'"{v}"' if teken in v else v for v in velden)
        return teken.join(velden)

    tekst = ""
    vorige = ""
    for i, inhoud in enumerate([*titels, regel(koppen), *(regel(r.velden) for r in regels)]):
        einde = eindes[i % len(eindes)]
        if inhoud == "" and vorige == "\r":
            einde = "\r"  # '\r' gevolgd door een lege regel met '\n' zou één regeleinde '\r\n' worden
        tekst += inhoud + einde
        vorige = einde
    return tekst.encode(codering)


def _controleer(imp, titels, regels) -> None:
    rapport = imp.rapport
    eerste = len(titels) + 2
    assert rapport["rij"].tolist() == list(range(eerste, eerste + len(regels)))  # elke regel precies één keer
    assert imp.kopregel == len(titels) + 1
    for (_, rij), regel in zip(rapport.iterrows(), regels, strict=True):
        if regel.bedrag is None:
            assert rij["status"] == "geweigerd", (regel, rij["reden"])
            assert rij["reden"].startswith(f"rij {rij['rij']}, kolom '") and regel.reden in rij["reden"], (
                regel,
                rij["reden"],
            )
        else:
            assert rij["status"] in ("behouden", "hersteld"), (regel, rij["reden"])
            assert rij["ticket_id"] == regel.ticket
    verwacht = {r.ticket: r.bedrag for r in regels if r.bedrag is not None}
    gelezen = dict(zip(imp.tickets["ticket_id"], imp.tickets["bedrag"], strict=True))
    assert gelezen == pytest.approx(verwacht, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(
    export=exports(),
    eindes=st.lists(st.sampled_from(EINDES), min_size=1, max_size=4),
    codering=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-32"]),
)
def test_property_every_generated_row_is_accounted_for(export, eindes, codering):
    teken, aanhalingstekens, koppen, titels, regels = export
    if not regels:
        return
    inhoud = _schrijf(teken, aanhalingstekens, koppen, titels, regels, eindes, codering)
    imp = lees_export(inhoud, peildatum=PEIL)
    _controleer(imp, titels, regels)
    assert imp.scheidingsteken == teken


@settings(max_examples=60, deadline=None)
@given(
    export=exports(),
    eindes=st.tuples(st.sampled_from(EINDES), st.sampled_from(EINDES)),
    coderingen=st.tuples(
        st.sampled_from(["utf-8", "cp1252", "utf-16-be"]), st.sampled_from(["utf-8-sig", "utf-32-le"])
    ),
)
def test_property_line_endings_and_encoding_do_not_change_the_result(export, eindes, coderingen):
    teken, aanhalingstekens, koppen, titels, regels = export
    if not regels:
        return
    a, b = (
        lees_export(_schrijf(teken, aanhalingstekens, koppen, titels, regels, [e], c), peildatum=PEIL)
        for e, c in zip(eindes, coderingen, strict=True)
    )
    pd.testing.assert_frame_equal(a.tickets, b.tickets)
    pd.testing.assert_frame_equal(a.rapport, b.rapport)


def test_generator_agrees_with_the_csv_module():
    # the oracle's own writer: what csv.reader reads back is what the generator meant
    regels = [Regel(["T1", "03/01/2025", "Zoë", "1.234,56"], 1234.56, "", "T1")]
    inhoud = _schrijf(
        ";", "alles", ["ticket", "datum", "klant", "bedrag"], ["Kassa"], regels, ["\r\n"], "utf-8"
    )
    gelezen = list(csv.reader(inhoud.decode().splitlines(), delimiter=";"))
    assert gelezen == [
        ["Kassa"],
        ["ticket", "datum", "klant", "bedrag"],
        ["T1", "03/01/2025", "Zoë", "1.234,56"],
    ]


TEKENS = list(';,\t|"\r\n 0123456789.,-€%/:()TotaalSomdatumbedragticketklant\x00\ufffdë')


@settings(max_examples=300, deadline=None)
@given(
    kop=st.sampled_from(["ticket;datum;klant;bedrag", "datum,bedrag", "Bonnr\tDatum\tTotaal", "x;y"]),
    regels=st.lists(st.lists(st.sampled_from(TEKENS), max_size=40).map("".join), max_size=8),
    codering=st.sampled_from(["utf-8", "cp1252", "utf-16", "utf-16-le", "latin-1"]),
)
def test_property_any_text_gives_a_report_or_a_dutch_error(kop, regels, codering):
    # never a traceback: whatever the lines hold, a report for every row or an InvoerFout
    inhoud = "\n".join([kop, *regels]).encode(codering, errors="replace")
    try:
        imp = lees_export(inhoud, peildatum=PEIL)
    except InvoerFout:
        return
    assert imp.rapport["rij"].is_unique and len(imp.rapport) == imp.samenvatting()["rijen"]
    assert imp.rapport.loc[imp.rapport["status"] == "geweigerd", "reden"].str.match(r"rij \d+, kolom '").all()


@settings(max_examples=200, deadline=None)
@given(inhoud=st.binary(max_size=400))
def test_property_any_bytes_give_a_report_or_a_dutch_error(inhoud):
    try:
        lees_export(inhoud, peildatum=PEIL)
    except InvoerFout:
        pass

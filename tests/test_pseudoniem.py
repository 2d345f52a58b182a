"""pseudonimiseer: no personal value survives, joins keep working, keys per column, weak salts refused.

All identities are invented (Faker nl_BE / en_GB with a fixed seed).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd
import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.eigen_data import pseudonimiseer
from helpers.eigen_data.pseudoniem import SOORTEN, privacyrapport

ZOUT = "Zout-van-de-winkel-7#q"


def _iban(fake: Faker) -> str:
    """A valid Belgian IBAN (check digits by the mod-97 rule), grouped by four."""
    rekening = f"{fake.random_int(0, 9_999_999_999):010d}"
    rekening += f"{int(rekening) % 97 or 97:02d}"
    controle = 98 - int(rekening + "111400") % 97  # B=11, E=14, "00"
    code = f"BE{controle:02d}{rekening}"
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def nederlandse_export(n: int = 120, seed: int = 5) -> pd.DataFrame:
    """A CRM export with Dutch headers, as a Flemish till would give it (text birth dates, notes)."""
    fake = Faker("nl_BE")
    fake.seed_instance(seed)
    rijen = []
    for i in range(n):
        voornaam, achternaam = fake.first_name(), fake.last_name()
        email = f"{voornaam}.{achternaam}{i}@{fake.free_email_domain()}".replace(" ", "")
        paren = " ".join(str(fake.random_int(10, 99)) for _ in range(3))
        gsm = f"04{fake.random_int(70, 99)} {paren}"
        adres = f"{fake.street_name()} {fake.building_number()}"
        iban = _iban(fake)
        notitie = [
            f"Bel {voornaam} terug op {gsm.replace(' ', '/')}",
            f"Factuur mailen naar {email.upper()}",
            f"Terugbetaling op {iban}",
            f"Pakje leveren bij {achternaam}, {adres}",
            "Vaste klant, komt elke zaterdag",
        ][i % 5]
        rijen.append(
            {
                "Klantnummer": 240_000 + i,
                "Voornaam": voornaam,
                "Achternaam": achternaam,
                "E-mail": email if i % 7 else None,
                "GSM": gsm,
                "Adres": adres,
                "Postcode": fake.postcode(),
                "Gemeente": fake.city(),
                "Geboortedatum": fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y"),
                "Kaartnummer": f"KK{i:07d}",
                "IBAN": iban,
                "Opmerking": notitie,
                "Omzet": round(fake.pyfloat(min_value=10, max_value=900), 2),
            }
        )
    return pd.DataFrame(rijen)


def engelse_export(n: int = 80, seed: int = 6) -> pd.DataFrame:
    """A webshop customer export with English headers (Shopify-like), phone numbers as numbers."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rijen = []
    for i in range(n):
        eerste, laatste = fake.first_name(), fake.last_name()
        rijen.append(
            {
                "Customer ID": f"C{fake.unique.random_int(10_000, 99_999)}",
                "First Name": eerste,
                "Last Name": laatste,
                "Email": f"{eerste}.{laatste}@example.org".lower(),
                "Accepts Email Marketing": "yes" if i % 2 else "no",
                "Phone": 32_470_000_000 + fake.random_int(0, 999_999) if i % 3 else None,
                "Address1": fake.street_address(),
                "City": fake.city(),
                "Zip": fake.postcode(),
                "Date of Birth": fake.date_of_birth(minimum_age=18, maximum_age=80).isoformat(),
                "Total Spent": float(fake.random_int(0, 2000)),
                "Note": f"VIP, contact {eerste} via {fake.free_email()}" if i % 4 == 0 else "",
                "Contact": f"{eerste.lower()}@{fake.free_email_domain()}",  # an unnamed e-mail column
            }
        )
    return pd.DataFrame(rijen)


PERSOONLIJK_NL = ["Klantnummer", "Voornaam", "Achternaam", "E-mail", "GSM", "Adres", "Kaartnummer", "IBAN"]
PERSOONLIJK_EN = ["Customer ID", "First Name", "Last Name", "Email", "Phone", "Address1", "Contact"]


def _vormen(waarde: object) -> set[str]:
    """The raw value and the spellings someone could search for (case, digits only)."""
    tekst = str(waarde).strip()
    vormen = {tekst, tekst.lower(), tekst.upper()}
    cijfers = re.sub(r"\D", "", tekst)
    if len(cijfers) >= 6:
        vormen |= {cijfers, cijfers[-9:]}
    vormen |= {tekst.replace(" ", "")}
    return {v for v in vormen if len(v) >= 3}


def _overleeft(
    origineel: pd.DataFrame, uit: pd.DataFrame, kolommen: list[str], blijft: list[str]
) -> list[tuple[str, str]]:
    """(column, output column) pairs where a personal value is still readable, looked up cell by cell.

    Columns kept on purpose (``blijft``: postcode, city, amounts) are checked for being unchanged
    instead: a town may be called like a person ("West Kate").
    """
    cellen = {k: " | ".join(uit[k].dropna().astype(str)) for k in uit.columns if k not in blijft}
    gevonden = []
    for kolom in kolommen:
        for waarde in origineel[kolom].dropna().unique():
            for vorm in _vormen(waarde):
                woord = re.compile(rf"(?<![\w.]){re.escape(vorm)}(?![\w])")
                for uitkolom, tekst in cellen.items():
                    if woord.search(tekst):
                        gevonden.append((kolom, uitkolom))
    return gevonden


@pytest.mark.parametrize(
    ("maak", "persoonlijk", "blijft"),
    [
        (nederlandse_export, PERSOONLIJK_NL, ["Postcode", "Gemeente", "Omzet"]),
        (engelse_export, PERSOONLIJK_EN, ["City", "Zip", "Total Spent", "Accepts Email Marketing"]),
    ],
    ids=["nederlands", "engels"],
)
def test_no_personal_value_survives_a_realistic_export(maak, persoonlijk, blijft):
    export = maak()
    uit = pseudonimiseer(export, zout=ZOUT)
    assert _overleeft(export, uit, persoonlijk, blijft) == []
    for kolom in persoonlijk:
        assert uit[kolom].dropna().str.fullmatch("[0-9a-f]{16}").all(), kolom
        assert uit[kolom].isna().tolist() == export[kolom].isna().tolist(), kolom  # empty stays empty
    pd.testing.assert_frame_equal(uit[blijft], export[blijft])
    assert privacyrapport(uit).empty
    assert privacyrapport(export)["kolom"].tolist()  # the report on the input names what it found


def test_birth_dates_keep_only_the_year_also_as_text():
    export = nederlandse_export(10)
    uit = pseudonimiseer(export, zout=ZOUT)
    jaren = pd.to_datetime(export["Geboortedatum"], format="%d/%m/%Y").dt.year
    assert (uit["Geboortedatum"].dt.year == jaren).all()
    assert ((uit["Geboortedatum"].dt.month == 7) & (uit["Geboortedatum"].dt.day == 1)).all()
    engels = pseudonimiseer(engelse_export(10), zout=ZOUT)
    assert (engels["Date of Birth"].dt.strftime("%m-%d") == "07-01").all()


def test_free_text_keeps_its_meaning_but_loses_the_details():
    export = nederlandse_export(5)
    notities = pseudonimiseer(export, zout=ZOUT)["Opmerking"].tolist()
    assert notities[0] == "Bel [persoon] terug op [telefoon]"
    assert notities[1] == "Factuur mailen naar [e-mail]"
    assert notities[2] == "Terugbetaling op [IBAN]"
    assert notities[3].startswith("Pakje leveren bij [persoon]")
    assert notities[4] == "Vaste klant, komt elke zaterdag"


def _verwacht(normaal: str, soort: str, zout: str = ZOUT) -> str:
    """Second implementation of the documented rule: a key per kind of column, then keyed BLAKE2b."""
    sleutel = hashlib.blake2b(
        soort.encode(), key=zout.encode(), digest_size=32, person=b"klantlab-pseudo"
    ).digest()
    return hashlib.blake2b(normaal.encode(), key=sleutel, digest_size=8).hexdigest()


def test_values_are_normalised_before_hashing_so_joins_keep_working():
    tickets = pd.DataFrame({"klant_id": [101, 102, 0], "bedrag": [5.0, 6.0, 7.0]})
    klanten = pd.DataFrame(
        {
            "Klantnummer": ["0101", " 102.0", "anoniem"],
            "E-mail": ["An.Peeters@Voorbeeld.be ", "mailto:bo@voorbeeld.be", ""],
            "GSM": ["0470 12 34 56", "+32 (0)470/65.43.21", "  "],
        }
    )
    t, k = pseudonimiseer(tickets, zout=ZOUT), pseudonimiseer(klanten, zout=ZOUT)
    assert t["klant_id"].tolist()[:2] == k["Klantnummer"].tolist()[:2]
    assert t["klant_id"].iloc[0] == _verwacht("101", "klantnummer")
    assert pd.isna(t["klant_id"].iloc[2]) and k.iloc[2].isna().all()  # anonymous and empty stay empty
    assert k["E-mail"].tolist()[:2] == [
        _verwacht("an.peeters@voorbeeld.be", "email"),
        _verwacht("bo@voorbeeld.be", "email"),
    ]
    telefoon = pd.DataFrame({"telefoon": ["0032470123456", "+32470123456", 470123456.0, "0470.12.34.56"]})
    assert set(pseudonimiseer(telefoon, zout=ZOUT)["telefoon"]) == {_verwacht("+32470123456", "telefoon")}


def test_keys_are_per_kind_of_column():
    df = pd.DataFrame({"klant_id": ["12345678"], "kaartnummer": ["12345678"], "telefoon": ["012345678"]})
    uit = pseudonimiseer(df, zout=ZOUT).iloc[0]
    assert uit["klant_id"] != uit["kaartnummer"]
    assert uit["klant_id"] == _verwacht("12345678", "klantnummer")
    assert uit["kaartnummer"] == _verwacht("12345678", "kaartnummer")
    anders = pseudonimiseer(df, zout=ZOUT + "x").iloc[0]
    assert not set(anders) & set(uit)


@pytest.mark.parametrize(
    ("zout", "melding"),
    [
        (None, "minstens 16 tekens"),
        ("kort-maar-goed", "minstens 16 tekens"),
        ("x" * 40, "te voorspelbaar"),
        ("abcabcabcabcabcabcabc", "te voorspelbaar"),
        ("aaaaaaaaaaaaaaaab", "te voorspelbaar"),
        (" " * 20, "witruimte"),
        ("een goed zout met spaties", "witruimte"),
        ("Zout-van-de-winkel-7#q\n", "witruimte"),
        (b"\x00" * 32, "te voorspelbaar"),
    ],
)
def test_weak_salts_are_refused_without_repeating_them(zout, melding):
    with pytest.raises(InvoerFout, match=melding) as fout:
        pseudonimiseer(nederlandse_export(3), zout=zout)
    if isinstance(zout, str) and zout.strip():
        assert zout.strip() not in str(fout.value)


def test_a_personal_column_left_over_is_refused_and_named_without_values():
    export = nederlandse_export(20)
    with pytest.raises(InvoerFout) as fout:
        pseudonimiseer(export, kolommen=["Voornaam", "Achternaam"], zout=ZOUT)
    melding = str(fout.value)
    for kolom in ("E-mail", "GSM", "IBAN", "Opmerking", "Klantnummer"):
        assert f"'{kolom}'" in melding
    assert not [v for k in PERSOONLIJK_NL for w in export[k].dropna() for v in _vormen(w) if v in melding]


def test_laat_staan_keeps_a_column_knowingly_and_reports_it():
    export = nederlandse_export(10)
    uit = pseudonimiseer(export, zout=ZOUT, laat_staan=["Gemeente", "Adres"])
    assert uit["Adres"].tolist() == export["Adres"].tolist()
    rapport = pd.DataFrame(uit.attrs["privacy"]).set_index("kolom")
    assert rapport.loc["Adres", "actie"] == "bewust ongewijzigd gelaten (laat_staan)"
    assert rapport.loc["E-mail", "actie"] == "pseudoniem"
    assert not [v for w in export["Adres"] for v in _vormen(w) if v in str(uit.attrs["privacy"])]


def test_messages_never_quote_a_customer_number():
    with pytest.raises(InvoerFout) as fout:
        pseudonimiseer(pd.DataFrame({"klantnummer": [101.5, 7.0]}), zout=ZOUT)
    assert "101.5" not in str(fout.value) and "'klantnummer'" in str(fout.value)


def test_input_is_not_changed_and_other_columns_keep_their_type():
    export = nederlandse_export(10)
    kopie = export.copy()
    uit = pseudonimiseer(export, zout=ZOUT)
    pd.testing.assert_frame_equal(export, kopie)
    assert uit["Omzet"].dtype == np.float64 and list(uit.columns) == list(export.columns)


@pytest.mark.parametrize("soort", list(SOORTEN))
def test_every_alias_is_recognised_by_its_name(soort):
    for naam in SOORTEN[soort]:
        kop = naam.replace("id", " ID").title()  # as a person would write it in a header
        rapport = privacyrapport(pd.DataFrame({kop: ["waarde"]}))
        assert rapport["soort"].tolist() == [soort], kop


@settings(max_examples=60, deadline=None)
@given(
    waarden=st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=15),
        min_size=1,
        max_size=15,
    ),
    kop=st.sampled_from(["Naam", "naam", "Full Name", "Klantnaam", "Contactpersoon"]),
)
def test_property_pseudonyms_are_injective_and_opaque(waarden, kop):
    uit = pseudonimiseer(pd.DataFrame({kop: waarden}), zout=ZOUT)[kop]
    normaal = [re.sub(r"[\s,.]+", " ", w.strip().casefold()).strip() for w in waarden]
    for i in range(len(waarden)):
        for j in range(len(waarden)):
            if normaal[i] and normaal[j]:
                assert (uit.iloc[i] == uit.iloc[j]) == (normaal[i] == normaal[j])
    assert uit.dropna().str.fullmatch("[0-9a-f]{16}").all()
    assert uit.isna().tolist() == [not n for n in normaal]  # empty stays empty

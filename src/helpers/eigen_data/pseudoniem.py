"""Persoonsgegevens vervangen door pseudoniemen, om gegevens door te geven aan een consulent.

Elke waarde in een persoonlijke kolom wordt een gezouten hash (BLAKE2b met je geheime ``zout`` als
sleutel, 16 hexadecimale tekens). Dezelfde waarde met hetzelfde zout geeft altijd hetzelfde
pseudoniem, dus koppelingen tussen tabellen (``klant_id`` in tickets en klanten) blijven werken; met
een ander zout is alles anders. Bewaar het zout zelf en geef het niet mee: wie het zout niet heeft,
kan de pseudoniemen niet terugrekenen door namen of e-mailadressen uit te proberen.

Wat blijft: de postcode (een Belgische postcode telt duizenden inwoners) en van de geboortedatum
enkel het jaar (als 1 juli van dat jaar, zodat leeftijden bijna juist blijven). Let op: met
pseudoniemen blijven het persoonsgegevens in de zin van de GDPR; het is geen anonimisering.

>>> import pandas as pd
>>> klanten = pd.DataFrame(
...     {"klant_id": ["K1", "K2"], "email": ["an@voorbeeld.be", None], "postcode": ["3000", "2000"]}
... )
>>> uit = pseudonimiseer(klanten, zout="mijn-geheim-zout-2025")
>>> uit["postcode"].tolist(), uit["email"].isna().tolist()
(['3000', '2000'], [False, True])
>>> uit["klant_id"].str.len().tolist()
[16, 16]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen

PERSOONLIJK = ("klant_id", "voornaam", "achternaam", "naam", "email", "telefoon", "straat", "kaartnummer")
"""Kolommen die standaard gepseudonimiseerd worden (als ze in de tabel staan)."""

MIN_ZOUT = 16
"""Minimale lengte van het zout, in tekens."""

LENGTE = 16


def pseudonimiseer(
    df: pd.DataFrame,
    kolommen: Iterable[str] | None = None,
    zout: str | bytes | None = None,
) -> pd.DataFrame:
    """Vervang persoonlijke kolommen door pseudoniemen; geboortedatum wordt enkel het jaar.

    ``kolommen``: welke kolommen (standaard de aanwezige uit `PERSOONLIJK`). ``zout``: een geheim van
    minstens 16 tekens, bv. gemaakt met ``secrets.token_hex(16)``. Lege waarden blijven leeg.
    E-mailadressen tellen zonder hoofdletters (``An@X.be`` = ``an@x.be``).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"klant_id": ["K1", "K1"], "geboortedatum": pd.to_datetime(["1980-03-04", None])})
    >>> uit = pseudonimiseer(df, zout="0123456789abcdef")
    >>> uit["klant_id"].nunique(), [str(d) for d in uit["geboortedatum"]]
    (1, ['1980-07-01 00:00:00', 'NaT'])
    """
    if zout is None or len(zout) < MIN_ZOUT:
        raise InvoerFout(
            f"Geef een geheim zout van minstens {MIN_ZOUT} tekens, bv. zout=secrets.token_hex(16). "
            "Bewaar het goed en geef het niet mee met de gegevens."
        )
    sleutel = zout.encode("utf-8") if isinstance(zout, str) else bytes(zout)
    if len(sleutel) > 64:
        sleutel = hashlib.sha256(sleutel).digest()
    if kolommen is None:
        vereis_kolommen(df, [], "tabel")
        kolommen = [k for k in PERSOONLIJK if k in df.columns]
    else:
        kolommen = list(kolommen)
        vereis_kolommen(df, kolommen, "tabel")
    nieuw = {k: _pseudoniemen(df[k], sleutel, email=k == "email") for k in kolommen}
    if "geboortedatum" in df.columns:
        geboren = pd.to_datetime(df["geboortedatum"])
        jaar = pd.DataFrame({"year": geboren.dt.year, "month": 7, "day": 1})
        nieuw["geboortedatum"] = pd.to_datetime(jaar).astype(geboren.dtype)
    return df.assign(**nieuw)


def _pseudoniemen(reeks: pd.Series, sleutel: bytes, email: bool) -> pd.Series:
    """Hash elke verschillende waarde één keer (hashen kan niet gevectoriseerd) en zet ze terug."""
    tekst = reeks.astype("string").str.strip()
    if email:
        tekst = tekst.str.lower()
    uniek = tekst.dropna().unique()
    tabel = {
        w: hashlib.blake2b(w.encode("utf-8"), key=sleutel, digest_size=LENGTE // 2).hexdigest() for w in uniek
    }
    return tekst.map(tabel).astype(object).where(tekst.notna(), None).astype("str")

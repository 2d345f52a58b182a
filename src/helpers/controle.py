"""Invoercontroles met duidelijke Nederlandse foutmeldingen, gedeeld door alle analyses.

Elke controle geeft niets terug als alles in orde is en gooit anders een `InvoerFout` met een
boodschap die zegt wat er mis is en waar.

>>> import pandas as pd
>>> vereis_kolommen(pd.DataFrame({"a": [1]}), ["a", "datum"], "tickets")
Traceback (most recent call last):
...
helpers.controle.InvoerFout: De tabel 'tickets' mist de kolom 'datum'. Aanwezige kolommen: 'a'.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


class InvoerFout(ValueError):
    """Fout in de invoer van een analyse (ontbrekende kolom, leeg, verkeerd type, ...)."""


def vereis_kolommen(df: pd.DataFrame, kolommen: Iterable[str], tabel: str = "tabel") -> None:
    """Controleer dat ``df`` een DataFrame is met alle ``kolommen``."""
    if not isinstance(df, pd.DataFrame):
        raise InvoerFout(f"Verwacht een tabel (pandas DataFrame) voor '{tabel}', kreeg {type(df).__name__}.")
    ontbrekend = [k for k in kolommen if k not in df.columns]
    if ontbrekend:
        woord = "de kolom" if len(ontbrekend) == 1 else "de kolommen"
        namen = ", ".join(f"'{k}'" for k in ontbrekend)
        aanwezig = ", ".join(f"'{k}'" for k in df.columns) or "(geen)"
        raise InvoerFout(f"De tabel '{tabel}' mist {woord} {namen}. Aanwezige kolommen: {aanwezig}.")


def vereis_niet_leeg(df: pd.DataFrame, tabel: str = "tabel") -> None:
    """Controleer dat ``df`` minstens één rij heeft."""
    if len(df) == 0:
        raise InvoerFout(f"De tabel '{tabel}' is leeg: er is niets om te analyseren.")


def vereis_datums(df: pd.DataFrame, kolom: str, tabel: str = "tabel") -> None:
    """Controleer dat ``kolom`` datums bevat (type datetime) zonder lege waarden."""
    if not pd.api.types.is_datetime64_any_dtype(df[kolom]):
        raise InvoerFout(
            f"De kolom '{kolom}' in '{tabel}' moet datums bevatten, maar heeft type {df[kolom].dtype}. "
            f"Zet ze om met pd.to_datetime(...) of lees ze in met helpers.eigen_data.lees_export."
        )
    leeg = df[kolom].isna()
    if leeg.any():
        raise InvoerFout(
            f"De kolom '{kolom}' in '{tabel}' heeft {int(leeg.sum())} lege datum(s), "
            f"eerste op rij {_eerste_rij(df, leeg)}."
        )


def vereis_getallen(df: pd.DataFrame, kolom: str, tabel: str = "tabel") -> None:
    """Controleer dat ``kolom`` getallen bevat zonder lege waarden (negatief mag: een retour)."""
    if not pd.api.types.is_numeric_dtype(df[kolom]) or pd.api.types.is_bool_dtype(df[kolom]):
        raise InvoerFout(
            f"De kolom '{kolom}' in '{tabel}' moet getallen bevatten, maar heeft type {df[kolom].dtype}. "
            f"Staat er tekst of een €-teken in? helpers.eigen_data.lees_export zet dat om."
        )
    leeg = df[kolom].isna()
    if leeg.any():
        raise InvoerFout(
            f"De kolom '{kolom}' in '{tabel}' heeft {int(leeg.sum())} ontbrekende bedrag(en), "
            f"eerste op rij {_eerste_rij(df, leeg)}."
        )


def vereis_waar(df: pd.DataFrame, kolom: str, tabel: str = "tabel") -> None:
    """Controleer dat ``kolom`` waar/onwaar bevat (type bool).

    >>> import pandas as pd
    >>> vereis_waar(pd.DataFrame({"beantwoord": ["ja"]}), "beantwoord", "enquete")
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: De kolom 'beantwoord' in 'enquete' moet waar/onwaar (True/False) bevatten, \
maar heeft type str.
    """
    if not pd.api.types.is_bool_dtype(df[kolom]):
        raise InvoerFout(
            f"De kolom '{kolom}' in '{tabel}' moet waar/onwaar (True/False) bevatten, "
            f"maar heeft type {df[kolom].dtype}."
        )


def vereis_uniek(df: pd.DataFrame, kolom: str, tabel: str = "tabel") -> None:
    """Controleer dat elke waarde van ``kolom`` maar één keer voorkomt (een sleutel, bv. product_id).

    >>> import pandas as pd
    >>> vereis_uniek(pd.DataFrame({"id": ["P1", "P2", "P1"]}), "id", "producten")
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: De waarde 'P1' staat meer dan eens in 'producten' (kolom 'id', rij 2).
    """
    dubbel = df[kolom].duplicated()
    if dubbel.any():
        raise InvoerFout(
            f"De waarde {df[kolom][dubbel].iloc[0]!r} staat meer dan eens in '{tabel}' "
            f"(kolom '{kolom}', rij {_eerste_rij(df, dubbel)})."
        )


def vereis_niet_na(df: pd.DataFrame, kolom: str, peildatum: pd.Timestamp, tabel: str = "tabel") -> None:
    """Controleer dat geen enkele datum in ``kolom`` na de ``peildatum`` ligt."""
    grens = pd.Timestamp(peildatum).normalize() + pd.Timedelta(days=1)
    te_laat = df[kolom] >= grens
    if te_laat.any():
        raise InvoerFout(
            f"{int(te_laat.sum())} datum(s) in '{tabel}.{kolom}' liggen na de peildatum "
            f"{pd.Timestamp(peildatum).date()}, eerste op rij {_eerste_rij(df, te_laat)}. "
            f"Kies een latere peildatum of laat die rijen weg."
        )


def _eerste_rij(df: pd.DataFrame, masker: pd.Series) -> object:
    return df.index[masker.to_numpy()][0]

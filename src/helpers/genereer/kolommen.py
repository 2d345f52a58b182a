"""Snelle kolombouwers voor grote tabellen: tekstsleutels (``T0000001``) en categorieën uit codes.

Voor miljoenen rijen zijn Python-strings te traag; deze functies bouwen de kolommen rechtstreeks
als Arrow-tekst (het standaard ``str``-type van pandas 3) of als pandas-categorie.

>>> list(sleutels("K", np.array([0, 41, 7]), 6, geldig=np.array([True, True, False])))
['K000001', 'K000042', nan]
>>> list(keuzes(np.array([1, -1, 0]), ["winkel", "webshop"]))
['webshop', nan, 'winkel']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

_PAREN = np.array([[48 + i // 10, 48 + i % 10] for i in range(100)], dtype=np.uint8).view(np.uint16).ravel()


def sleutelbytes(voorvoegsel: str, nummers: np.ndarray, breedte: int) -> np.ndarray:
    """De bytes van de sleutels (één rij per sleutel): rijen kiezen is sneller dan herrekenen."""
    getal = np.asarray(nummers, dtype=np.int64) + 1
    kop = np.frombuffer(voorvoegsel.encode("ascii"), dtype=np.uint8)
    breedte = max(breedte, len(str(int(getal.max()))) if len(getal) else breedte)
    even = breedte + breedte % 2  # per twee cijfers; de extra voorloopnul valt hieronder weg
    paren = np.empty((len(getal), even // 2), dtype=np.uint16)
    rest = getal.astype(np.uint32 if len(getal) == 0 or getal.max() < 2**32 else np.uint64)
    for kolom in range(even // 2 - 1, -1, -1):
        rest, deel = np.divmod(rest, 100)
        paren[:, kolom] = _PAREN[deel]
    cijfers = paren.view(np.uint8)[:, even - breedte :]
    return np.concatenate([np.broadcast_to(kop, (len(getal), len(kop))), cijfers], axis=1)


def als_tekst(rijen: np.ndarray, geldig: np.ndarray | None = None) -> pd.api.extensions.ExtensionArray:
    """Rijen bytes van vaste breedte als tekstkolom (pandas ``str``); leeg waar niet ``geldig``."""
    aantal, lengte = rijen.shape
    posities = np.arange(0, (aantal + 1) * lengte, lengte, dtype=np.int64)
    masker = (
        None if geldig is None else pa.py_buffer(np.packbits(np.asarray(geldig, bool), bitorder="little"))
    )
    data = pa.py_buffer(np.ascontiguousarray(rijen).ravel())
    if posities[-1] < 2**31:
        pijl = pa.StringArray.from_buffers(aantal, pa.py_buffer(posities.astype(np.int32)), data, masker)
    else:
        pijl = pa.LargeStringArray.from_buffers(aantal, pa.py_buffer(posities), data, masker).cast(
            pa.string()
        )
    return pd.arrays.ArrowStringArray(
        pa.chunked_array([pijl]), dtype=pd.StringDtype("pyarrow", na_value=np.nan)
    )


def sleutels(
    voorvoegsel: str, nummers: np.ndarray, breedte: int, geldig: np.ndarray | None = None
) -> pd.api.extensions.ExtensionArray:
    """Tekstsleutels: ``voorvoegsel`` + volgnummer (``nummers + 1``) met voorloopnullen.

    Leeg (NA) waar ``geldig`` onwaar is.
    """
    return als_tekst(sleutelbytes(voorvoegsel, nummers, breedte), geldig)


def keuzes(codes: np.ndarray, namen: list[str] | tuple[str, ...]) -> pd.Categorical:
    """Een categorie-kolom uit gehele ``codes`` (index in ``namen``; -1 = leeg), categorieën gesorteerd
    en enkel die voorkomen (zoals na het inlezen van een CSV)."""
    volgorde = np.argsort(np.array(namen, dtype=object), kind="stable")
    nieuw = np.empty(len(namen), dtype=np.int64)
    nieuw[volgorde] = np.arange(len(namen))
    codes = np.asarray(codes)
    gecodeerd = np.where(codes >= 0, nieuw[np.maximum(codes, 0)], -1)
    categorieen = pd.Index(np.array(namen, dtype=object)[volgorde], dtype="str")
    return pd.Categorical.from_codes(gecodeerd, categories=categorieen).remove_unused_categories()

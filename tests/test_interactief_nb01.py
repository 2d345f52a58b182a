"""De bereikbaarheidsverkenner van notebook 01, getoetst tegen een eigen filter op het klantenbestand."""

from __future__ import annotations

import re

from helpers.data import laad_winkel
from helpers.interactief import bereikbaarheidsverkenner


def _kaart(html: str, label: str) -> int:
    m = re.search(re.escape(label) + r"</div><div[^>]*>([\d.]+)</div>", html)
    assert m, f"kaartje {label!r} niet gevonden"
    return int(m.group(1).replace(".", ""))


def test_verkenner_telt_zoals_een_eigen_filter() -> None:
    winkel = laad_winkel("schoenenzaak")
    v = bereikbaarheidsverkenner({"schoenenzaak": winkel})
    v.bedieningen["laat_rusten_na"].value = 0
    for kanaal, veld in (("e-mail", "email"), ("sms", "telefoon")):
        v.bedieningen["kanaal"].value = kanaal
        k = winkel.klanten
        uitgeschreven = set(winkel.actiecontacten.loc[winkel.actiecontacten["uitgeschreven"], "klant_id"])
        ingevuld = k[veld].notna() & (k[veld].astype("string").str.strip() != "")
        verwacht = (
            k["toestemming_marketing"]
            & (k["voorkeurkanaal"].astype("string") == kanaal)
            & ingevuld.fillna(False)
            & ~k["klant_id"].isin(uitgeschreven)
        )
        assert _kaart(v.inhoud.data, "Op de lijst") == int(verwacht.sum())
        assert _kaart(v.inhoud.data, "In het klantenbestand") == len(k)


def test_rusten_maakt_de_lijst_korter_of_even_lang() -> None:
    v = bereikbaarheidsverkenner({"kledingzaak": laad_winkel("kledingzaak")})
    lengtes = []
    for n in (0, 6, 3, 1):
        v.bedieningen["laat_rusten_na"].value = n
        lengtes.append(_kaart(v.inhoud.data, "Op de lijst"))
    # zonder rusten (0) is de lijst het langst; wie na 1 genegeerde actie rust, valt het snelst weg
    assert lengtes[0] >= lengtes[1] >= lengtes[2] >= lengtes[3]
    assert lengtes[0] > lengtes[3]

"""De tekstcodering en de regeleinden van een CSV-export: bytes worden tekst met enkel ``\\n``.

Herkend worden UTF-8 (met of zonder BOM), UTF-16 en UTF-32 (met of zonder BOM: dan aan de
nulbytes) en Windows-1252 (ANSI, wat een Belgische Excel bewaart). Een bestand dat UTF-8 is op
enkele regels na (bv. één regel die met een ander programma in Windows-1252 is toegevoegd) wordt
per regel gelezen: zo wordt ``Zoë`` nooit ``ZoÃ«``, en die regels worden gemeld. Een byte die in
geen van die coderingen iets betekent (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252) wordt het
teken ``\\ufffd`` (�); `helpers.eigen_data` weigert of meldt de rij waarin het staat.

Regeleinden: ``\\r\\n`` (Windows), ``\\n`` (Linux, macOS), ``\\r`` (oude Mac) en ``\\r\\r\\n`` (een
bestand dat twee keer naar Windows-regeleinden is omgezet) zijn elk één regeleinde, ook door
elkaar in één bestand; alles in lineaire tijd.

>>> t = decodeer("a;b\\r\\r\\nZoë;1\\r".encode("utf-16-le"))
>>> t.tekst, t.codering
('a;b\\nZoë;1\\n', 'utf-16 zonder BOM')
>>> t = decodeer("a\\nZoë\\n".encode() + "Zoë\\n".encode("cp1252"))
>>> t.tekst, t.codering, t.windows_regels.tolist()
('a\\nZoë\\nZoë\\n', 'utf-8, 1 regel in windows-1252', [2])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

ONLEESBAAR = "\ufffd"
"""Het teken dat in de tekst staat waar een byte niet gelezen kon worden."""

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8 met BOM"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_PROEF = 4096
"""Zoveel bytes bepalen of een bestand zonder BOM UTF-16 of UTF-32 is."""
_ONTSNAPT = re.compile("[\udc80-\udcff]")
_ECHT_UTF8 = re.compile("[^\x00-\x7f\udc80-\udcff]")


@dataclass
class Tekst:
    """Een gedecodeerd bestand: de tekst met ``\\n`` als enig regeleinde en hoe ze gelezen werd."""

    tekst: str
    codering: str
    """voor meldingen: 'utf-8', 'utf-8 met BOM', 'utf-16', 'utf-16 zonder BOM', 'windows-1252', ..."""
    windows_regels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """regels (0 = de eerste) die in Windows-1252 gelezen werden in een bestand dat verder UTF-8 is"""


def regeleinden(tekst: str) -> str:
    """Elk regeleinde (``\\r\\r\\n``, ``\\r\\n``, ``\\r`` of ``\\n``) als één ``\\n``.

    >>> regeleinden("a\\r\\r\\nb\\rc\\r\\nd\\n")
    'a\\nb\\nc\\nd\\n'
    """
    return tekst.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")


def _zonder_bom(inhoud: bytes) -> str | None:
    """UTF-16 of UTF-32 zonder BOM, herkend aan de nulbytes (tekst is grotendeels ASCII); anders None."""
    lengte = min(len(inhoud), _PROEF) // 4 * 4
    if lengte == 0 or b"\x00" not in inhoud[:lengte]:
        return None
    nul = (np.frombuffer(inhoud[:lengte], dtype=np.uint8) == 0).reshape(-1, 4).mean(axis=0)
    if nul[1:].min() > 0.9 and nul[0] < 0.1:
        return "utf-32-le"
    if nul[:3].min() > 0.9 and nul[3] < 0.1:
        return "utf-32-be"
    oneven, even = (nul[1] + nul[3]) / 2, (nul[0] + nul[2]) / 2
    if oneven > 0.5 and even < 0.05:
        return "utf-16-le"
    if even > 0.5 and oneven < 0.05:
        return "utf-16-be"
    return None


def decodeer(inhoud: bytes) -> Tekst:
    """Lees de bytes van een CSV-export als tekst (zie de uitleg bovenaan de module)."""
    for bom, codec, naam in _BOMS:
        if inhoud.startswith(bom):
            tekst = inhoud[len(bom) :].decode(codec, errors="replace")
            return Tekst(regeleinden(tekst), naam)
    codec = _zonder_bom(inhoud)
    if codec is not None:
        tekst = inhoud.decode(codec, errors="replace")
        return Tekst(regeleinden(tekst), f"{codec[:6]} zonder BOM")
    # 8 bits: de regeleinden eerst (0x0D en 0x0A komen in UTF-8 en Windows-1252 enkel als regeleinde voor)
    inhoud = inhoud.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        return Tekst(inhoud.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    tekst = inhoud.decode("utf-8", errors="surrogateescape")
    if not _ECHT_UTF8.search(tekst):  # geen enkele regel is UTF-8 met een bijzonder teken
        return Tekst(inhoud.decode("cp1252", errors="replace"), "windows-1252")
    regels = tekst.split("\n")
    begin = np.cumsum([0] + [len(r) + 1 for r in regels[:-1]])
    slecht = np.unique(
        np.searchsorted(begin, [m.start() for m in _ONTSNAPT.finditer(tekst)], side="right") - 1
    )
    for nummer in slecht:
        regels[nummer] = (
            regels[nummer].encode("utf-8", errors="surrogateescape").decode("cp1252", errors="replace")
        )
    woord = "regel" if len(slecht) == 1 else "regels"
    return Tekst("\n".join(regels), f"utf-8, {len(slecht)} {woord} in windows-1252", slecht.astype(np.int64))

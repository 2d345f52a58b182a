"""Je eigen kassagegevens inlezen (`lees_export`) en pseudonimiseren (`pseudonimiseer`).

Dit is de deur waarlangs de export van je eigen kassa of klantenbestand binnenkomt: CSV of Excel,
met Nederlandse of Engelse kolomnamen, Belgische bedragen en datums. Het resultaat heeft dezelfde
vorm als een meegeleverde winkel (`helpers.data.laad_winkel`), zodat alle analyses erop werken,
plus een rapport dat voor elke rij van je bestand zegt wat ermee gebeurde.

>>> from helpers.eigen_data import lees_export
>>> imp = lees_export(b"ticket;datum;bedrag\\nA1;02/01/2025;19,99\\n", peildatum="2025-12-31")
>>> imp
Import('(bytes)': 1 rijen, 1 behouden, 0 hersteld, 0 geweigerd -> 1 tickets)
"""

from helpers.eigen_data.importeren import Import, lees_export
from helpers.eigen_data.kolommen import SYNONIEMEN
from helpers.eigen_data.pseudoniem import pseudonimiseer

__all__ = ["SYNONIEMEN", "Import", "lees_export", "pseudonimiseer"]

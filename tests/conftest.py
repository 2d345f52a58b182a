"""Gedeelde fixtures: de meegeleverde winkels, één keer geladen per testsessie."""

from __future__ import annotations

import functools
import os

import pytest
from hypothesis import settings

from helpers.data import Winkel, laad_winkel
from helpers.schema import PROFIELEN

# Geen tijdslimiet per voorbeeld (een drukke machine maakt die grillig); in CI vaste voorbeelden,
# zodat een run herhaalbaar is. Lokaal zoekt hypothesis telkens nieuwe voorbeelden.
settings.register_profile("klantlab", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "klantlab")


@functools.cache
def meegeleverde_winkel(profiel: str) -> Winkel:
    """Een meegeleverde winkel uit datasets/, één keer geladen (tests mogen hem niet wijzigen)."""
    return laad_winkel(profiel)


@pytest.fixture(params=PROFIELEN)
def winkel(request: pytest.FixtureRequest) -> Winkel:
    """Elk van de drie meegeleverde winkels (de datasets zijn gecommit: ontbreken is een fout)."""
    return meegeleverde_winkel(request.param)


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """One running JupyterLab per test session (per xdist worker) for the real-browser tests."""
    from browser_hulp import running_jupyterlab

    with running_jupyterlab(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server

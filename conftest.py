"""Voor de hele testrun (tests/ en de doctests in src/helpers): elk plan in een eigen tijdelijke map.

Zo schrijft geen test en geen uitgevoerd notebook ooit een ``mijn_plan.json`` in de repository.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def eigen_plan(tmp_path, monkeypatch):
    """``KLANTLAB_PLAN`` wijst naar een leeg plan in de tijdelijke map van de test."""
    pad = tmp_path / "mijn_plan.json"
    monkeypatch.setenv("KLANTLAB_PLAN", str(pad))
    return pad

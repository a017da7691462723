from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh, empty data directory, also given to the CLI through RAQMANA_DATA_DIR."""
    d = tmp_path / "data"
    monkeypatch.setenv("RAQMANA_DATA_DIR", str(d))
    return d


@pytest.fixture
def gci_file():
    return FIXTURES / "gci_2020_pillars_long.csv"

"""The README's settings table is generated from the settings model and kept current."""

import subprocess
import sys
from pathlib import Path

from raqmana.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "settings_doc.py"


def test_the_readme_lists_every_setting_as_the_model_declares_it():
    run = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, info in Settings.model_fields.items():
        assert f"| `RAQMANA_{name.upper()}` |" in readme, name
        assert (info.description or "").split(";")[0].replace("|", "\\|") in readme, name


def test_the_check_notices_a_stale_table(tmp_path):
    sys.path.insert(0, str(TOOL.parent))
    try:
        import settings_doc
    finally:
        sys.path.remove(str(TOOL.parent))
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = current.replace("| `RAQMANA_DATA_DIR` |", "| `RAQMANA_DATA_FOLDER` |")
    assert stale != current
    assert settings_doc.rewrite(stale) == current

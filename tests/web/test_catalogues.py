"""The UI message catalogues translate every message of the web app into Arabic and Kurdish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import raqmana

ROOT = Path(__file__).resolve().parents[2]
LOCALE = Path(raqmana.__file__).parent / "i18n" / "locale"


def _msgids() -> set[str]:
    method_map = [("src/raqmana/web/**.py", "python"), ("src/raqmana/web/templates/**.html", "jinja2")]
    options = {"src/raqmana/web/templates/**.html": {"trim_blocks": "True", "lstrip_blocks": "True"}}
    return {m[2] for m in extract_from_dir(str(ROOT), method_map, options) if isinstance(m[2], str)}


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_it_translates_every_ui_message(lang):
    with (LOCALE / lang / "LC_MESSAGES" / "raqmana.po").open("rb") as fh:
        catalog = read_po(fh)
    ids = _msgids()
    assert len(ids) > 100
    missing = sorted(i for i in ids if not (catalog.get(i) and catalog.get(i).string))
    assert missing == []
    placeholders = re.compile(r"\{[a-z_]+\}")
    broken = [
        i for i in ids if set(placeholders.findall(i)) != set(placeholders.findall(catalog.get(i).string))
    ]
    assert broken == []


def test_it_keeps_the_babel_extraction_config_at_the_repository_root():
    cfg = (ROOT / "babel.cfg").read_text()
    assert "[jinja2: src/raqmana/web/templates/**.html]" in cfg and "[python: src/raqmana/web/**.py]" in cfg

"""Sorani text follows the glossary's spelling everywhere: ھ ی ک ە, never the Arabic-only letters."""

import importlib
import pkgutil

import raqmana
from raqmana.i18n.sorani import normalise, wrong_letters
from raqmana.problems import Code


def test_normalise_replaces_arabic_only_letters():
    assert normalise("هاوكاري") == "ھاوکاری"
    assert wrong_letters("ھاوکاری") == []


def _catalogue_codes():
    for mod in pkgutil.walk_packages(raqmana.__path__, "raqmana."):
        if mod.name.endswith((".errors", ".messages")):
            module = importlib.import_module(mod.name)
            yield from (v for v in vars(module).values() if isinstance(v, Code))


def test_every_error_catalogue_writes_sorani_correctly():
    bad = [(c.id, wrong_letters(c.ckb)) for c in _catalogue_codes() if wrong_letters(c.ckb)]
    assert bad == []


def test_report_labels_write_sorani_correctly():
    from raqmana.reports.labels import LABELS

    assert [k for k, t in LABELS.items() if wrong_letters(t.ckb)] == []


def test_ui_catalogue_writes_sorani_correctly():
    from babel.messages.pofile import read_po

    from raqmana.i18n.catalog import po_path

    with po_path("ckb").open("rb") as fh:
        catalog = read_po(fh)
    assert len(catalog) > 400
    forms = [(m.id, s) for m in catalog if m.id for s in (m.string if m.pluralizable else [m.string])]
    assert [mid for mid, s in forms if wrong_letters(s)] == []

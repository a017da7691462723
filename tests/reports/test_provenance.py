"""The "Sources and provenance" lines of a report are written in its language; citations stay as written."""

from __future__ import annotations

import pytest
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.i18n.sorani import wrong_letters
from raqmana.pipeline import ChainOptions, InstitutionMeta, country_for, run_chain
from raqmana.reports.institution import build_institution
from raqmana.reports.national import build_national


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    fw = load(write_framework(tmp_path_factory.mktemp("fw"), framework_dict())).framework
    insts = {
        f"m{k}": InstitutionMeta(f"m{k}", Translated.of(f"M{k}", f"و{k}", f"و{k}"), "ministry")
        for k in range(3)
    }
    responses = {c: {"LEG-01": k, "LEG-02": 3, "SRV-01": 2, "SRV-02": 40.0} for k, c in enumerate(insts)}
    options = ChainOptions(country=country_for(fw.id), plan=False, mc_runs=0, illustrative=True)
    return run_chain(fw, responses, insts, options).inputs


WORDS = {
    "en": (
        "Framework: ",
        "Assessment answers: validated (accepted) answers only — ILLUSTRATIVE",
        "; editions ",
        "; licence: ",
    ),
    "ar": (
        "إطار التقييم: ",
        "إجابات التقييم: الإجابات المعتمدة (المقبولة) فقط — بيانات توضيحية",
        "؛ الإصدارات: ",
        "؛ الترخيص: ",
    ),
    "ckb": (
        "چوارچێوەی ھەڵسەنگاندن: ",
        "وەڵامەکانی ھەڵسەنگاندن: تەنھا وەڵامە پەسەندکراوەکان — داتای نموونەیی",
        "؛ دەرچوونەکان: ",
        "؛ مۆڵەت: ",
    ),
}


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_the_national_report_names_its_sources_in_its_language(inputs, lang):
    framework, answers, editions, licence = WORDS[lang]
    lines = build_national(inputs, lang).provenance
    assert lines[0].startswith(framework) and inputs.framework.name.get(lang) in lines[0]
    assert lines[1].startswith(answers)
    indices = lines[2:]
    assert indices and all(editions in x and licence in x for x in indices)
    assert any("UN DESA" in x for x in indices)  # the publisher is cited as it writes itself


def test_years_of_the_editions_follow_the_reports_digits(inputs):
    egdi = next(x for x in build_national(inputs, "ar").provenance if "UN DESA" in x)
    assert "٢٠٢٤" in egdi and "2024" not in egdi.split("؛ الإصدارات: ", 1)[1].split("؛", 1)[0]
    inputs.digits = "latn"
    try:
        assert "2024" in next(x for x in build_national(inputs, "ar").provenance if "UN DESA" in x)
    finally:
        inputs.digits = None


def test_institution_profiles_and_the_english_list_keep_the_same_lines(inputs):
    profile = build_institution(inputs, inputs.institutions[0], "ckb")
    assert profile.provenance == build_national(inputs, "ckb").provenance
    assert inputs.provenance == [line.get("en") for line in inputs.provenance_lines]
    assert all(not wrong_letters(line.split(":", 1)[0]) for line in profile.provenance)

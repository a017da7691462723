"""What the SDG mapper's head is trained on (``benchmarks/documents_sdg_head.py``): translated UN indicator
metadata read as passages of the indicator's goal, every language of an indicator in one validation group."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "documents_sdg_head.py"

DEFINITION_AR = (
    "يقيس المؤشر عدد الإصابات الجديدة بفيروس نقص المناعة البشرية لكل ألف شخص من غير المصابين خلال سنة "
    "واحدة، ويصنف حسب الجنس والعمر والفئات السكانية الرئيسية. وتعتمد التقديرات على نماذج تعدها الفرق "
    "القطرية كل عام بالتعاون مع وزارات الصحة والشركاء في التنمية، ثم تراجعها الأمم المتحدة قبل نشرها على "
    "المستويين الإقليمي والعالمي."
)
CATALOGUE = f"""msgid ""
msgstr ""
"Language: ar\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "META_LAST_UPDATE"
msgid "<p>Last updated: March 2020</p>"
msgstr "اخر تحديث"

msgctxt "STAT_CONC_DEF"
msgid ""
"<h1>Concepts and definitions</h1>\\n"
"<p>The number of new HIV infections per 1,000 uninfected population.</p>\\n"
"<p>See the UNAIDS estimates guidance.</p>"
msgstr ""
"<h1>المفاهيم والتعاريف</h1>\\n"
"<p>{DEFINITION_AR}</p>\\n"
"<p>See the UNAIDS estimates guidance.</p>"

msgctxt "RATIONALE"
msgid "<p>The incidence rate provides a measure of progress toward preventing onward transmission of HIV.</p>"
msgstr "<p>The incidence rate provides a measure of progress toward preventing onward transmission of HIV.</p>"

msgctxt "DATA_COMP"
msgid "<p>HIV incidence is modelled using the Spectrum software.</p>"
msgstr ""
"""


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("documents_sdg_head", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_reads_the_translated_fields_of_an_arabic_file_as_passages_of_its_goal(
    script: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "translations" / "ar"
    folder.mkdir(parents=True)
    (folder / "3-3-1.po").write_text(CATALOGUE, encoding="utf-8")
    (folder / "17-19-2a.po").write_text(CATALOGUE.split('msgctxt "STAT_CONC_DEF"')[0], encoding="utf-8")
    (tmp_path / "commits.tsv").write_text(
        "translations/ar/3-3-1.po\t1891a4023ded18edbff1\n", encoding="utf-8"
    )

    rows, read = script.arabic_rows(tmp_path)

    assert [(r["lang"], r["sdgs"], r["group"], r["text"]) for r in rows] == [
        ("ar", [3], "ind-3-3-1", DEFINITION_AR)
    ]
    assert (
        rows[0]["source"] == "github:worldbank/sdg-metadata@1891a402 translations/ar/3-3-1.po STAT_CONC_DEF"
    )
    assert read["files"] == 2 and read["fields_translated"] == 1 and read["passages"] == 1
    assert read["commits"] == {
        "translations/ar/17-19-2a.po": "",
        "translations/ar/3-3-1.po": "1891a4023ded18edbff1",
    }


def test_an_indicator_s_parts_and_spellings_share_one_validation_group(script: ModuleType) -> None:
    assert {script.group_of(c) for c in ("1-1-1a", "1-1-1b", "1-1-1")} == {"ind-1-1-1"}
    assert {script.group_of(c) for c in ("17-3-1A", "17-3-1b")} == {"ind-17-3-1"}
    assert {script.group_of(c) for c in ("17-19-2-a", "17-19-2b")} == {"ind-17-19-2"}
    assert {script.group_of(c) for c in ("10-A-1", "10-a-1")} == {"ind-10-a-1"}
    assert script.group_of("4-1-1bc") == "ind-4-1-1"
    assert script.group_of("2-a-1") != script.group_of("2-a-2")

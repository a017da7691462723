"""The national report of a whole chain, as a reader sees it: Arabic text in logical order on the
right pages, and PNG images of the cover, a findings page and the roadmap page saved as artefacts."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.reports.synthetic import synthetic_chain
from tests.support.environment import require

from raqmana.frameworks import load_or_raise
from raqmana.reports.national import build_national
from raqmana.reports.render import render

pytestmark = pytest.mark.render
ARTIFACTS = Path(os.environ.get("RAQMANA_TEST_ARTIFACTS", "/tmp/raqmana-artifacts"))


@pytest.fixture(scope="module")
def chain():
    return synthetic_chain(load_or_raise("iraq-dla"), institutions=12)


def test_the_arabic_national_report_reads_in_logical_order_and_has_every_part(chain, tmp_path):
    [pdf] = render(build_national(chain.inputs, "ar"), tmp_path, ["pdf"])
    pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    text = "\n".join(pages)
    for phrase in (
        "تقييم المشهد الرقمي",
        "الملخص التنفيذي",
        "المنهجية",
        "الإطار القانوني والتنظيمي",
        "خارطة طريق التحول الرقمي",
        "التوصيات",
        "بيانات توضيحية",
    ):
        assert phrase in text, phrase
    assert chain.inputs.initiatives and chain.inputs.recommendations

    def page_of(phrase: str, start: int = 2) -> int:
        return next(i for i, p in enumerate(pages) if i >= start and phrase in p) + 1

    require(shutil.which("pdftoppm") is not None, "pdftoppm (Debian package poppler-utils)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    wanted = {
        "cover": 1,
        "findings": page_of("النتائج حسب عوامل التمكين"),
        "roadmap": page_of("خارطة طريق التحول الرقمي", page_of("التوصيات")),
    }  # the chapter, after the contents
    for name, number in wanted.items():
        out = ARTIFACTS / f"national-ar-{name}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-singlefile",
                "-f",
                str(number),
                "-l",
                str(number),
                str(pdf),
                str(out),
            ],
            check=True,
        )
        assert out.with_suffix(".png").stat().st_size > 10_000

"""The national PDF as its reader gets it, read back from the file in Arabic, Kurdish and English.

* one digit shape: in ar and ckb a Latin digit is only inside a left-to-right code the report isolates
  (POL-03, 2027-Q1, SDG target 16.6 — the ``<bdi dir=ltr>`` runs of its HTML), in en no Arabic-Indic digit;
* no replacement character and no missing glyph: every font in the file is one raqmana ships (no system
  font filled in), embedded, and every character of the text is in one of them;
* no word cut at a line's end: no hyphen or soft hyphen ends an Arabic line, and every word of every
  laid-out line is a whole word of its paragraph or cell (a word broken mid-word leaves pieces);
* every chapter's heading in the reader's language.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.reports.synthetic import synthetic_chain
from tests.support.environment import require

from raqmana.frameworks import load_or_raise
from raqmana.i18n.fonts import FAMILIES, FONT_FILES, fonts_dir
from raqmana.reports.html import SYMBOLS, render_html, symbol_files
from raqmana.reports.labels import label
from raqmana.reports.model import Report
from raqmana.reports.national import build_national

pytestmark = pytest.mark.render

ARABIC_LETTER = r"[\u0621-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC]"
#: the embedding marks pdftotext writes around right-to-left and left-to-right runs
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
ARABIC_INDIC = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")
#: a piece of Latin text that holds a digit: a code, a quarter, a number
LATIN_PIECE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-–_/:@+%]*")


class _Runs(HTMLParser):
    """The left-to-right runs (``<bdi dir="ltr">``) and all text of the report's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.runs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "svg"):
            self.skip += 1
        if tag == "bdi" and ("dir", "ltr") in attrs:
            self.depth += 1
            self.runs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "svg"):
            self.skip -= 1
        if tag == "bdi" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.text.append(data)
        if self.depth:
            self.runs[-1] += data


@pytest.fixture(scope="module")
def chain():
    return synthetic_chain(load_or_raise("iraq-dla"), institutions=12)


@pytest.fixture(scope="module")
def national(chain, tmp_path_factory):
    """``national(lang)``: the report, its HTML's runs and text, the PDF and its text, built once."""
    require(shutil.which("pdftotext") is not None, "pdftotext (Debian package poppler-utils)")
    folder = tmp_path_factory.mktemp("pdf-text")

    @functools.cache
    def build(lang: str) -> tuple[Report, _Runs, Path, str, list[tuple[str, list[str]]]]:
        from weasyprint import HTML

        report = build_national(chain.inputs, lang)
        html = render_html(report, raster=True)  # as reports.pdf.render_pdf lays it out
        parsed = _Runs()
        parsed.feed(html)
        document = HTML(string=html, base_url=str(folder)).render()
        pdf = folder / f"national-{lang}.pdf"
        document.write_pdf(str(pdf))
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        return report, parsed, pdf, text.translate(BIDI_CONTROLS), _lines(document)

    return build


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_latin_digits_are_only_inside_the_left_to_right_codes(national, lang):
    report, parsed, _, text, _ = national(lang)
    sdg = label("sdg", lang)  # SDG targets (16.6, 17.18) are codes too, in their column
    targets = [
        str(row[k]) for t in report.tables() for k, c in enumerate(t.columns) if c == sdg for row in t.rows
    ]
    runs = " ".join([*parsed.runs, *targets])
    stray = sorted(
        {
            piece.rstrip(".,:")
            for piece in LATIN_PIECE.findall(text)
            if re.search(r"[0-9]", piece) and piece.rstrip(".,:") not in runs
        }
    )
    assert stray == [], stray[:20]
    assert ARABIC_INDIC.search(text)  # the report's own numbers are there, in Arabic-Indic digits


def test_the_english_report_has_latin_digits_only(national):
    _, _, _, text, _ = national("en")
    assert not ARABIC_INDIC.search(text)
    assert re.search(r"[0-9]", text)


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_every_font_is_shipped_and_embedded_and_has_every_character(national, lang):
    from fontTools.ttLib import TTFont

    _, parsed, pdf, text, _ = national(lang)
    assert "\ufffd" not in text
    shipped = {family.replace(" ", "-") for family in [*FONT_FILES, SYMBOLS]}
    used: set[str] = set()
    for page in PdfReader(str(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            used.add(name.removesuffix("-Bold"))
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert used and used <= shipped, used - shipped
    families = FAMILIES["rtl" if lang != "en" else "ltr"]
    cmap: set[int] = set()
    for path in [*(fonts_dir() / f for family in families for f in FONT_FILES[family]), *symbol_files()]:
        cmap |= set(TTFont(str(path)).getBestCmap())
    characters = {ch for ch in "".join(parsed.text) if not ch.isspace() and ord(ch) >= 0x20}
    missing = sorted(ch for ch in characters if ord(ch) not in cmap and ch not in "\u200c\u200d\u200e\u200f")
    assert missing == [], [f"U+{ord(c):04X} {c}" for c in missing]


def _lines(document: object) -> list[tuple[str, list[str]]]:
    """Per block of the laid-out pages: its element's whole text and the text of each of its lines."""
    found: list[tuple[str, list[str]]] = []

    def walk(box: object) -> None:
        children = list(getattr(box, "children", []))
        lines = [c for c in children if type(c).__name__ == "LineBox"]
        element = getattr(box, "element", None)
        if lines and element is not None:
            texts = [
                " ".join(t.text for t in line.descendants() if type(t).__name__ == "TextBox")
                for line in lines
            ]
            found.append((" ".join(element.itertext()), texts))
        for child in children:
            walk(child)

    for page in document.pages:  # type: ignore[attr-defined]
        walk(page._page_box)
    return found


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_no_word_is_cut_at_the_end_of_a_line(national, lang):
    """Every word of every laid-out line is a whole word of its paragraph or cell: a word broken
    mid-word (the old ``overflow-wrap: break-word`` in narrow columns) leaves pieces that are not."""
    *_, text, blocks = national(lang)
    assert "\u00ad" not in text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    hyphenated = [line for line in lines if re.search(ARABIC_LETTER + r"[-\u2010\u2011]$", line)]
    assert hyphenated == [], hyphenated[:5]
    pieces: set[str] = set()
    for source, texts in blocks:
        words = set(re.findall(r"\w+", source))
        if len(texts) > 1:
            pieces |= {w for line in texts for w in re.findall(r"\w+", line) if w not in words}
    assert sorted(pieces) == [], sorted(pieces)[:20]
    assert len(blocks) > 100  # the report was laid out and read


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_every_chapter_heading_is_in_the_readers_language(national, lang):
    report, _, pdf, _, _ = national(lang)
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    flat = re.sub(r"\s+", " ", text)
    for section in report.sections:
        title = re.sub(r"\s+", " ", section.title)
        assert title in flat, title
        if lang != "en":
            assert re.search(ARABIC_LETTER, title), title
        else:
            assert not re.search(ARABIC_LETTER, title), title

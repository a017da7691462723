"""PDF lines in visual order (as drawn, left to right) put in reading order."""

from __future__ import annotations

from raqmana.documents.bidi import GLYPH_SPACE, drawn_spaces, glyph_text, reading_order


def _read(visual: str, rtl_page: bool = True) -> str:
    return reading_order(visual, rtl_page=rtl_page)


def test_it_reads_a_right_to_left_line_backwards_with_its_numbers_left_to_right() -> None:
    # the line as a PDF draws it: the sentence's full stop at the left end, the year left to right
    assert _read(".يطايتحا ينطو تانايب زكرم ءاشنإو ،2027 ماع ةياهن لولحب") == (
        "بحلول نهاية عام 2027، وإنشاء مركز بيانات وطني احتياطي."
    )
    assert _read("٢٠١٢ ةنسل ٧٨ مقر 2.5 ةبسنب 1/2/2025 يف") == "في 1/2/2025 بنسبة 2.5 رقم ٧٨ لسنة ٢٠١٢"


def test_it_reads_percent_signs_and_year_ranges_after_arabic_text_as_the_bidi_algorithm_lays_them_out() -> (
    None
):
    # after Arabic letters a number is an "Arabic number": a % sign or a hyphen beside it is right to left
    assert _read("،%40 نع لقت ال") == "لا تقل عن 40%،"
    assert _read("2028-2026 ماوعألا") == "الأعوام 2026-2028"


def test_it_keeps_latin_words_with_their_numbers_in_one_left_to_right_run() -> None:
    assert _read("GovStack لمع راطإو ISO 27001 رايعم") == "معيار ISO 27001 وإطار عمل GovStack"
    assert _read(".)ىلوألا ةلحرملا(") == "(المرحلة الأولى)."


def test_it_puts_tanween_drawn_apart_back_on_its_letter() -> None:
    assert _read("ةدحوملا ًاطبترم") == "مرتبطاً الموحدة"
    assert _read("ةدحوملا ً اطبترم") == "مرتبطاً الموحدة"  # a space put between the two glyphs
    assert _read("برضَ") == "ضَرب"  # the mark drawn right of its letter, the word's first


def test_it_reads_a_latin_line_left_to_right_and_turns_its_arabic_runs_round() -> None:
    assert _read("The Electronic Signature Law (ينورتكلإلا عيقوتلا نوناق) No. 78 of 2012") == (
        "The Electronic Signature Law (قانون التوقيع الإلكتروني) No. 78 of 2012"
    )
    assert (
        _read("The ministry shall publish open data.", rtl_page=True)
        == "The ministry shall publish open data."
    )


def test_it_reads_a_line_without_letters_as_its_page_runs() -> None:
    assert _read(".2025", rtl_page=True) == "2025."
    assert _read("2025.", rtl_page=False) == "2025."


def test_it_turns_a_ligatures_letters_round_before_the_line_is_read() -> None:
    # lam-alef is one glyph whose text is two letters in reading order
    visual = "".join(glyph_text(g) for g in ["ة", "ي", "ج", "ي", "ت", "ا", "ر", "ت", "س", "لا", "ا"])
    assert _read(visual + " ىلع") == "على الاستراتيجية"
    assert glyph_text("fi") == "fi"


def test_it_drops_the_padding_put_before_a_mark_but_keeps_the_spaces_the_page_draws() -> None:
    # layout mode pads a mark drawn a little right of the glyph before it; a drawn space is a glyph
    assert drawn_spaces("ةر ِدص ُملا") == "ةرِدصُملا"
    assert drawn_spaces(f"ينطو{GLYPH_SPACE} ٌزكرم{GLYPH_SPACE}ةمكحم") == "ينطو ٌزكرم ةمكحم"
    assert _read(drawn_spaces("ةر ِدص ُملا")) == "المُصدِرة"

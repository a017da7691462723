"""Arabic text repair (what PDF extraction breaks) and normalisation for matching."""

from __future__ import annotations

from raqmana.documents.arabic import ascii_digits, language, normalise, repair, repair_line


def test_it_turns_presentation_form_glyphs_into_letters() -> None:
    # حماية written with the isolated/initial/medial/final glyphs some PDF producers emit
    glyphs = "\ufea3\ufee4\ufe8e\ufef3\ufe94"
    assert repair_line(glyphs)[0] == "حماية"


def test_it_reverses_a_line_written_in_visual_order() -> None:
    visual = "ةموكحلا ةينورتكلإلا يف قارعلا 2025"
    assert repair_line(visual)[0] == "2025 العراق في الإلكترونية الحكومة"


def test_it_puts_bidi_runs_back_in_reading_order() -> None:
    # pypdf's text of a WeasyPrint line "المادة 2 - حماية … عام 2025."
    extracted = ".2025  - حماية البيانات الشخصية للمواطنين عام2 المادة"
    assert repair_line(extracted) == ("المادة 2 - حماية البيانات الشخصية للمواطنين عام 2025.", True)


def test_it_joins_letter_spaced_words_and_a_detached_article() -> None:
    assert repair_line("ا ل ح ك و م ة")[0] == "الحكومة"
    assert repair_line("تطوير ال خدمات العامة")[0] == "تطوير الخدمات العامة"


def test_it_removes_tatweel_and_leaves_good_lines_alone() -> None:
    assert repair_line("الحكـــومة")[0] == "الحكومة"
    text, fixed = repair("المادة 1: يهدف هذا القانون إلى تنظيم المعاملات الإلكترونية.\nEnglish line.")
    assert fixed == 0
    assert text == "المادة 1: يهدف هذا القانون إلى تنظيم المعاملات الإلكترونية.\nEnglish line."


def test_it_normalises_alef_hamza_ta_marbuta_alef_maqsura_and_diacritics() -> None:
    assert normalise("إلى") == normalise("الى") == normalise("الي")
    assert normalise("الحُكُومَةُ") == normalise("الحكومه")
    assert normalise("أمن") == normalise("آمن") == normalise("امن")
    assert normalise("المسؤولية") == normalise("المسوولية")
    assert normalise("ـالتعليمـ") == "التعليم"


def test_it_keeps_sorani_letters_distinct() -> None:
    # Sorani ە (U+06D5) is not Arabic ة/ه, ی (U+06CC) is not ى/ي, ک (U+06A9) is not ك
    assert normalise("ھەولێر") == "ھەولێر"
    assert normalise("کوردی") != normalise("كوردي")
    assert normalise("مە") != normalise("مة")


def test_it_reads_arabic_indic_digits() -> None:
    assert ascii_digits("المادة ٢٣ لسنة ۲۰۱۲") == "المادة 23 لسنة 2012"
    assert normalise("٧٨") == "78"


def test_it_tells_arabic_sorani_and_english_apart() -> None:
    assert language("يهدف هذا القانون إلى تنظيم المعاملات") == "ar"
    assert language("ئەم یاسایە بۆ ڕێکخستنی مامەڵە ئەلیکترۆنییەکانە") == "ckb"
    assert language("This law regulates electronic transactions") == "en"

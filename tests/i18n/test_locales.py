from raqmana.i18n import Translated, format_number, format_percent, get_locale, gettext, is_rtl


def test_it_declares_direction_for_each_locale():
    assert get_locale("ar").direction == "rtl"
    assert get_locale("ckb").direction == "rtl"
    assert get_locale("en").direction == "ltr"


def test_it_maps_kurdish_aliases_to_sorani():
    assert get_locale("ku-IQ").code == "ckb"
    assert get_locale("ar_IQ").code == "ar"
    assert is_rtl("ckb")


def test_it_falls_back_to_english_for_unknown_locales():
    assert get_locale("fr").code == "en"
    assert get_locale(None).code == "en"


def test_translated_text_reports_missing_languages():
    text = Translated(en="Law", ar="قانون")
    assert text.missing() == ["ckb"]
    assert text.get("ckb") == "Law"
    assert text.get("ckb", fallback=False) == ""


def test_it_formats_numbers_with_arabic_indic_or_latin_digits():
    assert format_number(1234.5, "en") == "1,234.50"
    assert format_number(0.25, "ar", decimals=2) == "٠٫٢٥"
    assert format_number(0.25, "ar", decimals=2, digits="latn") == "0.25"
    assert format_percent(0.42, "ckb").startswith("٤٢")


def test_a_percentage_in_arabic_indic_digits_ends_with_the_arabic_percent_sign():
    assert format_percent(0.42, "ar") == "٤٢٪" and format_percent(0.425, "ckb", decimals=1) == "٤٢٫٥٪"
    assert format_percent(0.42, "en", digits="arab") == "٤٢٪"
    assert format_percent(0.42, "ar", digits="latn") == "42%" and format_percent(0.42, "en") == "42%"


def test_english_messages_pass_through_gettext_with_parameters():
    assert gettext("en", "Hello {name}", name="Zainab") == "Hello Zainab"

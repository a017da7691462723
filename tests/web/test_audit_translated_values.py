"""The audit log shows a changed translated text (a round's name, a title) in the reader's language, not as
the stored JSON."""

from raqmana.web.routers.audit import _value

NAME = '{"ar": "للإغلاق ١٧", "ckb": "بۆ داخستن ١٧", "en": "To close 17"}'


def test_a_translated_value_reads_in_the_readers_language():
    assert _value("name", NAME, "ar") == "للإغلاق ١٧"
    assert _value("name", NAME, "ckb") == "بۆ داخستن ١٧"
    assert _value("name", NAME, "en") == "To close 17"
    assert _value("name", '{"ar": "", "en": "Only English"}', "ar") == "Only English"


def test_other_json_and_text_stay_as_stored():
    assert _value("options", '{"who": "anyone", "en": 1}', "ar") == '{"who": "anyone", "en": 1}'
    assert _value("note", '{"en": broken', "ar") == '{"en": broken'
    assert _value("note", "plain text", "ar") == "plain text"

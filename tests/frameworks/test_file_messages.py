"""Why a JSON file or a workbook could not be read, in each language, from the error Python raised."""

from __future__ import annotations

import json
import zipfile

import pytest

from raqmana.frameworks import file_messages as F
from raqmana.i18n import Translated
from raqmana.i18n.sorani import wrong_letters


def _decode_error(text: str) -> json.JSONDecodeError:
    with pytest.raises(json.JSONDecodeError) as exc:
        json.loads(text)
    return exc.value


@pytest.mark.parametrize(
    "text", ['{"a": }', '{"a": 1,}', "[1 2]", '{"a" 1}', '"open', '{"a": "x\ty"}', "1 2"]
)
def test_each_json_mistake_gets_its_own_translated_reason(text):
    reason = F.json_reason(_decode_error(text))
    assert reason is not F._JSON_OTHER and set(reason) == {"en", "ar", "ckb"}
    assert reason["ar"] != reason["en"] and reason["ckb"] != reason["en"]


def test_an_unknown_json_message_keeps_the_english_only_in_english():
    exc = json.JSONDecodeError("Something new", "x", 0)
    reason = F.json_reason(exc)
    assert reason["en"] == "Something new" and "Something" not in reason["ar"] + reason["ckb"]


def test_files_that_cannot_be_opened_say_why(tmp_path):
    assert F.read_reason(FileNotFoundError(2, "No such file")) is F.NOT_FOUND
    assert F.read_reason(UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid")) is F.NOT_UTF8
    assert "Permission" not in F.read_reason(PermissionError(13, "Permission denied"))["ar"]
    assert (
        F.read_reason(OSError(5, "Input/output error"))["en"]
        == "the file cannot be read (Input/output error)"
    )
    assert F.workbook_reason(zipfile.BadZipFile("File is not a zip file"))["en"].endswith(
        "(File is not a zip file)"
    )
    assert F.workbook_reason(IsADirectoryError(21, "Is a directory")) is F.read_reason(IsADirectoryError())


def test_sorani_reasons_are_spelt_with_the_kurdish_letters():
    reasons = [r for _, r in F._JSON] + [
        v for v in vars(F).values() if isinstance(v, Translated) or (isinstance(v, dict) and "ckb" in v)
    ]
    assert len(reasons) > 15
    assert [r["ckb"] for r in reasons if wrong_letters(r["ckb"])] == []

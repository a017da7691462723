"""Pydantic validation errors → translated sentences (ar, ckb, en) with the error's own parameters.

Pydantic writes its messages in English only ("Input should be 'ladder', 'yes_no' or 'text'").
:func:`describe` turns one error of ``ValidationError.errors()`` into a ``{"en", "ar", "ckb"}``
detail that a :class:`~raqmana.problems.Problem` can carry as a parameter: the sentence is chosen
by the error *type* (``literal_error``, ``int_parsing``, ``greater_than_equal``…) and filled from
its context (expected values, limits). A type not in the table keeps pydantic's English text in
parentheses after a translated "not valid". Other domains reading YAML through pydantic can use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from raqmana.i18n.locales import LANGS


def _t(en: str, ar: str, ckb: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "ckb": ckb}


_INTEGER = _t("must be a whole number", "يجب أن تكون عدداً صحيحاً", "دەبێت ژمارەیەکی تەواو بێت")
_NUMBER = _t("must be a number", "يجب أن تكون رقماً", "دەبێت ژمارە بێت")
_BOOL = _t(
    "must be 'true' or 'false' (yes or no)",
    "يجب أن تكون 'true' أو 'false' (نعم أو لا)",
    "دەبێت 'true' یان 'false' بێت (بەڵێ یان نەخێر)",
)
_LIST = _t("must be a list", "يجب أن تكون قائمة", "دەبێت لیست بێت")
_MAPPING = _t(
    "must be a mapping of 'key: value' lines",
    "يجب أن تكون مجموعة أسطر بالشكل 'key: value'",
    "دەبێت کۆمەڵە دێڕێک بێت بە شێوەی 'key: value'",
)
_DATE = _t(
    "must be a date written YYYY-MM-DD",
    "يجب أن تكون تاريخاً بالشكل YYYY-MM-DD",
    "دەبێت بەروار بێت بە شێوەی YYYY-MM-DD",
)

#: pydantic error type → sentence; ``{placeholders}`` come from the error's ``ctx``
TEMPLATES: dict[str, dict[str, str]] = {
    "missing": _t("this field is required", "هذا الحقل مطلوب", "ئەم خانەیە پێویستە"),
    "extra_forbidden": _t("unknown field '{field}'", "حقل غير معروف '{field}'", "خانەی نەناسراو '{field}'"),
    "literal_error": _t(
        "must be one of {expected}",
        "يجب أن تكون إحدى القيم {expected}",
        "دەبێت یەکێک بێت لەم بەھایانە: {expected}",
    ),
    "enum": _t(
        "must be one of {expected}",
        "يجب أن تكون إحدى القيم {expected}",
        "دەبێت یەکێک بێت لەم بەھایانە: {expected}",
    ),
    "int_parsing": _INTEGER,
    "int_type": _INTEGER,
    "int_from_float": _INTEGER,
    "int_parsing_size": _INTEGER,
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "finite_number": _t(
        "must be a finite number", "يجب أن تكون رقماً منتهياً", "دەبێت ژمارەیەکی کۆتاییدار بێت"
    ),
    "bool_parsing": _BOOL,
    "bool_type": _BOOL,
    "string_type": _t("must be text", "يجب أن تكون نصاً", "دەبێت دەق بێت"),
    "string_too_short": _t(
        "must be at least {min_length} characters long",
        "يجب ألا يقل طولها عن {min_length} حرفاً",
        "دەبێت لانیکەم {min_length} پیت بێت",
    ),
    "string_too_long": _t(
        "must be at most {max_length} characters long",
        "يجب ألا يزيد طولها على {max_length} حرفاً",
        "دەبێت زۆرترین {max_length} پیت بێت",
    ),
    "string_pattern_mismatch": _t(
        "does not have the expected form {pattern}",
        "ليست بالشكل المطلوب {pattern}",
        "شێوەی پێویستی {pattern} نییە",
    ),
    "greater_than": _t("must be greater than {gt}", "يجب أن تكون أكبر من {gt}", "دەبێت لە {gt} گەورەتر بێت"),
    "greater_than_equal": _t("must be {ge} or more", "يجب أن تكون {ge} أو أكثر", "دەبێت {ge} یان زیاتر بێت"),
    "less_than": _t("must be less than {lt}", "يجب أن تكون أصغر من {lt}", "دەبێت لە {lt} بچووکتر بێت"),
    "less_than_equal": _t("must be {le} or less", "يجب أن تكون {le} أو أقل", "دەبێت {le} یان کەمتر بێت"),
    "multiple_of": _t(
        "must be a multiple of {multiple_of}",
        "يجب أن تكون من مضاعفات {multiple_of}",
        "دەبێت چەندجارەیەکی {multiple_of} بێت",
    ),
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "iterable_type": _LIST,
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dataclass_type": _MAPPING,
    "too_short": _t(
        "must have at least {min_length} items",
        "يجب أن تحتوي على {min_length} من العناصر على الأقل",
        "دەبێت لانیکەم {min_length} بڕگەی تێدا بێت",
    ),
    "too_long": _t(
        "must have at most {max_length} items",
        "يجب ألا تحتوي على أكثر من {max_length} من العناصر",
        "دەبێت زۆرترین {max_length} بڕگەی تێدا بێت",
    ),
    "date_parsing": _DATE,
    "date_type": _DATE,
    "date_from_datetime_parsing": _DATE,
    "datetime_parsing": _t(
        "must be a date and time written YYYY-MM-DDTHH:MM",
        "يجب أن تكون تاريخاً ووقتاً بالشكل YYYY-MM-DDTHH:MM",
        "دەبێت بەروار و کات بێت بە شێوەی YYYY-MM-DDTHH:MM",
    ),
    "url_parsing": _t(
        "must be a web address starting with https://",
        "يجب أن تكون عنوان ويب يبدأ بـ https://",
        "دەبێت ناونیشانی وێب بێت کە بە https:// دەست پێ دەکات",
    ),
    "none_required": _t("must be empty", "يجب أن تكون فارغة", "دەبێت بەتاڵ بێت"),
}
#: regular expressions of the schemas, said in words
PATTERNS: dict[str, dict[str, str]] = {
    r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$": _t(
        "(an id starts with a letter and has only letters, digits and single '-', '.' or '_' between them, "
        "e.g. 'LEG-01')",
        "(يبدأ المعرّف بحرف ولا يحتوي إلا على حروف وأرقام وعلامة '-' أو '.' أو '_' مفردة بينها، مثل 'LEG-01')",
        "(ناسنامە بە پیتێک دەست پێ دەکات و تەنھا پیت و ژمارە و '-' یان '.' یان '_'ی تاکی لە نێوانیاندا "
        "تێدایە، وەک 'LEG-01')",
    ),
    r"^[a-z][a-z0-9-]*$": _t(
        "(lower-case letters, digits and '-', starting with a letter, e.g. 'iraq-dla')",
        "(حروف لاتينية صغيرة وأرقام و'-'، تبدأ بحرف، مثل 'iraq-dla')",
        "(پیتی لاتینیی بچووک و ژمارە و '-'، بە پیتێک دەست پێ دەکات، وەک 'iraq-dla')",
    ),
}
_GENERIC = _t("is not valid", "القيمة غير صالحة", "بەھاکە دروست نییە")
_GOT = _t(" (got {input})", " (القيمة المكتوبة {input})", " (بەھای نووسراو {input})")
_OR = {"en": " or ", "ar": " أو ", "ckb": " یان "}
_COMMA = {"en": ", ", "ar": "، ", "ckb": "، "}
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _choices(expected: str, lang: str) -> str:
    """``"'a', 'b' or 'c'"`` (pydantic's English list) → the same values listed in ``lang``."""
    values = _QUOTED.findall(expected)
    if not values:
        return expected
    quoted = [f"'{v}'" for v in values]
    if len(quoted) == 1:
        return quoted[0]
    return _COMMA[lang].join(quoted[:-1]) + _OR[lang] + quoted[-1]


def _input_text(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def describe(err: Mapping[str, Any], *, field: str = "") -> dict[str, str]:
    """One pydantic error (``ValidationError.errors()`` item) → ``{"en", "ar", "ckb"}`` detail."""
    kind = str(err.get("type", ""))
    ctx = dict(err.get("ctx") or {})
    template = TEMPLATES.get(kind)
    out: dict[str, str] = {}
    for lang in LANGS:
        params: dict[str, Any] = {"field": field, **ctx}
        if "expected" in ctx:
            params["expected"] = _choices(str(ctx["expected"]), lang)
        if "pattern" in ctx:
            hint = PATTERNS.get(str(ctx["pattern"]))
            params["pattern"] = hint[lang] if hint else f"'{ctx['pattern']}'"
        for key in ("gt", "ge", "lt", "le", "multiple_of"):
            if isinstance(ctx.get(key), float) and ctx[key].is_integer():
                params[key] = int(ctx[key])
        if template is not None:
            try:
                text = template[lang].format(**params)
            except (KeyError, IndexError, ValueError):
                text = _GENERIC[lang]
        else:
            text = str(err.get("msg", kind)) if lang == "en" else f"{_GENERIC[lang]} ({err.get('msg', kind)})"
        show_input = (
            kind not in ("missing", "extra_forbidden")
            and "input" in err
            and not isinstance(err["input"], (dict, list))
        )
        if show_input:
            text += _GOT[lang].format(input=_input_text(err["input"]))
        out[lang] = text
    return out

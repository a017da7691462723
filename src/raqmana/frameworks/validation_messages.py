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

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import LANGS

_INTEGER = ui("must be a whole number")
_NUMBER = ui("must be a number")
_BOOL = ui("must be 'true' or 'false' (yes or no)")
_LIST = ui("must be a list")
_MAPPING = ui("must be a mapping of 'key: value' lines")
_DATE = ui("must be a date written YYYY-MM-DD")

#: pydantic error type → sentence; ``{placeholders}`` come from the error's ``ctx``
TEMPLATES: dict[str, Translated] = {
    "missing": ui("this field is required"),
    "extra_forbidden": ui("unknown field '{field}'"),
    "literal_error": ui("must be one of {expected}"),
    "enum": ui("must be one of {expected}"),
    "int_parsing": _INTEGER,
    "int_type": _INTEGER,
    "int_from_float": _INTEGER,
    "int_parsing_size": _INTEGER,
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "finite_number": ui("must be a finite number"),
    "bool_parsing": _BOOL,
    "bool_type": _BOOL,
    "string_type": ui("must be text"),
    "string_too_short": ui("must be at least {min_length} characters long"),
    "string_too_long": ui("must be at most {max_length} characters long"),
    "string_pattern_mismatch": ui("does not have the expected form {pattern}"),
    "greater_than": ui("must be greater than {gt}"),
    "greater_than_equal": ui("must be {ge} or more"),
    "less_than": ui("must be less than {lt}"),
    "less_than_equal": ui("must be {le} or less"),
    "multiple_of": ui("must be a multiple of {multiple_of}"),
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "iterable_type": _LIST,
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dataclass_type": _MAPPING,
    "too_short": ui("must have at least {min_length} items"),
    "too_long": ui("must have at most {max_length} items"),
    "date_parsing": _DATE,
    "date_type": _DATE,
    "date_from_datetime_parsing": _DATE,
    "datetime_parsing": ui("must be a date and time written YYYY-MM-DDTHH:MM"),
    "url_parsing": ui("must be a web address starting with https://"),
    "none_required": ui("must be empty"),
}
#: regular expressions of the schemas, said in words
PATTERNS: dict[str, Translated] = {
    r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$": ui(
        "(an id starts with a letter and has only letters, digits and single '-', '.' or '_' between them, e.g. 'LEG-01')"
    ),
    r"^[a-z][a-z0-9-]*$": ui("(lower-case letters, digits and '-', starting with a letter, e.g. 'iraq-dla')"),
}
_GENERIC = ui("is not valid")
_GOT = ui(" (got {input})")
_OR = ui(" or ")
_COMMA = ui(", ")
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

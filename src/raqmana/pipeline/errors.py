"""The error catalogue of the chain's country files (PL…)."""

from __future__ import annotations

from raqmana.problems import Code

COUNTRY_FILE_MISSING = Code(
    "PL001",
    "Country file '{name}' not found.",
    "ملف البلد '{name}' غير موجود.",
    "فایلی وڵاتی '{name}' نەدۆزرایەوە.",
)
COUNTRY_YAML = Code(
    "PL002",
    "Not valid YAML: {reason}.",
    "صيغة YAML غير صحيحة: {reason}.",
    "YAMLـەکە دروست نییە: {reason}.",
)
COUNTRY_FIELD = Code(
    "PL003",
    "{detail}",
    "{detail}",
    "{detail}",
)
UNKNOWN_COUNTRY = Code(
    "PL004",
    "No country file for '{iso3}'; known countries: {known}.",
    "لا يوجد ملف بلد لـ '{iso3}'؛ البلدان المعروفة: {known}.",
    "ھیچ فایلێکی وڵات بۆ '{iso3}' نییە؛ وڵاتە ناسراوەکان: {known}.",
)
DUPLICATE_COUNTRY = Code(
    "PL005",
    "Two country files are for '{iso3}': {files}.",
    "ملفا بلد لـ '{iso3}': {files}.",
    "دوو فایلی وڵات بۆ '{iso3}' ھەن: {files}.",
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

"""Digits inside running text: catalogue sentences and prose written by others, in the reader's digits.

A sentence of the interface ("a score from 0 to 5", "90 % interval") and prose from the framework, the
rule base or the scoring methodology write their numbers in the reader's digits ("(78) لسنة 2012" →
"(٧٨) لسنة ٢٠١٢"); codes (POL.1, 4G, iraq-dla), quarter labels, ISO dates, SDG targets with a letter and
numbers that belong to a Latin name ("ISO 27001", "GTMI 2025") and formulas (``$x^{1/p}$``) stay as written.
"""

from __future__ import annotations

import re

from raqmana.i18n.numbers import localize_digits

_KEEP = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-Q[1-4]|[0-9]{1,2}\.[a-z]\b"
    r"|[A-Za-z][A-Za-z0-9]*(?:[-_.@:/][A-Za-z0-9]+)+(?:\s[0-9][0-9:.-]*)?"
    r"|[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*|[A-Za-z]{2,}\s[0-9][0-9:.-]*"
    r"|\{[A-Za-z_]\w*(?:[.:!][^{}]*)?\}"  # a placeholder of a catalogue sentence ({n}, {v:.1f}), filled later
    r"|\u2066[^\u2069]*\u2069"  # a left-to-right isolate: a citation left as its source writes it
    r"|\$(?=\S)[^$\n]*?[\\_^][^$\n]*?\$"  # a formula (raqmana.reports.formula): Latin letters and digits, as a code
)
_TOKEN = re.compile(rf"(?P<keep>{_KEEP})|(?P<number>[0-9]+(?:[.,][0-9]+)*)")


def prose_digits(text: str, lang: str, digits: str | None = None) -> str:
    """The numbers of ``text`` in the reader's digits, codes and Latin names' numbers left as written."""
    if not text or localize_digits("0", lang, digits) == "0":
        return text

    def swap(m: re.Match[str]) -> str:
        if m.group("keep"):
            return m.group("keep")
        return localize_digits(m.group("number").replace(".", "٫").replace(",", "٬"), lang, digits)

    return _TOKEN.sub(swap, text)

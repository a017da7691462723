"""Reading order of a line of PDF text given in visual order, left to right as it is drawn.

A PDF draws its glyphs left to right whatever the script, so a right-to-left line comes out of the page
(pypdf's layout mode) backwards. Its reading order is the line reversed, except for what the Unicode
bidirectional algorithm (UAX #9) lays out left to right inside it: Latin words with the numbers and
punctuation between them (``ISO 27001``), and numbers with the common separators between their digits
(``2.5``, ``1/2/2025``, ``12:30``). A percent sign, a plus or a hyphen beside a number that follows Arabic
text is laid out right to left, so ``%40`` on the page reads ``40%`` and ``2028-2026`` reads ``2026-2028``.
The text of each glyph is reversed before the line is read (:func:`glyph_text`), so a ligature (lam-alef
``لا``) comes out in the right order.
"""

from __future__ import annotations

import re

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_LATIN = "A-Za-z\u00c0-\u024f"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9\u066b\u066c"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_RTL_CHAR = re.compile(f"[{_RTL}]")
_LETTERS_LATIN = re.compile(f"[{_LATIN}]")
# in the reversed line: a left-to-right run (its characters backwards) that begins, in reading order,
# with a Latin letter, or a number with single common separators between its digits
_NUMBER = re.compile(f"[{_DIGIT}]+(?:[.,:/\u060c\u00a0][{_DIGIT}]+)*")
_LTR_RUN = re.compile(f"[{_LATIN}{_DIGIT}][^{_RTL}\\n]*[{_LATIN}]|[{_LATIN}]|{_NUMBER.pattern}")
# in the visual line of a left-to-right paragraph: an Arabic run, drawn backwards
_RTL_RUN = re.compile(f"[{_RTL}](?:[^{_LATIN}\\n]*[{_RTL}])?")
_LETTER = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
_SPACE_BEFORE_MARK = re.compile(f"(?<=[{_LETTER}])\\s+(?=[{_MARKS}])")
_MARK_BEFORE_LETTER = re.compile(f"(^|\\s)([{_MARKS}]+)([{_LETTER}])")


#: a space the page draws as a glyph, told apart from the spaces layout mode pads columns with
GLYPH_SPACE = "\uffff"
_PADDING_BEFORE_MARK = re.compile(f" +(?=[{_MARKS}])")


def glyph_text(text: str) -> str:
    """A glyph's text as the line is read backwards: reversed when it is more than one right-to-left
    character (a ligature), so that reversing the line puts it right; a space as :data:`GLYPH_SPACE`."""
    if text == " ":
        return GLYPH_SPACE
    return text[::-1] if len(text) > 1 and _RTL_CHAR.search(text) else text


def drawn_spaces(text: str) -> str:
    """Page text with :data:`GLYPH_SPACE` back as spaces, without the padding layout mode put before a
    mark drawn as a glyph of its own (it is placed over its letter, a little right of where the glyph
    before it ends)."""
    return _PADDING_BEFORE_MARK.sub("", text).replace(GLYPH_SPACE, " ")


def has_rtl(text: str) -> bool:
    """Any right-to-left character (Arabic, Hebrew, Syriac, Thaana …)."""
    return _RTL_CHAR.search(text) is not None


def right_to_left(text: str) -> bool:
    """More right-to-left letters than Latin ones."""
    rtl = len(_RTL_CHAR.findall(text))
    return rtl > 0 and rtl >= len(_LETTERS_LATIN.findall(text))


def _rtl_line(visual: str) -> str:
    s = visual[::-1]
    return _LTR_RUN.sub(lambda m: m[0][::-1], s)


def _ltr_line(visual: str) -> str:
    return _RTL_RUN.sub(lambda m: _NUMBER.sub(lambda n: n[0][::-1], m[0][::-1]), visual)


def _marks(text: str) -> str:
    """Marks (tanween, harakat) drawn as glyphs of their own come back beside their letter."""
    text = _SPACE_BEFORE_MARK.sub("", text)
    return _MARK_BEFORE_LETTER.sub(r"\1\3\2", text)


def reading_order(visual: str, *, rtl_page: bool) -> str:
    """The line in reading order. A line with more Arabic than Latin letters is read right to left, a
    line with more Latin ones left to right (its Arabic runs turned round); a line without letters
    (a number, a date) as the page is: right to left on a page of mostly Arabic text."""
    line = re.sub(r"[ \t\u00a0]+", " ", visual).strip()
    rtl = has_rtl(line)
    if right_to_left(line) or (rtl_page and not rtl and _LETTERS_LATIN.search(line) is None):
        return _marks(_rtl_line(line))
    if rtl:
        return _marks(_ltr_line(line))
    return line
